/**
 * Encoding damage (mojibake): UTF-8 text that was decoded with a single-byte code page
 * (Windows-1252, Windows-1254 or Latin-1) and saved again, so `✅` reads `âœ…` and `🚀` reads `ðŸš€`.
 *
 * The rule is exact, not a list of known strings. Every character is mapped back to the byte it
 * stands for in the code page. Where those bytes form a valid UTF-8 sequence (a lead byte 0xC2–0xF4
 * and the right number of continuation bytes 0x80–0xBF; no overlong form, no surrogate, nothing past
 * U+10FFFF), its 2–4 characters are the image of one character, and decoding them is a lossless
 * repair that leaves fewer characters. A run is a maximal sequence of such sequences that one code
 * page explains; the page that explains the longest run wins (ties: 1252, then 1254, then Latin-1).
 * Legitimate text does not match: in `café`, `naïve` or `Größe` a lead-byte letter is followed by
 * another letter, not by a continuation character (`€`–`Ÿ` and NBSP–`¿` in these pages).
 *
 * Lost text is reported and never guessed: U+FFFD; its own mojibake `ï¿½`; a sequence with U+FFFD
 * where a byte the code page has no character for stood (`â\uFFFDŒ`, ❌ = E2 9D 8C) — all three of
 * kind 'replacement-char' — and a sequence whose undefined byte a tool dropped (`â³`, ⏳ = E2 8F B3),
 * which is mojibake that cannot be repaired.
 *
 * UTF-8 is encoded and decoded by hand: core has no platform APIs (its lib has no TextEncoder or
 * TextDecoder, and Node's `windows-1252` decoder is Latin-1 anyway), and strict decoding sequence by
 * sequence is what gives exact spans and the exact point where a partly damaged run stops.
 */
import type { EncodingAnomaly } from '../model.js';
import {
  ALL_PAGES,
  BYTE_OF,
  CHAR_OF,
  CODE_PAGES,
  type CodePage,
  firstPage,
  PAGES_OF,
  TABLE_SIZE,
  UNDEFINED_BYTES,
} from './codepages.js';
import type { Lines } from './lines.js';
import { hasShortcode, shortcodeRuns } from './shortcodes.js';

const REPLACEMENT = 0xfffd;

