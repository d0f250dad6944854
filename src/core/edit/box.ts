/** Writing a status in a checkbox item's box, and in the mark or status field after it. */
import type { Item, Plan, Status } from '../model.js';
import { ORG_KEYWORDS } from '../plan/attributes/status.js';
import { repairForMatching } from '../plan/encoding.js';
import { laneOf } from '../plan/lanes.js';
import { inShortcodesLike } from '../plan/shortcodes.js';
import { isGlyphAndWord, wrapperAround } from './marker.js';
import {
  LIST_SEPARATOR_RE,
  throwIfOpenBoxEndReads,
  throwIfOpenBoxReads,
  throwUnlessReadsBack,
  todoInLane,
} from './readback.js';
import type { Edit } from './splice.js';
import { strikeEdits } from './strike.js';
import { markFor, statingStatusText, statusText } from './style.js';
import { glyphMeaning, keywordFor } from './vocabulary.js';

/** The edits of a checkbox item's box, and of the status mark after it when it has one. */
export function boxEdits(plan: Plan, item: Item, status: Status): Edit[] {
  const box = item.markSpan!;
  if (item.statusSpan && item.statusSource === 'marker') return boxMarkEdits(plan, item, status);
  // In a doing, blocked or cancelled section (a Kanban lane) an open box takes the section's
  // status: the box opens again for that status, and cannot say todo there.
  const lane = laneOf(plan, item);
  if (lane !== null && status === 'todo') throw todoInLane(item, lane);
  if (item.statusSpan && item.statusSource === 'field') {
    // An open box refined by a status field (`- [ ] Upgrade [status:: blocked]`): the field says the
    // new status (withStatusField), and the box is ticked for done and stays open for the rest.
    return status === 'done' ? [{ start: box.start, end: box.end, text: markFor(plan, 'done') }] : [];
  }
  const mark = lane?.status === status ? ' ' : markFor(plan, status);
  const edits = [{ start: box.start, end: box.end, text: mark }];
  if (mark === ' ') {
    const title = plan.text.slice(item.titleSpan.start, item.lineSpan.end);
    if (item.id === null) throwIfOpenBoxReads(item, title, status);
    throwIfOpenBoxEndReads(item, title, status);
    // A mark ending the words before a list says more after an open box (`- [x] Ship it (blocked) —
    // XL` opened reads blocked).
    if (LIST_SEPARATOR_RE.test(title)) throwUnlessReadsBack(plan, item, edits, status);
  }
  return edits;
}

/**
 * `edits` and, when the item states a status in a field as well as by its box (`- [ ] Upgrade
 * [status:: blocked]`), the field's new value in the plan's words: an open box is refined by the
 * field, so the field must say the new status too.
 */
export function withStatusField(plan: Plan, item: Item, status: Status, edits: Edit[]): Edit[] {
  for (const f of item.fields) {
    if (f.key !== 'status' || f.style === 'mark' || f.valueSpan.end <= f.valueSpan.start) continue;
    const old = plan.text.slice(f.valueSpan.start, f.valueSpan.end);
    const said = f.rawKey === '' ? statingStatusText(plan, status, old) : statusText(plan, status, old);
    edits.push({ start: f.valueSpan.start, end: f.valueSpan.end, text: said });
  }
  return edits;
}

/**
 * An open box with a status mark after it (`- [ ] BLOCKED: …`, `- [ ] 🚧 …`). Doing, blocked and
 * cancelled are said by the mark in kind: a keyword as the plan's keyword for the status, a glyph as
 * its glyph (a keyword where the plan's glyph for it is not one taskmark reads). Todo and done are the
 * box's to say: the mark goes, with the separator after it, and the box is ticked for done.
 */
export function boxMarkEdits(plan: Plan, item: Item, status: Status): Edit[] {
  const edits = openBoxMarkEdits(plan, item, status);
  // A ticked box dropped by its mark (`- [x] ~~IE11~~ (dropped)`) opens for a status under way or not
  // begun: after a ticked box only a dropped mark is read.
  const box = item.markSpan!;
  const ticked = plan.text[box.start] !== ' ';
  if (ticked && status !== 'done' && status !== 'cancelled' && !edits.some((e) => e.start === box.start))
    edits.push({ start: box.start, end: box.end, text: ' ' });
  // A title struck through whole says dropped under an open box: work taken up again is unstruck.
  if (status !== 'done' && status !== 'cancelled' && plan.text.startsWith('~~', item.titleSpan.start))
    edits.push(...strikeEdits(plan, item));
  return edits;
}

