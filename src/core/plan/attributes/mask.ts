/** Inline code masked so nothing is read from it, and full-width punctuation read as its ASCII form. */

/**
 * Replaces the inside of inline code spans with spaces so nothing is read from code, a backtick left
 * at each end: the span is still something, not white space a reader may take as a gap (the tail of
 * `Fix \`parse()\` — @li, 2d` starts after the code, not before it). Same length as the input.
 * A span is what `/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g` matches: an opening run of backticks (the
 * whole run, or the longest end of it that has a match) and the next run of exactly its length. Found
 * by a scan of the runs, with the next run of each length looked up: the regex backtracks through a
 * long run of backticks at every offset, quadratic in the run.
 */
export function maskCode(s: string): string {
  const masked = maskCodeSpans(s);
  // Full-width punctuation, as Chinese and Japanese plans write it (`（负责人：王伟）`, `鈴木、`), is read as its
  // ASCII form: one UTF-16 unit each, so offsets stay those of the text.
  return FULL_WIDTH_RE.test(masked) ? masked.replace(FULL_WIDTH_ALL_RE, (c) => FULL_WIDTH[c]!) : masked;
}
const FULL_WIDTH: Readonly<Record<string, string>> = {
  '（': '(',
  '）': ')',
  '：': ':',
  '，': ',',
  // Japanese lists with the ideographic comma (`（担当：鈴木、期限：2026-05-10）`).
  '、': ',',
  '；': ';',
};
const FULL_WIDTH_RE = /[（）：，、；]/;
const FULL_WIDTH_ALL_RE = /[（）：，、；]/g;

function maskCodeSpans(s: string): string {
  let i = s.indexOf('`');
  if (i < 0) return s;
  const starts: number[] = [];
  const lengths: number[] = [];
  const byLength = new Map<number, number[]>();
  while (i >= 0) {
    let j = i + 1;
    while (s.charCodeAt(j) === 96) j++;
    const list = byLength.get(j - i);
    if (list) list.push(starts.length);
    else byLength.set(j - i, [starts.length]);
    starts.push(i);
    lengths.push(j - i);
    i = s.indexOf('`', j);
  }
  // Per length, where the search for a later run of that length resumes (runs are taken in order).
  const cursor = new Map<number, number>();
  let out = '';
  let copied = 0;
  for (let r = 0; r < starts.length; r++) {
    const run = lengths[r]!;
    for (let n = run; n >= 1; n--) {
      const list = byLength.get(n);
      if (list === undefined) continue;
      let k = cursor.get(n) ?? 0;
      while (k < list.length && list[k]! <= r) k++;
      cursor.set(n, k);
      if (k === list.length) continue;
      const close = list[k]!;
      const from = starts[r]! + run - n;
      const to = starts[close]! + n;
      out += `${s.slice(copied, from)}\`${' '.repeat(to - from - 2)}\``;
      copied = to;
      r = close;
      break;
    }
  }
  return copied === 0 ? s : out + s.slice(copied);
}
