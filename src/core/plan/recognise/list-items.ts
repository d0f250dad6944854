/**
 * A list item: onListItem reads its first line through the bullet recognisers in turn, those that
 * read the bullet's list among them (marked, TaskPaper, lane, struck, cookie, field list, unmarked
 * step), then its later lines as the title wrapped or its fields. A list of field bullets under a
 * heading is the heading's fields (fieldBullets).
 */
import type { Field } from '../../model.js';
import { readFieldLine } from '../attributes/field-lines.js';
import { ITEM_KEYS } from '../attributes/keys.js';
import type { LineSlice, ListBlock, ListItemBlock, ParagraphBlock } from '../block-types.js';
import { isSpace } from '../chars.js';
import { readCheckbox } from '../checkbox.js';
import { hasDamage } from '../encoding.js';
import { holdsCookie } from '../marks.js';
import {
  checkboxDraft,
  endsWithOwnMark,
  isDigitCode,
  keyedStatusDraft,
  keywordBulletDraft,
  leadParagraph,
  statusBulletDraft,
} from './bullets.js';
import type { MadeItem } from './draft.js';
import { kiroRequirements, plainKeyField, sectionFields } from './fields.js';
import {
  holdsMarkedItems,
  isLabelledCard,
  isPlainBullet,
  isStruckTask,
  isTaskPaperLead,
  isTaskPaperList,
  isTaskPaperTask,
  listLabel,
  listMarksAtEnd,
  markedSteps,
} from './lists.js';
import { boldTitle } from './sections.js';
import { currentSection, type Frame, headingItem, lineEndOffset, type State } from './state.js';
import { bulletTaskDraft, taskBulletDraft } from './task-lines.js';

/**
 * A list right after a heading whose bullets are field lines (`- **Status:** Done`, `- Owner: Kim`),
 * every one, or up to the tasks of the heading that follow them in the same list (`- **Effort:** 2d`
 * then `- [ ] Generate the keys`): the heading's fields, as a paragraph of field lines would be. A
 * list going on in prose (`- Owner: the team` then `- Refactoring, by Fowler`) is not one.
 */
export function onFieldList(st: State, b: ListBlock) {
  const all = fieldBullets(st, b);
  if (all !== null) sectionFields(st, all);
}

/**
 * The fields of a list whose bullets are field lines, every one or up to the tasks that follow them
 * (see onFieldList), with boxes or not (`- Fix the test @done`, `- Docs (2d, @ana)`); null when it
 * has none, or goes on in prose after them. A task without a box is one too: an edit that gives it
 * a box must not make the fields before it another item's.
 */
export function fieldBullets(st: State, b: ListBlock): Field[] | null {
  const all: Field[] = [];
  let known = 0;
  let i = 0;
  for (; i < b.children.length; i++) {
    const li = b.children[i]!;
    const p = li.children[0];
    if (p?.type !== 'paragraph' || p.startLine !== li.startLine || p.lines.length !== 1) break;
    const l0 = p.lines[0]!;
    // A lane's card labelled in bold (`- **Docs**: rewrite the intro`) is no field of the section.
    if (st.cardLanes.has(b) && isLabelledCard(st, li)) break;
    // A plain key of the plan's own (`- Notes: ran it on the replica`) among keys a plan's fields use.
    const fields = readFieldLine(st.text, l0.start, l0.end, true) ?? plainKeyField(st, l0);
    if (!fields) break;
    if (fields.length > 1 || fields[0]!.style !== 'kv') known++;
    for (const f of fields) all.push({ ...f, style: 'sub-bullet' });
  }
  if (known === 0) return null;
  // A bullet's own mark ending it is its status where the list's bullets end so, or beside boxes.
  const marks = i < b.children.length && (listMarksAtEnd(st, b) || holdsMarkedItems(st, b));
  // A lane's plain bullets are its cards (see plainLanes): tasks, whatever an edit gives them. So
  // are a TaskPaper list's (see taskPaperList).
  const lane = st.lanes?.has(b) === true;
  const taskPaper = i < b.children.length && isTaskPaperList(st, b);
  for (; i < b.children.length; i++) {
    const li = b.children[i]!;
    if (
      !isTaskBullet(st, li, marks, b) &&
      !isLabelOverTasks(st, li) &&
      !(lane && (isPlainBullet(st, li) || (st.cardLanes.has(b) && isLabelledCard(st, li)))) &&
      !(taskPaper && isTaskPaperLead(st, li)) &&
      !isStruckTask(st, li, b)
    )
      return null;
  }
  return all;
}

/**
 * A bullet that only labels the tasks nested under it (`- Acceptance criteria:` over its boxes), or
 * counts them (`- Backend [1/2]`, see cookieBulletDraft): one short line ending in a colon or
 * holding a progress cookie, then lists of tasks and nothing else.
 */
