/**
 * Status tables: a table with a row per task (`| ID | Task | Status | Owner | Due |`) makes each
 * row an item, its cells the item's fields. A table is read so when its header names a status
 * column (or a Done column whose every cell is a mark: `✅`, `❌`, `[x]`, `yes`, empty, its header
 * that word or none) and a task column, and no cell holds a figure of progress (`3/10`, `45%`, a bar): tables of counts are
 * dashboards, checked by lint and sync, not items.
 */
import type { Field } from '../model.js';
import { isAttributeKey, normaliseKey } from './attributes/keys.js';
import type { LineSlice } from './block-types.js';

/** Headers of the column that names the task. */
const TITLE_HEADERS: ReadonlySet<string> = new Set([
  'task',
  'tasks',
  'title',
  'item',
  'items',
  'name',
  'description',
  'feature',
  'deliverable',
  'action',
  'action item',
  'work item',
  'todo',
  'to do',
  'step',
  'story',
  'user story',
  'issue',
  'ticket',
  'activity',
  'requirement',
  'change',
  'work',
  'bug',
  'epic',
  'initiative',
  'summary',
  'what',
  'key result',
  'task name',
  // The same headers in the languages plans are written in.
  ...'aufgabe aufgaben tätigkeit tâche tâches tache taches tarea tareas tarefa tarefas attività compito taak taken zadanie tugas görev задача задачи 任务 任務 タスク 작업 할일'.split(
    ' ',
  ),
]);
/**
 * Headers of a column that names the work when no column above does: a roadmap's milestones (`|
 * Milestone | Owner | ETA | Status |`), when the table says who or by when as a tracker's does. A table
 * of milestones or phases with their status alone (`| Phase | Goal | Status |`) is the dashboard of the
 * plan's sections, and beside a task column the milestone is the task's field.
 */
const MILESTONE_HEADERS: ReadonlySet<string> = new Set(
  'milestone milestones meilenstein jalon hito marco traguardo веха 里程碑 マイルストーン 마일스톤'.split(
    ' ',
  ),
);
/** Headers of a column of dates that a status table's tasks are to be done by. */
const DATE_HEADERS: ReadonlySet<string> = new Set(['date', 'when']);

/** Headers of the column that holds the task's ID (besides `id`, which normaliseKey already maps). */
const ID_HEADERS: ReadonlySet<string> = new Set(['#', 'no', 'no.', 'key', 'ref', 'task id', 'ticket id']);
/**
 * A cell that is a figure of progress: `3/10`, `0/3 (0%)`, `45%`, a bar `███░░`. Its table is a
 * dashboard. A title or a date that holds a slash or a percent sign (`01/15/2026`) is not one.
 */
const FIGURE_RE =
  /^[*_\s]*(?:\d+\s*\/\s*\d+(?:\s*\(\d+(?:\.\d+)?\s*%\))?|\d+(?:\.\d+)?\s*%)[*_\s]*$|[█▓▒░■□]{3}/;

export interface TableCell {
  /** The cell's content, trimmed. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface TableRow {
  /** 0-based line. */
  readonly line: number;
  readonly title: TableCell;
  readonly id: TableCell | null;
  /** The row's cells under known attribute columns (status among them), empty cells included. */
  readonly fields: Field[];
  /**
   * In a table whose status is a Done column of marks (`| Task | Done |` over `✅`, `❌`, `yes`, ``),
   * whether the row's cell says done (its field is `done`); null in a table with a status column.
   */
  readonly done: boolean | null;
}

/** A mark in a Done column that says done, lower case: a check, a ticked box, yes. */
const DONE_MARKS: ReadonlySet<string> = new Set([
  '✅',
  '✔',
  '✓',
  '☑',
  '✔️',
  '☑️',
  'x',
  '[x]',
  'yes',
  'y',
  'true',
]);
/** A mark in a Done column that says not done: a cross, an open box, no, a dash; or an empty cell. */
const NOT_DONE_MARKS: ReadonlySet<string> = new Set([
  '',
  '❌',
  '✗',
  '✘',
  '✖',
  '✖️',
  '☐',
  '⬜',
  '[ ]',
  'no',
  'n',
  'false',
  '-',
  '—',
]);

