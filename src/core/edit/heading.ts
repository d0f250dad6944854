/** Writing a status on a heading: a mark opening it, a mark before its name, an annotation at its end. */
import { TmError } from '../errors.js';
import type { Item, Plan, Span, Status } from '../model.js';
import { trailingCircle } from '../plan/attributes/priority-marks.js';
import { ORG_KEYWORDS, statusOfGlyph } from '../plan/attributes/status.js';
import { isBlank } from '../plan/chars.js';
import { repairForMatching } from '../plan/encoding.js';
import { type HeadingInfo, readHeading } from '../plan/headings.js';
import { inShortcodesLike } from '../plan/shortcodes.js';
import type { Edit } from './splice.js';
import { statusText } from './style.js';
import { DEFAULT_KEYWORD, glyphMeaning, keywordFor, legendGlyphStatus } from './vocabulary.js';

/**
 * A status mark between a heading's number and its name (`## Phase 1 ✅ — Scaffolding`): a glyph
 * for a glyph where one reads as the status, else a glyph and a word (`🔄 IN PROGRESS`), which read
 * there. Not taken away for todo: the heading would stop being an item.
 */
export function markBeforeNameEdits(plan: Plan, item: Item, span: Span, status: Status): Edit[] {
  const text = plan.text;
  const old = text.slice(span.start, span.end);
  const glyphAlone = statusOfGlyph(repairForMatching(old).trim()) !== null;
  // The heading as it would read with another mark.
  const before = text.slice(item.lineSpan.start, span.start).replace(/^[ \t]*#+[ \t]*/, '');
  const after = text.slice(span.end, item.lineSpan.end);
  const reads = (mark: string) => readHeading(`${before}${mark}${after}`).status === status;
  const glyph = statusText(plan, status, '✅').trim();
  if (glyphAlone && reads(glyph))
    return [{ start: span.start, end: span.end, text: inShortcodesLike(glyph, old) }];
  const both = statusText(plan, status, glyphAlone ? null : old);
  if (reads(both)) return [{ start: span.start, end: span.end, text: both }];
  throw new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: the status mark before its name cannot say ${status}; edit line ${item.line} by hand.`,
  );
}

/**
 * A status mark opening a heading (`## ✅ Phase 1`, `## TODO Write the docs`): a keyword for a
 * keyword, another glyph where one reads there (`❌`), else the glyph goes and the status is written in
 * words at the heading's end, where it reads.
 */
export function leadingMarkEdits(plan: Plan, item: Item, span: Span, status: Status): Edit[] {
  const text = plan.text;
  const head = text.slice(item.lineSpan.start, span.start);
  const before = head.replace(/^[ \t]*#+[ \t]*/, '');
  let lineEnd = item.lineSpan.end;
  while (lineEnd > span.end && (text[lineEnd - 1] === ' ' || text[lineEnd - 1] === '\t')) lineEnd--;
  const after = text.slice(span.end, lineEnd);
  const old = text.slice(span.start, span.end);
  if (ORG_KEYWORDS.has(old)) {
    // The plan's keyword where a heading reads it (`NOW` opens bullets only), else org's.
    for (const keyword of [keywordFor(plan, status), DEFAULT_KEYWORD[status]])
      if (readHeading(`${before}${keyword}${after}`).status === status)
        return [{ start: span.start, end: span.end, text: keyword }];
  }
  // A heading holding tasks reads a construction sign or an empty box opening it as its status, but
  // not the plan's first heading, which it would make the plan's title.
  const reads = (h: HeadingInfo) =>
    h.status === status ||
    (h.status === null &&
      h.weakStatus?.status === status &&
      !h.weakStatus.series &&
      item.children.length > 0 &&
      plan.sections[0]?.line !== item.line);
  // A word after the glyphs (`✅ Done: Migrate`, `💤 Later: Crypto`) stays a word, a glyph before it
  // when there was one, in the plan's words and the old case.
  if (/\p{L}/u.test(old)) {
    const said = statusText(plan, status, old);
    if (reads(readHeading(`${before}${said}${after}`)))
      return [{ start: span.start, end: span.end, text: said }];
  }
  const glyph = statusText(plan, status, '✅').trim();
  if (reads(readHeading(`${before}${glyph}${after}`)))
    return [
      { start: span.start, end: span.end, text: inShortcodesLike(glyph, text.slice(span.start, span.end)) },
    ];
  let rest = span.end;
  while (rest < lineEnd && (text[rest] === ' ' || text[rest] === '\t')) rest++;
  const word = ` (${statusText(plan, status, 'DONE')
    .replace(/^[^\p{L}]+/u, '')
    .toUpperCase()})`;
  if (readHeading(`${before}${text.slice(rest, lineEnd)}${word}`).status !== status)
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: the status glyph opening its heading cannot say ${status}; edit line ${item.line} by hand.`,
    );
  return [
    { start: span.start, end: rest, text: '' },
    { start: lineEnd, end: lineEnd, text: word },
  ];
}

/**
 * A heading annotation in kind: an emoji for an emoji, a word in the same case for a word. The new
 * text is checked in the heading, between `before` and `after`, where it must read as the status.
 */
export function annotation(plan: Plan, status: Status, old: string, before = 'Title ', after = ''): string {
  const repaired = repairForMatching(old);
  const word = statusText(plan, status, 'DONE').replace(/^[^\p{L}]+/u, '');
  if (statusOfGlyph(repaired.trim()) !== null || legendGlyphStatus(plan, repaired.trim()) !== null) {
    // A glyph the heading is read by (`✅`, `❌`; `🔄` after an ID; a circle the plan's legend gives a
    // status), else the status in words: a heading without an ID does not take `🔄` or `🚧` for a
    // status, as they decorate headings as often as they mark one.
    const glyph = statusText(plan, status, '✅').trim();
    return readHeading(`${before}${glyph}${after}`).status === status ||
      (legendGlyphStatus(plan, glyph) === status && trailingCircle(`${before}${glyph}${after}`) !== null)
      ? inShortcodesLike(glyph, old)
      : `(${word.toUpperCase()})`;
  }
  // A glyph and a word (`✅ COMPLETE`): both change, the glyph as the plan writes it for the status.
  if (/^[^\p{L}\s]+\s*\p{L}/u.test(repaired)) {
    const both = statusText(plan, status, old);
    if (readHeading(`${before}${both}${after}`).status === status) return both;
  }
  return old === old.toUpperCase()
    ? word.toUpperCase()
    : old === old.toLowerCase()
      ? word.toLowerCase()
      : word.toLowerCase().replace(/^\p{L}/u, (c) => c.toUpperCase());
}

/**
 * A glyph between a heading's title and its annotation saying the same (`Core ✅ (Completed)`): it
 * goes when the annotation changes, so the heading does not say two statuses.
 */
export function glyphBeforeEdits(plan: Plan, item: Item, span: Span, status: Status): Edit[] {
  const text = plan.text;
  let at = span.start;
  while (
    at > item.titleSpan.end &&
    (text[at - 1] === '(' || text[at - 1] === '[' || isBlank(text.charCodeAt(at - 1)))
  )
    at--;
  const before = text.slice(item.titleSpan.end, at);
  const m = /(\s*)(\S{1,2}?)\uFE0F?$/u.exec(before);
  const said = m === null || m[2]!.length === 0 ? null : glyphMeaning(plan, m[2]!);
  if (said === null || said === status) return [];
  const start = item.titleSpan.end + m!.index;
  return [{ start, end: item.titleSpan.end + before.length, text: '' }];
}
