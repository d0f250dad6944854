/**
 * Metadata lists on an item line. The list that ends the line after a separator: `CSV parser — @li,
 * 3d, due 2026-02-06`, `Write docs - 2d`, `Cache layer | 3 days`, `Vault keys — @omar · 2d · P1`, `Kartons besorgen — Verantwortlich:
 * Jonas — Fällig: 2026-04-10`; and lists in parentheses: `(P1, 3w)`, `(owner: Erin, P1)`. Plans that
 * write tasks as plain lines put the owner, the estimate and the date there, joined by commas or
 * dashes. A list is read only when every piece of it is something the line's other readers took (a
 * mention, a date, a priority, a field), an estimate or story points written bare (`3d`, `0.5d`, `2-3
 * days`, `3 pts`), a
 * priority word (`— High priority`), a `Key: value` whose key names an owner, a due date, a priority,
 * an estimate or a status, in any language the key aliases know, or a dependency phrase naming items
 * by ID (`depends on T001`, `(blocked by MH-002)`): a title like `Port the 3d renderer` or `Spike -
 * try 2 approaches` is left whole. Mentions alone are a list after a dash (`Review — @sam`).
 */
import type { Field } from '../../model.js';
import {
  codePointAt,
  codePointBefore,
  isAsciiLetter,
  isLetterOrDigit,
  isSpace,
  setOffDashAt,
} from '../chars.js';
import { isMonthDay, readAbsoluteDate, wholeDateRange } from './dates.js';
import { UNIT as EFFORT_UNIT, readEffort } from './effort.js';
import { isWordMark } from './fields.js';
import {
  ASSIGNED_WORD_RE,
  DEP_WORD_RE,
  datePiece,
  depPiece,
  type EffortMark,
  endsWithStatusGroup,
  FieldIndex,
  isDigit,
  isListPunct,
  isSpacedDash,
  keyBefore,
  keyPiece,
  keyPieceWithRemark,
  type Mark,
  noOwnerPiece,
  ownerPhrasePiece,
  type PriorityMark,
  pieceStart,
  pointsPiece,
  priorityPiece,
  progressPiece,
  sentencePiece,
  sizePiece,
  statusPiece,
  statusPieceAt,
  statusPieceEnding,
  withoutPieceEmphasis,
} from './pieces.js';
import { readInlinePriority, readPriorityPiece } from './priority.js';
import { statusOfWord } from './status.js';

export interface Tail {
  /** Where the tail starts in the line: the white space before its separator. */
  readonly start: number;
  /** The estimate written bare in the tail. */
  readonly effort: EffortMark | null;
  /** A priority word standing as a piece of the tail (`— High priority`). */
  readonly priority: PriorityMark | null;
  /** The tail's `Key: value` pieces and dependency phrases, offset by `base` as fields are. */
  readonly fields: Field[];
}

/**
 * A bare estimate ending the text: a number or range and a unit, after white space, `,` or `;`.
 * Greedy `.*` puts the match at the last place it can start, which is the token's own start.
 */
const BARE_EFFORT_END_RE = new RegExp(
  String.raw`^(?:.*[\s,;])?(~?\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?\s*(?:${EFFORT_UNIT}))$`,
  'is',
);

/** The longest unit of an estimate (`settimane`). */
const MAX_UNIT = 9;

/** A letter of a unit: ASCII, or a letter beyond it (a digit there is no unit's). */
function isUnitLetter(c: number): boolean {
  return isAsciiLetter(c) || (c >= 128 && isLetterOrDigit(c));
}

/**
 * The tail of `text`, or null. `fields` are the fields read on the line, offset by `base`; `priority`
 * and `estimate` the marks read there. With an estimate read (`(2h)`), a bare one is not read again.
 * `whole` lets the tail be all of `text`: the text after a heading's ID may be nothing but fields
 * (`### Task 5 — Status: Done`); an item line's title may not. With `dates`, a date standing as a
 * piece is the due date (`- [ ] Status page — 2026-12-14`): on a task's line, where a heading's
 * (`## 7.1.3 - 2025-01-22`) or a report bullet's is when it was released or done. `groups` are the
 * lists in parentheses read on the line already (readParenLists' cuts, offsets in `text`): each is
 * a piece of the tail it ends (`— in progress (@marta)`).
 */
