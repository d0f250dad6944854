/** Stage 4: attribute extractors run over each item's own text and field lines. */
import type { Field, Item, Status } from '../../model.js';
import { readDueValue } from '../attributes/dates.js';
import { readEffortValue, readInlineEffort } from '../attributes/effort.js';
import {
  isPlaceholder,
  isWordMark,
  maskCode,
  readDuePhrase,
  readInlineFields,
  readLeadingDate,
  readLeadingMarkers,
} from '../attributes/fields.js';
import { endsWithStatusGroup, mayStateDependency } from '../attributes/pieces.js';
import { readInlinePriority, readPriorityValue } from '../attributes/priority.js';
import { readStageStatus, readStatusValue, type StatusMatch } from '../attributes/status.js';
import { beforeEndingFields, readParenLists, readTail } from '../attributes/tail.js';
import { readTechTags } from '../attributes/tech.js';
import { codePointAt, codePointBefore, isBlank, isLetterOrDigit } from '../chars.js';
import { refinesTodo } from '../lanes.js';
import { type GlyphStatus, isStruck, statusProbe, takeTrailingStatus } from '../marks.js';
import type { Draft } from '../recognise.js';

export interface AttributeContext {
  readonly planDate: string | null;
  /**
   * Per section, the date its schedule names or an enclosing section's (`## Q1 2027` ends 2027-03-31):
   * in a plan that states no date of its own, a month and day under it (`ETA Feb 28`) is in its year.
   */
  readonly sectionDates?: readonly (string | null)[];
  readonly hoursPerDay: number;
  readonly vocabulary: ReadonlyMap<string, Status>;
  /** What a glyph marks: taskmark's own, and the plan's legend's. */
  readonly glyphStatus?: GlyphStatus;
}

/** Dependency references as written, per draft index; resolved once every key is known. */
export type RawDeps = Map<number, string[]>;

