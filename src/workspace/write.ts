/**
 * Atomic, conflict-checked write-back. A plan is written only if the file still holds the text the
 * edit was computed from; the new content goes to a temporary file that is synced and renamed over
 * the plan, so a crash leaves either the old or the new file, never a mix. A lock file serialises
 * the check-and-rename between processes, so concurrent writers lose no update.
 */
import {
  chmodSync,
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { TmError } from '../core/errors.js';

const LOCK_WAIT_MS = 5000;
const LOCK_STALE_MS = 30_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `fn` holding `<path>.taskmark.lock`, created exclusively with the holder's pid and host in it.
 * A lock is broken when it is older than LOCK_STALE_MS, or at once when its holder ran on this host
 * and has died (a crashed or killed taskmark must not block the next edit).
 */
export function withFileLock<T>(path: string, fn: () => T): T {
  const lock = `${path}.taskmark.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid} ${hostname()}\n`);
    } catch (e) {
      if (fd !== undefined) {
        closeSync(fd);
        rmSync(lock, { force: true });
        throw ioError(path, e);
      }
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(path, e);
      breakAbandonedLock(lock);
      if (Date.now() > deadline) {
        throw new TmError(
          'TM_PLAN_CONFLICT',
          `${path}: another taskmark process holds ${basename(lock)}; try again, or delete the lock if no taskmark is running.`,
          { path },
        );
      }
      sleep(5 + Math.random() * 20);
    }
  }
  try {
    return fn();
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}

/** Removes `lock` when it is stale or its holder is dead, if it is still the same file. */
function breakAbandonedLock(lock: string): void {
  try {
    const st = statSync(lock);
    const [pid, host] = readFileSync(lock, 'utf8').trim().split(' ');
    const dead = host === hostname() && pid !== undefined && /^\d+$/.test(pid) && !isAlive(Number(pid));
    if (!dead && Date.now() - st.mtimeMs <= LOCK_STALE_MS) return;
    // Another waiter may have broken it and taken a new lock meanwhile: remove only the file judged.
    if (statSync(lock).ino === st.ino) rmSync(lock, { force: true });
  } catch {
    // The holder removed it between our open and stat: try again.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Test seams of the write path (part of the API, so tests exercise the real code, not a mock of fs). */
export interface WriteHooks {
  /** Runs after the temporary file is written and synced, before it is renamed over the plan. */
  readonly beforeRename?: () => void;
}

/**
 * Writes `next` to `path` if the file still contains exactly `expected`; otherwise throws
 * TM_PLAN_CONFLICT. A symlinked plan is written through the link, so the link stays a link.
 */
export function writePlanAtomic(path: string, expected: string, next: string, hooks: WriteHooks = {}): void {
  const target = resolveTarget(path);
  withFileLock(target, () => {
    const current = readCurrent(path, target);
    // Bytes, not decoded text: a file that became invalid UTF-8 is a conflict too, not a read error.
    if (!current.equals(Buffer.from(expected, 'utf8'))) throw changedConflict(path);
    replaceFile(path, target, next, hooks);
  });
}

/** What a read-modify-write did. */
export interface Rewrite {
  /** The text the file held when the lock was taken. */
  readonly before: string;
  /** The text it holds now. */
  readonly after: string;
  readonly written: boolean;
}

/**
 * Read-modify-write under the lock: `update` gets the file's text as it is now and returns the new
 * text, and no other taskmark process can write the file between the read and the rename. Nothing
 * is written when `update` throws or returns the text unchanged.
 */
export function rewritePlanAtomic(
  path: string,
  update: (current: string) => string,
  hooks: WriteHooks = {},
): Rewrite {
  const target = resolveTarget(path);
  return withFileLock(target, () => {
    const bytes = readCurrent(path, target);
    let before: string;
    try {
      before = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new TmError(
        'TM_PLAN_CONFLICT',
        `${path} changed since it was read and is no longer valid UTF-8; nothing was written.`,
        { path },
      );
    }
    const after = update(before);
    if (after === before) return { before, after, written: false };
    replaceFile(path, target, after, hooks);
    return { before, after, written: true };
  });
}

function changedConflict(path: string): TmError {
  return new TmError(
    'TM_PLAN_CONFLICT',
    `${path} changed since it was read; nothing was written. Run the command again.`,
    { path },
  );
}

/** The file's bytes, read while holding its lock; a file removed meanwhile is a conflict. */
function readCurrent(path: string, target: string): Buffer {
  try {
    return readFileSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(path, e);
    throw new TmError('TM_PLAN_CONFLICT', `${path} was removed since it was read; nothing was written.`, {
      path,
    });
  }
}

/** Temp file beside the plan, written and synced, renamed over it; the folder synced after. */
function replaceFile(path: string, target: string, next: string, hooks: WriteHooks): void {
  const mode = statSync(target).mode & 0o7777;
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      const bytes = Buffer.from(next, 'utf8');
      // A write may take fewer bytes than offered; go on until all are down.
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The umask may have narrowed the mode given to open.
    chmodSync(temp, mode);
    hooks.beforeRename?.();
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    if (e instanceof TmError) throw e;
    throw ioError(path, e);
  }
  syncDirectory(dirname(target));
}

function resolveTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new TmError('TM_PLAN_CONFLICT', `${path} was removed since it was read; nothing was written.`, {
        path,
      });
    throw ioError(path, e);
  }
}

function ioError(path: string, e: unknown): TmError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? `permission denied (${code}); taskmark writes a temporary file beside the plan, so its folder must be writable`
      : (e as Error).message;
  return new TmError('TM_IO', `${path}: could not write: ${why}. The plan is unchanged.`, { path });
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot sync a directory; the rename is still atomic.
  }
}