/** Characters that stand for a UTF-8 lead byte (0xC2–0xF4) in some page, and U+FFFD. */
const CANDIDATE_SOURCE = (() => {
  let cls = '';
  for (let c = 0; c < TABLE_SIZE; c++) {
    const b = BYTE_OF[c]!;
    if (b >= 0xc2 && b <= 0xf4) cls += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `[${cls}\\ufffd]`;
})();
const CANDIDATE = new RegExp(CANDIDATE_SOURCE, 'g');
const HAS_CANDIDATE = new RegExp(CANDIDATE_SOURCE);

/** Pages with bytes they have no character for; only these can lose a byte. */
const LOSSY_PAGES = CODE_PAGES.reduce((m, p, k) => (UNDEFINED_BYTES[p].length > 0 ? m | (1 << k) : m), 0);

function continuations(lead: number): number {
  return lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
}

/** Whether `lead` accepts continuation byte `b` right after it: refuses overlongs, surrogates, > U+10FFFF. */
function secondByteOk(lead: number, b: number): boolean {
  switch (lead) {
    case 0xe0:
      return b >= 0xa0;
    case 0xed:
      return b <= 0x9f;
    case 0xf0:
      return b >= 0x90;
    case 0xf4:
      return b <= 0x8f;
    default:
      return true;
  }
}

/** By lead byte and page mask: whether a byte that a page of the mask has no character for can follow the lead. */
const MASKS = ALL_PAGES + 1;
const LOST_CAN_FOLLOW = new Uint8Array(256 * MASKS);
for (let lead = 0; lead < 256; lead++) {
  for (let mask = 0; mask < MASKS; mask++) {
    const can = CODE_PAGES.some(
      (p, k) => (mask & (1 << k)) !== 0 && UNDEFINED_BYTES[p].some((u) => secondByteOk(lead, u)),
    );
    LOST_CAN_FOLLOW[lead * MASKS + mask] = can ? 1 : 0;
  }
}

function lostByteCanFollow(lead: number, pages: number): boolean {
  return LOST_CAN_FOLLOW[lead * MASKS + pages] === 1;
}

/** The continuation byte character `c` stands for in a page of `pages`, or -1. */
function continuationOf(c: number, pages: number): number {
  if (!(c < TABLE_SIZE) || (PAGES_OF[c]! & pages) === 0) return -1;
  const b = BYTE_OF[c]!;
  return b >= 0x80 && b <= 0xbf ? b : -1;
}

// Set by `sequenceAt` (kept out of a result object: this runs once per damaged character).
let seqPages = 0;
let seqLength = 0;

/**
 * Decodes the UTF-8 sequence whose bytes the characters from `i` stand for, in a page of `pages`.
 * Returns the code point and sets `seqPages` (the pages that explain it) and `seqLength`, or -1.
 */
function sequenceAt(s: string, i: number, pages: number): number {
  const c0 = s.charCodeAt(i);
  if (!(c0 < TABLE_SIZE)) return -1;
  const lead = BYTE_OF[c0]!;
  if (lead < 0xc2 || lead > 0xf4) return -1;
  let m = pages & PAGES_OF[c0]!;
  const n = continuations(lead);
  let cp = lead & (0x3f >> n);
  for (let k = 1; k <= n; k++) {
    const b = continuationOf(s.charCodeAt(i + k), m);
    if (b < 0 || (k === 1 && !secondByteOk(lead, b))) return -1;
    m &= PAGES_OF[s.charCodeAt(i + k)]!;
    cp = (cp << 6) | (b & 0x3f);
  }
  if (m === 0) return -1;
  seqPages = m;
  seqLength = n + 1;
  return cp;
}

/** An anomaly while it is found: a run of lost text grows, the page is known at the end of a run. */
interface Piece {
  span: { start: number; end: number };
  line: number;
  kind: EncodingAnomaly['kind'];
  codePage: CodePage | null;
  /** Repaired once; `repairAgain` finishes text damaged more than once. */
  repaired: string | null;
}

function piece(
  start: number,
  end: number,
  kind: Piece['kind'],
  codePage: CodePage | null,
  repaired: string | null,
) {
  return { span: { start, end }, line: 0, kind, codePage, repaired };
}

/** Scratch buffer for decoded UTF-16 units. */
let units = new Uint16Array(4096);

function unitsToString(length: number, buf = units): string {
  if (length === 1) return String.fromCharCode(buf[0]!);
  if (length === 2) return String.fromCharCode(buf[0]!, buf[1]!);
  let out = '';
  for (let k = 0; k < length; k += 8192)
    out += String.fromCharCode(...buf.subarray(k, Math.min(length, k + 8192)));
  return out;
}

function pushLost(pieces: Piece[], start: number, end: number): void {
  const last = pieces[pieces.length - 1];
  if (last && last.kind === 'replacement-char' && last.span.end === start) last.span.end = end;
  else pieces.push(piece(start, end, 'replacement-char', null, null));
}

/**
 * The longest run of valid sequences from `i` that one page explains, pushed as mojibake pieces
 * (split where a sequence decodes to U+FFFD: `ï¿½` is a lost character, not repairable). Returns
 * the run's end, or `i` when there is none.
 */
function runAt(s: string, i: number, pieces: Piece[]): number {
  const first = pieces.length;
  let pages = ALL_PAGES;
  let j = i;
  let u = 0;
  let from = i;
  for (let cp = sequenceAt(s, j, pages); cp >= 0; cp = sequenceAt(s, j, pages)) {
    pages = seqPages;
    if (cp === REPLACEMENT) {
      if (j > from) pieces.push(piece(from, j, 'mojibake', null, unitsToString(u)));
      pushLost(pieces, j, j + seqLength);
      from = j + seqLength;
      u = 0;
    } else {
      if (u + 2 > units.length) {
        const grown = new Uint16Array(units.length * 2);
        grown.set(units);
        units = grown;
      }
      if (cp >= 0x10000) {
        units[u++] = 0xd800 + ((cp - 0x10000) >> 10);
        units[u++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      } else {
        units[u++] = cp;
      }
    }
    j += seqLength;
  }
  if (j > from) pieces.push(piece(from, j, 'mojibake', null, unitsToString(u)));
  if (j > i) {
    const page = firstPage(pages);
    for (let k = first; k < pieces.length; k++)
      if (pieces[k]!.kind === 'mojibake') pieces[k]!.codePage = page;
  }
  return j;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * A lead at `i` whose sequence lost a byte its page has no character for: written as U+FFFD
 * (`â\uFFFDŒ`: a replacement-char piece), or dropped (`âŒ`: mojibake that cannot be repaired; a
 * lead with no continuation after it, `Ã` or a lone `â`, is never counted). Returns the end, or `i`.
 */
function lostSequenceAt(s: string, i: number, pieces: Piece[]): number {
  const c0 = s.charCodeAt(i);
  const lead = BYTE_OF[c0]!;
  let pages = PAGES_OF[c0]! & LOSSY_PAGES;
  if (pages === 0) return i;
  const n = continuations(lead);
  let present = 0;
  let replaced = 0;
  let firstOk = false;
  let k = 1;
  for (; k <= n; k++) {
    const c = s.charCodeAt(i + k);
    if (c === REPLACEMENT) {
      replaced++;
      if (k === 1) firstOk = lostByteCanFollow(lead, pages);
      continue;
    }
    const b = continuationOf(c, pages);
    if (b < 0) break;
    pages &= PAGES_OF[c]!;
    if (k === 1) firstOk = secondByteOk(lead, b);
    present++;
  }
  if (replaced > 0) {
    // Every byte is there, some as U+FFFD.
    if (k <= n || !firstOk) return i;
    pushLost(pieces, i, i + n + 1);
    return i + n + 1;
  }
  // Some bytes were dropped, so any of them may have been the one after the lead. Without a U+FFFD
  // to prove damage, a lead right after an ASCII letter or digit is a letter of that word (`café”`),
  // except 0xE2 (`â`), the lead of punctuation and symbols that follow words directly (`word”`).
  if (lead !== 0xe2 && i > 0 && isAsciiAlnum(s.charCodeAt(i - 1))) return i;
  if (present === 0 || present === n || !(firstOk || lostByteCanFollow(lead, pages))) return i;
  pieces.push(piece(i, i + present + 1, 'mojibake', firstPage(pages), null));
  return i + present + 1;
}

/** Every piece of damage in `s`, in order, repaired once. */
function scan(s: string): Piece[] {
  const pieces: Piece[] = [];
  // `test` on a global regex moves `lastIndex` past the match without allocating one.
  CANDIDATE.lastIndex = 0;
  while (CANDIDATE.test(s)) {
    const i = CANDIDATE.lastIndex - 1; // every candidate is one UTF-16 unit
    let next = i + 1;
    if (s.charCodeAt(i) === REPLACEMENT) pushLost(pieces, i, i + 1);
    else if (sequenceAt(s, i, ALL_PAGES) >= 0) next = runAt(s, i, pieces);
    else next = Math.max(next, lostSequenceAt(s, i, pieces));
    CANDIDATE.lastIndex = next;
  }
  return pieces;
}

/** Repairs again while the repaired text is itself damaged (mojibake of mojibake). */
function repairAgain(s: string): string {
  for (let round = 0; round < 8; round++) {
    const next = repairOnce(s);
    if (next === s) break;
    s = next;
  }
  return s;
}

function repairOnce(s: string): string {
  if (!hasCandidate(s)) return s;
  let out = '';
  let pos = 0;
  for (const p of scan(s)) {
    if (p.repaired === null) continue;
    out += s.slice(pos, p.span.start) + p.repaired;
    pos = p.span.end;
  }
  return pos === 0 ? s : out + s.slice(pos);
}

/** Whether `s` has a character that may start damage (a loop for the short strings runs repair). */
function hasCandidate(s: string): boolean {
  if (s.length > 64) return HAS_CANDIDATE.test(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === REPLACEMENT || (c < TABLE_SIZE && BYTE_OF[c]! >= 0xc2 && BYTE_OF[c]! <= 0xf4)) return true;
  }
  return false;
}

/** Whether `s` holds a run of mojibake or lost characters (see findEncodingAnomalies). */
export function hasDamage(s: string): boolean {
  return hasCandidate(s) && scan(s).length > 0;
}

/**
 * Every run of mojibake in the text, with its code page and the exact original text when it can be
 * recovered, and every run of lost characters (U+FFFD, `ï¿½`), with its 1-based line. In order.
 */
export function findEncodingAnomalies(text: string, lines: Lines): EncodingAnomaly[] {
  const pieces = scan(text);
  let line = 0;
  for (const p of pieces) {
    while (line + 1 < lines.count && lines.start[line + 1]! <= p.span.start) line++;
    p.line = line + 1;
    if (p.repaired !== null) p.repaired = repairAgain(p.repaired);
  }
  return pieces;
}

/**
 * `s` with every exactly repairable run repaired, so markers like ✅ match in damaged text, and
 * GitHub's shortcodes of such markers (`:white_check_mark:`) as the glyphs they show; `s` itself
 * when none.
 */
export function repairForMatching(s: string): string {
  return hasCandidate(s) || hasShortcode(s) ? repairRuns(s, null) : s;
}

/** Runs repaired, as [start in the repaired text, end there, start in the damaged text, end there]. */
type Run = [number, number, number, number];

/** `s` with its repairable runs repaired, each recorded in `runs` when given; `s` itself when none. */
function repairRuns(s: string, runs: Run[] | null): string {
  // The damage, and the shortcodes outside it, in order.
  const found: [number, number, string][] = [];
  if (hasCandidate(s))
    for (const p of scan(s)) if (p.repaired !== null) found.push([p.span.start, p.span.end, p.repaired]);
  if (hasShortcode(s)) {
    const codes = shortcodeRuns(s);
    if (found.length === 0) for (const c of codes) found.push(c);
    else {
      const damage = found.length;
      for (const c of codes) if (!overlapsAny(found, damage, c[0], c[1])) found.push(c);
      found.sort((a, b) => a[0] - b[0]);
    }
  }
  let out = '';
  let pos = 0;
  for (const [start, end, text] of found) {
    const repaired = repairAgain(text);
    out += s.slice(pos, start);
    runs?.push([out.length, out.length + repaired.length, start, end]);
    out += repaired;
    pos = end;
  }
  return pos === 0 ? s : out + s.slice(pos);
}

/** Whether `start`..`end` overlaps one of the first `n` runs (in order of their start). */
function overlapsAny(
  runs: readonly [number, number, string][],
  n: number,
  start: number,
  end: number,
): boolean {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && runs[lo]![0] < end;
}

/** The offset map of text that was not repaired. */
export const SAME_OFFSET = (i: number): number => i;

/**
 * `repairForMatching(s)` with a map from its offsets back to offsets in `s`, so what is found in the
 * repaired text can be edited in the damaged one; null when `s` has nothing to repair (the usual case,
 * which then allocates nothing). An offset inside a repaired run maps to the run's start, its end to
 * the run's end.
 */
export function repairWithOffsets(
  s: string,
): { readonly text: string; readonly rawOffset: (i: number) => number } | null {
  if (!hasCandidate(s) && !hasShortcode(s)) return null;
  const runs: Run[] = [];
  const text = repairRuns(s, runs);
  if (runs.length === 0) return null;
  const rawOffset = (i: number): number => {
    let k = runs.length - 1;
    while (k >= 0 && runs[k]![0] > i) k--;
    if (k < 0) return i;
    const [start, end, rawStart, rawEnd] = runs[k]!;
    if (i === start) return rawStart;
    return i < end ? rawStart : rawEnd + (i - end);
  };
  return { text, rawOffset };
}

/** The text with every anomaly that has a repair replaced by it; lost characters are left as they are. */
export function repairText(text: string, anomalies: readonly EncodingAnomaly[]): string {
  let out = '';
  let pos = 0;
  for (const a of [...anomalies].sort((x, y) => x.span.start - y.span.start)) {
    if (a.repaired === null || a.span.start < pos) continue;
    out += text.slice(pos, a.span.start) + a.repaired;
    pos = a.span.end;
  }
  return pos === 0 ? text : out + text.slice(pos);
}

/**
 * The damage itself: `s` encoded as UTF-8 (a lone surrogate as U+FFFD, as every encoder does) and
 * the bytes read through `page`. Undefined Windows bytes read as their C1 control, so nothing is lost.
 */
export function damage(s: string, page: CodePage): string {
  const chars = CHAR_OF[page];
  const units = new Uint16Array(3 * s.length);
  let u = 0;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const low = s.charCodeAt(i + 1);
      if (cp <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else {
        cp = REPLACEMENT;
      }
    }
    if (cp < 0x80) {
      units[u++] = cp;
    } else if (cp < 0x800) {
      units[u++] = chars[0xc0 | (cp >> 6)]!;
      units[u++] = chars[0x80 | (cp & 0x3f)]!;
    } else if (cp < 0x10000) {
      units[u++] = chars[0xe0 | (cp >> 12)]!;
      units[u++] = chars[0x80 | ((cp >> 6) & 0x3f)]!;
      units[u++] = chars[0x80 | (cp & 0x3f)]!;
    } else {
      units[u++] = chars[0xf0 | (cp >> 18)]!;
      units[u++] = chars[0x80 | ((cp >> 12) & 0x3f)]!;
      units[u++] = chars[0x80 | ((cp >> 6) & 0x3f)]!;
      units[u++] = chars[0x80 | (cp & 0x3f)]!;
    }
  }
  return unitsToString(u, units);
}
