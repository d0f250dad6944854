/**
 * What a list is, read once per list and cached on the State: whether its bullets end with status
 * marks, are TaskPaper's, are marked steps, or hold boxes or status marks; what a bullet of it is (a
 * box, a plain bullet, a keyed note, struck through); the label over it (listLabel); and the lanes of
 * a board written without boxes (plainLanes).
 */

import { readFieldLine } from '../attributes/field-lines.js';
import { readInlineFields } from '../attributes/inline.js';
import { isAttributeKey, normaliseKey } from '../attributes/keys.js';
import { readLeadingHeadingPriority } from '../attributes/priority-marks.js';
import { namesBoardStage } from '../attributes/status.js';
import { endsWithStatusGroup } from '../attributes/status-pieces.js';
import type { Block, HeadingBlock, LineSlice, ListBlock, ListItemBlock } from '../block-types.js';
import { isSpace } from '../chars.js';
import { readCheckbox } from '../checkbox.js';
import { repairForMatching } from '../encoding.js';
import { headingOwner, readHeading } from '../headings.js';
import { isStruck } from '../marks.js';
import { endsWithTaskPaperStatus } from '../trailing-marks.js';
import { endsWithOwnMark, keyedStatusDraft, leadParagraph, statusBulletDraft } from './bullets.js';
import type { ListLabel } from './draft.js';
import { plainKeyField } from './fields.js';
import type { State } from './state.js';

/** The longest heading read as a lane of a board without boxes (`✅ Shipped`, `🚧 In progress`). */
const MAX_LANE_TITLE = 40;

/** The longest heading read as a priority's lane: its priority and a topic (`P0 - Reliability`). */
const MAX_PRIORITY_LANE_TITLE = 80;

/**
 * Whether a bullet's text is struck through whole, or but for a remark after it, its fields aside
 * (`~~Dark mode~~ [owner:: kim]`): a field set on a struck task does not make it prose.
 */
function isStruckWhole(raw: string): boolean {
  if (!raw.includes('~~')) return false;
  if (isStruck(raw)) return true;
  let rest = '';
  let at = 0;
  for (const f of readInlineFields(raw, 0)) {
    if (f.span.start < at) continue;
    rest += raw.slice(at, f.span.start);
    at = f.span.end;
  }
  return at > 0 && isStruck(rest + raw.slice(at));
}

/**
 * What a lane of a board is named by: a status, a list of work to do, a priority, or a stage work
 * passes through (`Review`, `QA`), a lane only beside columns that name statuses.
 */
type Lane = 'status' | 'todo-list' | 'priority' | 'stage';

/**
 * Whether a heading names a lane of plain bullets: a status (a word or two and its decoration: a
 * longer title is not read), a list of work to do (a status lane that counts alone), a priority
 * opening it, or a board's stage.
 */
function namesLane(raw: string): Lane | null {
  if (raw.length > MAX_PRIORITY_LANE_TITLE) return null;
  const title = repairForMatching(raw);
  if (raw.length <= MAX_LANE_TITLE) {
    const info = readHeading(title);
    if (info.todoList) return 'todo-list';
    if (info.statusSection !== null) return 'status';
    if (info.status === null && info.id === null && namesBoardStage(info.title)) return 'stage';
  }
  return readLeadingHeadingPriority(title) !== null ? 'priority' : null;
}

/**
 * What a short line over a list says of its items as a heading would: a priority, a phase, a
 * schedule, an owner; null when it says none (`**Notes**`, `Steps:`) or is a field line.
 */
export function listLabel(st: State, l0: LineSlice): ListLabel | null {
  if (l0.end - l0.start > MAX_LABEL_LINE || readFieldLine(st.text, l0.start, l0.end, true) !== null)
    return null;
  const raw = st.text
    .slice(l0.start, l0.end)
    .replace(/\*\*|__/g, '')
    .replace(/[\s:：]+$/u, '')
    .trim();
  if (raw === '' || !/[\p{L}\p{N}]/u.test(raw)) return null;
  const info = readHeading(raw);
  const owner = headingOwner(info.title)?.owner ?? null;
  if (info.priority === null && info.phase === null && info.window === null && owner === null) return null;
  return { priority: info.priority, phase: info.phase, window: info.window, owner };
}

/** How many bullets of a list are items by a status mark opening or ending them (up to two). */
export function markedSteps(st: State, list: ListBlock): number {
  let known = st.markedStepCounts.get(list);
  if (known === undefined) {
    known = 0;
    for (const li of list.children) {
      const p = leadParagraph(li);
      if (p === null || isBoxed(st, li)) continue;
      const l0 = p.lines[0]!;
      if (endsWithOwnMark(st, l0) || statusBulletDraft(st, li.startLine, l0) !== null) known++;
      if (known === 2) break;
    }
    st.markedStepCounts.set(list, known);
  }
  return known;
}