function isLabelOverTasks(st: State, li: ListItemBlock): boolean {
  const p = li.children[0];
  if (p?.type !== 'paragraph' || p.startLine !== li.startLine || p.lines.length !== 1) return false;
  if (li.children.length < 2) return false;
  const l0 = p.lines[0]!;
  const label = st.text
    .slice(l0.start, l0.end)
    .trim()
    .replace(/^(\*\*|__)(.*)\1$/, '$2');
  if (label.length > MAX_LABEL || !(label.endsWith(':') || holdsCookie(label))) return false;
  for (let c = 1; c < li.children.length; c++) {
    const sub = li.children[c]!;
    if (sub.type !== 'list') return false;
    for (const x of sub.children) if (!isTaskBullet(st, x, false, sub)) return false;
  }
  return true;
}

/** Whether a bullet is a task, as onListItem reads it (a lane's card aside): boxed or not. */
function isTaskBullet(st: State, li: ListItemBlock, marks: boolean, list: ListBlock): boolean {
  const p = leadParagraph(li);
  if (p === null) return false;
  const l0 = p.lines[0]!;
  return (
    readCheckbox(st.text, l0.start, l0.end, p.lines.length > 1) !== null ||
    (statusBulletDraft(st, li.startLine, l0) ??
      keywordBulletDraft(st, li.startLine, l0) ??
      taskBulletDraft(st, li, l0, list) ??
      keyedStatusDraft(st, li, l0) ??
      (marks ? markedBulletDraft(st, li, l0) : null)) !== null
  );
}

/**
 * A bullet of a list whose bullets end with a status mark (`- Tag the release ✅`, `- Update the
 * changelog 🚧`), or of a checklist (`- Wohnung kündigen ✅` beside `- [ ]` boxes): with its own
 * mark, it is an item of that status.
 */
function markedBulletDraft(st: State, li: ListItemBlock, l0: LineSlice) {
  return endsWithOwnMark(st, l0) ? bulletTaskDraft(st, li.startLine, l0) : null;
}

/**
 * A numbered step without a mark in a list whose steps show their statuses by marks, two or more
 * of them (`1. Extract the service ✅`, `2. Move the validators ✅`, `3. Update the docs`): a step
 * not begun, as the marked ones are steps done or under way. Under a step read by its mark, one
 * marked sibling is enough. A label (`5. Notes:`), a field line, and a mark too damaged to read
 * (`â³`, a byte lost: reported as damage) are no such step. A bulleted list's unmarked bullets stay
 * prose: there they are as often notes beside the marked ones.
 */
function unmarkedStepDraft(
  st: State,
  li: ListItemBlock,
  para: ParagraphBlock,
  frame: Frame,
): MadeItem | null {
  if (frame.of === undefined || !isPlainBullet(st, li)) return null;
  const l0 = para.lines[0]!;
  let e = l0.end;
  while (e > l0.start && isSpace(st.text.charCodeAt(e - 1))) e--;
  const last = st.text.charCodeAt(e - 1);
  if (e === l0.start || last === 58 || last === 0xff1a) return null;
  if (markedSteps(st, frame.of) < (underMarkedStep(st, frame) ? 1 : 2)) return null;
  if (hasDamage(st.text.slice(l0.start, e))) return null;
  return bulletTaskDraft(st, li.startLine, l0);
}

/** Whether the blocks of `frame` are under a bullet that is an item by its status mark. */
function underMarkedStep(st: State, frame: Frame): boolean {
  if (frame.parentItem < 0) return false;
  const parent = st.drafts[frame.parentItem]!.item;
  return parent.kind === 'status-bullet' && parent.statusSource === 'marker' && parent.list !== null;
}

/**
 * A bullet of a TaskPaper list without a status tag (`- Call mom`, `- Fix the bike @due(2026-12-01)`):
 * an open task, but for a field line and a project's label (`- Errands:`).
 */
function taskPaperBulletDraft(st: State, li: ListItemBlock, l0: LineSlice): MadeItem | null {
  return isTaskPaperTask(st, l0) ? bulletTaskDraft(st, li.startLine, l0) : null;
}

/**
 * A bullet struck through whole (`- ~~Order the desk~~`, `- ~~Dark mode~~ (shipped)`) in a list
 * whose other bullets are items by a box or a status mark: a task struck off the checklist, dropped
 * unless its remark says done. Among plain bullets, a strike is as often a correction of the text.
 */
function struckBulletDraft(st: State, li: ListItemBlock, l0: LineSlice, list: ListBlock | undefined) {
  return list !== undefined && isStruckTask(st, li, list) ? bulletTaskDraft(st, li.startLine, l0) : null;
}