export function readTail(
  text: string,
  fields: readonly Field[],
  base: number,
  priority: Mark | null,
  estimate: Mark | null,
  hoursPerDay: number,
  whole = false,
  dates = false,
  groups: readonly (readonly [number, number])[] = [],
): Tail | null {
  // Pieces in emphasis (`— *blocked: no data*`) are read as their text: the emphasis is blanked.
  const s = text.includes('*') || text.includes('_') ? withoutPieceEmphasis(text) : text;
  const tail = readPieces(s, fields, base, priority, estimate, hoursPerDay, whole, dates, groups);
  if (tail !== null) return s === text ? tail : withOpeningEmphasis(text, s, base, tail);
  // A name ending a list of the line's metadata (`Cache manifest — 3 pts — Jana`) is its owner, as a
  // mention there is; a name alone after a dash (`Ship it — Jana`) may be the title's.
  const name = trailingName(s);
  if (name === null) return null;
  const before = readPieces(
    s.slice(0, name.separator),
    fields,
    base,
    priority,
    estimate,
    hoursPerDay,
    false,
    dates,
    groups,
  );
  if (before === null || before.fields.some((f) => f.key === 'owner')) return null;
  const named = { ...before, fields: [...before.fields, nameOwner(s, name, base)] };
  return s === text ? named : withOpeningEmphasis(text, s, base, named);
}

/**
 * `tail` with each status piece that opened with a word in emphasis (`**blocked** on legal`, blanked
 * in `s`; not one in emphasis whole) spanning the opening delimiter too: the edit that writes another
 * status takes the emphasis with the text, where it would leave `**` dangling before it. Its value
 * is read with the blanks collapsed.
 */
function withOpeningEmphasis(text: string, s: string, base: number, tail: Tail): Tail {
  let fields: Field[] | null = null;
  tail.fields.forEach((f, k) => {
    if (f.key !== 'status' || f.rawKey !== '') return;
    let a = f.span.start - base;
    const from = a;
    // A piece in emphasis whole (`— *blocked: no data*`) keeps it: its text is written in it.
    const b = f.span.end - base;
    if (s.charCodeAt(b) === 32 && (text[b] === '*' || text[b] === '_')) return;
    while (
      a > from - 2 &&
      a > 0 &&
      s.charCodeAt(a - 1) === 32 &&
      (text[a - 1] === '*' || text[a - 1] === '_')
    )
      a--;
    if (a === from) return;
    fields ??= [...tail.fields];
    fields[k] = {
      ...f,
      value: f.value.replace(/[ \t]{2,}/g, ' '),
      span: { start: base + a, end: f.span.end },
      valueSpan: { start: base + a, end: f.valueSpan.end },
    };
  });
  return fields === null ? tail : { ...tail, fields };
}

/** The owner field of a name read as a piece of a list. */
function nameOwner(s: string, name: { start: number; end: number }, base: number): Field {
  const span = { start: base + name.start, end: base + name.end };
  return {
    key: 'owner',
    rawKey: '',
    value: s.slice(name.start, name.end),
    span,
    valueSpan: span,
    style: 'kv',
  };
}

/** Whether the separator from `end` to `first` is a set-off dash, bar or dot (not a comma). */
function dashBetween(s: string, end: number, first: number): boolean {
  for (let i = end; i < first; i++) if (isSpacedDash(s, i)) return true;
  return false;
}

/** Capitalised words, up to three (`Jana`, `Kim Lee`, `O'Neil`): a person's or a team's name. */
const NAME_RE = /^\p{Lu}[\p{Ll}'’.-]+(?:[ \t]+\p{Lu}[\p{Ll}'’.-]+){0,2}$/u;
/** Words capitalised as names are that name a time instead: `— 2d — Friday`, `— March`. */
const TIME_WORD_RE =
  /^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|today|tomorrow|tonight|yesterday|later|soon|next|now)\.?$/i;
/** The longest name read after a list. */
const MAX_NAME = 48;

/**
 * The name ending `s` as the last piece of a list (after a set-off dash, bar or dot), with where it
 * starts and ends and where its separator starts; null when the last piece is no name, or a word a
 * reader of marks, statuses or dates takes.
 */
function trailingName(s: string): { start: number; end: number; separator: number } | null {
  let end = s.length;
  // A separator left dangling after it (`— Ana - `) ends the list as the end of the line does.
  while (end > 0 && (isListPunct(s.charCodeAt(end - 1)) || isSpacedDash(s, end - 1))) end--;
  const start = pieceStart(s, end, MAX_NAME);
  if (start < 0) return null;
  let sep = start;
  while (sep > 0 && isSpace(s.charCodeAt(sep - 1))) sep--;
  if (sep === 0) return null;
  // Set off as a column is, by a dash, bar or dot: after a comma (`Fix it, 2d, Android`) a capitalised
  // word names a platform or a product as often as a person.
  if (!isSpacedDash(s, sep - 1)) return null;
  sep--;
  const name = s.slice(start, end);
  if (!NAME_RE.test(name) || name.split(/[ \t]+/).some((w) => TIME_WORD_RE.test(w))) return null;
  if (statusOfWord(name) !== null || readInlinePriority(name) !== null) return null;
  return { start, end, separator: sep };
}

