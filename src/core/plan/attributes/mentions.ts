/** Mentions on an item line (`@kim`, not an address) and TaskPaper's tags (`@due(2026-03-09)`, `@done`). */
import type { Field } from '../../model.js';
import { normaliseKey } from './keys.js';
import { tok } from './match.js';

/** Where a mention may open: an `@` not after a word or an address's characters, a name after it. */
const MENTION_START_RE = /(?<![\p{L}\p{N}._%+-])@(?=[\p{L}\p{N}])/gu;
/** The run of a mention's characters from an offset (sticky). */
const MENTION_RUN_RE = /[\p{L}\p{N}._-]*/uy;
const isMentionJoiner = (c: number) => c === 46 || c === 95 || c === 45;

/**
 * The first mention at or after `from`: `@` not after a letter, a digit or `._%+-`, then a name of
 * letters, digits and `._-` that ends in a letter or digit, the longest such name that is not an
 * address's local part (letters or digits and then `@` after it). That is what
 * `/(?<![\p{L}\p{N}._%+-])@([\p{L}\p{N}][\p{L}\p{N}._-]*[\p{L}\p{N}]|[\p{L}\p{N}])(?![\p{L}\p{N}]*@)/gu`
 * matches (the reference the tests hold), found by a scan: the regex tries its lookahead again at
 * each character it gives back, quadratic in a long name before an `@`. The name may end only where a
 * joiner (`._-`) follows it, or the run ends: when an `@` ends the run, the name stops before its last
 * joiner (`@ann.lee@corp` names `ann`), and a run without one is no mention.
 */
export function nextMention(s: string, from: number): { index: number; name: string; end: number } | null {
  MENTION_START_RE.lastIndex = from;
  for (let m = MENTION_START_RE.exec(s); m; m = MENTION_START_RE.exec(s)) {
    const start = m.index + 1;
    MENTION_RUN_RE.lastIndex = start;
    MENTION_RUN_RE.exec(s);
    let end = MENTION_RUN_RE.lastIndex;
    if (s.charCodeAt(end) === 64) {
      while (end > start && !isMentionJoiner(s.charCodeAt(end - 1))) end--;
      if (end === start) {
        MENTION_START_RE.lastIndex = start;
        continue;
      }
    }
    // The first character is a letter or digit (the lookahead), so the name is never empty.
    while (isMentionJoiner(s.charCodeAt(end - 1))) end--;
    return { index: m.index, name: s.slice(start, end), end };
  }
  return null;
}
/** Whether `@name` reads as one mention of `name` whole (`kim`, `ann.lee`; not `Zed Q`, `a@b`). */
export function isMentionName(name: string): boolean {
  const m = nextMention(`@${name}`, 0);
  return m !== null && m.index === 0 && m.name === name;
}

/** TaskPaper's tags that mark a task rather than name a person: `@done`, `@today`, `@flagged`, `@waiting`. */
export const TASKPAPER_FLAGS: ReadonlySet<string> = new Set([
  'done',
  'today',
  'flagged',
  'next',
  'someday',
  'waiting',
  'blocked',
  'cancelled',
  'canceled',
]);
/** The longest value read inside a TaskPaper tag's parentheses. */
const MAX_TAG_VALUE = 80;

/**
 * TaskPaper's tag with a value, `@due(2026-03-09)`, `@priority(high)`, `@done(2026-02-27)`, whose `@`
 * is at `at` and `(` at `open`: a field of that key, not a mention; null when no value closes it.
 */
export function taskPaperTag(s: string, at: number, open: number, name: string, base: number): Field | null {
  const close = s.indexOf(')', open);
  if (close < 0 || close - open > MAX_TAG_VALUE) return null;
  const inner = s.slice(open + 1, close);
  const value = inner.trim();
  if (value === '' || inner.includes('(')) return null;
  const full = s.slice(at, close + 1);
  return tok(
    normaliseKey(name),
    `@${name}`,
    value,
    base,
    at,
    full,
    open + 1 - at + inner.indexOf(value),
    'kv',
  );
}