/** Fills status, priority, owner, due, effort, category, tags and the clean title of each item. */
export function applyAttributes(drafts: readonly Draft[], ctx: AttributeContext, rawDeps: RawDeps): void {
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const item = d.item;
    let titleText = d.matchText;
    // File items have their title from the recogniser and their fields on lines of their own; heading
    // items too, but for fields on the heading line when its text is the title as written.
    const heading = item.kind === 'heading';
    const ownLine = item.kind !== 'file' && (!heading || d.matchBase >= 0);
    if (ownLine) {
      // HTML comments on the line (`<!-- owner: kim -->`) are not shown: nothing is read from them,
      // and they leave the title.
      const codeMasked = maskCode(d.matchText);
      const comments = codeMasked.includes('<!--') ? commentRanges(codeMasked) : null;
      const masked = comments === null ? codeMasked : blankRanges(codeMasked, comments);
      // Offsets read in a line repaired for matching are mapped back to the damaged text, where an
      // edit must land: fields are read relative to the line, then moved by the recogniser's map.
      const toPlan = d.matchBase >= 0 ? null : (d.repairMap ?? null);
      const at = Math.max(d.matchBase, 0);
      let inline = readInlineFields(d.matchText, at, masked);
      const markers = readLeadingMarkers(masked, at);
      if (markers.length > 0) inline = [...markers, ...inline];
      const duePhrase = inline.some((f) => f.key === 'due')
        ? null
        : (readDuePhrase(masked, at) ?? readLeadingDate(masked, at));
      if (duePhrase) inline = withDuePhrase(inline, duePhrase, d.matchText, at);
      // A mark ending the title (`Outage 🔴`, `Fix logout (low)`) still ends it with fields after it.
      const end = fieldsEnd(masked, inline, at);
      let ip = readInlinePriority(end < masked.length ? masked.slice(0, end) : masked);
      let ie = readInlineEffort(masked, ctx.hoursPerDay);
      // A mark inside a field read already (`@est(2h)`, `@priority(P1)`) is that field's value.
      if (ip && withinField(inline, at + ip.index)) ip = null;
      if (ie && withinField(inline, at + ie.index)) ie = null;
      // Lists in parentheses (`(P1, 3w)`, `(owner: Erin, P1)`) go whole, and may hold the marks; a
      // status alone in them is one when the line states none elsewhere (not `Status: Blocked (waiting)`).
      const loneStatus = item.statusSource === 'default' && !inline.some((f) => f.key === 'status');
      // A date alone in parentheses ending a task's line is its due date (`Flip the flag (Dec 21)`),
      // as one set off by a dash is (see readTail).
      const dates = item.kind === 'checkbox';
      const lists =
        (masked.includes('(') || masked.includes('[')) &&
        (masked.includes(',') ||
          masked.includes(';') ||
          masked.includes('·') ||
          masked.includes('•') ||
          masked.includes('(@') ||
          mayStateDependency(masked) ||
          ((loneStatus || dates) && endsWithGroup(masked, inline, at, loneStatus, dates)))
          ? readParenLists(masked, inline, at, ip, ie, ctx.hoursPerDay, loneStatus, dates)
          : null;
      if (lists) {
        ip = lists.priority;
        ie = lists.effort;
      }
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
      // A metadata list ending the line (`— @li, 3d, due 2026-02-06`) leaves the title whole, and
      // may hold the estimate written bare.
      const tail = readTail(
        masked,
        inline,
        at,
        ip,
        ie,
        ctx.hoursPerDay,
        heading && item.id !== null,
        dates,
        lists?.cuts,
      );
      // Mentions opening the title and set off from it (`@carol — review the alerts`) say who, when
      // a title is left after them.
      const lead = masked.charCodeAt(0) === 64 ? leadingMentionsEnd(masked, inline, at) : 0;
      if (lead > 0 && /[\p{L}\p{N}]/u.test(masked.slice(lead, tail ? tail.start : masked.length)))
        cuts.push([0, lead]);
      if (tail) {
        cuts.push([tail.start, masked.length]);
        ie ??= tail.effort;
        ip ??= tail.priority;
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
                  readTail(
                    masked.slice(0, end),
                    inline,
                    at,
                    ip,
                    ie,
                    ctx.hoursPerDay,
                    false,
                    dates,
                    lists?.cuts,
                  ) === null,
              );
        if (before >= 0) cuts.push([before, tail.start]);
      }
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
      // Cuts next to each other go as one with what joins them (`**[P1]** , 📅 2026-01-05`), and
      // parentheses they empty go with them.
      const tidied =
        cuts.length > 1 || (cuts.length > 0 && (masked.includes('(') || masked.includes('[')))
          ? tidyCuts(masked, cuts)
          : cuts;
      titleText = cutRanges(d.matchText, tidied);
      // A token read from the end of the line leaves its separator behind: `CSV parser — @li, 3d,`
      // once `due 2026-02-06` is read, `Plugins —` once `(owner: Bo)` is.
      if (tidied.length > 0 && endsWithCut(d.matchText, tidied))
        titleText = withoutTrailingSeparators(titleText);
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
      if (ip && !item.fields.some((f) => f.key === 'priority' && f.style !== 'mark'))
        item.priority = ip.priority;
      if (ie) item.effort = ie.effort;
    }
    const yearAnchor = ctx.planDate ?? (d.section >= 0 ? (ctx.sectionDates?.[d.section] ?? null) : null);
    for (let k = 0; k < item.fields.length; k++)
      applyField(item, item.fields[k]!, ctx, rawDeps, i, yearAnchor);
    if (item.statusSource === 'default' && item.checkbox === null) statusFromProgress(item);
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
    const tags = readTechTags(maskCode(item.title));
    for (let k = 0; k < tags.length; k++) addTag(item, tags[k]!);
  }
}

/**
 * Reads a status mark ending the title before its list of metadata (see takeTrailingStatus) into a
 * bullet not given a status yet: where the title ends before the mark, or -1 when none is read. On a
 * box's line the mark says more only where one ending the line would (see checkboxDraft): after an
 * open box, a status other than todo and done (`- [ ] Rate limiter [Blocked] — @bo`); after a ticked
 * one, dropped.
 */