/** Where readPieces stands: the last piece taken, the counts, the fields and marks read so far. */
interface TailState {
  readonly first: number;
  readonly meta: number;
  readonly mentions: number;
  /** How many of the fields read so far. */
  readonly own: number;
  readonly effort: Tail['effort'];
  readonly word: PriorityMark | null;
}

function readPieces(
  s: string,
  fields: readonly Field[],
  base: number,
  priority: Mark | null,
  estimate: Mark | null,
  hoursPerDay: number,
  whole: boolean,
  dates: boolean,
  groups: readonly (readonly [number, number])[],
): Tail | null {
  let end = s.length;
  // Where the last token taken starts: the separator is before it.
  let first = end;
  let meta = 0;
  let effort: Tail['effort'] = null;
  let word: PriorityMark | null = null;
  let mentions = 0;
  const own: Field[] = [];
  let stated = fields.some((f) => f.key === 'status');
  const colons = s.includes(':') || s.includes('：');
  const deps = DEP_WORD_RE.test(s);
  const assigned = ASSIGNED_WORD_RE.test(s);
  const byEnd = new FieldIndex(fields, base);
  // `Key: value` sentences after the title's (`… on BM25. Owner: @dana. Target: Dec 2026`): a piece
  // opened by a key after a sentence's period is taken whole, the period its separator.
  const sentences = colons && s.includes('. ');
  // The last sentence piece read, and where the last one taken starts.
  let sentence: Field | null = null;
  let sentenceAt = -1;
  const keyed = (at: number): Field | null => {
    sentence = sentences ? sentencePiece(s, at, byEnd, base) : null;
    return sentence ?? keyPiece(s, at, byEnd, base);
  };
  // The tail as it stood before the marks read last (`Rotate certs (P1) — @kim`): a mark in the title's
  // text before the list's separator is cut on its own, and the list is what follows the separator.
  // It holds while only marks are taken after it: `marks` counts them.
  let beforeMarks = null as TailState | null;
  let marks = 0;
  // The tail as it stood before the last piece read from the end of the text without a separator
  // before it, and where that piece starts (`taken`).
  let loose: (TailState & { taken: number }) | null = null;
  const state = (): TailState => ({ first, meta, mentions, own: own.length, effort, word });
  // A piece read: the list's own field, and where the next piece ends.
  const take = (f: Field) => {
    own.push(f);
    meta++;
    end = first = f.span.start - base;
    if (f === sentence) sentenceAt = first;
  };
  const onlyMarksSince = (b: { meta: number; mentions: number; own: number }) =>
    meta === b.meta + marks && mentions === b.mentions && own.length === b.own;
  // A piece cut on its own, as a mark is (`Refunds (3 pts) — @kim`): the list is what follows the
  // separator after it, unless what comes before it is read too (`— in progress (@marta)`).
  const asMark = () => {
    if (beforeMarks === null || !onlyMarksSince(beforeMarks)) {
      beforeMarks = state();
      marks = 0;
    }
    marks++;
  };
  for (;;) {
    // Pieces are joined by commas, semicolons, or dashes and bars with white space around them; a
    // sentence piece by the period before it.
    while (end > 0 && (isListPunct(s.charCodeAt(end - 1)) || isSpacedDash(s, end - 1))) end--;
    if (first === sentenceAt && end > 0 && s.charCodeAt(end - 1) === 46) end--;
    if (end === 0) return whole && meta > 0 ? { start: 0, effort, priority: word, fields: own } : null;
    // The period ending the last sentence piece (`… Target: Dec 2026.`).
    if (sentences && first === s.length && s.charCodeAt(end - 1) === 46) {
      const last = keyed(end - 1);
      if (last !== null && !holdsMark(last, base, priority, estimate)) {
        take(last);
        continue;
      }
    }
    const f = byEnd.get(end);
    // A mention that is an owner's value (`Owner: @cy`) goes with its key.
    const owner =
      f?.rawKey !== '@'
        ? null
        : ((colons && keyBefore(s, f.span.start - base) ? keyed(end) : null) ??
          (assigned ? ownerPhrasePiece(s, end, byEnd, base) : null));
    if (owner !== null) {
      take(owner);
      continue;
    }
    if (f !== undefined) {
      // A field in brackets of its own ending the title's words (`Refunds (3 pts) — @kim`) is cut
      // on its own, as a mark is: the list is what follows the separator after it.
      if (
        meta + mentions > 0 &&
        inOwnBrackets(s, f.span.start - base, end) &&
        !setOff(s, f.span.start - base)
      )
        asMark();
      if (!isWordMark(f)) meta++;
      else if (f.rawKey === '@') mentions++;
      end = first = f.span.start - base;
      continue;
    }
    // A list in parentheses read already (readParenLists: `(@marta)`, `(P1, 2d)`) is a piece of the
    // list it ends, a mark's kind: `Ship the CLI — in progress (@marta)` states its status before it.
    const group = groupEnding(groups, end);
    if (group >= 0) {
      asMark();
      meta++;
      end = first = group;
      continue;
    }
    // A mark may hold the white space after it (`~1d ` before a dash): it ends where its text does.
    const mark = priority !== null && markEnd(s, priority) === end ? priority : estimate;
    if (mark !== null && markEnd(s, mark) === end) {
      asMark();
      meta++;
      end = first = mark.index;
      continue;
    }
    const kv =
      (colons
        ? s.charCodeAt(end - 1) !== 41
          ? keyed(end)
          : keyPieceWithRemark(s, end, byEnd, base)
        : null) ??
      (deps ? depPiece(s, end, byEnd, base) : null) ??
      (assigned ? ownerPhrasePiece(s, end, byEnd, base) : null);
    // Nor may a piece hold a mark another reader took (`Owner: Kim ~1d`).
    if (kv !== null && !holdsMark(kv, base, priority, estimate)) {
      take(kv);
      continue;
    }
    // A priority word (`— High priority`), when the line has no other priority: it ends in a letter.
    if (priority === null && word === null && isAsciiLetter(s.charCodeAt(end - 1))) {
      word = priorityPiece(s, end);
      if (word !== null) {
        meta++;
        end = first = word.index;
        continue;
      }
    }
    // A status word standing as a piece (`— In Progress — @kim`, `— Blocked`): a status field.
    if (!stated && (isLetterOrDigit(codePointBefore(s, end)) || s.charCodeAt(end - 1) === 41)) {
      const st = statusPiece(s, end, base);
      // A reason holds no mark or field another reader took (`on hold (2h) for Q2`).
      if (
        st !== null &&
        !holdsMark(st, base, priority, estimate) &&
        !byEnd.overlaps(st.span.start - base, end)
      ) {
        stated = true;
        take(st);
        continue;
      }
    }
    // A date standing as a piece (`— 2026-12-14`, `, Dec 14, 2026`): the due date.
    const date = dates && isDigit(s.charCodeAt(end - 1)) ? datePiece(s, end, byEnd, base) : null;
    if (date !== null) {
      take(date);
      continue;
    }
    // Story points written bare (`— @ravi — 3 pts`): a points field, as `(3 pts)` is.
    const points = isAsciiLetter(s.charCodeAt(end - 1)) ? pointsPiece(s, end, base) : null;
    if (points !== null) {
      loose = { ...state(), taken: points.span.start - base };
      take(points);
      continue;
    }
    // A T-shirt size (`— M`): a size field.
    const last = s.charCodeAt(end - 1);
    const size = last === 83 || last === 77 || last === 76 ? sizePiece(s, end, base) : null;
    if (size !== null) {
      loose = { ...state(), taken: size.span.start - base };
      take(size);
      continue;
    }
    // No owner yet (`— unassigned`): an owner field of a placeholder.
    const nobody = isAsciiLetter(last) || last === 41 ? noOwnerPiece(s, end, base) : null;
    if (nobody !== null) {
      take(nobody);
      continue;
    }
    // A share of the work done (`— 80%`, `, 40% done`): a progress field.
    const share = last === 37 || isAsciiLetter(last) ? progressPiece(s, end, base) : null;
    if (share !== null) {
      take(share);
      continue;
    }
    // A name set off as a column between pieces read (`— Ana — 5 pts`) is the owner, as one ending
    // the list is (readTail): a column of names between columns of metadata, as trackers export.
    if (
      meta > 0 &&
      mentions === 0 &&
      isLetterOrDigit(codePointBefore(s, end)) &&
      dashBetween(s, end, first)
    ) {
      const named = own.some((f) => f.key === 'owner') || fields.some((f) => f.key === 'owner');
      const name = named ? null : trailingName(s.slice(0, end));
      if (name !== null) {
        take(nameOwner(s, name, base));
        continue;
      }
    }
    // An estimate is a unit (letters, of any language: `3d`, `2 días`, `2시간`) after a digit, white
    // space between them or not: most lines end in a word that is not one, and are not given to the
    // regex.
    if (effort !== null || estimate !== null) break;
    // An abbreviated unit keeps its period (`2 Std.`, `30 min.`): the piece holds it.
    const unitEnd = s.charCodeAt(end - 1) === 46 ? end - 1 : end;
    let u = unitEnd;
    while (u > 0 && unitEnd - u <= MAX_UNIT && isUnitLetter(s.charCodeAt(u - 1))) u--;
    if (u === unitEnd || unitEnd - u > MAX_UNIT) break;
    while (u > 0 && isSpace(s.charCodeAt(u - 1))) u--;
    const d = s.charCodeAt(u - 1);
    if (!(d >= 48 && d <= 57)) break;
    const m = BARE_EFFORT_END_RE.exec(s.slice(0, unitEnd));
    if (m === null) break;
    const text = m[1]!;
    const e = readEffort(text, hoursPerDay);
    if (e === null) break;
    const dot = end - unitEnd;
    loose = { ...state(), taken: unitEnd - text.length };
    end = first = unitEnd - text.length;
    effort = { effort: e, index: end, length: text.length + dot };
    meta++;
  }
  const p = tailStart(s, first, meta, mentions, first === sentenceAt);
  if (p >= 0) return { start: p, effort, priority: word, fields: own };
  // A piece read without its separator (an estimate, points, a size) that was the last one read may
  // be the title's last words (`under 5 minutes — owner: Ana`): the list is what follows them.
  if (loose !== null && loose.taken === first) {
    const r = tailStart(s, loose.first, loose.meta, loose.mentions, loose.first === sentenceAt);
    if (r >= 0) {
      own.length = loose.own;
      return { start: r, effort: loose.effort, priority: loose.word, fields: own };
    }
  }
  if (beforeMarks === null || !onlyMarksSince(beforeMarks)) return null;
  const q = tailStart(s, beforeMarks.first, beforeMarks.meta, mentions, beforeMarks.first === sentenceAt);
  if (q < 0) return null;
  own.length = beforeMarks.own;
  return { start: q, effort: beforeMarks.effort, priority: beforeMarks.word, fields: own };
}