/** A plain bullet of a lane (see plainLanes), or one labelled in bold there: a card, of the lane's status. */
function laneBulletDraft(st: State, li: ListItemBlock, l0: LineSlice, list: ListBlock | undefined) {
  return isPlainBullet(st, li) || (list !== undefined && st.cardLanes.has(list) && isLabelledCard(st, li))
    ? bulletTaskDraft(st, li.startLine, l0)
    : null;
}

/**
 * Reads a list item: its draft when its first line makes one, the first recogniser that reads it
 * winning, else its label or field line; returns the frame of the blocks inside it.
 */
export function onListItem(st: State, li: ListItemBlock, frame: Frame): Frame | null {
  const para = leadParagraph(li);
  const parentItem = frame.parentItem >= 0 ? frame.parentItem : headingItem(st);
  const childDepth =
    frame.parentItem >= 0
      ? frame.depth
      : headingItem(st) >= 0
        ? st.drafts[headingItem(st)]!.item.depth + 1
        : 0;
  const lineStart = st.lines.start[li.startLine]!;
  const sec = currentSection(st);
  const ordered = isDigitCode(st.text.charCodeAt(li.markerStart));
  const outline =
    ordered && typeof frame.outline === 'string'
      ? `${frame.outline === '' ? '' : `${frame.outline}.`}${Number.parseInt(st.text.slice(li.markerStart, li.markerEnd), 10)}`
      : null;
  if (para && !(sec >= 0 && st.legendSections[sec]!)) {
    const l0 = para.lines[0]!;
    const box = readCheckbox(st.text, l0.start, l0.end, para.lines.length > 1);
    const made: MadeItem | null = box
      ? checkboxDraft(st, li, para, box.mark, box.markOffset, box.gfm, box.optional, box.textStart)
      : (statusBulletDraft(st, li.startLine, para.lines[0]!) ??
        keywordBulletDraft(st, li.startLine, para.lines[0]!) ??
        keyedStatusDraft(st, li, para.lines[0]!) ??
        taskBulletDraft(st, li, para.lines[0]!, frame.of) ??
        ((frame.of !== undefined && (listMarksAtEnd(st, frame.of) || holdsMarkedItems(st, frame.of))) ||
        underMarkedStep(st, frame)
          ? markedBulletDraft(st, li, para.lines[0]!)
          : null) ??
        (frame.of !== undefined && isTaskPaperList(st, frame.of)
          ? taskPaperBulletDraft(st, li, para.lines[0]!)
          : null) ??
        (frame.lane ? laneBulletDraft(st, li, para.lines[0]!, frame.of) : null) ??
        struckBulletDraft(st, li, para.lines[0]!, frame.of) ??
        fieldListBulletDraft(st, li, para) ??
        cookieBulletDraft(st, li, para) ??
        (ordered ? unmarkedStepDraft(st, li, para, frame) : null));
    if (made) {
      const { item } = made;
      item.depth = childDepth;
      item.list = {
        marker: st.text.slice(li.markerStart, li.markerEnd),
        markerStart: li.markerStart,
        indent: st.text.slice(lineStart, li.markerStart),
        contentColumn: li.contentColumn,
        ordered,
      };
      item.lineSpan = { start: lineStart, end: st.lines.end[li.startLine]! };
      item.span = { start: lineStart, end: lineEndOffset(st, li.endLine) };
      st.drafts.push({
        item,
        parent: parentItem,
        section: currentSection(st),
        idKind: made.idKind,
        tentative: false,
        endLine: li.endLine,
        matchText: made.matchText,
        matchBase: made.matchBase,
        repairMap: made.repairMap,
        ...(made.titleEnd !== undefined ? { titleEnd: made.titleEnd } : {}),
        ...(frame.of !== undefined && st.listLabels.has(frame.of)
          ? { label: st.listLabels.get(frame.of)! }
          : {}),
        list: frame.list,
        outline:
          outline !== null && frame.root !== undefined ? { root: frame.root, path: outline } : undefined,
      });
      const index = st.drafts.length - 1;
      // A bullet counting its steps is as they are, and a task only where it holds them.
      if (st.countingBullets.has(item)) st.drafts[index]!.tentative = true;
      else if (
        item.statusSource === 'default' &&
        item.checkbox === null &&
        item.kind === 'status-bullet' &&
        countsSteps(st, li, para)
      )
        item.statusSource = 'children';
      // Later lines of the first paragraph: lines the title may be wrapped onto, then field lines.
      const after: string[] = [];
      let wrapping = true;
      for (let i = 1; i < para.lines.length; i++) {
        const s = para.lines[i]!;
        const f = readFieldLine(st.text, s.start, s.end, true);
        if (f) {
          for (const x of f) item.fields.push({ ...x, style: 'sub-bullet' });
          wrapping = false;
        } else if (wrapping && after.length < MAX_WRAPPED_LINES) {
          after.push(st.text.slice(s.start, s.end).trim());
        }
      }
      if (after.length > 0) st.drafts[index]!.after = after;
      return {
        blocks: li.children,
        index: 1,
        parentItem: index,
        depth: childDepth + 1,
        list: -1,
        outline,
        root: frame.root,
      };
    }
    // A plain bullet over a list: the list's label (`1. **Phase 1 — Foundation** (Weeks 1–2)`), or
    // the label over it goes on to the list.
    const sub = li.children[1];
    if (sub?.type === 'list' && para.lines.length === 1) {
      const label =
        listLabel(st, l0) ?? (frame.of !== undefined ? (st.listLabels.get(frame.of) ?? null) : null);
      if (label !== null) st.listLabels.set(sub, label);
    }
    // A plain bullet: a field line of the enclosing item (`- **Duration:** 30 min`), or prose.
    if (frame.parentItem >= 0) {
      const f =
        readFieldLine(st.text, l0.start, l0.end, true) ??
        kiroRequirements(st.text, l0) ??
        (st.fieldListOwners.has(st.drafts[frame.parentItem]!.item) ? plainKeyField(st, l0) : null);
      if (f)
        st.drafts[frame.parentItem]!.item.fields.push(
          ...f.map((x) => ({ ...x, style: 'sub-bullet' as const })),
        );
    }
  }
  return {
    blocks: li.children,
    index: para ? 1 : 0,
    parentItem: frame.parentItem,
    depth: frame.depth,
    list: -1,
    outline,
    root: frame.root,
  };
}