/**
 * Whether two or more bullets of a list end with TaskPaper's status tags (`- Buy milk
 * @done(2026-11-20)`, `- Call the bank @waiting`): the list is TaskPaper's, where every bullet is a
 * task, open until a tag says otherwise (taskPaperBulletDraft).
 */
function taskPaperList(st: State, list: ListBlock): boolean {
  return leadLinesPassing(list, (l0) => endsWithTaskPaperStatus(st.text, l0.start, l0.end)) === 2;
}

/**
 * marksAtEnd and taskPaperList of a list of two bullets or more, read once and only when a bullet
 * without a box asks: most lists are checklists, whose boxes say their status.
 */
export function listMarksAtEnd(st: State, list: ListBlock): boolean {
  let v = st.marksAtEndOf.get(list);
  if (v === undefined) {
    const own = markedEnds(st, list);
    // One bullet so marked, in a list whose cousins (the lists nested in the other bullets of the
    // list it is nested in) end two of theirs so: a roadmap's bullets grouped under their quarters
    // (`- Q1` over `- Search (in progress)` and `- SSO (planned)`, `- Q2` over `- Offline (blocked)`).
    v = own >= 2 || (own === 1 && markedCousins(st, list));
    st.marksAtEndOf.set(list, v);
  }
  return v;
}

/**
 * How many bullets of a list (up to two) end with a status mark, or a status in parentheses (`(⚪ not
 * started)`), or give their status after their name and a colon (`- Search: not started (P1)`, which
 * may go on with fields): two, and the list's marks are statuses.
 */
function markedEnds(st: State, list: ListBlock): number {
  return leadLinesPassing(
    list,
    (l0, li) =>
      endsWithOwnMark(st, l0) ||
      endsWithStatusGroup(st.text.slice(l0.start, l0.end)) ||
      keyedStatusDraft(st, li, l0) !== null,
  );
}

/**
 * Whether a list nested in a bullet has a cousin list whose bullets end two of theirs with status
 * marks. Counted once per outer list, so a list of many nested lists costs its size.
 */
function markedCousins(st: State, list: ListBlock): boolean {
  const outer = outerList(st, list);
  if (outer === undefined) return false;
  let n = st.markedNestedLists.get(outer);
  if (n === undefined) {
    n = 0;
    for (const li of outer.children)
      for (const c of li.children) if (c.type === 'list' && markedEnds(st, c) >= 2) n++;
    st.markedNestedLists.set(outer, n);
  }
  return n > 0;
}

/** The list a list is nested in (in one of its bullets), from a map of the document's lists made once. */
function outerList(st: State, list: ListBlock): ListBlock | undefined {
  if (st.outerLists === null) {
    const map = new Map<ListBlock, ListBlock>();
    // Walked with a stack: lists may nest thousands deep.
    const stack: Block[] = [st.doc];
    for (let b = stack.pop(); b !== undefined; b = stack.pop()) {
      if (b.type === 'list') {
        for (const li of b.children)
          for (const c of li.children) {
            if (c.type === 'list') map.set(c, b);
            stack.push(c);
          }
      } else if ('children' in b) for (const c of b.children) stack.push(c);
    }
    st.outerLists = map;
  }
  return st.outerLists.get(list);
}

export function isTaskPaperList(st: State, list: ListBlock): boolean {
  return onceFor(st, st.taskPaperOf, list, taskPaperList);
}

function onceFor(
  st: State,
  known: Map<ListBlock, boolean>,
  list: ListBlock,
  test: (st: State, list: ListBlock) => boolean,
) {
  let v = known.get(list);
  if (v === undefined) {
    v = list.children.length >= 2 && test(st, list);
    known.set(list, v);
  }
  return v;
}

/** How many bullets of `list` (up to two) have a first line that passes `test`. */
function leadLinesPassing(list: ListBlock, test: (l0: LineSlice, li: ListItemBlock) => boolean): number {
  let passed = 0;
  for (const li of list.children) {
    const p = leadParagraph(li);
    if (p !== null && test(p.lines[0]!, li) && ++passed === 2) break;
  }
  return passed;
}

export function isTaskPaperLead(st: State, li: ListItemBlock): boolean {
  const p = leadParagraph(li);
  return p !== null && isTaskPaperTask(st, p.lines[0]!);
}

export function isTaskPaperTask(st: State, l0: LineSlice): boolean {
  let e = l0.end;
  while (e > l0.start && isSpace(st.text.charCodeAt(e - 1))) e--;
  return (
    e > l0.start &&
    st.text.charCodeAt(e - 1) !== 58 &&
    readFieldLine(st.text, l0.start, l0.end, true) === null
  );
}