/**
 * Where a tail whose first piece starts at `first` starts, its separator included, or -1 when none
 * sets it off or no title is left before it. The separator: a dash, bar or arrow with white space
 * before it (`Update the SDK → @kim`), a comma or semicolon, or the period before a `Key: value`
 * sentence (`sentence`). Mentions alone are a list only after one of the first: `Pair with @ana, @bo`
 * says who in its own words.
 */
function tailStart(s: string, first: number, meta: number, mentions: number, sentence: boolean): number {
  if (meta === 0 && mentions === 0) return -1;
  let p = first;
  while (p > 0 && isSpace(s.charCodeAt(p - 1))) p--;
  if (s.charCodeAt(p - 1) === 44 || s.charCodeAt(p - 1) === 59) {
    if (meta === 0) return -1;
    p--;
  } else if (sentence && s.charCodeAt(p - 1) === 46) {
    p--;
  } else {
    p = setOffDashAt(s.slice(0, p), true);
    if (p < 0) return -1;
  }
  while (p > 0 && isSpace(s.charCodeAt(p - 1))) p--;
  // A title must be left before the tail.
  for (let i = 0; i < p; i++) if (isLetterOrDigit(codePointAt(s, i))) return p;
  return -1;
}

export interface ParenLists {
  /** The lists read, as ranges of the line from `(` to `)`. */
  readonly cuts: [number, number][];
  /** The line's priority and estimate, moved to the piece of a list when one holds them. */
  readonly priority: PriorityMark | null;
  readonly effort: EffortMark | null;
  /** The lists' `Key: value` pieces and dependency phrases, offset by `base`. */
  readonly fields: Field[];
}

