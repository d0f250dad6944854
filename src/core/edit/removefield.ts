/** Removing a field with what sets it off: its separator, its parentheses, its line. */
import type { Field, Plan } from '../model.js';
import { codePointBefore, isLetterOrDigit, setOffDashAt } from '../plan/chars.js';
import { lineAt } from '../plan/lines.js';
import type { Edit } from './splice.js';
import { lineStartAt, nextLineStart } from './style.js';

function removeField(plan: Plan, f: Field): Edit {
  const text = plan.text;
  switch (f.style) {
    case 'bold-pipe': {
      // With the separator before it (` | `, ` · `, ` • `).
      let start = separatorBefore(text, f) - 1;
      while (start > 0 && text[start - 1] === ' ') start--;
      return { start, end: f.span.end, text: '' };
    }
    case 'bold-line':
      // First field of a joined line (`**Owner:** Kim | **Due:** …`, `Owner: @kai. Target: …`): it
      // goes with the separator after it; alone on its line, the line goes.
      return oneOfLine(plan, f) ?? removeLine(plan, f.span.start);
    case 'table-cell':
      // The cell stays, empty.
      return { start: f.valueSpan.start, end: f.valueSpan.end, text: '' };
    case 'sub-bullet': {
      // One of several fields on its line (`Owner: @dana · Target: Q1 2026`, `Owner: @kai. Target:
      // 2026-12-20.`): it goes alone, with a separator next to it; the others stay.
      const shared = oneOfLine(plan, f);
      if (shared !== null) return shared;
      // The bullet goes whole: the lines its paragraph runs on to (`  owner:: alice` under `- Owner:
      // Kim`, lazily continued) and the lines nested in it are its own, not the item's, and would be
      // read as the item's alone.
      const line = removeLine(plan, f.span.start);
      const first = lineAt(plan.lines, f.span.start);
      const indent = indentOf(text.slice(plan.lines.start[first], plan.lines.end[first]));
      let end = line.end;
      for (let l = first + 1; l < plan.lines.count; l++) {
        const s = text.slice(plan.lines.start[l], plan.lines.end[l]);
        if (s.trim() === '' || (opensBlock(plan, l, s) && indentOf(s) <= indent)) break;
        end = nextLineStart(plan, plan.lines.start[l]!);
      }
      return { ...line, end };
    }
    case 'front-matter':
    case 'heading-field':
      return removeLine(plan, f.span.start);
    default:
      return removeInline(plan, f);
  }
}

/** What opens a field line before its fields: indentation, quote markers, a list marker. */
const LINE_OPENING_RE = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/;

/**
 * The edit removing `f` alone from a line that holds more than it (its other fields, or text), with
 * the separator after it (` · `, ` | `, `, `, `. `), else the one before it, else one space; null when
 * the field is all its line holds.
 */
function oneOfLine(plan: Plan, f: Field): Edit | null {
  const text = plan.text;
  const l = lineAt(plan.lines, f.span.start);
  const lineStart = plan.lines.start[l]!;
  const lineEnd = plan.lines.end[l]!;
  const line = text.slice(lineStart, lineEnd);
  const opening = LINE_OPENING_RE.exec(line)![0].length;
  const before = text.slice(lineStart + opening, f.span.start);
  const after = text.slice(f.span.end, lineEnd);
  const bold = (s: string) => s.replace(/[*_]/g, '');
  if (bold(before).trim() === '' && /^[\s|·•;,.*_]*$/.test(after)) return null;
  const next = /^[ \t]*[|·•;,.][ \t]*(?=\S)/.exec(after);
  if (next && bold(before).trim() === '')
    return { start: f.span.start, end: f.span.end + next[0].length, text: '' };
  const prev = /[ \t]*[|·•;,.][ \t]*$/.exec(before);
  if (prev) return { start: f.span.start - prev[0].length, end: f.span.end, text: '' };
  if (next) return { start: f.span.start, end: f.span.end + next[0].length, text: '' };
  return withOneSpace(text, f.span.start, f.span.end);
}

/** The width of a line's leading white space, a tab counted as four columns, as CommonMark does to a tab stop. */
function indentOf(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) w++;
    else if (c === 9) w += 4 - (w % 4);
    else break;
  }
  return w;
}

/** A line that starts a block of its own, not one a paragraph runs on to: a list item, a heading, a fence, a quote. */
const OPENS_BLOCK_RE = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|#{1,6}(?:[ \t]|$)|```|~~~|>)/;
/** A table's delimiter row: `|---|:--:|`, `--- | ---`. */
const DELIMITER_ROW_RE = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * Whether line `l` (text `s`) opens a block rather than running a paragraph on: a row of bars does only
 * over a delimiter row, as a table's header; without one it is the paragraph's text.
 */
