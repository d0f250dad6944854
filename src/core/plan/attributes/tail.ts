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
 * readTail here reads the list that ends the line; paren-lists.ts the lists in parentheses or brackets.
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
import {
  datePiece,
  MAX_OPENING_PIECE,
  openingPiece,
  periodEndPiece,
  pointsPiece,
  priorityPiece,
  progressPiece,
  sizePiece,
} from './bare-pieces.js';
import { DEP_WORD_RE, depPiece, depWordsPiece } from './dep-pieces.js';
import { UNIT as EFFORT_UNIT, readEffort } from './effort.js';
import { isWordMark } from './inline.js';
import { keyBefore, keyPiece, keyPieceWithRemark, ownerListPiece, sentencePiece } from './key-pieces.js';
import { ASSIGNED_WORD_RE, nameOwner, noOwnerPiece, ownerPhrasePiece, trailingName } from './owner-pieces.js';
import {
  type EffortMark,
  FieldIndex,
  holdsMark,
  isDigit,
  isListPunct,
  isSpacedDash,
  type Mark,
  type PriorityMark,
} from './pieces.js';
import { statusPiece, withoutPieceEmphasis } from './status-pieces.js';

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

/** Whether the separator from `end` to `first` is a set-off dash, bar or dot (not a comma). */
function dashBetween(s: string, end: number, first: number): boolean {
  for (let i = end; i < first; i++) if (isSpacedDash(s, i)) return true;
  return false;
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
    return sentence ?? keyPiece(s, at, byEnd, base) ?? ownerListPiece(s, at, byEnd, base);
  };
  // The tail as it stood before the marks read last (`Rotate certs (P1) — @kim`): a mark in the title's
  // text before the list's separator is cut on its own, and the list is what follows the separator.
  // It holds while only marks are taken after it: `marks` counts them.
  let beforeMarks = null as TailState | null;
  let marks = 0;
  // The tail as it stood before the last piece read from the end of the text without a separator
  // before it, and where that piece starts (`taken`).
  let loose: (TailState & { taken: number }) | null = null;
  // The tail as it stood before a mention or tag the list's dash sets off from it.
  let beforeWord = null as TailState | null;
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
      // A mention or tag before the list's dash is the title's last word, the list what follows the
      // dash (`Merchant rollout @ana — after PAY-202`), when nothing before it is read as the list's.
      if (beforeWord === null && isWordMark(f) && meta > 0 && dashBetween(s, end, first))
        beforeWord = state();
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
      (deps ? (depPiece(s, end, byEnd, base) ?? depWordsPiece(s, end, byEnd, base)) : null) ??
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
    // The text after an ID that is all of the title may open with its list's first piece, no
    // separator before it (`ENG-5 — blocked`, `ENG-6 — High priority, @kim`, read after the ID).
    const opening: Field | PriorityMark | null =
      whole && end <= MAX_OPENING_PIECE
        ? openingPiece(s, end, base, stated, priority === null && word === null)
        : null;
    if (opening !== null && 'key' in opening) {
      if (!holdsMark(opening, base, priority, estimate) && !byEnd.overlaps(opening.span.start - base, end)) {
        stated = true;
        take(opening);
        continue;
      }
    } else if (opening !== null) {
      word = opening;
      meta++;
      end = first = opening.index;
      continue;
    }
    // A date standing as a piece (`— 2026-12-14`, `, Dec 14, 2026`): the due date.
    const date = !dates
      ? null
      : isDigit(s.charCodeAt(end - 1))
        ? datePiece(s, end, byEnd, base)
        : periodEndPiece(s, end, byEnd, base);
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
  if (beforeWord !== null) {
    const w = tailStart(
      s,
      beforeWord.first,
      beforeWord.meta,
      beforeWord.mentions,
      beforeWord.first === sentenceAt,
    );
    if (w >= 0) {
      own.length = beforeWord.own;
      return { start: w, effort: beforeWord.effort, priority: beforeWord.word, fields: own };
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

function markEnd(s: string, m: Mark): number {
  let end = m.index + m.length;
  while (end > m.index && isSpace(s.charCodeAt(end - 1))) end--;
  return end;
}