/**
 * The parenthesised lists of `s` of two or more pieces, each a read field, a priority, an estimate, a
 * known `Key: value` or a dependency phrase: `(P1, 3w)`, `(owner: Erin, P1)`, `(@bob, 2d)`; and a
 * dependency phrase alone (`(blocked by T001)`), or, when `loneStatus` (the item has no status of its
 * own yet), a status alone ending the line (`(🟡 at risk)`). With `dates` (a task's line, as for
 * readTail), a date is a piece too, the due date (`(P1, Dec 21)`), and may stand alone in the group
 * ending the line (`Flip the flag (Dec 21)`). `priority` and `estimate` are the marks the line's
 * readers found; a list that holds one takes it (its span becomes the piece's), and a list holding a
 * second one of either is not read. Null when no list is read.
 */
export function readParenLists(
  s: string,
  fields: readonly Field[],
  base: number,
  priority: PriorityMark | null,
  estimate: EffortMark | null,
  hoursPerDay: number,
  loneStatus = false,
  dates = false,
): ParenLists | null {
  let out: { cuts: [number, number][]; fields: Field[] } | null = null;
  let ip = priority;
  let ie = estimate;
  let index: FieldIndex | null = null;
  // Where the line's text ends, before white space and the fields read at its end: mentions, a date
  // or a status in parentheses before them end the line as much (`Port it (@ana) 📅 2026-01-09`,
  // `Flip the flag (Dec 21) [owner:: kim]`).
  let last = s.length - 1;
  while (last >= 0 && isSpace(s.charCodeAt(last))) last--;
  if (fields.length > 0) last = beforeEndingFields(s, last, fields, base);
  let paren = s.indexOf(')');
  let bracket = s.indexOf(']');
  for (let from = 0; paren >= 0 || bracket >= 0; ) {
    // Lists in square brackets too (`[Depends: 1.1, 1.2]`, `[P1, 2d]`), as agents write them.
    const round = bracket < 0 || (paren >= 0 && paren < bracket);
    const close = round ? paren : bracket;
    if (round) paren = s.indexOf(')', close + 1);
    else bracket = s.indexOf(']', close + 1);
    // The innermost group: the last `(` before the `)` and after the group before, looked for no
    // further back than the longest list, so every character is passed a bounded number of times.
    let open = close - 1;
    const stop = Math.max(from, close - MAX_LIST);
    const opener = round ? 40 : 91;
    while (open >= stop && s.charCodeAt(open) !== opener) open--;
    from = close + 1;
    const endsLine = close === last;
    // A date alone is read whole, a comma in it or not (`(Dec 21, 2026)`).
    if (dates && endsLine && round && open >= stop && isDateAlone(s, open, close)) {
      out ??= { cuts: [], fields: [] };
      out.cuts.push([open, close + 1]);
      out.fields.push(dueInGroup(s, open, close, base));
      continue;
    }
    const lone = loneStatus && endsLine && round && isLoneStatusGroup(s, open, close);
    if (
      open < stop ||
      (!round && !isBracketList(s, open, close)) ||
      !(
        hasListSeparator(s, open, close) ||
        DEP_WORD_RE.test(s.slice(open, close)) ||
        (endsLine && s.charCodeAt(open + 1) === 64) ||
        lone
      )
    )
      continue;
    index ??= new FieldIndex(fields, base);
    const read = readList(s, open, close, endsLine, lone, dates, index, base, ip, ie, hoursPerDay);
    if (read === null) continue;
    out ??= { cuts: [], fields: [] };
    out.cuts.push([open, close + 1]);
    for (const f of read.fields) out.fields.push(f);
    ip = read.priority;
    ie = read.effort;
  }
  return out === null ? null : { ...out, priority: ip, effort: ie };
}

