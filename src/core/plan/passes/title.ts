/** An item's title out of its line: the cuts tidied and made, what they leave trimmed, wrapping, cleaning. */
import type { Field } from '../../model.js';
import { maskCode } from '../attributes/mask.js';
import { codePointBefore, isBlank, isLetterOrDigit } from '../chars.js';

/** Words a wrapped line may end with, the title going on after them. */
const WRAP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'to',
  'and',
  'or',
  'with',
  'in',
  'on',
  'at',
  'from',
  'by',
  'when',
  'that',
  'into',
]);

/**
 * `title` and the lines after it it is wrapped onto, as hard-wrapped text is (`Write the guide for
 * users` / `moving from v1`): a line goes on with the title when the title so far ends in a word or a
 * comma and the line opens with a small letter, or the title with a word that cannot end one (`…
 * fails when the` / `Cache is cold`). A line opening with a capital after a whole phrase is a
 * description (`Set up CI` / `This runs …`), and ends the title. Judged on the title as read, without
 * its fields and marks, so an edit of those does not change it.
 */
export function wrappedTitle(title: string, after: readonly string[]): string {
  let out = title;
  for (const next of after) {
    if (next === '' || !wrapsOnto(out, next)) break;
    out = `${out.trimEnd()} ${next}`;
  }
  return out;
}

function wrapsOnto(prev: string, next: string): boolean {
  const end = prev.trimEnd();
  if (!(isLetterOrDigit(codePointBefore(end, end.length)) || end.charCodeAt(end.length - 1) === 44))
    return false;
  const first = String.fromCodePoint(next.codePointAt(0)!);
  if (/\p{Ll}/u.test(first)) return true;
  if (!/[\p{L}\p{N}]/u.test(first)) return false;
  const word = /([A-Za-z]+)$/.exec(end);
  return word !== null && WRAP_WORDS.has(word[1]!.toLowerCase());
}

/**
 * `s` without a period that white space sets off from the words before it at its end (`Sign it .`,
 * `Ranking next. .`), which a cut left behind. By hand, as withoutTrailingSeparators is.
 */
export function withoutOrphanPeriod(s: string): string {
  let end = s.length;
  while (end > 0 && isBlank(s.charCodeAt(end - 1))) end--;
  if (s.charCodeAt(end - 1) !== 46) return s;
  let before = end - 1;
  while (before > 0 && isBlank(s.charCodeAt(before - 1))) before--;
  return before < end - 1 && before > 0 ? s.slice(0, before) : s;
}

/**
 * `s` without the separators and white space that end it. By hand: `/[\s,;–—-]+$/` is tried at every
 * offset of a long run of them, quadratic in the run.
 */