function markBeforeTail(
  item: Item,
  masked: string,
  tailStart: number,
  at: number,
  toPlan: ((i: number) => number) | null,
  ctx: AttributeContext,
  cuts: readonly (readonly [number, number])[],
  standsAlone: (end: number) => boolean,
): number {
  const boxed = item.statusSource === 'checkbox';
  const ticked = boxed && item.status === 'done';
  if (item.kind === 'heading' || (item.statusSource !== 'default' && !boxed)) return -1;
  if (boxed && item.checkbox !== ' ' && !ticked) return -1;
  const probe = statusProbe(item);
  const body = masked.slice(0, tailStart);
  const map = toPlan ?? ((i: number) => i);
  const kept = takeTrailingStatus(probe, body, (i) => map(at + i), ctx.glyphStatus);
  // A title must be left before the mark, out of the fields and lists cut from it already.
  if (kept === body || !wordsOutside(kept, cuts) || !standsAlone(kept.length)) return -1;
  if (boxed && !(ticked ? probe.status === 'cancelled' : probe.status !== 'todo' && probe.status !== 'done'))
    return -1;
  item.status = probe.status;
  item.statusSource = probe.statusSource;
  item.statusText = probe.statusText;
  item.statusSpan = probe.statusSpan;
  return kept.length;
}

/**
 * Whether `s` has a letter or digit outside `cuts` (ranges of `s` and beyond, in any order) and
 * outside mentions and tags (`@kim`, `#ops`), which name who and what, not the work.
 */
function wordsOutside(s: string, cuts: readonly (readonly [number, number])[]): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c === 64 || c === 35) && (i === 0 || isBlank(s.charCodeAt(i - 1)))) {
      while (i + 1 < s.length && !isBlank(s.charCodeAt(i + 1))) i++;
      continue;
    }
    if (!isLetterOrDigit(codePointAt(s, i))) continue;
    let cut = false;
    for (let k = 0; k < cuts.length && !cut; k++) cut = cuts[k]![0] <= i && i < cuts[k]![1];
    if (!cut) return true;
  }
  return false;
}

/**
 * `fields` with a due phrase read on the line (`by March 3, 2026`). A phrase inside the value of a
 * field that runs on to the end of its words (`*Owner:* Kim by March 3, 2026`) ends that value; one
 * inside a field closed by a bracket (`[note:: due Friday]`, `@note(by Friday)`) is that field's text.
 */
function withDuePhrase(fields: Field[], phrase: Field, line: string, base: number): Field[] {
  const at = phrase.span.start;
  const k = fields.findIndex((f) => f.valueSpan.start <= at && at < f.valueSpan.end);
  if (k < 0) return [...fields, phrase].sort((a, b) => a.span.start - b.span.start);
  const holder = fields[k]!;
  const last = line.charCodeAt(holder.span.end - 1 - base);
  if (last === 41 || last === 93) return fields;
  let end = at - base;
  while (end > holder.valueSpan.start - base && /[\s,;]/.test(line.charAt(end - 1))) end--;
  if (end <= holder.valueSpan.start - base) return fields;
  const trimmed: Field = {
    ...holder,
    value: line.slice(holder.valueSpan.start - base, end),
    span: { start: holder.span.start, end: base + end },
    valueSpan: { start: holder.valueSpan.start, end: base + end },
  };
  return [...fields.slice(0, k), trimmed, ...fields.slice(k + 1), phrase].sort(
    (a, b) => a.span.start - b.span.start,
  );
}

/** Where the mentions that are the values of owner fields start (`Owner: @cy`), or null for none. */
function ownerMentions(own: readonly Field[]): Set<number> | null {
  let out: Set<number> | null = null;
  for (let k = 0; k < own.length; k++) {
    const f = own[k]!;
    if (f.key !== 'owner' || f.value.charCodeAt(0) !== 64) continue;
    out ??= new Set();
    out.add(f.valueSpan.start);
  }
  return out;
}

/** The HTML comments closed on a line, `<!--` to `-->`, outside code (`s` has its code masked). */
function commentRanges(s: string): [number, number][] | null {
  let out: [number, number][] | null = null;
  for (let open = s.indexOf('<!--'); open >= 0; ) {
    const close = s.indexOf('-->', open + 4);
    if (close < 0) break;
    out ??= [];
    out.push([open, close + 3]);
    open = s.indexOf('<!--', close + 3);
  }
  return out;
}