/**
 * Whether the group from `open` to `close` is a status alone (see endsWithStatusGroup), not the remark
 * of a status before it, in a piece (`— on hold until Q2 (blocked: waiting for v2.1)`) or a field
 * (`— Status: Blocked (waiting on infra)`), which is read with it.
 */
function isLoneStatusGroup(s: string, open: number, close: number): boolean {
  const before = s.slice(0, open);
  return (
    endsWithStatusGroup(s.slice(0, close + 1)) &&
    statusPieceEnding(before) === null &&
    !STATUS_KEY_RE.test(before)
  );
}

/**
 * Whether the group from `open` to `close` holds a date and nothing more (`(Dec 21)`, `(2026-12-21)`),
 * or a range of days, due by its last (`(Dec 14–18)`, `(2026-12-01 → 2026-12-05)`).
 */
function isDateAlone(s: string, open: number, close: number): boolean {
  if (close - open > MAX_DATE_GROUP || !isDigit(s.charCodeAt(close - 1))) return false;
  const inner = s.slice(open + 1, close).trim();
  const date = readAbsoluteDate(inner);
  return (
    (date !== null && date.index === 0 && date.length === inner.length) ||
    isMonthDay(inner) ||
    wholeDateRange(inner) !== null
  );
}
/**
 * Where the piece from `a` to the comma at `comma` ends when it is a month and day and a year follows
 * the comma as the next piece (`Dec 24, 2026`): at the separator or the group's end after the year;
 * else at the comma.
 */
