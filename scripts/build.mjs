// Builds dist/: the CLI (src/main.ts, its commands and the server split into chunks loaded on
// demand) and the import worker, as ES modules for Node 20.
//
// Packages stay external (installed beside dist/), except the two every command loads at start-up:
// bundled, commander and picocolors are compiled with the CLI's own chunk instead of being loaded as
// eight CommonJS files through Node's CommonJS loader. Bundled CommonJS code calls `require` for
// Node's built-in modules, which an ES module does not have: the banner gives each chunk one.
//
// Each build gets an ID, a hash of every source file and the package version, which the parse cache
// writes into its entries: a model cached by one build is never read back by another.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const BUNDLED = new Set(['commander', 'picocolors']);

/** The package an import path names (`@scope/name` or `name`), or null for a relative or built-in path. */
function packageOf(path) {
  if (path.startsWith('.') || path.startsWith('/') || path.startsWith('node:')) return null;
  const parts = path.split('/');
  return path.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

const root = new URL('..', import.meta.url).pathname;

/** sha256 over the version and each file under src/ (path and bytes, in sorted order). */
function buildId() {
  const hash = createHash('sha256');
  hash.update(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
  for (const file of files) hash.update(`\0${file.slice(root.length)}\0`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 32);
}

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts', 'src/workspace/import-worker.ts'],
  absWorkingDir: root,
  define: { __TASKMARK_BUILD__: JSON.stringify(buildId()) },
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
