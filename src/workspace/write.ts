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
import { basename, dirname, join } from 'node:path';
import { TmError } from '../core/errors.js';

const LOCK_WAIT_MS = 5000;
const LOCK_STALE_MS = 30_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `fn` holding `<path>.taskmark.lock` (created exclusively; stale locks are broken). */
export function withFileLock<T>(path: string, fn: () => T): T {
  const lock = `${path}.taskmark.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(path, e);
      try {
        if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { force: true });
      } catch {
        // The holder removed it between our open and stat: try again.
      }
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

/**
 * Writes `next` to `path` if the file still contains exactly `expected`; otherwise throws
 * TM_PLAN_CONFLICT. A symlinked plan is written through the link, so the link stays a link.
 */
export function writePlanAtomic(
  path: string,
  expected: string,
  next: string,
  hooks: { beforeRename?: () => void } = {},
): void {
  const target = resolveTarget(path);
  withFileLock(target, () => {
    let current: Buffer;
    try {
      current = readFileSync(target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(path, e);
      throw new TmError('TM_PLAN_CONFLICT', `${path} was removed since it was read; nothing was written.`, {
        path,
      });
    }
    // Bytes, not decoded text: a file that became invalid UTF-8 is a conflict too, not a read error.
    if (!current.equals(Buffer.from(expected, 'utf8'))) {
      throw new TmError(
        'TM_PLAN_CONFLICT',
        `${path} changed since it was read; nothing was written. Run the command again.`,
        { path },
      );
    }
    const mode = statSync(target).mode & 0o7777;
    const temp = join(
      dirname(target),
      `.${basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`,
    );
    try {
      const fd = openSync(temp, 'wx', mode);
      try {
        writeSync(fd, Buffer.from(next, 'utf8'));
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
  });
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