function withYearAfterComma(s: string, a: number, comma: number, close: number): number {
  let y = comma + 1;
  while (y < close && isSpace(s.charCodeAt(y))) y++;
  let e = y;
  while (e < close && isDigit(s.charCodeAt(e))) e++;
  if (e - y !== 4) return comma;
  let after = e;
  while (after < close && isSpace(s.charCodeAt(after))) after++;
  if (after < close && !isListSeparator(s.charCodeAt(after))) return comma;
  return isMonthDay(s.slice(a, comma).trim()) ? after : comma;
}

/** The due field of a date alone in the group from `open` to `close` (see isDateAlone). */
function dueInGroup(s: string, open: number, close: number, base: number): Field {
  let a = open + 1;
  let b = close;
  while (isSpace(s.charCodeAt(a))) a++;
  while (isSpace(s.charCodeAt(b - 1))) b--;
  const span = { start: base + a, end: base + b };
  return { key: 'due', rawKey: '', value: s.slice(a, b), span, valueSpan: span, style: 'kv' };
}

/** No fields: a piece of a list read on its own, what the line's readers took already looked up before. */
const NO_FIELDS = new FieldIndex([], 0);
/** The longest group isDateAlone looks into: `(Sept 30th, 2026 – Dec 31st, 2026)`. */
const MAX_DATE_GROUP = 40;

/** Whether `s` from `a` to `b` is one group in brackets: `(3 pts)`, `[P1]`. */
function inOwnBrackets(s: string, a: number, b: number): boolean {
  const open = s.charCodeAt(a);
  const close = s.charCodeAt(b - 1);
  return (open === 40 && close === 41) || (open === 91 && close === 93);
}

/** Where the group of `groups` that ends at `end` starts, or -1. Few lines have more than one. */
function groupEnding(groups: readonly (readonly [number, number])[], end: number): number {
  for (let i = 0; i < groups.length; i++) if (groups[i]![1] === end) return groups[i]![0];
  return -1;
}

/** Whether what ends before `at`, but for white space, sets a list's piece off: a separator, or nothing. */
function setOff(s: string, at: number): boolean {
  let p = at;
  while (p > 0 && isSpace(s.charCodeAt(p - 1))) p--;
  return p === 0 || isListPunct(s.charCodeAt(p - 1)) || isSpacedDash(s, p - 1);
}

/** A status key before its value (`Status: `, `**Status:** `, `status=`). */
const STATUS_KEY_RE = /\bstatus\W{0,3}[:=]/i;

/** The last character of `s` up to `last` that is neither white space nor in a field ending the text. */
export function beforeEndingFields(s: string, last: number, fields: readonly Field[], base: number): number {
  const startOf = new Map<number, number>();
  for (const f of fields) {
    const a = f.span.start - base;
    const b = f.span.end - base;
    if (a > 0 && b <= s.length && a < (startOf.get(b) ?? Number.POSITIVE_INFINITY)) startOf.set(b, a);
  }
  let at = last;
  for (let a = startOf.get(at + 1); a !== undefined; a = startOf.get(at + 1)) {
    at = a - 1;
    while (at >= 0 && isSpace(s.charCodeAt(at))) at--;
  }
  return at;
}

/**
 * Whether the square brackets from `open` to `close` may hold a list: not a link's text (`[a, b](url)`,
 * `[a, b][ref]`, `[a]: url`), an image's, a wiki link (`[[a, b]]`) or a box (`[x]`).
 */
function isBracketList(s: string, open: number, close: number): boolean {
  const before = s.charCodeAt(open - 1);
  const after = s.charCodeAt(close + 1);
  return (
    close - open > 3 &&
    before !== 91 &&
    before !== 33 &&
    before !== 92 &&
    after !== 40 &&
    after !== 91 &&
    after !== 93 &&
    after !== 58
  );
}

/** The longest parenthesised list read: a longer group is prose. */
const MAX_LIST = 400;

function hasListSeparator(s: string, open: number, close: number): boolean {
  for (let i = open + 1; i < close; i++) if (isListSeparator(s.charCodeAt(i))) return true;
  return false;
}

/** What joins the pieces of a list in brackets: `,` `;` and the middle dots `·` `•` (`(P1 · ~1w)`). */
function isListSeparator(c: number): boolean {
  return c === 44 || c === 59 || c === 0xb7 || c === 0x2022;
}

function markEnd(s: string, m: Mark): number {
  let end = m.index + m.length;
  while (end > m.index && isSpace(s.charCodeAt(end - 1))) end--;
  return end;
}