/** `s` with the given ranges made spaces: the same length, so offsets read in it stand. */
function blankRanges(s: string, ranges: readonly [number, number][]): string {
  let out = '';
  let pos = 0;
  for (const [a, b] of ranges) {
    out += s.slice(pos, a) + ' '.repeat(b - a);
    pos = b;
  }
  return out + s.slice(pos);
}

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
function wrappedTitle(title: string, after: readonly string[]): string {
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

/** Whether offset `at` of the plan is inside one of `fields`. */
function withinField(fields: readonly Field[], at: number): boolean {
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k]!;
    if (at >= f.span.start && at < f.span.end) return true;
  }
  return false;
}

/** What sets mentions opening a title off from it: a colon or a dash. */
const LEAD_SEPARATOR_RE = /^[ \t]*(?:[:—–]|-(?=[ \t]))[ \t]*(?=\S)/;

/**
 * Where the title starts after the mentions that open it, when a colon or a dash sets them off
 * (`@carol — review the alerts`, `@ana, @bo: pair on it`); 0 when none do.
 */
function leadingMentionsEnd(s: string, fields: readonly Field[], base: number): number {
  const byStart = new Map<number, Field>();
  for (let k = 0; k < fields.length; k++)
    if (fields[k]!.rawKey === '@') byStart.set(fields[k]!.span.start - base, fields[k]!);
  let end = 0;
  for (let f = byStart.get(0); f !== undefined; ) {
    end = f.span.end - base;
    let next = end;
    while (next < s.length && (isBlank(s.charCodeAt(next)) || s.charCodeAt(next) === 44)) next++;
    f = byStart.get(next);
  }
  const sep = end > 0 ? LEAD_SEPARATOR_RE.exec(s.slice(end)) : null;
  return sep ? end + sep[0].length : 0;
}

/** The tags of items that have many, for addTag: a line of thousands of `#tags` stays linear. */
const tagSets = new WeakMap<Item, Set<string>>();

/** Adds a tag to an item once. */
function addTag(item: Item, tag: string): void {
  if (item.tags.length < 16) {
    if (!item.tags.includes(tag)) item.tags.push(tag);
    return;
  }
  let set = tagSets.get(item);
  if (set === undefined) {
    set = new Set(item.tags);
    tagSets.set(item, set);
  }
  if (!set.has(tag)) {
    set.add(tag);
    item.tags.push(tag);
  }
}

function moveField(f: Field, toPlan: (i: number) => number): Field {
  return {
    ...f,
    span: { start: toPlan(f.span.start), end: toPlan(f.span.end) },
    valueSpan: { start: toPlan(f.valueSpan.start), end: toPlan(f.valueSpan.end) },
  };
}

/**
 * A priority or effort mark as a field: `span` is the whole mark (`**[P1]**`, `(2h)`, `~3d`), and the
 * value the part an edit replaces (`P1`, `2h`, `3d`).
 */
function markField(
  key: string,
  line: string,
  index: number,
  length: number,
  value: string,
  base: number,
): Field {
  const v = line.indexOf(value, index);
  const valueStart = v >= 0 && v + value.length <= index + length ? v : index;
  return {
    key,
    rawKey: '',
    value,
    span: { start: base + index, end: base + index + length },
    valueSpan: { start: base + valueStart, end: base + valueStart + value.length },
    style: 'mark',
  };
}

/** The part of a priority mark's label an edit replaces: the letter of `(A)` and `[#A]`, else all of it. */
function markValue(label: string): string {
  return label.charCodeAt(0) === 40 || label.startsWith('[#') ? label.charAt(label.length - 2) : label;
}

const STRUCK_REMARK_RE = /^~~[^~]+~~\s*(?:\(([^)]*)\)|[—–:-]\s(.*))$/s;

/**
 * The status the remark after a struck title opens with (`(shipped 2026-12-02)`, `— dropped, no
 * demand`), or null: none, or one that says something else first (`(moved to Q2)`).
 */
function struckRemarkStatus(title: string): StatusMatch | null {
  const m = STRUCK_REMARK_RE.exec(title.trim());
  const remark = (m?.[1] ?? m?.[2])?.trim();
  if (!remark) return null;
  const read = readStatusValue(remark);
  return read !== null && read.index === 0 ? read : null;
}

/** A link to a person's page, as Logseq and Obsidian write it: `[[Mira]]`, `[[Mira Chen|Mira]]`. */
const PAGE_REF_RE = /^\[\[([^\][|]+)(?:\|[^\][]*)?\]\]$/;