function openBoxMarkEdits(plan: Plan, item: Item, status: Status): Edit[] {
  const text = plan.text;
  const box = item.markSpan!;
  const span = item.statusSpan!;
  // A word in bold, brackets or both (`**In progress:**`, `(on hold)`, `*(blocked)*`): the wrapper is
  // the mark's too.
  const wrapped = wrapperAround(text, span);
  if (status === 'todo' || status === 'done') {
    const lane = status === 'todo' ? laneOf(plan, item) : null;
    if (lane !== null) throw todoInLane(item, lane);
    let end = wrapped?.end ?? span.end;
    while (text[end] === ' ' || text[end] === '\t') end++;
    if (text[end] === ':') end++;
    while (text[end] === ' ' || text[end] === '\t') end++;
    if (status === 'todo') {
      throwIfOpenBoxReads(item, text.slice(end, item.lineSpan.end), status);
      if (span.start < item.titleSpan.start)
        throwIfOpenBoxEndReads(item, text.slice(end, item.lineSpan.end), status);
    }
    let start = wrapped?.start ?? span.start;
    if (span.start >= item.titleSpan.start) {
      // A mark ending the line (`Fix login [blocked]`, `Ship — 🚧`): it goes with what sets it off.
      if (wrapped !== null) end = wrapped.end;
      else end = text.charCodeAt(span.end) === 0xfe0f ? span.end + 1 : span.end;
      start = setOffStart(text, item.titleSpan.start, start);
      // Another mark before it would end the line then (`Ship 🔄 🔄`).
      if (status === 'todo') throwIfOpenBoxEndReads(item, text.slice(item.titleSpan.start, start), status);
    }
    const edits: Edit[] = [{ start, end, text: '' }];
    if (status === 'done') edits.push({ start: box.start, end: box.end, text: markFor(plan, 'done') });
    // With a list of metadata left on the line, the words the mark opened, ended or set off may read
    // otherwise without it (`Ship [in progress] — 5 pts (blocked: …)`, where `[in progress]` would
    // end the title before the list): the line must read back with its title and the status.
    const rest =
      span.start >= item.titleSpan.start
        ? text.slice(item.titleSpan.start, start) + text.slice(end, item.lineSpan.end)
        : text.slice(end, item.lineSpan.end);
    if (LIST_SEPARATOR_RE.test(rest)) throwUnlessReadsBack(plan, item, edits, status);
    return edits;
  }
  // A wrapped word stays a word, in the plan's words and the old case.
  if (wrapped !== null)
    return [
      { start: span.start, end: span.end, text: statusText(plan, status, text.slice(span.start, span.end)) },
    ];
  const old = repairForMatching(text.slice(span.start, span.end));
  // A glyph and a word ending the line (`Stripe 🚧 In progress`) stay both, in the plan's words.
  if (span.start >= item.titleSpan.start && isGlyphAndWord(old))
    return [{ start: span.start, end: span.end, text: statusText(plan, status, old) }];
  const glyph = statusText(plan, status, '✅').trim();
  const readable = glyphMeaning(plan, glyph) === status;
  // A keyword is read only where it opens the title: one ending the line is written as a word in
  // brackets (`Tag it [in progress]`).
  const mark =
    !ORG_KEYWORDS.has(old) && readable
      ? glyph
      : span.start >= item.titleSpan.start
        ? `[${statusText(plan, status, 'done').replace(/^[^\p{L}]+/u, '')}]`
        : keywordFor(plan, status);
  return [
    { start: span.start, end: span.end, text: inShortcodesLike(mark, text.slice(span.start, span.end)) },
  ];
}

/**
 * Where the set-off of a mark that starts at `at` and ends a line begins: the white space before it
 * and a dash between white space (`Ship — 🚧`), no further back than `from`.
 */
function setOffStart(text: string, from: number, at: number): number {
  let p = at;
  while (p > from && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  const c = text[p - 1];
  if (
    p - 1 > from &&
    (c === '-' || c === '–' || c === '—') &&
    (text[p - 2] === ' ' || text[p - 2] === '\t')
  ) {
    p--;
    while (p > from && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  }
  return p;
}