/**
 * The lists of plain bullets right under headings that name a status or open with a priority, when
 * the plan has two or more such sections: a board written without boxes (`## ✅ Shipped`, `## 🚧 In
 * progress`, `## Planned`, a bullet per card), or a backlog sorted by priority (`## P0 - Reliability`,
 * `## Must have`, `## 🟢 Low`, a bullet per task). One such section alone (a `## Done` of notes) is
 * not read as a lane, unless a section that names a status holds boxes beside it (`## Someday` of
 * bullets beside `## Done` of boxes), or it names a list of work to do (`## TODO`, `## Action
 * items`, `## Backlog`): what such a list holds is work, written as bullets.
 */
export function plainLanes(st: State): Set<ListBlock> | null {
  const found = new Set<ListBlock>();
  let lanes = 0;
  let todoLists = 0;
  // Sections that name a status and hold boxes: with one lane of plain bullets they make a board
  // (`## Done` of boxes beside `## Someday` of bullets).
  let boxedLanes = 0;
  let heading: HeadingBlock | null = null;
  // The lane the heading names, read once and only for a heading with a list under it.
  let lane: Lane | null | undefined;
  // The headings of columns that name a status or a list of work, plain or boxed, and their levels;
  // and the stages (`### Review`), with their lists of plain bullets: lanes beside two such columns
  // of their level.
  const columns = new Set<HeadingBlock>();
  const columnLevels = new Set<number>();
  const stages: { heading: HeadingBlock; list: ListBlock | null }[] = [];
  let counted = false;
  let boxed = false;
  const named = (h: HeadingBlock) => namesLane(h.lines.map((l) => st.text.slice(l.start, l.end)).join(' '));
  const plain = (li: ListItemBlock) => isPlainBullet(st, li);
  const card = (li: ListItemBlock) => isLabelledCard(st, li);
  const boxedBullet = (li: ListItemBlock) => isBoxed(st, li);
  const keyedNote = (li: ListItemBlock) => isKeyedNote(st, li);
  const column = (h: HeadingBlock) => {
    columns.add(h);
    columnLevels.add(h.level);
  };
  // Lists of plain bullets under a label that names a list of work (`**Action items:**`, `TODO:`):
  // tasks as under such a heading, whatever the section they are in. A list under a label of another
  // kind (`Notes:`) is the label's: no list of a to-do section's work.
  const labelled = new Set<ListBlock>();
  const otherLabel = new Set<ListBlock>();
  const top = st.doc.children;
  for (let k = 0; k < top.length; k++) {
    const b = top[k]!;
    if (b.type === 'paragraph') {
      const next = top[k + 1];
      if (next?.type === 'list' && b.lines.length === 1) {
        const label = labelKind(st, b.lines[0]!);
        if (label === 'todo' && (next.children.some(plain) || next.children.some(card))) {
          labelled.add(next);
          st.cardLanes.add(next);
        } else if (label === 'other') otherLabel.add(next);
      }
      continue;
    }
    if (b.type === 'list' && labelled.has(b)) continue;
    if (b.type === 'heading') {
      heading = b;
      lane = undefined;
      counted = false;
      boxed = false;
    } else if (b.type === 'list' && heading !== null && lane !== null) {
      // Bullets labelled in bold are cards of a list of work (`## TODO`, `## Action items`). Not of
      // another lane: a changelog's `### Removed` of `- **Breaking:** …` is no board.
      let cards = false;
      if (b.children.some(card)) {
        lane ??= named(heading);
        cards = lane === 'todo-list';
      }
      if (!cards && !b.children.some(plain)) {
        if (boxed || !b.children.some(boxedBullet)) continue;
        lane ??= named(heading);
        if (lane === 'stage') stages.push({ heading, list: null });
        else if (lane === 'status' || lane === 'todo-list') column(heading);
        // A section of boxes and plain bullets both is one lane, not a board of two.
        if (lane !== null && lane !== 'priority' && !counted) boxedLanes++;
        boxed = true;
        continue;
      }
      lane ??= named(heading);
      if (lane === 'stage') {
        stages.push({ heading, list: b });
        continue;
      }
      if (lane === 'status' || lane === 'todo-list') column(heading);
      if (
        lane === null ||
        (lane === 'priority' && b.children.some(keyedNote)) ||
        (lane === 'todo-list' && otherLabel.has(b))
      )
        continue;
      found.add(b);
      if (cards) st.cardLanes.add(b);
      if (!counted) {
        lanes++;
        // Boxes in the list or beside it or not: an edit boxes a bullet as it sets its status, and
        // the bullets around it must stay tasks.
        if (lane === 'todo-list') todoLists++;
        if (boxed && lane !== 'priority') boxedLanes--;
      }
      counted = true;
    }
  }
  let board = lanes >= 2 || (lanes === 1 && (boxedLanes >= 1 || todoLists >= 1));
  if (columns.size >= 2) {
    for (const stage of stages) {
      if (!columnLevels.has(stage.heading.level)) continue;
      st.stageLanes.add(stage.heading);
      if (stage.list !== null) {
        found.add(stage.list);
        board = true;
      }
    }
  }
  if (!board && labelled.size === 0) return null;
  if (!board) found.clear();
  for (const l of labelled) found.add(l);
  return found;
}

