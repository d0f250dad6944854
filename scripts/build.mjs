// Builds dist/: the CLI (src/main.ts, its commands and the server split into chunks loaded on
// demand) and the import worker, as ES modules for Node 20.
//
// Packages stay external (installed beside dist/), except the two every command loads at start-up:
// bundled, commander and picocolors are compiled with the CLI's own chunk instead of being loaded as
// eight CommonJS files through Node's CommonJS loader. Bundled CommonJS code calls `require` for
// Node's built-in modules, which an ES module does not have: the banner gives each chunk one.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const BUNDLED = new Set(['commander', 'picocolors']);

/** The package an import path names (`@scope/name` or `name`), or null for a relative or built-in path. */
function packageOf(path) {
  if (path.startsWith('.') || path.startsWith('/') || path.startsWith('node:')) return null;
  const parts = path.split('/');
  return path.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts', 'src/workspace/import-worker.ts'],
  absWorkingDir: new URL('..', import.meta.url).pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  entryNames: '[name]',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  plugins: [
    {
      name: 'external-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          const name = packageOf(args.path);
          return name === null || BUNDLED.has(name) ? undefined : { path: args.path, external: true };
        });
      },
    },
  ],
});
