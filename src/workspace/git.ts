/**
 * Git, read-only: a file's history following renames, and blob contents. Git runs with argument
 * arrays, never through a shell, so no path or ref can inject a command; blobs are read by one
 * long-lived `git cat-file --batch` process, not one process per version.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { TmError } from '../core/errors.js';

/** One commit that touched a file, as `git log --follow` reports it. */
export interface GitFileCommit {
  readonly commit: string;
  /** Committer date, ISO 8601 with the committer's offset. */
  readonly date: string;
  readonly authorDate: string;
  readonly author: string;
  readonly subject: string;
  /** The file's path at this commit, relative to the repository root, `/`-separated. */
  readonly path: string;
  /** The file's blob after the commit, or null when the commit deleted it. */
  readonly blob: string | null;
}

/**
 * Options every git command gets: no pager, no signature checks, paths printed as they are, and
 * paths given taken literally (a plan named `[draft] TODO.md` is not a character-class glob).
 */
const BASE = [
  '-c',
  'core.quotepath=off',
  '-c',
  'log.showSignature=false',
  '--no-pager',
  '--literal-pathspecs',
];

/** Runs git with `args` in `cwd`; resolves with stdout, rejects with TM_IO carrying git's message. */
function git(args: readonly string[], cwd: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...BASE, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(spawnError(e)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else {
        const message = Buffer.concat(err).toString('utf8').trim() || `git exited with code ${code}`;
        reject(new TmError('TM_IO', `git ${args[0]} failed: ${message}`, { args: [...args], code }));
      }
    });
  });
}

function spawnError(e: Error): TmError {
  const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
  return new TmError(
    'TM_IO',
    missing ? 'git is not installed or not on the PATH; install git to read history.' : `git: ${e.message}`,
  );
}

/** The root of the repository containing `cwd`; TM_NOT_FOUND when there is none. */
export async function repositoryRoot(cwd: string): Promise<string> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
  } catch (e) {
    if (e instanceof TmError && e.code === 'TM_IO' && /not a git repository/i.test(e.message)) {
      throw new TmError(
        'TM_NOT_FOUND',
        `${cwd} is not inside a git repository; history reads the plan's versions from git.`,
      );
    }
    throw e;
  }
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * The commits that changed `path` (relative to `root`), oldest first, following renames. Only the
 * first-parent line is walked, so a merged branch counts as its merge commit: one point per step
 * of the main line, in the order the plan changed there.
 */
export async function fileHistory(root: string, path: string): Promise<GitFileCommit[]> {
  const out = await git(
    [
      'log',
      '--follow',
      '--first-parent',
      '-M',
      '--no-abbrev',
      '--raw',
      '--no-color',
      '--no-ext-diff',
      '-z',
      `--format=${RECORD}%H${FIELD}%cI${FIELD}%aI${FIELD}%an${FIELD}%s`,
      '--',
      path,
    ],
    root,
  ).catch((e: unknown) => {
    // A repository without commits has no history yet, which is not an error.
    if (e instanceof TmError && /does not have any commits yet/.test(e.message)) return Buffer.alloc(0);
    throw e;
  });
  const commits: GitFileCommit[] = [];
  for (const record of out.toString('utf8').split(RECORD)) {
    if (record === '') continue;
    const parsed = parseRecord(record);
    if (parsed) commits.push(parsed);
  }
  return commits.reverse();
}

/** One `--raw -z` record: the header fields, then `:modes blobs status\0path\0[path\0]`. */
function parseRecord(record: string): GitFileCommit | null {
  const end = record.indexOf('\0');
  const [commit, date, authorDate, author, subject] = record.slice(0, end < 0 ? undefined : end).split(FIELD);
  if (!commit || date === undefined || authorDate === undefined || author === undefined) return null;
  const tokens = record
    .slice(end + 1)
    .replace(/^\n/, '')
    .split('\0');
  const i = tokens.findIndex((t) => t.startsWith(':'));
  // A commit listed without a change of the file (a merge on the followed line) changes nothing.
  if (i < 0) return null;
  const [, , , blob, status] = tokens[i]!.split(' ');
  const renamed = status?.startsWith('R') || status?.startsWith('C');
  const path = renamed ? tokens[i + 2] : tokens[i + 1];
  if (blob === undefined || status === undefined || path === undefined) return null;
  return {
    commit,
    date,
    authorDate,
    author,
    subject: subject ?? '',
    path,
    blob: status === 'D' || /^0+$/.test(blob) ? null : blob,
  };
}

/** A blob read from the object database. */
export interface Blob {
  readonly type: string;
  readonly bytes: Buffer;
}

/**
 * Reads objects through one `git cat-file --batch` process. Requests are answered in the order
 * they are written, so each read is a queued promise resolved as its reply arrives.
 */
export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: { resolve: (b: Blob) => void; reject: (e: Error) => void; sha: string }[] = [];
  private chunks: Buffer[] = [];
  private length = 0;
  /** Bytes the reply being received needs before it can be parsed (0: unknown yet). */
  private needed = 0;
  private failure: Error | null = null;

  constructor(root: string) {
    this.child = spawn('git', [...BASE, 'cat-file', '--batch'], { cwd: root });
    this.child.stdout.on('data', (b: Buffer) => this.receive(b));
    this.child.stderr.resume();
    this.child.on('error', (e) => this.fail(spawnError(e)));
    this.child.on('close', (code) => {
      if (this.waiting.length > 0) this.fail(new TmError('TM_IO', `git cat-file exited with code ${code}.`));
    });
  }

  /** The object `sha`; rejects with TM_NOT_FOUND when the repository does not have it. */
  read(sha: string): Promise<Blob> {
    if (!/^[0-9a-f]{40,64}$/.test(sha)) {
      return Promise.reject(new TmError('TM_BAD_INPUT', `"${sha}" is not an object id.`));
    }
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject, sha });
      this.child.stdin.write(`${sha}\n`);
    });
  }

  /** Ends the git process. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('close', () => resolve());
      this.child.stdin.end();
    });
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    // A large blob arrives in many chunks: join them once it is complete, not on every chunk.
    if (this.length < this.needed) return;
    let buffer = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    for (;;) {
      const nl = buffer.indexOf(10);
      if (nl < 0) break;
      const header = buffer.subarray(0, nl).toString('utf8');
      const next = this.waiting[0];
      if (!next) {
        this.fail(new TmError('TM_IO', `git cat-file sent an unexpected reply: ${header}`));
        return;
      }
      if (/^\S+ missing$/.test(header)) {
        buffer = buffer.subarray(nl + 1);
        this.waiting.shift();
        next.reject(new TmError('TM_NOT_FOUND', `git has no object ${next.sha}.`));
        continue;
      }
      const m = /^(\S+) (\S+) (\d+)$/.exec(header);
      if (!m) {
        this.fail(new TmError('TM_IO', `git cat-file sent an unexpected reply: ${header}`));
        return;
      }
      // The content, then one newline.
      const end = nl + 1 + Number(m[3]);
      if (buffer.length < end + 1) {
        this.needed = end + 1;
        break;
      }
      const bytes = Buffer.from(buffer.subarray(nl + 1, end));
      buffer = buffer.subarray(end + 1);
      this.waiting.shift();
      next.resolve({ type: m[2]!, bytes });
      this.needed = 0;
    }
    this.chunks = buffer.length === 0 ? [] : [buffer];
    this.length = buffer.length;
  }

  private fail(e: Error): void {
    this.failure = e;
    for (const w of this.waiting.splice(0)) w.reject(e);
    this.child.kill();
  }
}