/** Headers of a column that says whether a task is done, by a mark per row. */
const DONE_HEADERS: ReadonlySet<string> = new Set([
  'done',
  'done?',
  'complete',
  'complete?',
  'completed',
  'completed?',
  'finished',
  '✅',
  '✓',
  '✔',
  '✔️',
  '☑',
  '☑️',
  ...'erledigt fertig hecho terminé fait feito concluído fatto selesai готово 完成 完了'.split(' '),
]);

/** An ISO date ending a Done column's cell: the day the task was done (`[x] 2026-09-20`). */
const DONE_DATE_RE = /(?:^|\s)\d{4}-\d{2}-\d{2}$/;

/** A Done column's cell without the date it ends with (`[x] 2026-09-20` → `[x]`), trimmed. */
export function withoutDoneDate(cell: string): string {
  const t = cell.trim();
  const date = DONE_DATE_RE.exec(t);
  return date ? t.slice(0, date.index).trim() : t;
}

/**
 * Whether a Done column's cell says done (true), not done (false), or is no mark (null). A mark may
 * be in bold or code (`` `[x]` ``) and be followed by the date it was done; a date alone is done.
 */
function doneMark(cell: string): boolean | null {
  let t = withoutDoneDate(cell);
  // A date alone: the day it was done.
  if (t === '' && cell.trim() !== '') return true;
  t = t
    .replace(/^(\*\*|__|`)(.*)\1$/, '$2')
    .trim()
    .toLowerCase();
  return DONE_MARKS.has(t) ? true : NOT_DONE_MARKS.has(t) ? false : null;
}

/** The task rows of a table (header, delimiter row, body rows), or null when it is not a status table. */
export function readStatusTable(text: string, rows: readonly LineSlice[]): TableRow[] | null {
  if (rows.length < 3) return null;
  const header = cellsOf(text, rows[0]!);
  const lowers = header.map((c) => c.text.replace(/[*_`]/g, '').trim().toLowerCase());
  let titleCol = lowers.findIndex((h) => TITLE_HEADERS.has(h));
  // A tracker's export names its ID column and its title column both as a task's (`| Ticket | Summary
  // |`, `| Issue | Title |`): the title is the first such column whose cells are not all IDs.
  if (titleCol >= 0) {
    const next = lowers.findIndex((h, i) => i > titleCol && TITLE_HEADERS.has(h));
    if (next >= 0 && allTrackerIds(text, rows, titleCol)) titleCol = next;
  }
  if (
    titleCol < 0 &&
    lowers.some((h) => h === 'owner' || normaliseKey(h) === 'owner' || normaliseKey(h) === 'due')
  ) {
    titleCol = lowers.findIndex((h) => MILESTONE_HEADERS.has(h));
    if (titleCol < 0) titleCol = namingColumn(lowers);
  }
  let idCol = -1;
  let statusCol = -1;
  const keys: (string | null)[] = header.map((c, i) => {
    const raw = c.text.replace(/[*_`]/g, '').trim();
    const lower = lowers[i]!;
    if (i === titleCol) return null;
    if (idCol < 0 && ID_HEADERS.has(lower)) {
      idCol = i;
      return null;
    }
    // A task's `Date` or `When` (a tracker's export names its date so) is its target: a deadline when
    // it is a date and none is stated.
    const key = DATE_HEADERS.has(lower) ? 'target' : normaliseKey(raw);
    if (key === 'id' && idCol < 0) {
      idCol = i;
      return null;
    }
    if (key === 'status' && statusCol < 0) statusCol = i;
    return key;
  });
  if (titleCol < 0) return null;
  const body = rows.slice(2).map((r) => cellsOf(text, r));
  if (idCol < 0) {
    idCol = trackerColumn(header, body, titleCol);
    if (idCol >= 0) keys[idCol] = null;
  }
  // Without a status column, a Done column of marks says which tasks are done: every cell a mark.
  let doneCol = -1;
  if (statusCol < 0) {
    doneCol = lowers.findIndex((h) => DONE_HEADERS.has(h));
    // A column without a header whose cells are all marks, one at least written (`| [x] | Press
    // release | Mia |`): the boxes of a checklist drawn as a table.
    if (doneCol < 0)
      doneCol = lowers.findIndex(
        (h, i) =>
          h === '' &&
          i !== titleCol &&
          body.some((cells) => (cells[i]?.text ?? '') !== '') &&
          body.every((cells) => doneMark(cells[i]?.text ?? '') !== null),
      );
    if (doneCol < 0) return null;
  }
  if (doneCol >= 0) {
    if (!body.every((cells) => doneMark(cells[doneCol]?.text ?? '') !== null)) return null;
    if (!body.some((cells) => (cells[titleCol]?.text ?? '') !== '' && cells[doneCol] !== undefined))
      return null;
    statusCol = doneCol;
    keys[doneCol] = 'done';
  }
  const out: TableRow[] = [];
  for (let r = 2; r < rows.length; r++) {
    const cells = body[r - 2]!;
    for (const c of cells) if (FIGURE_RE.test(c.text)) return null;
    const title = cells[titleCol];
    if (!title || title.text === '' || /^(?:\*\*|__)?total\b/i.test(title.text)) continue;
    const fields: Field[] = [];
    for (let i = 0; i < header.length; i++) {
      const key = keys[i];
      const cell = cells[i];
      if (!key || !cell) continue;
      fields.push({
        key,
        rawKey: header[i]!.text,
        value: cell.text.replace(/\\\|/g, '|'),
        span: { start: cell.start, end: cell.end },
        valueSpan: { start: cell.start, end: cell.end },
        style: 'table-cell',
      });
    }
    const id = idCol >= 0 ? (cells[idCol] ?? null) : null;
    const done = doneCol >= 0 ? doneMark(cells[doneCol]?.text ?? '') : null;
    out.push({ line: rows[r]!.line, title, id: id && id.text !== '' ? id : null, fields, done });
  }
  return out.length > 0 ? out : null;
}

/**
 * The first column, or the one after an ID's, when its header names no attribute, ID, date, mark or
 * remark: what a tracker's rows are (`| Workstream | Owner | Status | ETA |`, `| Service | DRI |
 * Status |`), in a table that says who or by when. -1 when it names one (`| Phase | Owner | Status
 * |`: a phase is an attribute, and a table of phases the dashboard of the plan's sections).
 */
function namingColumn(lowers: readonly string[]): number {
  const at = ID_HEADERS.has(lowers[0]!) || normaliseKey(lowers[0]!) === 'id' ? 1 : 0;
  const h = lowers[at];
  if (h === undefined || h === '' || !/^\p{L}/u.test(h)) return -1;
  return isAttributeKey(h) || DATE_HEADERS.has(h) || DONE_HEADERS.has(h) || REMARK_HEADERS.has(h) ? -1 : at;
}
/** Headers of a column of remarks on a row, not its name. */
const REMARK_HEADERS: ReadonlySet<string> = new Set([
  'notes',
  'note',
  'comments',
  'comment',
  'remarks',
  'details',
  'links',
  'link',
  'risks',
  'blockers',
  'updates',
  'update',
]);

/** Headers of a column that may hold each task's ticket in a tracker (`| Action | Owner | Ticket |`). */
const TRACKER_HEADERS: ReadonlySet<string> = new Set(['ticket', 'issue', 'jira', 'tracker', 'bug']);
/** A tracker's ID: `OPS-123`, `ENG-42`, or an issue's number, `#418`. */
const TRACKER_ID_RE = /^(?:[A-Z][A-Z0-9]{1,9}-\d{1,6}|#\d{1,6})$/;

/** Whether every body row's cell in column `col` is a tracker's ID (`OPS-123`, `#418`). */
function allTrackerIds(text: string, rows: readonly LineSlice[], col: number): boolean {
  for (let r = 2; r < rows.length; r++) {
    const t = cellsOf(text, rows[r]!)[col]?.text ?? '';
    if (!TRACKER_ID_RE.test(t)) return false;
  }
  return true;
}

/**
 * The column besides the title's whose header names a tracker and whose cells are each task's own
 * ticket (a tracker ID each, no two the same, some left empty maybe): the tasks' IDs. -1 when none is.
 */
function trackerColumn(header: readonly TableCell[], body: readonly TableCell[][], titleCol: number): number {
  for (let i = 0; i < header.length; i++) {
    if (i === titleCol || !TRACKER_HEADERS.has(header[i]!.text.replace(/[*_`]/g, '').trim().toLowerCase()))
      continue;
    const seen = new Set<string>();
    let ok = true;
    for (const cells of body) {
      const t = cells[i]?.text ?? '';
      if (t === '') continue;
      if (!TRACKER_ID_RE.test(t) || seen.has(t)) {
        ok = false;
        break;
      }
      seen.add(t);
    }
    if (ok && seen.size > 0) return i;
  }
  return -1;
}

/** Headers of the first and second column of a table that lists an item's fields. */
const FIELD_TABLE_KEY_HEADERS: ReadonlySet<string> = new Set([
  '',
  'field',
  'fields',
  'property',
  'properties',
  'attribute',
  'attributes',
  'key',
  'metadata',
  'meta',
]);
const FIELD_TABLE_VALUE_HEADERS: ReadonlySet<string> = new Set(['', 'value', 'values', 'detail', 'details']);

/** Keys that make a table of two columns a list of fields: taskmark's attributes. */
const FIELD_TABLE_KEYS: ReadonlySet<string> = new Set([
  'status',
  'priority',
  'owner',
  'due',
  'effort',
  'category',
  'tags',
  'depends',
  'phase',
  'points',
  'start',
]);

/**
 * The fields of a table of two columns that lists an item's attributes, a key and its value per row
 * (`| Field | Value |` over `| Status | Draft |`), or null when it is not one: its header names keys
 * or values, and two rows at least name a status, priority, owner or due date, or another of
 * taskmark's attributes, and one of the first four.
 * The header is a header, not a field. A field spans its row's cells; removing it empties the value.
 */
export function readFieldTable(text: string, rows: readonly LineSlice[]): Field[] | null {
  if (rows.length < 4) return null;
  const header = cellsOf(text, rows[0]!);
  if (header.length !== 2) return null;
  // Its header says so (`| Field | Value |`, `| Property | |`): a glossary (`| Term | Meaning |`) may
  // name statuses and owners too.
  const [k, v] = header.map((c) => c.text.replace(/[*_`]/g, '').trim().toLowerCase());
  if (!FIELD_TABLE_KEY_HEADERS.has(k!) && !FIELD_TABLE_VALUE_HEADERS.has(v!)) return null;
  const fields: Field[] = [];
  let known = 0;
  let item = false;
  for (let r = 2; r < rows.length; r++) {
    const cells = cellsOf(text, rows[r]!);
    // A row without a key or a value cell is skipped, as a table shows it: cells it lacks are empty.
    if (cells.length < 2 || cells[0]!.text === '') continue;
    const rawKey = cells[0]!.text;
    const key = normaliseKey(rawKey);
    if (FIELD_TABLE_KEYS.has(key)) known++;
    if (key === 'status' || key === 'priority' || key === 'owner' || key === 'due') item = true;
    const value = cells[1]!;
    fields.push({
      key,
      rawKey,
      value: value.text.replace(/\\\|/g, '|'),
      span: { start: cells[0]!.start, end: value.end },
      valueSpan: { start: value.start, end: value.end },
      style: 'table-cell',
    });
  }
  return known >= 2 && item ? fields : null;
}

/**
 * The cells of a table row: contents between the pipes that separate cells (not `\|`, not a pipe
 * inside a code span), trimmed, with their offsets in `text`. An empty cell's span is all of it.
 */
export function cellsOf(text: string, row: Pick<LineSlice, 'start' | 'end'>): TableCell[] {
  const cells: TableCell[] = [];
  let i = row.start;
  while (i < row.end && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === '|') i++;
  let cellStart = i;
  let ticks = 0;
  for (; i <= row.end; i++) {
    const c = i < row.end ? text[i] : '|';
    if (c === '`') {
      let n = 0;
      while (text[i + n] === '`') n++;
      ticks = ticks === 0 ? n : ticks === n ? 0 : ticks;
      i += n - 1;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (i < row.end && (c !== '|' || ticks > 0)) continue;
    if (i === row.end && text.slice(cellStart, row.end).trim() === '' && cells.length > 0) break;
    let s = cellStart;
    let e = Math.min(i, row.end);
    while (s < e && (text[s] === ' ' || text[s] === '\t')) s++;
    while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
    if (s === e) {
      // An empty cell: its span is all of it, spaces included, for a value to be written padded.
      s = cellStart;
      e = Math.min(i, row.end);
    }
    const content = text.slice(s, e);
    cells.push({ text: content.trim() === '' ? '' : content, start: s, end: e });
    cellStart = i + 1;
  }
  return cells;
}