function opensBlock(plan: Plan, l: number, s: string): boolean {
  if (OPENS_BLOCK_RE.test(s)) return true;
  if (!/^[ \t]*\|/.test(s) || l + 1 >= plan.lines.count) return false;
  return DELIMITER_ROW_RE.test(plan.text.slice(plan.lines.start[l + 1], plan.lines.end[l + 1]));
}

/** Where the separator before a field after the first of a field line is: just after it. */
export function separatorBefore(text: string, f: Field): number {
  let at = f.span.start;
  while (at > 0 && text[at - 1] === ' ') at--;
  return at;
}

/**
 * Removes a field written in an item's line, and what goes with it: the parentheses it is alone in,
 * the comma between it and its neighbour in a list (`(owner: Priya, due: …)`, `— @li, 3d, due …`),
 * the separator before the last piece of a list ending the line (`Write docs - 2d`), the period that
 * sets off a `Key: value` sentence (`Search v2. Owner: Dana.`), or else one space.
 */
function removeInline(plan: Plan, f: Field): Edit {
  const text = plan.text;
  const l = lineAt(plan.lines, f.span.start);
  const lineStart = plan.lines.start[l]!;
  const before = text.slice(lineStart, f.span.start);
  const after = text.slice(f.span.end, plan.lines.end[l]);
  const alone = aloneInParentheses(plan, f.span.start, f.span.end);
  if (alone !== null) return alone;
  const open = /[(（[{][ \t]*$/.exec(before);
  // Opening the title, set off from it (`- [ ] @carol — review …`): it goes with its separator.
  const opening = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[.\][ \t]+)?$/.test(before)
    ? /^[ \t]*(?:[:—–]|-(?=[ \t]))[ \t]*(?=\S)/.exec(after)
    : null;
  if (opening) return { start: f.span.start, end: f.span.end + opening[0].length, text: '' };
  // The separators of a list (`(P1, 2d)`, `(P1 · 2d)`, `— @kim · 2d`), as the parser reads them.
  const next = /^[ \t]*[,;，；·•][ \t]*/.exec(after);
  if (open && next) return { start: f.span.start, end: f.span.end + next[0].length, text: '' };
  const prev = /[ \t]*[,;，；·•][ \t]*$/.exec(before);
  if (prev) return { start: f.span.start - prev[0].length, end: f.span.end, text: '' };
  // A `Key: value` sentence (`… on BM25. Owner: @dana. Target: Dec 2026`): the sentence after it takes
  // its place, or the last one goes with the period before it, a period ending the line staying.
  const sentence = /(?<=\S)\.[ \t]+$/.exec(before);
  if (sentence && text.slice(f.span.start, f.span.end).includes(':')) {
    const nextSentence = /^\.[ \t]+(?=\S)/.exec(after);
    if (nextSentence) return { start: f.span.start, end: f.span.end + nextSentence[0].length, text: '' };
    if (/^\.?[ \t]*$/.test(after))
      return { start: f.span.start - sentence[0].length, end: f.span.end, text: '' };
  }
  const sepAt = setOffDashAt(before, true);
  const sep = sepAt >= 0;
  if (sep && next) return { start: f.span.start, end: f.span.end + next[0].length, text: '' };
  // Between two dashes (`Boxes — Owner: Jonas — Due: …`): the field goes with the dash after it.
  const nextDash = sep ? /^[ \t]+(?:[—–|·•]|-)[ \t]+/.exec(after) : null;
  if (nextDash) return { start: f.span.start, end: f.span.end + nextDash[0].length, text: '' };
  if (sep && after.trim() === '') return { start: lineStart + sepAt, end: f.span.end, text: '' };
  return withOneSpace(text, f.span.start, f.span.end);
}

/**
 * Removes `start`..`end` when parentheses, square brackets or braces hold it alone: they go, with
 * one space next to them, and with the dash before them when they end the line (`Plugins — (owner:
 * Bo)`). Null when they do not.
 */
function aloneInParentheses(plan: Plan, start: number, end: number): Edit | null {
  const text = plan.text;
  const l = lineAt(plan.lines, start);
  const lineStart = plan.lines.start[l]!;
  const lineEnd = plan.lines.end[l]!;
  // Full-width punctuation too (`（负责人：王伟，截止日期：…）`), square brackets (`[Depends: none]`) and
  // braces (`{owner: kim}`), as the parser reads them.
  const open = /[(（[{][ \t]*$/.exec(text.slice(lineStart, start));
  const close = /^[ \t]*[)）\]}]/.exec(text.slice(end, lineEnd));
  if (!open || !close || !pairs(open[0][0]!, close[0].at(-1)!)) return null;
  const from = start - open[0].length;
  const to = end + close[0].length;
  const dash = setOffDashAt(text.slice(lineStart, from), true);
  if (dash >= 0 && text.slice(to, lineEnd).trim() === '')
    return { start: lineStart + dash, end: to, text: '' };
  return withOneSpace(text, from, to);
}

/** Whether `open` and `close` are a pair: round ones of either width, square ones, or braces. */
function pairs(open: string, close: string): boolean {
  return (open === '[') === (close === ']') && (open === '{') === (close === '}');
}

/**
 * The edits removing `fields`, removeField's one each; but two that meet in one list (`Port it (@ana,
 * @bo)`, where each takes the comma between them) are one edit, and a list they empty goes with its
 * parentheses.
 */
export function removeFields(plan: Plan, fields: readonly Field[]): Edit[] {
  const edits = adjacentJoined(plan, fields)
    .map((f) => removeField(plan, f))
    .sort((a, b) => a.start - b.start);
  const merged: Edit[] = [];
  for (const e of edits) {
    const last = merged[merged.length - 1];
    // removeField only deletes: the union of two deletions that overlap is what both take.
    if (last !== undefined && e.start < last.end)
      merged[merged.length - 1] = { ...last, end: Math.max(last.end, e.end) };
    else merged.push(e);
  }
  if (merged.length === edits.length) return merged;
  return merged.map((e) => aloneInParentheses(plan, e.start, e.end) ?? withDashEndingLine(plan, e));
}

/** Styles of fields that stand on a line or in a cell of their own, removed with it, never joined. */
const OWN_PLACE_STYLES: ReadonlySet<Field['style']> = new Set([
  'bold-pipe',
  'bold-line',
  'table-cell',
  'sub-bullet',
  'front-matter',
  'heading-field',
]);

/**
 * The fields, those written next to each other on a line with only blanks between (`— @bo @kim, 2d`,
 * `— owners: @bo and @kim`) joined into one that spans them: one piece of the list, removed with one
 * separator, where each alone would leave the other's.
 */
function adjacentJoined(plan: Plan, fields: readonly Field[]): Field[] {
  if (fields.length < 2) return [...fields];
  const sorted = [...fields].sort((a, b) => a.span.start - b.span.start);
  const out: Field[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    const between = last === undefined ? '' : plan.text.slice(last.span.end, f.span.start);
    if (
      last !== undefined &&
      !OWN_PLACE_STYLES.has(f.style) &&
      !OWN_PLACE_STYLES.has(last.style) &&
      f.span.start >= last.span.end &&
      /^[ \t]*$/.test(between)
    )
      out[out.length - 1] = { ...last, span: { start: last.span.start, end: f.span.end } };
    else out.push(f);
  }
  return out;
}

/** A deletion that takes the rest of its line, widened to the dash that set it off (`Review — @sam, @li`). */
function withDashEndingLine(plan: Plan, e: Edit): Edit {
  const l = lineAt(plan.lines, e.start);
  const lineStart = plan.lines.start[l]!;
  if (plan.text.slice(e.end, plan.lines.end[l]).trim() !== '') return e;
  const sepAt = setOffDashAt(plan.text.slice(lineStart, e.start), true);
  return sepAt >= 0 ? { start: lineStart + sepAt, end: e.end, text: '' } : e;
}

/**
 * Removes `start`..`end` and one space next to it; not the space after it where a word touches its
 * start (`WAITING(@legal) DPA` keeps the space of `WAITING DPA`).
 */
function withOneSpace(text: string, start: number, end: number): Edit {
  if (text[start - 1] === ' ') return { start: start - 1, end, text: '' };
  if (text[end] === ' ' && !(start > 0 && isLetterOrDigit(codePointBefore(text, start))))
    return { start, end: end + 1, text: '' };
  return { start, end, text: '' };
}

/** Removes the line at `offset`, and one of the blank lines around it when it stood alone between two. */
function removeLine(plan: Plan, offset: number): Edit {
  const l = lineAt(plan.lines, offset);
  const blank = (k: number) =>
    k >= 0 && k < plan.lines.count && plan.text.slice(plan.lines.start[k], plan.lines.end[k]).trim() === '';
  const start = lineStartAt(plan, offset);
  const end = nextLineStart(plan, offset);
  if (blank(l - 1) && (blank(l + 1) || l + 1 >= plan.lines.count))
    return { start: plan.lines.start[l - 1]!, end, text: '' };
  return { start, end, text: '' };
}
