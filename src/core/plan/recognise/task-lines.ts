/**
 * Lines that are tasks by their metadata (a leading ID, a priority, an estimate, an owner, a due date,
 * a status): taskLineDraft, read on bullets and on paragraph lines, and the lists of such bullets
 * (isTaskList), backlogs where one signal makes a task; bulletTaskDraft, a bullet read as a task once
 * its list says it is one.
 */
import type { Field } from '../../model.js';
import { readDuePhrase } from '../attributes/due-phrase.js';
import { DEFAULT_HOURS_PER_DAY, readInlineEffort } from '../attributes/effort.js';
import { readFieldLine } from '../attributes/field-lines.js';
import { readLeadingId } from '../attributes/ids.js';
import { readInlineFields } from '../attributes/inline.js';
import { maskCode } from '../attributes/mask.js';
import { readParenLists } from '../attributes/paren-lists.js';
import { readInlinePriority } from '../attributes/priority-marks.js';
import { readStatusValue } from '../attributes/status.js';
import { endsWithStatusGroup, endsWithStatusPiece } from '../attributes/status-pieces.js';
import { readTail } from '../attributes/tail.js';
import type { LineSlice, ListBlock, ListItemBlock } from '../block-types.js';
import { readCheckbox } from '../checkbox.js';
import { repairWithOffsets, SAME_OFFSET } from '../encoding.js';
import { takeTrailingStatus, trailingStatusMark } from '../trailing-marks.js';
import {
  endsWithOwnMark,
  keyedStatusDraft,
  keywordBulletDraft,
  leadParagraph,
  mayEndInMark,
  statusBulletDraft,
} from './bullets.js';
import { type MadeItem, newItem } from './draft.js';
import type { State } from './state.js';

/**
 * A bullet without a box that carries a task's metadata, two at least of a priority, an owner, a
 * due date and an effort (`1. **[P1]** CSV parser — @li, 3d, due 2026-02-06`), or its status in a
 * list of fields (`**Search v2** — faster ranking (status: shipped)`), is a task: prose rarely says
 * so much in one line, and plans that write their tasks this way have no boxes.
 */
export function taskBulletDraft(st: State, li: ListItemBlock, l0: LineSlice, list: ListBlock | undefined) {
  const made = taskBulletByTwo(st, li.startLine, l0);
  // The cheap test for one signal first: most prose bullets fail it, and their list is not read.
  return made === null && list !== undefined && st.mayHoldOne.has(li.startLine) && isTaskList(st, list)
    ? taskLineDraft(st, li.startLine, l0, 1)
    : made;
}

/**
 * taskLineDraft by two signals on a bullet's first line, read once per line: isTaskList reads its
 * list's bullets before onListItem reads each.
 */
function taskBulletByTwo(st: State, line: number, l0: LineSlice): MadeItem | null {
  let made = st.bulletsByTwo.get(line);
  if (made === undefined) {
    made = taskLineDraft(st, line, l0, 2);
    st.bulletsByTwo.set(line, made);
  }
  return made;
}

/**
 * A list of tasks written without boxes: one of its bullets at least is a task by two of a task's
 * signals alone (taskBulletDraft), without a box and without a status of its own. Its other bullets
 * without a box are tasks by one (`- Update the docs (P2)`, `- Rotate the keys @li` beside `- Fix
 * the login (P1) @kim`): a list that says so much in one bullet is a backlog, and its lighter lines
 * are the same kind of thing. A bullet without any stays prose. A bullet that is an item by a box,
 * a status mark or word does not make a backlog: beside a checklist, bullets without boxes are notes,
 * and a field an edit gives it does not turn the lines around it into items. (A status set on the
 * bullet that made the backlog gives it a box: the editor boxes the others it would drop.)
 */
function isTaskList(st: State, list: ListBlock): boolean {
  let known = st.taskLists.get(list);
  if (known === undefined) {
    known = false;
    for (const li of list.children) {
      const p = leadParagraph(li);
      if (p === null) continue;
      const l0 = p.lines[0]!;
      if (readCheckbox(st.text, l0.start, l0.end, p.lines.length > 1) !== null) continue;
      if (
        taskBulletByTwo(st, li.startLine, l0) !== null &&
        statusBulletDraft(st, li.startLine, l0) === null &&
        keywordBulletDraft(st, li.startLine, l0) === null &&
        keyedStatusDraft(st, li, l0) === null &&
        !endsWithOwnMark(st, l0)
      ) {
        known = list.children.length >= 2;
        break;
      }
    }
    st.taskLists.set(list, known);
  }
  return known;
}

/**
 * taskBulletDraft on line `line`, whose text `l0` is: a bullet's first line or a line of a paragraph.
 * `need` is how many of the signals (a leading ID, a priority, an estimate, an owner, a due date)
 * make it a task; a status it states makes it one alone. One signal is not an ID alone (`- RFC-9110
 * is the HTTP spec`) nor a mention inside the prose (`- Ask @li about it`): an owner counts alone
 * when only metadata follows it (`- Rotate the keys @li`).
 */