/**
 * A bullet that counts the steps under it (`- Session hardening [2/3]`, `- Backend (40%)`, as org's
 * progress cookies do) over a list: the task they are steps of, its status theirs (linkChildren).
 * Tentative: a bullet whose list holds no items is prose.
 */
function cookieBulletDraft(st: State, li: ListItemBlock, para: ParagraphBlock): MadeItem | null {
  if (!countsSteps(st, li, para)) return null;
  const made = bulletTaskDraft(st, li.startLine, para.lines[0]!);
  if (made.item.statusSource !== 'default') return null;
  made.item.statusSource = 'children';
  st.countingBullets.add(made.item);
  return made;
}

/** Whether a bullet's one line holds a progress cookie, over a list. */
function countsSteps(st: State, li: ListItemBlock, para: ParagraphBlock): boolean {
  if (para.lines.length !== 1 || li.children[1]?.type !== 'list') return false;
  const l0 = para.lines[0]!;
  return l0.end - l0.start <= MAX_COOKIE_LINE && holdsCookie(st.text.slice(l0.start, l0.end));
}

/**
 * A bullet over a list of an item's fields (`1. Migrate auth` over `- Owner: Kim`, `- Status: In
 * progress`): that item, as a heading over field lines is. A status, priority, owner or due date
 * must be among the fields, and the bullet one line that is not a label (`- Details:`) nor a field.
 */
function fieldListBulletDraft(st: State, li: ListItemBlock, para: ParagraphBlock): MadeItem | null {
  const sub = li.children[1];
  if (para.lines.length !== 1 || sub?.type !== 'list') return null;
  const l0 = para.lines[0]!;
  let e = l0.end;
  while (e > l0.start && isSpace(st.text.charCodeAt(e - 1))) e--;
  const last = st.text.charCodeAt(e - 1);
  if (e === l0.start || last === 58 || (st.text.charCodeAt(e - 3) === 58 && (last === 42 || last === 95)))
    return null;
  const fields = fieldBullets(st, sub);
  if (fields === null || !fields.some((f) => ITEM_KEYS.has(f.key))) return null;
  if (readFieldLine(st.text, l0.start, l0.end, true) !== null) return null;
  const made = bulletTaskDraft(st, li.startLine, l0);
  st.fieldListOwners.add(made.item);
  // A title in bold whole (`**Upgrade Postgres**`) is read without it.
  const bold = boldTitle(st, l0);
  if (bold !== null && !bold.repaired && st.text.slice(bold.start, bold.end) === bold.info.title) {
    made.item.titleSpan = { start: bold.start, end: bold.end };
    return { ...made, matchText: bold.info.title, matchBase: bold.start };
  }
  return made;
}

/** The longest label a bullet over a heading item's tasks has (`- Acceptance criteria:`). */
const MAX_LABEL = 60;

/** The most lines a title is read wrapped onto. */
const MAX_WRAPPED_LINES = 8;

/** The longest line of a bullet read for a progress cookie. */
const MAX_COOKIE_LINE = 200;
