/** Stage 4: attribute extractors run over each item's own text and field lines. */
import type { Field, Item } from '../../model.js';
import { mayStateDependency } from '../attributes/dep-pieces.js';
import { readDuePhrase, readLeadingDate } from '../attributes/due-phrase.js';
import { readInlineEffort } from '../attributes/effort.js';
import { isWordMark, readInlineFields, readLeadingMarkers } from '../attributes/inline.js';
import { maskCode } from '../attributes/mask.js';
import { holdsSizeGroup, type ParenLists, readParenLists } from '../attributes/paren-lists.js';
import type { EffortMark, PriorityMark } from '../attributes/pieces.js';
import { readInlinePriority } from '../attributes/priority-marks.js';
import { readTail, type Tail } from '../attributes/tail.js';
import { readTechTags } from '../attributes/tech.js';
import { isStruck } from '../marks.js';
import type { Draft } from '../recognise.js';
import type { AttributeContext, RawDeps } from './attribute-context.js';
import { addTag, applyField, statusFromProgress, struckRemarkStatus } from './field-rules.js';
import {
  asContext,
  blankRanges,
  commentRanges,
  correctionRanges,
  endsWithGroup,
  footnoteRanges,
  isIssueNumber,
  leadingMentionsEnd,
  markBeforeTail,
  markField,
  markValue,
  moveField,
  ownerMentions,
  withDuePhrase,
  withinField,
} from './own-line.js';
import {
  cleanTitle,
  cutRanges,
  endsDangling,
  endsWithCut,
  fieldsEnd,
  leadingCircleEnd,
  tidyCuts,
  withoutOrphanPeriod,
  withoutTrailingSeparators,
  wrappedTitle,
} from './title.js';

/** Fills status, priority, owner, due, effort, category, tags and the clean title of each item. */
export function applyAttributes(drafts: readonly Draft[], ctx: AttributeContext, rawDeps: RawDeps): void {
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const item = d.item;
    // File items have their title from the recogniser and their fields on lines of their own; heading
    // items too, but for fields on the heading line when its text is the title as written.
    const heading = item.kind === 'heading';
    const ownLine = item.kind !== 'file' && (!heading || d.matchBase >= 0);
    const titleText = ownLine ? readOwnLine(d, ctx, heading) : d.matchText;
    const yearAnchor = ctx.planDate ?? (d.section >= 0 ? (ctx.sectionDates?.[d.section] ?? null) : null);
    for (let k = 0; k < item.fields.length; k++)
      applyField(item, item.fields[k]!, ctx, rawDeps, i, yearAnchor);
    if (item.statusSource === 'default' && item.checkbox === null) statusFromProgress(item);
    applyTitle(d, titleText, ownLine, heading);
    const tags = readTechTags(maskCode(item.title));
    for (let k = 0; k < tags.length; k++) addTag(item, tags[k]!);
  }
}

/**
 * The comments, footnote references and corrections struck through on a line, in order; null when it
 * has none.
 */
function hiddenRanges(s: string, footnotes: ReadonlySet<string> | undefined): [number, number][] | null {
  const comments = s.includes('<!--') ? commentRanges(s) : null;
  const notes = footnotes !== undefined && s.includes('[^') ? footnoteRanges(s, footnotes) : null;
  const struck = s.includes('~~') ? correctionRanges(s) : null;
  return mergeRanges(notes === null ? comments : mergeRanges(comments, notes), struck);
}

/**
 * Two lists of ranges as one, in order, ranges that overlap joined: a strike inside a comment is the
 * comment's, a comment inside a strike the strike's.
 */