export function taskLineDraft(st: State, line: number, l0: LineSlice, need: 1 | 2) {
  const raw = st.text.slice(l0.start, l0.end);
  // A tracker's ID opening the line (`PAY-188 Fix rounding`, `T012`, `M1.2`) is one of the signals;
  // an issue's number (`#94`) not, as every line of a changelog opens with one.
  const lead = readLeadingId(raw);
  const idLed = lead?.kind === 'code' && lead.id.charCodeAt(0) !== 35;
  // An ID set off from the words after it, in bold, brackets or by a separator (`**WEB-106** Saved
  // cards`, `WEB-106: Saved cards`), keys the line as a tracker's lines are keyed: in a backlog it
  // is one signal, where an ID the sentence runs on from (`RFC-9110 is the HTTP spec`) is none.
  const idKeyed = idLed && /[*_[\]:—–·|-]/.test(raw.slice(0, lead.length).replace(lead.id, ''));
  // Cheap test first: of two signals, one is an owner or a priority, which need an `@`, an `owner`,
  // `assign` or `prio` word, a `P0`–`P4`, an org or todo.txt letter, a priority emoji or word; or
  // the two are an estimate and a due date or a status mark ending the line, with a digit and a due
  // word or the mark; or the line states a status, in a field, as the piece ending it (`— In
  // Progress`) or in parentheses ending it (`(🟡 at risk)`). One signal alone may also be an
  // estimate (a digit, or a T-shirt size ending the line), a due date (a due word) or a status mark
  // ending the line.
  const hint =
    TASK_BULLET_HINT_RE.test(raw) ||
    PRIORITY_LABEL_HINT_RE.test(raw) ||
    endsWithStatusPiece(raw) ||
    endsWithStatusGroup(raw);
  const digit = !hint && (HAS_DIGIT_RE.test(raw) || SIZE_END_HINT_RE.test(raw));
  const dueWord = !hint && DUE_HINT_RE.test(raw);
  const endMark = mayEndInMark(raw);
  // A status mark ending the line is one signal in a backlog: read only where nothing else hints.
  const endsMarked = !(hint || digit || dueWord) && endMark && trailingStatusMark(raw, st.glyphStatus) > 0;
  if (hint || digit || dueWord || endsMarked) st.mayHoldOne.add(line);
  if (!(idLed || hint || (need === 1 ? digit || dueWord || endsMarked : digit && (dueWord || endMark))))
    return null;
  if (readFieldLine(st.text, l0.start, l0.end, true)) return null;
  const repaired = repairWithOffsets(raw);
  const matchText = repaired?.text ?? raw;
  const rawOffset = repaired?.rawOffset ?? SAME_OFFSET;
  // A status mark ending the line (`— @kim, 2d ✅`) is read with the title: the metadata is before it.
  const mark = mayEndInMark(matchText) ? trailingStatusMark(matchText, st.glyphStatus) : -1;
  const body = mark > 0 ? matchText.slice(0, mark) : matchText;
  const masked = maskCode(body);
  const priority = readInlinePriority(masked);
  const effort = readInlineEffort(masked);
  // A priority or an estimate is a mark (`(P1)`, `⏫`, `(2h)`) or a field (`@priority(high)`).
  let prio = priority !== null;
  let estimate = effort !== null;
  let owner = false;
  let ownerAfter = false;
  const duePhrase = readDuePhrase(masked, 0);
  let due = duePhrase !== null;
  let status = false;
  let depends = false;
  let progress = false;
  // Where the metadata ending the line starts, for the one-signal test: set once the fields are read.
  let metaFrom = 0;
  const note = (f: Field) => {
    if (f.key === 'owner') {
      owner = true;
      if (f.span.start >= metaFrom) ownerAfter = true;
    } else if (f.key === 'due') due = true;
    else if (f.key === 'priority') prio = true;
    else if (f.key === 'effort' || f.key === 'points' || f.key === 'size') estimate = true;
    else if (f.key === 'status' && readStatusValue(f.value) !== null) status = true;
    else if (f.key === 'depends') depends = true;
    else if (f.key === 'progress') progress = true;
  };
  // A status mark ending the line is one signal: with another (`**[P1]** Ship it — *done*`) the
  // bullet is a task; alone (`Docs rewritten — **Done**`) it may be a note's last words, but in a
  // backlog, where one signal makes a task, it is one (`- Collect the quotes @done(2026-11-30)`).
  const enough = () =>
    (idLed ? 1 : 0) +
      (prio ? 1 : 0) +
      (estimate ? 1 : 0) +
      (owner ? 1 : 0) +
      (due ? 1 : 0) +
      (progress ? 1 : 0) +
      (mark > 0 ? 1 : 0) >=
      2 ||
    (need === 1 && (idKeyed || depends || prio || estimate || ownerAfter || due || progress || mark > 0));
  const fields = readInlineFields(body, 0, masked);
  const read = duePhrase ? [...fields, duePhrase].sort((a, b) => a.span.start - b.span.start) : fields;
  if (need === 1) metaFrom = trailingFieldsStart(masked, read);
  for (const f of fields) note(f);
  // Lists of pieces are metadata wherever they stand.
  metaFrom = 0;
  // Or pieces of a list in parentheses (`Write docs (2d, @ana)`, `Fix (P1, due 2026-03-01)`).
  const lists =
    !enough() && (masked.includes('(') || masked.includes('['))
      ? readParenLists(masked, read, 0, priority, effort, DEFAULT_HOURS_PER_DAY, mark < 0)
      : null;
  if (lists !== null) {
    prio ||= lists.priority !== null;
    estimate ||= lists.effort !== null;
    for (const f of lists.fields) note(f);
  }
  // A list ending the line holds the others: an estimate written bare or a priority word (`— @li,
  // 3d`, `— @li, high`), keyed pieces (`— Owner: Li — Est: 2d`), and a status, which says it alone
  // (`— Status: Done`).
  if (!status && !enough()) {
    const tail = readTail(
      masked,
      read,
      0,
      priority,
      effort,
      DEFAULT_HOURS_PER_DAY,
      false,
      false,
      lists?.cuts,
    );
    if (tail !== null) {
      prio ||= tail.priority !== null;
      estimate ||= tail.effort !== null;
      for (const f of tail.fields) note(f);
    }
  }
  if (!enough() && !status) return null;
  return lineTaskDraft(st, line, l0, matchText, repaired !== null, rawOffset);
}