export function withoutTrailingSeparators(s: string): string {
  let end = s.length;
  while (end > 0 && TRAILING_SEPARATOR.test(s.charAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}
const TRAILING_SEPARATOR = /[\s,;–—|·•-]/;

/** Where the fields that end the line start (`Fix it (low) [due:: …] #ops`): the end of its title. */
export function fieldsEnd(s: string, fields: readonly Field[], base: number): number {
  let end = s.length;
  while (end > 0 && isBlank(s.charCodeAt(end - 1))) end--;
  // A separator left at the end with nothing after it (`Ship it — HIGH — `) sets nothing off: the
  // marks before it end the title as they would without it.
  while (end > 1 && isDanglingSeparator(s, end)) {
    end--;
    while (end > 0 && isBlank(s.charCodeAt(end - 1))) end--;
  }
  const last = end;
  for (let k = fields.length - 1; k >= 0; k--) {
    let start = fields[k]!.span.start - base;
    let stop = fields[k]!.span.end - base;
    // A field alone in brackets (`(due Fri)`) ends where they do.
    if (s.charCodeAt(stop) === 41 && s.charCodeAt(start - 1) === 40) {
      start--;
      stop++;
    }
    if (stop !== end) break;
    end = start;
    // The separator before the fields goes too (`Fix logout (low) — @kim`).
    while (end > 0 && (isBlank(s.charCodeAt(end - 1)) || (end < last && isSeparatorBefore(s, end)))) end--;
  }
  return end;
}

export function endsDangling(s: string): boolean {
  let end = s.length;
  while (end > 0 && isBlank(s.charCodeAt(end - 1))) end--;
  return end > 1 && isDanglingSeparator(s, end);
}

/** Whether `s[end - 1]`, the last character but blanks, is a comma or semicolon, or a dash or bar after a blank. */
function isDanglingSeparator(s: string, end: number): boolean {
  const c = s.charCodeAt(end - 1);
  if (c === 44 || c === 59) return true;
  return (
    (c === 0x2014 || c === 0x2013 || c === 45 || c === 124 || c === 0xb7) && isBlank(s.charCodeAt(end - 2))
  );
}

/** Whether `s[end - 1]` separates a list from the title: a dash or bar set off by blanks. */
function isSeparatorBefore(s: string, end: number): boolean {
  const c = s.charCodeAt(end - 1);
  return (
    (c === 0x2014 || c === 0x2013 || c === 45 || c === 124 || c === 0xb7) &&
    isBlank(s.charCodeAt(end)) &&
    isBlank(s.charCodeAt(end - 2))
  );
}

/** Whether nothing but white space follows the last of `cuts` in `s`. */
export function endsWithCut(s: string, cuts: readonly [number, number][]): boolean {
  let end = 0;
  for (const c of cuts) if (c[1] > end) end = c[1];
  return s.slice(end).trim() === '';
}

function isListSeparator(c: number): boolean {
  return c === 44 || c === 59 || isBlank(c);
}

/**
 * Cuts joined where only white space, `,` or `;` lies between them, then taken out of parentheses,
 * square brackets or braces they leave empty (`(owner: Priya, due: 2026-12-01)` goes whole), or with their
 * separator when other text stays inside (`(owner: Bob, note: call first)` keeps `(note: call first)`).
 */
export function tidyCuts(s: string, cuts: [number, number][]): [number, number][] {
  const sorted = cuts.length > 1 ? [...cuts].sort((a, b) => a[0] - b[0]) : cuts;
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    let k = last ? last[1] : -1;
    while (last && k < a && isListSeparator(s.charCodeAt(k))) k++;
    if (last && k >= a) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  for (const m of merged) {
    let l = m[0];
    while (l > 0 && isBlank(s.charCodeAt(l - 1))) l--;
    let r = m[1];
    while (r < s.length && isListSeparator(s.charCodeAt(r))) r++;
    // The group's opener, and its closer: a list in square brackets or braces is cut as one in
    // parentheses is.
    const opener = s.charCodeAt(l - 1);
    const open = opener === 40 || opener === 91 || opener === 123;
    const closer = opener === 40 ? 41 : opener + 2;
    if (open && s.charCodeAt(r) === closer) {
      m[0] = l - 1;
      m[1] = r + 1;
    } else if (open && r > m[1]) {
      m[1] = r;
    } else if (s.charCodeAt(r) === 41) {
      // Before the group's close: the separator or the white space before the cut goes with it
      // (`(docs 📅 2027-01-05)` leaves `(docs)`).
      let k = l;
      while (k > 0 && isListSeparator(s.charCodeAt(k - 1))) k--;
      m[0] = /[,;]/.test(s.slice(k, l)) ? k : l;
    }
  }
  return merged;
}

/**
 * `s` without the given ranges. Where the text joined at a cut has spaces or tabs, they become one
 * space: the title is read with its white space collapsed anyway, and a title left with no run to
 * collapse skips that work.
 */
export function cutRanges(s: string, cuts: [number, number][]): string {
  if (cuts.length === 0) return s;
  if (cuts.length > 1) cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [a, b] of cuts) {
    if (a < pos) continue;
    out = joinAtCut(out, s.slice(pos, a));
    pos = b;
  }
  return joinAtCut(out, s.slice(pos));
}

function joinAtCut(out: string, piece: string): string {
  if (!isBlank(out.charCodeAt(out.length - 1)) && !isBlank(piece.charCodeAt(0))) return out + piece;
  let end = out.length;
  while (end > 0 && isBlank(out.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < piece.length && isBlank(piece.charCodeAt(start))) start++;
  return `${out.slice(0, end)} ${piece.slice(start)}`;
}

/**
 * Where a traffic-light circle (`🔴`, `🟠`, `🟡`, `🟢`) at `from` of `s`, after white space, ends with
 * the white space after it; 0 when none is there, or the circle is the whole of the rest.
 */
export function leadingCircleEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  const cp = s.codePointAt(i);
  if (cp !== 0x1f534 && cp !== 0x1f7e0 && cp !== 0x1f7e1 && cp !== 0x1f7e2) return 0;
  i += 2;
  if (s.charCodeAt(i) === 0xfe0f) i++;
  if (i < s.length && !isBlank(s.charCodeAt(i))) return 0;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  return i < s.length ? i : 0;
}

/** Drops wrapping bold/strike and separators left around the title. */
export function cleanTitle(s: string): string {
  // Collapsing allocates a new string even when nothing changes: only when some space is not a lone ' '.
  let t = (/[^\S ]| \s/.test(s) ? s.replace(/\s+/g, ' ') : s).trim();
  // Each regex below runs only when the character it needs is where it must be (most titles: none).
  const c = t.charCodeAt(0);
  const m = c === 42 || c === 95 || c === 126 ? /^(\*\*|__|~~)(.+?)\1(\s*:)?\s*(.*)$/.exec(t) : null;
  if (m) {
    const inner = m[2]!.trim().replace(/:$/, '');
    t = m[4] ? `${inner}${m[3] || /:$/.test(m[2]!) ? ':' : ''} ${m[4]}` : inner;
    // Bold inside the strike of a whole title (`~~**BM25 baseline**~~`) goes too.
    const n = m[4] ? null : /^(\*\*|__|~~)((?:(?!\1).)+)\1$/.exec(t);
    if (n) t = n[2]!.trim();
  }
  const d = t.charCodeAt(0);
  // A separator left where a mark was cut, with the close of the bold the mark opened (`**P1:** Fix`).
  if (d === 58 || d === 0x2013 || d === 0x2014 || d === 45) t = t.replace(/^[:–—-](?:\*\*|__)?\s+/, '');
  if (t.endsWith(':')) t = t.replace(/\s*:$/, '');
  // The close of a bold that opened before the item's ID (`**Step 2: Run it** with …`): the one
  // `**` of the title, outside code, that has no pair.
  if (t.includes('**')) {
    const masked = maskCode(t);
    const at = masked.indexOf('**');
    if (at >= 0 && masked.split('**').length % 2 === 0)
      t = (t.slice(0, at) + t.slice(at + 2)).replace(/ {2,}/g, ' ');
  }
  t = t.trim();
  // Punctuation alone is what the cuts left of a line that had no title (`(In Review, @ana), **Done**`).
  return t.length <= 3 && !/[\p{L}\p{N}\p{S}]/u.test(t) ? '' : t;
}