/**
 * The name an owner's value gives: without a mention's `@`, a page link's brackets (the page is the
 * person) or a sentence's period after it (`Owner: Kim.`).
 */
function ownerName(value: string): string {
  const page = PAGE_REF_RE.exec(value);
  if (page) return page[1]!.trim();
  return value.replace(/^@/, '').replace(/(?<=\p{L}{2})\.$/u, '');
}

/** A mention read as todo.txt's context: the field `context`, its tag `@phone`. */
function asContext(f: Field): Field {
  return f.rawKey === '@' && f.key === 'owner' ? { ...f, key: 'context' } : f;
}

function isIssueNumber(f: Field): boolean {
  return f.rawKey === '#' && /^\d+$/.test(f.value);
}

function applyField(
  item: Item,
  f: Field,
  ctx: AttributeContext,
  rawDeps: RawDeps,
  index: number,
  yearAnchor: string | null,
): void {
  // A mark's value was applied as it was read.
  if (f.style === 'mark') return;
  const value = (f.value.includes('**') ? f.value.replace(/^\*\*|\*\*$/g, '') : f.value).trim();
  if (value === '') return;
  switch (f.key) {
    case 'status': {
      const stage = readStageStatus(value);
      const s =
        readStatusValue(value, ctx.vocabulary) ??
        (stage === null ? null : { status: stage, index: 0, text: value });
      // A box says done or not done. An open one is refined by a status its line states, as by the
      // lane it sits in (`- [ ] Upgrade [status:: blocked]`); what a ticked box says stands.
      if (item.kind === 'checkbox' && !(item.statusSource === 'checkbox' && item.status === 'todo')) return;
      if (item.kind === 'checkbox' && !(s && refinesTodo(s.status))) return;
      if (s) {
        item.status = s.status;
        item.statusSource = 'field';
        item.statusText = value;
        item.statusSpan = f.valueSpan;
      }
      return;
    }
    case 'priority':
      item.priority = readPriorityValue(value) ?? item.priority;
      return;
    case 'owner':
      if (!isPlaceholder(value)) item.owner ??= ownerName(value);
      return;
    case 'due': {
      const date = readDueValue(value, ctx.planDate, yearAnchor);
      item.dueText = value;
      if (date) item.due = date;
      return;
    }
    case 'target':
    case 'end':
    case 'dates': {
      // A target that is a date (a roadmap's `Target` column) is the deadline, when none is stated;
      // other targets (`Target: p95 under 20 ms`) are what the work aims at, not when. So is the end
      // of a schedule's work (`| Start | End |`), or of the days it spans (`| Dates |` over `Dec 14–18`).
      if (item.due !== null || hasDueField(item)) return;
      const date = readDueValue(value, ctx.planDate, yearAnchor);
      if (date) {
        item.dueText = value;
        item.due = date;
      }
      return;
    }
    case 'effort':
      item.effort = readEffortValue(value, ctx.hoursPerDay) ?? item.effort;
      return;
    case 'category':
      item.category ??= value;
      return;
    case 'phase':
      item.phase ??= value;
      return;
    case 'id':
      item.id ??= value;
      return;
    case 'context':
      addTag(item, `@${value.toLowerCase()}`);
      return;
    case 'tags':
      // Most tag values are one word (a `#tag`): split only a list.
      for (const t of /[,\s]/.test(value) ? value.split(/[,\s]+/) : [value]) {
        const tag = (t.charCodeAt(0) === 35 ? t.slice(1) : t).toLowerCase();
        if (tag) addTag(item, tag);
      }
      return;
    case 'depends':
    case 'requirements': {
      if (f.key === 'requirements') return;
      const list = rawDeps.get(index) ?? [];
      for (const r of splitRefs(value)) list.push(r);
      rawDeps.set(index, list);
      return;
    }
    default:
      return;
  }
}

/** Whether the item states a due date: a due field with a value (an empty Due cell states none). */
function hasDueField(item: Item): boolean {
  for (let k = 0; k < item.fields.length; k++) {
    const f = item.fields[k]!;
    if (f.key === 'due' && f.value.trim() !== '') return true;
  }
  return false;
}

