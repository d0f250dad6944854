/**
 * The parse cache: a plan's model kept on disk in the user's cache directory, so a command run again
 * on an unchanged plan reads the model back instead of parsing the text anew. A parse that runs once in
 * a fresh process runs mostly in V8's interpreter and costs several times a warm parse; reading the
 * model back costs a fraction of that (`npm run bench:cli` measures both).
 *
 * One entry per plan path and set of parse options, so the cache holds at most one model per plan.
 * An entry is used only when it was written by this very build, for the same path and options, from
 * exactly the same text (the text is stored in the entry and compared in full: no hash to collide).
 * The cache is best effort: an entry that cannot be read, is damaged or stale is a miss, and a cache
 * that cannot be written is skipped; neither is ever an error, and plan files are never touched.
 *
 * Entries are V8's structured-clone serialisation (`node:v8`), which keeps shared references (the
 * items in `byKey` are the items of `items`) and typed arrays; a model read back is deep-equal to
 * the model parsed (a property test checks it on generated plans).
 */
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DefaultDeserializer, DefaultSerializer } from 'node:v8';
import type { Plan } from '../core/model.js';

/** Bumped when the entry layout changes (the build ID already changes with the model's code). */
const FORMAT = 1;
/** Larger plans are not cached: their model takes about 15 bytes per character of text on disk. */
const MAX_TEXT_CHARS = 1024 * 1024;
/** Entries not written for this long are removed, then the oldest until the cache is under its size. */
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
/** Pruning lists the directory at most this often (a marker file's time records the last run). */
const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;
const PRUNE_MARKER = '.pruned';

declare const __TASKMARK_BUILD__: string | undefined;

/**
 * The ID of this build: a hash of the sources and version, set by `scripts/build.mjs`. Code run from
 * source (tests, `tsx`) has none, and then caches nothing unless a test passes its own.
 */
export const BUILD_ID: string | null = typeof __TASKMARK_BUILD__ === 'string' ? __TASKMARK_BUILD__ : null;

/** What a model depends on besides its text. */
export interface CacheKey {
  /** The plan's absolute path. */
  readonly path: string;
  readonly hoursPerDay: number;
}

interface EntryMeta {
  readonly format: number;
  readonly build: string;
  readonly path: string;
  readonly hoursPerDay: number;
}

/**
 * The cache directory: `TASKMARK_CACHE_DIR` when set, else the user's cache directory
 * (`$XDG_CACHE_HOME/taskmark/plans`, `~/.cache/taskmark/plans`, or `%LOCALAPPDATA%\taskmark\plans`).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TASKMARK_CACHE_DIR) return env.TASKMARK_CACHE_DIR;
  const base =
    env.XDG_CACHE_HOME ||
    (process.platform === 'win32' && env.LOCALAPPDATA ? env.LOCALAPPDATA : join(homedir(), '.cache'));
  return join(base, 'taskmark', 'plans');
}

export class ParseCache {
  constructor(
    private readonly dir: string,
    private readonly build: string,
  ) {}

  /** The model cached for this text, path and options, or null. */
  load(key: CacheKey, text: string, file: string): Plan | null {
    if (text.length > MAX_TEXT_CHARS) return null;
    let bytes: Buffer;
    try {
      const fd = openSync(this.entryPath(key), 'r');
      try {
        if (!ownEntry(fstatSync(fd))) return null;
        bytes = readFileSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      return null;
    }
    try {
      const d = new DefaultDeserializer(bytes);
      d.readHeader();
      const meta = d.readValue() as EntryMeta;
      if (
        meta.format !== FORMAT ||
        meta.build !== this.build ||
        meta.path !== key.path ||
        meta.hoursPerDay !== key.hoursPerDay ||
        d.readValue() !== text
      ) {
        return null;
      }
      const plan = d.readValue() as Plan & { text: string; file: string };
      if (!Array.isArray(plan.items) || !(plan.byKey instanceof Map)) return null;
      // The text is the caller's (the same characters); the path as the user named it may differ.
      plan.text = text;
      plan.file = file;
      // Typed arrays read back are views into the entry's bytes: copy them so the bytes can go.
      const lines = plan.lines as { start: Uint32Array; end: Uint32Array };
      lines.start = lines.start.slice();
      lines.end = lines.end.slice();
      return plan;
    } catch {
      return null;
    }
  }

  /** Stores the model parsed from `plan.text`; a failure to write leaves the cache as it was. */
  save(key: CacheKey, plan: Plan): void {
    if (plan.text.length > MAX_TEXT_CHARS) return;
    const target = this.entryPath(key);
    const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      const s = new DefaultSerializer();
      s.writeHeader();
      s.writeValue({ format: FORMAT, build: this.build, path: key.path, hoursPerDay: key.hoursPerDay });
      s.writeValue(plan.text);
      // The text is stored once, above; the path as named is the caller's on every load.
      s.writeValue({ ...plan, text: '', file: '' });
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      writeFileSync(temp, s.releaseBuffer(), { mode: 0o600 });
      // Rename is atomic: a concurrent reader sees the old entry or the new one, never a part.
      renameSync(temp, target);
    } catch {
      try {
        rmSync(temp, { force: true });
      } catch {
        // The directory itself is unusable: there is no temporary file to remove.
      }
      return;
    }
    this.pruneSometimes(Date.now());
  }

  /** Removes entries not written for MAX_AGE_MS, then the oldest while over MAX_TOTAL_BYTES. */
  prune(now: number): void {
    const entries: { path: string; mtime: number; size: number }[] = [];
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.bin') && !name.endsWith('.tmp')) continue;
      const path = join(this.dir, name);
      try {
        const st = statSync(path);
        entries.push({ path, mtime: st.mtimeMs, size: st.size });
      } catch {
        // Removed meanwhile by another process.
      }
    }
    entries.sort((a, b) => a.mtime - b.mtime);
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    for (const e of entries) {
      if (e.mtime >= now - MAX_AGE_MS && total <= MAX_TOTAL_BYTES) break;
      rmSync(e.path, { force: true });
      total -= e.size;
    }
  }

  private pruneSometimes(now: number): void {
    const marker = join(this.dir, PRUNE_MARKER);
    try {
      let last = 0;
      try {
        const fd = openSync(marker, 'r');
        last = fstatSync(fd).mtimeMs;
        closeSync(fd);
      } catch {
        writeFileSync(marker, '', { mode: 0o600 });
      }
      if (now - last < PRUNE_EVERY_MS) return;
      utimesSync(marker, now / 1000, now / 1000);
      this.prune(now);
    } catch {
      // Pruning is housekeeping: a failure leaves a larger cache, nothing worse.
    }
  }

  /** One file per path and options: a hash names it (a collision only costs a miss: meta is checked). */
  private entryPath(key: CacheKey): string {
    return join(this.dir, `${fnv1a(`${key.path}\u0000${key.hoursPerDay}`)}.bin`);
  }
}

/**
 * Whether an entry is this user's own and nobody else could have written it: a cache directory
 * shared by mistake (a TASKMARK_CACHE_DIR under /tmp) must not let another user feed a model in.
 */
function ownEntry(st: Stats): boolean {
  const uid = process.getuid?.();
  return uid === undefined || (st.uid === uid && (st.mode & 0o022) === 0);
}

/**
 * Two 32-bit FNV-1a hashes (different offset bases) of a string's UTF-16 code units, as 16 hex digits.
 * Written here rather than taken from `node:crypto`, whose loading alone costs a few milliseconds of
 * a command's start-up; the file name it gives needs no resistance to collisions.
 */
function fnv1a(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