/**
 * What a paragraph's one line labels, when it is a label: a list of work (`**Action items:**`,
 * `TODO:`) or something else (`Notes:`, `**Search box:**`); null for a line of text.
 */
function labelKind(st: State, l0: LineSlice): 'todo' | 'other' | null {
  if (l0.end - l0.start > MAX_LANE_TITLE) return null;
  const raw = st.text.slice(l0.start, l0.end);
  // A label ends with its colon, in its emphasis or after it, or is the line's emphasis whole.
  const label = /^(\*\*|__)?([^*_:：]+?)[ \t]*(?:[:：][ \t]*\1|\1[ \t]*[:：]|\1)[ \t]*$/.exec(raw);
  if (label === null || (label[1] === undefined && !/[:：][ \t]*$/.test(raw))) return null;
  return readHeading(repairForMatching(label[2]!)).todoList ? 'todo' : 'other';
}

/** A list item whose first line opens with a box. */
function isBoxed(st: State, li: ListItemBlock): boolean {
  const p = leadParagraph(li);
  if (p === null) return false;
  const l0 = p.lines[0]!;
  return readCheckbox(st.text, l0.start, l0.end, p.lines.length > 1) !== null;
}

/**
 * A plain bullet that opens with a key of its own (`- Location: src/search.ts`): under a heading that
 * opens with a priority (`### P0: SQL injection in search`), the heading is the task and such
 * bullets its notes.
 */
function isKeyedNote(st: State, li: ListItemBlock): boolean {
  return isPlainBullet(st, li) && plainKeyField(st, leadParagraph(li)!.lines[0]!) !== null;
}

/**
 * A bullet opening with a label in bold and its colon that names no attribute and is no remark (`-
 * **Docs**: rewrite the intro`, `- **API:** add pagination`): in a list of work (see State.cardLanes), a card
 * named by its label and words, as a plain bullet is one. Not `- **Owner:** Kim` nor `- **Note:** …`.
 */
export function isLabelledCard(st: State, li: ListItemBlock): boolean {
  const p = leadParagraph(li);
  if (p === null) return false;
  const l0 = p.lines[0]!;
  const c = st.text.charCodeAt(l0.start);
  if ((c !== 42 && c !== 95) || st.text.charCodeAt(l0.start + 1) !== c) return false;
  const fields = readFieldLine(st.text, l0.start, l0.end, true);
  if (fields === null || fields.length !== 1) return false;
  const f = fields[0]!;
  return f.value.trim() !== '' && !isAttributeKey(f.rawKey) && !REMARK_LABELS.has(normaliseKey(f.rawKey));
}
/** Labels of a remark beside the cards, not of one: `**Note:** sorted by impact`. */
const REMARK_LABELS: ReadonlySet<string> = new Set(
  'note notes nb tip warning caution caveat context summary background example examples decision decisions question questions answer reason why update fyi result outcome goal goals scope risk risks impact link links ref reference references details description'.split(
    ' ',
  ),
);

/** A list item whose first line is text, not a box, a field line or a status mark. */
export function isPlainBullet(st: State, li: ListItemBlock): boolean {
  const p = leadParagraph(li);
  if (p === null) return false;
  const l0 = p.lines[0]!;
  return (
    readCheckbox(st.text, l0.start, l0.end, p.lines.length > 1) === null &&
    !readFieldLine(st.text, l0.start, l0.end, true)
  );
}

/** Whether a bullet is struck through whole in a list of boxes or status marks (struckBulletDraft). */
export function isStruckTask(st: State, li: ListItemBlock, list: ListBlock): boolean {
  const p = leadParagraph(li);
  if (p === null) return false;
  const l0 = p.lines[0]!;
  return isStruckWhole(st.text.slice(l0.start, l0.end)) && holdsMarkedItems(st, list);
}

/** Whether a list holds a bullet that is an item by its box or the status mark opening it. */
export function holdsMarkedItems(st: State, list: ListBlock): boolean {
  let known = st.markedLists.get(list);
  if (known === undefined) {
    known = list.children.some((li) => {
      const p = leadParagraph(li);
      return p !== null && (isBoxed(st, li) || statusBulletDraft(st, li.startLine, p.lines[0]!) !== null);
    });
    st.markedLists.set(list, known);
  }
  return known;
}

/** The longest line read as a list's label (see ListLabel). */
const MAX_LABEL_LINE = 120;