function mergeRanges(a: [number, number][] | null, b: [number, number][] | null): [number, number][] | null {
  if (b === null) return a;
  if (a === null) return b;
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last !== undefined && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * Reads the item's own line, in steps: its fields, its marks, its lists in parentheses, what the cuts
 * take from its title, the list of metadata ending it; sets its fields, priority and effort, and
 * returns the title the cuts leave.
 */
function readOwnLine(d: Draft, ctx: AttributeContext, heading: boolean): string {
  const item = d.item;
  // HTML comments on the line (`<!-- owner: kim -->`) are not shown: nothing is read from them,
  // and they leave the title. So do words struck through as a correction (`~~(5 pts)~~ (3 pts)`).
  const codeMasked = maskCode(d.matchText);
  const comments = hiddenRanges(codeMasked, ctx.footnotes);
  const masked = comments === null ? codeMasked : blankRanges(codeMasked, comments);
  // Offsets read in a line repaired for matching are mapped back to the damaged text, where an
  // edit must land: fields are read relative to the line, then moved by the recogniser's map.
  const toPlan = d.matchBase >= 0 ? null : (d.repairMap ?? null);
  const at = Math.max(d.matchBase, 0);
  const inline = lineFields(d, masked, at);
  // A mark ending the title (`Outage 🔴`, `Fix logout (low)`) still ends it with fields after it.
  const end = fieldsEnd(masked, inline, at);
  let ip = readInlinePriority(end < masked.length ? masked.slice(0, end) : masked);
  let ie = readInlineEffort(masked, ctx.hoursPerDay);
  // A mark inside a field read already (`@est(2h)`, `@priority(P1)`) is that field's value.
  if (ip && withinField(inline, at + ip.index)) ip = null;
  if (ie && withinField(inline, at + ie.index)) ie = null;
  // A date alone in parentheses ending a task's line is its due date (`Flip the flag (Dec 21)`),
  // as one set off by a dash is (see readTail): a box's line, or a bullet's not marked done or
  // dropped (a lane's card, `- 🔜 Config schema (Dec 20)`). After a mark of work ended, a date says
  // when (`- ✅ Shipped the login (Dec 1)`).
  const dates =
    item.kind === 'checkbox' ||
    (item.kind === 'status-bullet' && item.status !== 'done' && item.status !== 'cancelled');
  const lists = lineLists(item, masked, inline, at, ip, ie, ctx, dates);
  if (lists) {
    ip = lists.priority;
    ie = lists.effort;
  }
  const cuts = titleCuts(masked, inline, at, ip, ie, lists, comments);
  // A metadata list ending the line (`— @li, 3d, due 2026-02-06`) leaves the title whole, and
  // may hold the estimate written bare.
  const tail = readTail(
    masked,
    inline,
    at,
    ip,
    ie,
    ctx.hoursPerDay,
    item.id !== null && (heading || d.idKind !== 'numeric'),
    dates,
    lists?.cuts,
  );
  cutLeadingMentions(masked, inline, at, tail, cuts);
  if (tail) {
    cuts.push([tail.start, masked.length]);
    ie ??= tail.effort;
    ip ??= tail.priority;
    cutStatusBeforeTail(item, masked, inline, at, ip, ie, dates, lists, tail, toPlan, ctx, cuts);
  }
  keepFields(d, masked, inline, at, ip, ie, lists, tail, toPlan);
  const titleText = titleOfCuts(d, masked, cuts);
  if (ip && !item.fields.some((f) => f.key === 'priority' && f.style !== 'mark')) item.priority = ip.priority;
  if (ie) item.effort = ie.effort;
  return titleText;
}

/** The fields read on the line: inline fields, the markers opening it, a due phrase or a leading date. */
function lineFields(d: Draft, masked: string, at: number): Field[] {
  let inline = readInlineFields(d.matchText, at, masked);
  const markers = readLeadingMarkers(masked, at);
  if (markers.length > 0) inline = [...markers, ...inline];
  const duePhrase = inline.some((f) => f.key === 'due')
    ? null
    : (readDuePhrase(masked, at) ?? readLeadingDate(masked, at));
  if (duePhrase) inline = withDuePhrase(inline, duePhrase, d.matchText, at);
  return inline;
}

/** The lists in parentheses on the line (readParenLists), or null when none is read or none can be there. */
function lineLists(
  item: Item,
  masked: string,
  inline: Field[],
  at: number,
  ip: PriorityMark | null,
  ie: EffortMark | null,
  ctx: AttributeContext,
  dates: boolean,
): ParenLists | null {
  // Lists in parentheses (`(P1, 3w)`, `(owner: Erin, P1)`) go whole, and may hold the marks; a
  // status alone in them is one when the line states none elsewhere (not `Status: Blocked (waiting)`).
  const loneStatus = item.statusSource === 'default' && !inline.some((f) => f.key === 'status');
  return (masked.includes('(') || masked.includes('[') || masked.includes('{')) &&
    (masked.includes(',') ||
      masked.includes(';') ||
      masked.includes('·') ||
      masked.includes('•') ||
      masked.includes('(@') ||
      mayStateDependency(masked) ||
      ((loneStatus || dates) && endsWithGroup(masked, inline, at, loneStatus, dates)) ||
      (dates && holdsSizeGroup(masked)))
    ? readParenLists(masked, inline, at, ip, ie, ctx.hoursPerDay, loneStatus, dates)
    : null;
}

/** The ranges of the line the title loses: the fields and marks read, the lists, the comments. */
function titleCuts(
  masked: string,
  inline: Field[],
  at: number,
  ip: PriorityMark | null,
  ie: EffortMark | null,
  lists: ParenLists | null,
  comments: [number, number][] | null,
): [number, number][] {
  // The title is the text without machine-readable tokens; @mentions, #tags and +projects stay.
  const cuts: [number, number][] = [];
  for (let k = 0; k < inline.length; k++) {
    const f = inline[k]!;
    if (!isWordMark(f)) cuts.push([f.span.start - at, f.span.end - at]);
  }
  if (ip) cuts.push([ip.index, ip.index + ip.length]);
  // A traffic-light circle opening the title beside the priority read (`🔴 P0: Verify the
  // restore`, `[P1] 🟡 Docs`) says the same thing again: it is no more the title's than the mark.
  const circle = ip ? leadingCircleEnd(masked, ip.index === 0 ? ip.length : 0) : 0;
  if (circle > 0) cuts.push([ip!.index === 0 ? ip!.length : 0, circle]);
  if (ie) cuts.push([ie.index, ie.index + ie.length]);
  if (lists) for (const c of lists.cuts) cuts.push(c);
  if (comments) for (const c of comments) cuts.push(c);
  return cuts;
}

/** Cuts the mentions opening the title, when they are set off from a title left after them. */
function cutLeadingMentions(
  masked: string,
  inline: Field[],
  at: number,
  tail: Tail | null,
  cuts: [number, number][],
): void {
  // Mentions opening the title and set off from it (`@carol — review the alerts`) say who, when
  // a title is left after them.
  const lead = masked.charCodeAt(0) === 64 ? leadingMentionsEnd(masked, inline, at) : 0;
  if (lead > 0 && /[\p{L}\p{N}]/u.test(masked.slice(lead, tail ? tail.start : masked.length)))
    cuts.push([0, lead]);
}

/** Reads a status mark ending the title before the list ending the line (markBeforeTail), and cuts it. */
function cutStatusBeforeTail(
  item: Item,
  masked: string,
  inline: Field[],
  at: number,
  ip: PriorityMark | null,
  ie: EffortMark | null,
  dates: boolean,
  lists: ParenLists | null,
  tail: Tail,
  toPlan: ((i: number) => number) | null,
  ctx: AttributeContext,
  cuts: [number, number][],
): void {
  // A status mark ending the title before the list (`Invoice export [In Review] — @ana — 5
  // pts`) is the item's status, as one ending the line is.
  // Not where the list, or one in parentheses, states a status (`(In Review, @ana)`).
  const before =
    tail.fields.some((f) => f.key === 'status') || lists?.fields.some((f) => f.key === 'status')
      ? -1
      : markBeforeTail(
          item,
          masked,
          tail.start,
          at,
          toPlan,
          ctx,
          cuts,
          (end) =>
            // The words before the mark must not end with a list of their own, which the list after
            // the mark would take in when an edit takes the mark off (`Ship it — XL [Blocked] — M`).
            readTail(masked.slice(0, end), inline, at, ip, ie, ctx.hoursPerDay, false, dates, lists?.cuts) ===
            null,
        );
  if (before >= 0) cuts.push([before, tail.start]);
}

/** Makes the fields read on the line, the lists' and the tail's, and the marks the item's own fields. */
function keepFields(
  d: Draft,
  masked: string,
  inline: Field[],
  at: number,
  ip: PriorityMark | null,
  ie: EffortMark | null,
  lists: ParenLists | null,
  tail: Tail | null,
  toPlan: ((i: number) => number) | null,
): void {
  const item = d.item;
  // `#12` is an issue number, not a tag. The list read is fresh: it becomes the item's own when
  // the item has no fields yet (the usual case), rather than being copied into an empty array.
  let kept = inline.some(isIssueNumber) ? inline.filter((f) => !isIssueNumber(f)) : inline;
  const own = lists && tail ? [...lists.fields, ...tail.fields] : (lists?.fields ?? tail?.fields ?? []);
  // A mention that is an owner field's value (`Owner: @cy`) is that field.
  const held = ownerMentions(own);
  if (held !== null) kept = kept.filter((f) => f.rawKey !== '@' || !held.has(f.span.start));
  for (let k = 0; k < own.length; k++) kept.push(own[k]!);
  // Marks are fields too, so an edit can change them in place.
  if (ip) kept.push(markField('priority', masked, ip.index, ip.length, markValue(ip.priority.label), at));
  if (ie) kept.push(markField('effort', masked, ie.index, ie.length, ie.effort.text, at));
  // todo.txt's `@phone` says where the task is done, not who does it.
  if (d.todoTxt) kept = kept.map(asContext);
  if ((ip || ie || own.length > 0) && kept.length > 1)
    kept = kept.sort((a, b) => a.span.start - b.span.start);
  if (toPlan !== null) kept = kept.map((f) => moveField(f, toPlan));
  // A line without a map (none is made so) keeps no fields rather than offsets that are not theirs.
  else if (d.matchBase < 0) kept = [];
  if (item.fields.length === 0) item.fields = kept;
  else for (let k = 0; k < kept.length; k++) item.fields.push(kept[k]!);
}

/** The line's text without the cuts, tidied, and without what they leave dangling at its end. */
function titleOfCuts(d: Draft, masked: string, cuts: [number, number][]): string {
  // Cuts next to each other go as one with what joins them (`**[P1]** , 📅 2026-01-05`), and
  // parentheses they empty go with them.
  const tidied =
    cuts.length > 1 ||
    (cuts.length > 0 && (masked.includes('(') || masked.includes('[') || masked.includes('{')))
      ? tidyCuts(masked, cuts)
      : cuts;
  let titleText = cutRanges(d.matchText, tidied);
  // A token read from the end of the line leaves its separator behind: `CSV parser — @li, 3d,`
  // once `due 2026-02-06` is read, `Plugins —` once `(owner: Bo)` is.
  if (tidied.length > 0 && endsWithCut(d.matchText, tidied)) titleText = withoutTrailingSeparators(titleText);
  // So does one left dangling in the text (`Cut the release —`).
  else if (endsDangling(titleText)) titleText = withoutTrailingSeparators(titleText);
  // And a sentence's period after what was cut from its end (`Sign it by Dec 18.`, `Ship (P1).`).
  if (tidied.length > 0) titleText = withoutOrphanPeriod(titleText);
  // A keyed status's title is the name before it; what follows the status gave fields alone.
  const titleEnd = d.titleEnd;
  if (titleEnd !== undefined) {
    const own: [number, number][] = [];
    for (const [s, e] of tidied) if (s < titleEnd) own.push([s, Math.min(e, titleEnd)]);
    titleText = withoutTrailingSeparators(cutRanges(d.matchText.slice(0, titleEnd), own));
  }
  return titleText;
}

/** Sets the item's title from the text its line leaves, and the status a struck title says. */
function applyTitle(d: Draft, titleText: string, ownLine: boolean, heading: boolean): void {
  const item = d.item;
  // A heading whose text is all fields (`### Task 4 (Status: In Progress)`) keeps it as its title.
  // A title wrapped onto the lines after its own goes on there.
  const full = d.after === undefined ? titleText : wrappedTitle(titleText, d.after);
  const title = ownLine && !(heading && titleText === d.matchText) ? cleanTitle(full) : null;
  if (title !== null && (title !== '' || !heading)) {
    // A pipe in a table's cell is written `\|` (GFM): the title is the text the cell shows. A line
    // that is its ID alone (`- [ ] Task 7`, `- [ ] ENG-12 @kim`) is called by it.
    item.title =
      item.kind === 'table-row' && title.includes('\\|')
        ? title.replace(/\\\|/g, '|')
        : title === '' && item.id !== null
          ? item.id
          : title;
    // Struck through whole, or but for a remark after it: `~~Apple Watch app~~ (no demand)`. Struck
    // is no longer open: done when the remark says so (`~~Dark mode~~ (shipped 2026-12-02)`), else
    // cancelled, which a lane of done work reads as done (linkContext). statusText keeps what the
    // remark said, `~~` when it said nothing of a status.
    if (!heading && isStruck(titleText) && item.status === 'todo') {
      const said = struckRemarkStatus(titleText);
      item.status = said?.status === 'done' ? 'done' : 'cancelled';
      item.statusSource = 'strike';
      item.statusText = said?.text ?? '~~';
    }
  }
}