/**
 * Splits `MH-001, MH-002 and T004` (or `und`, `et`, `y`, `e`) into references. A value may say again
 * what the field says (`⛔ blocked by FEAT-92`, `[blocked-by:: depends on T1]`): the words go, the names stay.
 */
function splitRefs(value: string): string[] {
  if (isPlaceholder(value)) return [];
  return value
    .replace(DEPENDENCY_WORDS_RE, '')
    .split(/\s*(?:,|;|\band\b|\s(?:und|et|y|e)\s|&|\s\+\s)\s*/i)
    .map((s) => s.replace(/[`*_[\]()]/g, '').trim())
    .filter((s) => s.length > 0 && !/^(?:none|n\/a|-)$/i.test(s));
}

/**
 * Words opening a dependency's value that say it is one: phrases of two words, which no title a value
 * names opens with as a title may with one (`After-party`, `Needs assessment`).
 */
const DEPENDENCY_WORDS_RE =
  /^\s*(?:(?:is\s+)?blocked\s+(?:by|on)|depends?\s+on|wait(?:s|ing)\s+(?:for|on))\s+(?=\S)/i;

/**
 * `s` without a period that white space sets off from the words before it at its end (`Sign it .`,
 * `Ranking next. .`), which a cut left behind. By hand, as withoutTrailingSeparators is.
 */
function withoutOrphanPeriod(s: string): string {
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
function withoutTrailingSeparators(s: string): string {
  let end = s.length;
  while (end > 0 && TRAILING_SEPARATOR.test(s.charAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}
const TRAILING_SEPARATOR = /[\s,;–—|·•-]/;

/** Where the fields that end the line start (`Fix it (low) [due:: …] #ops`): the end of its title. */
function fieldsEnd(s: string, fields: readonly Field[], base: number): number {
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

function endsDangling(s: string): boolean {
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
function endsWithCut(s: string, cuts: readonly [number, number][]): boolean {
  let end = 0;
  for (const c of cuts) if (c[1] > end) end = c[1];
  return s.slice(end).trim() === '';
}

function isListSeparator(c: number): boolean {
  return c === 44 || c === 59 || isBlank(c);
}

/**
 * Cuts joined where only white space, `,` or `;` lies between them, then taken out of parentheses or
 * square brackets they leave empty (`(owner: Priya, due: 2026-12-01)` goes whole), or with their
 * separator when other text stays inside (`(owner: Bob, note: call first)` keeps `(note: call first)`).
 */
function tidyCuts(s: string, cuts: [number, number][]): [number, number][] {
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
    // The group's opener, and its closer: a list in square brackets is cut as one in parentheses is.
    const opener = s.charCodeAt(l - 1);
    const open = opener === 40 || opener === 91;
    const closer = opener === 91 ? 93 : 41;
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
function leadingCircleEnd(s: string, from: number): number {
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

/**
 * The status a share of the work done says of an item that states none (`- **KR2.1** Rightsize the
 * fleet — 60%`, a status report's `— 60% done`): under way between nothing and all of it, done at
 * all of it. A box or a status said anywhere says more.
 */
function statusFromProgress(item: Item): void {
  const f = item.fields.find((g) => g.key === 'progress');
  const share = f === undefined ? Number.NaN : Number.parseFloat(f.value);
  if (!(share > 0)) return;
  item.status = share >= 100 ? 'done' : 'doing';
  item.statusSource = 'progress';
  item.statusText = f!.value;
}

/**
 * Whether `s` ends, but for white space and the fields read at its end (`[owner:: kim]`), with a
 * status in parentheses (with `status`: `(🟡 at risk)`) or a group ending in a digit (with `dates`:
 * `(Dec 21)`), which readParenLists may read alone.
 */
function endsWithGroup(
  s: string,
  fields: readonly Field[],
  base: number,
  status: boolean,
  dates: boolean,
): boolean {
  let last = s.length - 1;
  while (last >= 0 && (s.charCodeAt(last) === 32 || s.charCodeAt(last) === 9)) last--;
  if (fields.length > 0) last = beforeEndingFields(s, last, fields, base);
  if (s.charCodeAt(last) !== 41) return false;
  const c = s.charCodeAt(last - 1);
  return (dates && c >= 48 && c <= 57) || (status && endsWithStatusGroup(s.slice(0, last + 1)));
}