/** Whether a piece read as a field holds the priority or estimate mark read on the line. */
function holdsMark(f: Field, base: number, priority: Mark | null, estimate: Mark | null): boolean {
  const a = f.span.start - base;
  const b = f.span.end - base;
  return overlaps(priority, a, b) || overlaps(estimate, a, b);
}

function overlaps(m: Mark | null, a: number, b: number): boolean {
  return m !== null && m.index < b && m.index + m.length > a;
}

/** One list of readParenLists, between `(` at `open` and `)` at `close`, which ends the line or not. */
function readList(
  s: string,
  open: number,
  close: number,
  endsLine: boolean,
  lone: boolean,
  dates: boolean,
  index: FieldIndex,
  base: number,
  priority: PriorityMark | null,
  estimate: EffortMark | null,
  hoursPerDay: number,
): { priority: PriorityMark | null; effort: EffortMark | null; fields: Field[] } | null {
  let ip = priority;
  let ie = estimate;
  const own: Field[] = [];
  let meta = 0;
  let pieces = 0;
  let phrases = 0;
  let mentions = 0;
  let stated = false;
  // Where the list's text ends: a dependency phrase may run to it over commas (`Depends: 1.1, 1.2`).
  let inner = close;
  while (inner > open && isSpace(s.charCodeAt(inner - 1))) inner--;
  const phrase = DEP_WORD_RE.test(s.slice(open, close)) ? depPiece(s, inner, index, base) : null;
  for (let a = open + 1; a <= close; ) {
    while (a < close && isSpace(s.charCodeAt(a))) a++;
    if (phrase !== null && phrase.span.start - base === a) {
      own.push(phrase);
      pieces++;
      meta++;
      phrases++;
      break;
    }
    let b = a;
    while (b < close && !isListSeparator(s.charCodeAt(b))) b++;
    // A date's comma is no separator (`(P1, Dec 24, 2026)`): the year goes with the month and day.
    if (dates && s.charCodeAt(b) === 44) b = withYearAfterComma(s, a, b, close);
    const next = b + 1;
    while (a < b && isSpace(s.charCodeAt(a))) a++;
    while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
    if (a === b) return null;
    pieces++;
    const piece = s.slice(a, b);
    const f = index.exact(a, b);
    if (f !== undefined) {
      if (!isWordMark(f)) meta++;
      else if (f.rawKey === '@') mentions++;
    } else if (readInlinePriority(piece)?.length === piece.length || readPriorityPiece(piece) !== null) {
      // The line's priority is this piece, or the line has none yet; a piece may say it in words, in
      // any language a list set off by dashes is read in (`(high priority, 2d)`, `(prioridad alta, 2d)`).
      if (ip !== null && !overlaps(ip, open, close + 1)) return null;
      const priority = readInlinePriority(piece)?.priority ?? readPriorityPiece(piece)!;
      ip = { priority, index: a, length: b - a };
      meta++;
    } else {
      const e = readEffort(piece, hoursPerDay);
      if (e !== null && e.text.length === piece.replace(/^~/, '').length) {
        if (ie !== null && !overlaps(ie, open, close + 1)) return null;
        ie = { effort: e, index: a, length: b - a };
        meta++;
      } else {
        const kv =
          keyPiece(s, b, index, base, s.charCodeAt(open)) ??
          depPiece(s, b, index, base) ??
          ownerPhrasePiece(s, b, index, base) ??
          // A status word or story points standing as a piece (`(In Review, @ana, 5 pts)`), as a
          // list set off by dashes holds them: one status a list.
          (stated ? null : statusPieceAt(s, a, b, base)) ??
          pointsPiece(piece, piece.length, base + a) ??
          (dates && isDigit(s.charCodeAt(b - 1))
            ? datePiece(piece, piece.length, NO_FIELDS, base + a)
            : null);
        if (kv === null || kv.span.start - base !== a || holdsMark(kv, base, ip, ie)) return null;
        own.push(kv);
        meta++;
        if (kv.key === 'depends') phrases++;
        if (kv.key === 'status') stated = true;
      }
    }
    a = next;
  }
  // One piece is a list when it is a dependency phrase (`(blocked by T001)`), or a status ending the
  // line (`Dark theme (🟡 at risk)`); a lone mark is read as a mark, with its parentheses, elsewhere.
  // Mentions alone are the item's owners when they end the line (`Fix the leak (@tomas)`, `Port it
  // (@ana, @bo)`); elsewhere they may be words of the title.
  const owners = endsLine && mentions === pieces;
  return ((pieces >= 2 || phrases > 0 || lone) && meta > 0) || owners
    ? { priority: ip, effort: ie, fields: own }
    : null;
}
