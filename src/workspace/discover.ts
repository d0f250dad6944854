/** Finding plan files: explicit files, directories and globs, or the plans under the current directory. */
import { existsSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { TmError } from '../core/errors.js';

/** File names that are plans: TODO, ROADMAP, PLAN, TASKS, BACKLOG, CHECKLIST as whole words, any case and extension. */
const PLAN_NAME_RE = /(?:^|[^a-z])(?:todos?|roadmaps?|plans?|tasks?|backlogs?|checklists?)(?:[^a-z]|$)/i;
const TEXT_EXT = '{md,markdown,mdx,txt,org,text}';
const ALWAYS_IGNORED = [
  '**/node_modules/**',
  '**/.git/**',
  '**/dist/**',
  '**/.taskmark/**',
  '**/coverage/**',
];

/**
 * The plan files named by `args` (files, directories, globs), or found under `cwd` when there are
 * none: paths relative to `cwd` (absolute when outside it), sorted, each file once.
 */
export async function discoverPlans(args: readonly string[], cwd: string): Promise<string[]> {
  if (args.length === 0) return unique(await findPlanFiles(cwd), cwd);
  const out: string[] = [];
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const st = statOrNull(abs);
    // Plain files are the common case: the glob library is loaded only when a pattern needs it.
    if (st?.isFile()) out.push(abs);
    else if (st?.isDirectory()) out.push(...(await findPlanFiles(abs, true)));
    else if (st)
      out.push(abs); // a FIFO or device: the reader says what is wrong with it
    else {
      const { glob } = await import('tinyglobby');
      const matches = await glob(arg, {
        cwd,
        ignore: ALWAYS_IGNORED,
        onlyFiles: true,
        followSymbolicLinks: false,
        absolute: true,
        dot: false,
      });
      if (matches.length === 0) {
        throw new TmError(
          'TM_NOT_FOUND',
          `${arg}: no such file, and no file matches it as a glob. Quote globs ("docs/**/*.md") so the shell leaves them to taskmark.`,
          { arg },
        );
      }
      for (const m of matches) out.push(m);
    }
  }
  return unique(out, cwd);
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Sorted paths relative to `cwd`, each file once even when named twice or reached through a link. */
function unique(absolute: readonly string[], cwd: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of [...new Set(absolute.map((a) => resolve(a)))].sort()) {
    let real: string;
    try {
      real = realpathSync(f);
    } catch {
      real = f;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    out.push(relativeTo(cwd, f));
  }
  return out.sort();
}

function relativeTo(cwd: string, f: string): string {
  const r = relative(cwd, f);
  return r === '' || r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r) ? f : r;
}

/** Absolute paths of plan-looking files under `root` (all markdown files when `anyMarkdown`), honouring .gitignore files. */
async function findPlanFiles(root: string, anyMarkdown = false): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const { default: ignore } = await import('ignore');
  const files = await glob(`**/*.${TEXT_EXT}`, {
    cwd: root,
    ignore: ALWAYS_IGNORED,
    onlyFiles: true,
    followSymbolicLinks: false,
    caseSensitiveMatch: false,
    absolute: true,
  });
  const realRoot = realpathSync(root);
  const ig = gitignoreFor(root, files, ignore);
  return files
    .filter((f) =>
      anyMarkdown
        ? /\.(?:md|markdown|mdx)$/i.test(f) || PLAN_NAME_RE.test(basename(f))
        : PLAN_NAME_RE.test(basename(f).replace(/\.[^.]+$/, '')),
    )
    .filter((f) => !ig(f))
    .filter((f) => {
      // Never follow a link out of the workspace.
      try {
        const real = realpathSync(f);
        return real === realRoot || real.startsWith(realRoot + sep);
      } catch {
        return false;
      }
    })
    .sort();
}

/** A predicate telling whether a file is ignored by the .gitignore files of its folders up to `root`. */
interface Ignorer {
  add(rules: string): Ignorer;
  ignores(path: string): boolean;
}

function gitignoreFor(
  root: string,
  files: readonly string[],
  ignore: () => Ignorer,
): (file: string) => boolean {
  const dirs = new Set<string>();
  for (const f of files) {
    let d = resolve(f, '..');
    while (d.startsWith(root)) {
      dirs.add(d);
      if (d === root) break;
      d = resolve(d, '..');
    }
  }
  const rules: { dir: string; ig: Ignorer }[] = [];
  for (const d of dirs) {
    const gi = join(d, '.gitignore');
    if (existsSync(gi)) rules.push({ dir: d, ig: ignore().add(readFileSync(gi, 'utf8')) });
  }
  return (file) =>
    rules.some(({ dir, ig }) => {
      if (!file.startsWith(dir + sep)) return false;
      return ig.ignores(relative(dir, file).split(sep).join('/'));
    });
}