/** lineTaskDraft on a bullet's first line, read through a repair when the line was damaged. */
export function bulletTaskDraft(st: State, line: number, l0: LineSlice): MadeItem {
  const raw = st.text.slice(l0.start, l0.end);
  const repaired = repairWithOffsets(raw);
  return lineTaskDraft(
    st,
    line,
    l0,
    repaired?.text ?? raw,
    repaired !== null,
    repaired?.rawOffset ?? SAME_OFFSET,
  );
}

/** The draft of a bullet read as a task: its leading ID, a status mark ending it, its title. */
function lineTaskDraft(
  st: State,
  line: number,
  l0: LineSlice,
  matchText: string,
  repaired: boolean,
  rawOffset: (i: number) => number,
): MadeItem {
  const item = newItem('status-bullet', line);
  const id = readLeadingId(matchText);
  item.id = id?.id ?? null;
  const idLength = id?.length ?? 0;
  const titleStart = l0.start + rawOffset(idLength);
  // A status mark ending the line (`… @maria, 1d ✅`) is the task's status.
  const body = takeTrailingStatus(
    item,
    matchText.slice(idLength),
    (i) => l0.start + rawOffset(idLength + i),
    st.glyphStatus,
  );
  item.titleSpan = { start: titleStart, end: l0.start + rawOffset(idLength + body.length) };
  return {
    item,
    idKind: id?.kind ?? null,
    matchText: body,
    matchBase: repaired ? -1 : titleStart,
    repairMap: repaired ? (i: number) => l0.start + rawOffset(idLength + i) : undefined,
  };
}

/**
 * What a line needs to name an owner, a priority or a status, in the languages the keys know
 * (taskBulletDraft's pre-test).
 */
const HAS_DIGIT_RE = /\d/;

/** A T-shirt size ending the line as a piece of its list (`— XL`): an estimate without a digit. */
const SIZE_END_HINT_RE = /[\s,;](?:XXS|XS|S|M|L|XL|XXL)[ \t]*$/;

/** A priority word opening a bullet as its label (`High: Migrate the db`, `**Critical**: Patch`). */
const PRIORITY_LABEL_HINT_RE = /^[ \t]*(?:\*\*|__)?(?:crit|urg|high|med|norm|low)/i;

const DUE_HINT_RE = /\b(?:due|by|before|eta|deadline)\b|📅|🗓|⏳/i;

const TASK_BULLET_HINT_RE =
  /@|owner|assign|prio|stat|estado|zustand|статус|состояние|状态|狀態|ステータス|状況|상태|P[0-4]|\[#[A-E]\]|\([A-E]\)|[🔺⏫🔼🔽⏬🔴🟠🟡🟢]/iu;

/**
 * Where the fields ending `s` start (`- Rotate the keys @li`, `… — @li, 2026-03-01`): walking back
 * from its end over fields in `fields` (spans in `s`, sorted) and the spaces and separators between
 * them. `s.length` when no field ends it.
 */
function trailingFieldsStart(s: string, fields: readonly Field[]): number {
  const startOf = new Map<number, number>();
  for (const f of fields)
    startOf.set(f.span.end, Math.min(f.span.start, startOf.get(f.span.end) ?? f.span.start));
  let pos = s.length;
  for (;;) {
    while (pos > 0 && TRAILING_SEPARATORS.has(s.charCodeAt(pos - 1))) pos--;
    const start = startOf.get(pos);
    if (start === undefined || start >= pos) return pos;
    pos = start;
  }
}

/** Space, tab, `,`, `;`, `.`, `|`, `-`, `·`, en and em dash. */
const TRAILING_SEPARATORS: ReadonlySet<number> = new Set([32, 9, 44, 59, 46, 124, 45, 183, 8211, 8212]);
