/** Reading plan files safely: size limit, binary detection, strict UTF-8 with the exact bad byte reported. */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { TmError } from '../core/errors.js';

/** Files larger than this are refused (override with `maxBytes`). */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const SNIFF_BYTES = 8192;
/** Share of control bytes (other than tab, line breaks, form feed and escape) above which a file is binary. */
const MAX_CONTROL_RATIO = 0.1;

export interface PlanFile {
  readonly path: string;
  /** The decoded text, BOM included as U+FEFF, so encoding it again gives back the same bytes. */
  readonly text: string;
  readonly mtimeMs: number;
  readonly size: number;
}

/** Reads a plan file as text, refusing binary, oversized and invalid UTF-8 files with a clear error. */
export function readPlanFile(path: string, maxBytes = DEFAULT_MAX_BYTES): PlanFile {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw readError(path, e);
  }
  try {
    // One descriptor for stat and read, so the size checked is the size of the bytes read.
    const st = fstatSync(fd);
    if (!st.isFile()) throw new TmError('TM_BAD_INPUT', `${path}: not a regular file.`, { path });
    if (st.size > maxBytes) {
      throw new TmError(
        'TM_TOO_LARGE',
        `${path}: the file is ${formatBytes(st.size)}, over the ${formatBytes(maxBytes)} limit for a plan; split the plan into several files.`,
        { path, size: st.size, limit: maxBytes },
      );
    }
    const bytes = readFileSync(fd);
    return { path, text: decodePlan(path, bytes), mtimeMs: st.mtimeMs, size: bytes.length };
  } catch (e) {
    if (e instanceof TmError) throw e;
    throw readError(path, e);
  } finally {
    closeSync(fd);
  }
}

function readError(path: string, e: unknown): TmError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new TmError('TM_NOT_FOUND', `${path}: no such file.`, { path });
  if (code === 'EISDIR') return new TmError('TM_BAD_INPUT', `${path}: is a directory, not a plan file.`);
  if (code === 'EACCES' || code === 'EPERM')
    return new TmError('TM_IO', `${path}: permission denied; check the file's permissions.`, { path });
  return new TmError('TM_IO', `${path}: cannot read the file (${code ?? (e as Error).message}).`, { path });
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KB`;
  return `${n} bytes`;
}

/** Decodes bytes as UTF-8 exactly (the BOM is kept as U+FEFF so the text writes back byte for byte). */
export function decodePlan(path: string, bytes: Uint8Array): string {
  const binary = binaryReason(bytes.subarray(0, SNIFF_BYTES));
  if (binary) {
    throw new TmError(
      'TM_BINARY_FILE',
      `${path}: looks like a binary file (${binary}); taskmark reads text plans only, so name a markdown or text file.`,
      { path },
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = countLines(bytes, at);
    throw new TmError(
      'TM_BAD_ENCODING',
      `${path}: not valid UTF-8 (bad byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}, line ${line}); convert the file to UTF-8, e.g. \`iconv -f WINDOWS-1252 -t UTF-8\`.`,
      { path, offset: at, line },
    );
  }
}

/** Why the sniffed bytes look binary, or null when they look like text. */
function binaryReason(sniff: Uint8Array): string | null {
  let control = 0;
  // An indexed loop: every file an import reads passes through here, and iterating a typed array
  // with for-of costs many times more.
  for (let i = 0; i < sniff.length; i++) {
    const b = sniff[i]!;
    if (b === 0) return 'it contains NUL bytes';
    // Tab, LF, VT, FF, CR and ESC (ANSI colours in pasted logs) occur in text.
    if (b < 0x20 && (b < 0x09 || b > 0x0d) && b !== 0x1b) control++;
    else if (b === 0x7f) control++;
  }
  if (sniff.length > 0 && control / sniff.length > MAX_CONTROL_RATIO) {
    return `${Math.round((control / sniff.length) * 100)}% of its first bytes are control characters`;
  }
  return null;
}

function countLines(bytes: Uint8Array, end: number): number {
  let n = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 10) n++;
  return n;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    const second = b[i + 1];
    if (second === undefined) return i;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || x < 0x80 || x > 0xbf) return i;
    }
    i += n + 1;
  }
  return b.length;
}
