/** Scratch git repositories for tests: real git, fixed authors and dates, no user or system config. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ISOLATED = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Ada',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
};

export interface ScratchRepo {
  readonly dir: string;
  write(path: string, text: string | Buffer): void;
  /** Runs git; throws with git's message when it fails. */
  git(...args: string[]): string;
  /** Stages everything and commits at `date` (YYYY-MM-DD, noon UTC). */
  commit(date: string, message: string, author?: string): string;
  remove(): void;
}

export function scratchRepo(): ScratchRepo {
  const dir = mkdtempSync(join(tmpdir(), 'taskmark-git-'));
  const run = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...ISOLATED, ...env },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  run(['init', '-q', '-b', 'main']);
  return {
    dir,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    git: (...args) => run(args),
    commit(date, message, author = 'Ada') {
      const at = `${date}T12:00:00Z`;
      run(['add', '-A']);
      run(['commit', '-q', '--allow-empty', '-m', message], {
        GIT_AUTHOR_DATE: at,
        GIT_COMMITTER_DATE: at,
        GIT_AUTHOR_NAME: author,
      });
      return run(['rev-parse', 'HEAD']);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
