/**
 * Character classes as code: what the Unicode regexes' `[\p{L}\p{N}]` and `\s` test, for scanners
 * that take the place of regexes. A regex compiles on its first use, once per string representation
 * (one byte per character, or two): a plan with a single emoji is held two bytes per character, and
 * a two-byte `\p{L}` class costs milliseconds to compile in each regex that has one. Here one small
 * regex answers for every non-ASCII character, and ASCII is decided without a regex.
 */

const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;

/** Whether code point `cp` is a letter or a digit (`[\p{L}\p{N}]`); false for -1 (no character). */
export function isLetterOrDigit(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  return LETTER_OR_DIGIT_RE.test(String.fromCodePoint(cp));
}

/** The code point that ends at offset `i` (a surrogate pair read whole), or -1 at the start. */
export function codePointBefore(s: string, i: number): number {
  if (i <= 0) return -1;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** The code point that starts at offset `i` (a surrogate pair read whole), or -1 past the end. */
export function codePointAt(s: string, i: number): number {
  return i < s.length ? s.codePointAt(i)! : -1;
}

/** Whether UTF-16 unit `c` is white space as `\s` reads it (with or without the `u` flag). */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Where a dash setting off what follows starts at the end of `s`: white space, a dash (`—`, `–`, `-`,
 * and with `list` the other separators of a metadata list: `|`, `→`, `->`, `⇒`, `=>`, `·`, `•`), white space or
 * nothing, or a double em dash with white space or not; the offset of the white space before the
 * dash, or -1. A scan from the end: the regex
 * `/[ \t]+[—–-][ \t]*$/` backtracks through a long run of white space at every offset.
 */
export function setOffDashAt(s: string, list = false): number {
  const e = blankEnd(s, s.length);
  const c = s.charCodeAt(e - 1);
  // Chinese writes its dash double, with white space around it or not (`备份数据库——负责人：王伟`).
  if (c === 0x2014 && s.charCodeAt(e - 2) === 0x2014) return blankEnd(s, e - 2);
  const before = s.charCodeAt(e - 2);
  const width = c === 62 && list && (before === 45 || before === 61) ? 2 : 1;
  if (
    !(
      c === 0x2014 ||
      c === 0x2013 ||
      c === 45 ||
      (list && (c === 124 || c === 0x2192 || c === 0x21d2 || c === 0xb7 || c === 0x2022 || width === 2))
    )
  )
    return -1;
  if (!isBlank(s.charCodeAt(e - width - 1))) return -1;
  return blankEnd(s, e - width);
}

/**
 * Length of an icon opening `s` at `from` and the blanks after it (`👤 `, `⏱️ `): characters outside
 * ASCII that are neither letters, digits nor white space. 0 when `s` does not open with one.
 */
export function iconPrefixLength(s: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c < 128 || isSpace(c)) break;
    const cp = s.codePointAt(i)!;
    if (isLetterOrDigit(cp)) break;
    i += cp >= 0x10000 ? 2 : 1;
  }
  if (i === from) return 0;
  while (i < end && isBlank(s.charCodeAt(i))) i++;
  return i - from;
}

/** Whether UTF-16 unit `c` is an ASCII letter. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Whether UTF-16 unit `c` is a space or a tab, the white space inside a line. */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Where the spaces and tabs that end `s` before `end` start. */
export function blankEnd(s: string, end: number): number {
  let e = end;
  while (e > 0 && isBlank(s.charCodeAt(e - 1))) e--;
  return e;
}

/** Length of what comes before the first letter or digit of `s` (what `^[^\p{L}\p{N}]+` matches, or 0). */
export function nonWordPrefixLength(s: string): number {
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    if (isLetterOrDigit(cp)) break;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return i;
}

/**
 * The words that end `s` between `start` and `end`, white space after them excluded: letters, digits,
 * spaces, apostrophes and hyphens, as a status word is written (`IN PROGRESS`, `won't do`). Where the
 * run of them starts (spaces before the first word included) and where the words start and end; null
 * when there are none, or more than `max` characters of them.
 */
export function trailingWords(
  s: string,
  start: number,
  end: number,
  max: number,
): { runStart: number; wordStart: number; wordEnd: number } | null {
  let wordEnd = end;
  while (wordEnd > start && isSpace(s.charCodeAt(wordEnd - 1))) wordEnd--;
  let i = wordEnd;
  while (i > start && wordEnd - i <= max) {
    const c = s.charCodeAt(i - 1);
    if (c === 32 || c === 39 || c === 45 || c === 0x2019) i--;
    else if (isLetterOrDigit(codePointBefore(s, i))) i -= c >= 0xdc00 && c <= 0xdfff ? 2 : 1;
    else break;
  }
  let wordStart = i;
  while (wordStart < wordEnd && isSpace(s.charCodeAt(wordStart))) wordStart++;
  if (wordStart === wordEnd || wordEnd - wordStart > max) return null;
  return { runStart: i, wordStart, wordEnd };
}
