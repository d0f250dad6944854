/**
 * Finding a plan's progress claims: lines with counters, percentages, totals and bars; rows of
 * progress tables; progress cookies on item lines (`[2/5]`, `[40%]`). Each claim knows what it
 * is about (its scope) when its label names something the plan has, and where each figure is
 * written, so a check can rewrite only the figures.
 */
import type { Item, Plan, Status } from '../model.js';
import { readStatusValue } from '../plan/attributes/status.js';
import { lineAt } from '../plan/lines.js';
import { LINE, type PlanBlocks } from './blocks.js';
import type { ManagedBlock } from './markers.js';
import { anomaliesByLine, displayLabel, LineText, lineText, norm } from './text.js';
import { type Bar, findTokens, type Num } from './tokens.js';
import { isGenericLabel, type Scope, type Truth } from './truth.js';

export interface StatusCell {
  readonly status: Status;
  readonly text: string;
  readonly from: number;
  readonly to: number;
}

/** A table cell's content between its pipes, in the line's repaired text. */
export interface Cell {
  readonly from: number;
  readonly to: number;
}

export interface Claim {
  readonly kind: 'line' | 'row' | 'cookie';
  readonly line: LineText;
  /** 1-based. */
  readonly lineNo: number;
  /** The label as written (`Must Have`, `Overall Progress`), for messages. */
  readonly label: string;
  /** What the figures are about, or null when the label names nothing taskmark can count. */
  readonly scope: Scope | null;
  /** Counted in phases (`5 of 8 phases complete`), items, or effort (checked against its own numbers only). */
  readonly measure: 'items' | 'phases' | 'effort';
  /** For effort: hours or days. */
  readonly effortUnit?: 'h' | 'd';
  /** Claims of one table share a group, so the table's other rows can tell which unit it counts in. */
  readonly group: number;
  readonly done?: Num;
  readonly total?: Num;
  readonly remaining?: Num;
  readonly percent?: Num;
  readonly bar?: Bar;
  readonly status?: StatusCell;
  /** The same total or done figure written a second time in the row (a Tasks column beside `0/15`). */
  readonly totalTwin?: Num;
  readonly doneTwin?: Num;
  /** For table rows: the cells, so a rewritten figure keeps the column's padding. */
  readonly cells?: readonly Cell[];
}

/** Words that make a line a progress claim; `task`, `item` and `phase` alone also number things (`Task 3/5`). */
const KEYWORD = /\b(?:progress|complete|completed|completion|done|finished|closed|tasks|items|phases)\b/;
const WEAK_KEYWORD = /\b(?:task|item|phase)\b/;
const OVERALL = /\b(?:overall|project|total|whole|entire)\b/;
const OTHER_SHARE =
  /^\)?\s*(?:of|in)\s+(?!(?:the\s+|all\s+)?(?:tasks?|items?|phases?|work|plan|project|total|overall|scope|backlog|roadmap)\b)[\p{L}]/u;
const LEADER = /^[\s>*+#\-│├└┌┐┘┬┴┼─━═║╔╗╚╝|•·]*(?:\d+[.)]\s+)?/u;

/** Strips list markers, tree drawing and emphasis around a label. */
function cleanLabel(s: string): string {
  const label = displayLabel(s)
    .replace(/!?\[([^\][]*)\]\([^()]*\)/g, '$1')
    .replace(LEADER, '')
    .replace(/[│├└┌┐┘─━═║|]+/gu, ' ')
    .replace(/[*_`]+/g, '');
  // The separators that end the label go by hand: `/[\s:=[(–—-]+$/` is tried at every offset of a
  // long run of them, which made a long line quadratic.
  let end = label.length;
  while (end > 0 && LABEL_END.test(label.charAt(end - 1))) end--;
  // A bracket the figure's words opened is no part of the label (`Ship (In Progress - 60%)`).
  const open = Math.max(unclosed(label, end, '(', ')'), unclosed(label, end, '[', ']'));
  if (open >= 0) {
    end = open;
    while (end > 0 && LABEL_END.test(label.charAt(end - 1))) end--;
  }
  return label.slice(0, end).trim();
}

/** Where the last `open` before `end` that no `close` after it closes is, or -1. */
function unclosed(s: string, end: number, open: string, close: string): number {
  const at = s.lastIndexOf(open, end - 1);
  return at > 0 && s.indexOf(close, at) < 0 ? at : -1;
}

/** What may end a label and is not part of it: white space and `: = [ ( – — -`. */
const LABEL_END = /[\s:=[(–—-]/u;

/** Every progress claim in the plan outside managed blocks, in document order. */
export function findClaims(
  plan: Plan,
  blocks: PlanBlocks,
  managed: readonly ManagedBlock[],
  truth: Truth,
): Claim[] {
  const anomalies = anomaliesByLine(plan);
  const inManaged = new Uint8Array(plan.lines.count);
  for (const b of managed) for (let l = b.openLine - 1; l < b.closeLine; l++) inManaged[l] = 1;
  // Item lines hold titles, not dashboards; only a progress cookie on a parent's line is read.
  const itemLines = new Map<number, string>();
  for (const i of plan.items) itemLines.set(i.line, i.key);
  // The field lines of an item with no work under it (`Status: In progress (70%)` under `### 1.2
  // Configure CI`) say how far the item itself has come: nothing taskmark counts checks that.
  const ownProgress = new Set<number>();
  for (const i of plan.items)
    if (i.children.length === 0)
      for (const f of i.fields)
        if (f.span.start >= i.lineSpan.end) ownProgress.add(lineAt(plan.lines, f.span.start));
  const claims: Claim[] = [];
  const { kinds } = blocks;
  for (let l = 0; l < plan.lines.count; l++) {
    const kind = kinds[l];
    if (inManaged[l] || ownProgress.has(l) || (kind !== LINE.text && kind !== LINE.drawn)) continue;
    const start = plan.lines.start[l]!;
    const end = plan.lines.end[l]!;
    if (end - start > 2000 || !/\d/.test(plan.text.slice(start, end))) continue;
    const lt = lineText(plan, l, anomalies);
    const itemKey = itemLines.get(l + 1);
    if (itemKey !== undefined) {
      const cookie = cookieClaim(lt, l + 1, plan, itemKey);
      if (cookie) claims.push(cookie);
      // A heading item's status may say how much of it is done (`## Build (In Progress - 60%)`):
      // a claim about the work under it.
      const item = cookie ? undefined : sharingHeading(plan, itemKey);
      const claim = item && lineClaim(lt, l + 1, truth);
      if (claim) claims.push({ ...claim, scope: { kind: 'item', item: item! } });
      continue;
    }
    const claim = lineClaim(lt, l + 1, truth);
    if (claim) claims.push(claim);
  }
  blocks.tables.forEach((table, group) => {
    const first = table[0]?.line;
    if (first === undefined || inManaged[first]) return;
    for (const c of tableClaims(plan, table, group + 1, truth, anomalies)) claims.push(c);
  });
  return claims.sort((a, b) => a.lineNo - b.lineNo);
}

/** The item, when it is a heading whose status annotation holds a share done (`In Progress - 60%`). */
function sharingHeading(plan: Plan, key: string): Item | undefined {
  const item = plan.byKey.get(key);
  const span = item?.kind === 'heading' ? item.statusSpan : null;
  return span != null && item!.children.length > 0 && plan.text.slice(span.start, span.end).includes('%')
    ? item
    : undefined;
}

function cookieClaim(lt: LineText, lineNo: number, plan: Plan, key: string): Claim | null {
  const m = /\[(?:(\d{1,5})\/(\d{1,5})|(\d{1,3})%)\]/.exec(lt.text);
  const item = plan.byKey.get(key);
  if (!m || !item || item.children.length === 0) return null;
  const at = m.index + 1;
  const base = {
    kind: 'cookie',
    line: lt,
    lineNo,
    label: item.id ?? item.title.replace(/\s*\[(?:\d+\/\d+|\d+%)\]\s*/g, ' ').trim(),
    scope: { kind: 'item', item },
    measure: 'items',
    group: 0,
  } as const;
  if (m[3] !== undefined)
    return { ...base, percent: { value: Number(m[3]), decimals: 0, from: at, to: at + m[3].length } };
  const slash = m[0].indexOf('/');
  return {
    ...base,
    done: { value: Number(m[1]), decimals: 0, from: at, to: at + m[1]!.length },
    total: {
      value: Number(m[2]),
      decimals: 0,
      from: m.index + slash + 1,
      to: m.index + slash + 1 + m[2]!.length,
    },
  };
}

function lineClaim(lt: LineText, lineNo: number, truth: Truth): Claim | null {
  const t = findTokens(lt.text);
  if (t.counters.length > 1 || t.percents.length > 1 || t.bars.length > 1 || t.totals.length > 1) return null;
  const counter = t.counters[0];
  const percent = t.percents[0];
  const bar = t.bars[0];
  const total = t.totals[0];
  if (!counter && !percent && !total) return keyedCountClaim(lt, lineNo, truth);
  const lower = norm(lt.text);
  const strong = bar !== undefined || total !== undefined || KEYWORD.test(lower);
  if (!strong && !WEAK_KEYWORD.test(lower)) return null;
  // A counter and a percentage far apart on a line may measure different things.
  if (counter && percent && !adjacent(lt.text, counter, percent.from, percent.to)) return null;
  // `Progress: 50% of the budget`: a share of something other than the work.
  const tail = lt.text.slice((percent?.to ?? counter?.total.to ?? 0) + 1).toLowerCase();
  if ((percent || counter) && OTHER_SHARE.test(tail)) return null;
  // `12/20 story points`, `40% test coverage`: figures counting something other than the items.
  if (counter && !counter.effort && countsOther(counter.after)) return null;
  if (percent && countsOther(lt.text.slice(percent.to + 1))) return null;
  // A total claim stands alone on its line: `Total Items: 50` beside a counter is read as the counter.
  if (total && (counter || percent)) return null;
  const firstAt = Math.min(
    counter?.done.from ?? Infinity,
    percent?.from ?? Infinity,
    bar ? bar.from - 1 : Infinity,
    total ? 0 : Infinity,
  );
  const label = cleanLabel(lt.text.slice(0, total ? total.from : firstAt));
  const measure = counter?.effort
    ? 'effort'
    : counter && /^\s*phases?\b/.test(counter.after)
      ? 'phases'
      : 'items';
  const generic = isGenericLabel(label);
  // With only `task` or `phase` on the line, the label must name something: `Phase 2 (3/5)`, not `Task 3/5`.
  if (!strong && generic) return null;
  const scope = generic ? truth.enclosing(lineNo, OVERALL.test(lower)) : truth.resolve(label);
  return {
    kind: 'line',
    line: lt,
    lineNo,
    label,
    scope,
    measure,
    ...(counter?.effort ? { effortUnit: counter.effort } : {}),
    group: 0,
    ...(counter ? { done: counter.done, total: counter.total } : {}),
    ...(total ? { total } : {}),
    ...(percent ? { percent } : {}),
    ...(bar ? { bar } : {}),
  };
}

/**
 * A count alone after a word for done or for left (`- Completed: 1`, `**Done:** 3 tasks`, `Tasks
 * remaining: 3`), as a list of counts beside `Total: 4 tasks` writes them. The line holds nothing else.
 * Not `Open` or `Pending`: they count a tracker's issues or reviews as often as the plan's work.
 */
const KEYED_COUNT =
  /^[\s>*+•·-]*(?:\d+[.)]\s+)?[*_]*(?:(?:tasks?|items?|phases?)\s+)?(completed|complete|done|finished|closed|remaining|left|outstanding)(?:\s+(?:tasks?|items?|phases?))?[*_]*[ \t]*[:=][*_ \t]*(\d{1,6})(?:[ \t]+(?:tasks?|items?|phases?))?[*_ \t.]*$/i;

function keyedCountClaim(lt: LineText, lineNo: number, truth: Truth): Claim | null {
  const m = KEYED_COUNT.exec(lt.text);
  if (m === null) return null;
  const at = m.index + m[0].indexOf(m[2]!, m[0].indexOf(m[1]!) + m[1]!.length);
  const count: Num = { value: Number(m[2]), decimals: 0, from: at, to: at + m[2]!.length };
  const left = /^(?:remaining|left|outstanding)$/i.test(m[1]!);
  return {
    kind: 'line',
    line: lt,
    lineNo,
    label: cleanLabel(lt.text.slice(0, at)),
    scope: truth.enclosing(lineNo, OVERALL.test(norm(lt.text))),
    measure: /phases?/i.test(m[0]) ? 'phases' : 'items',
    group: 0,
    ...(left ? { remaining: count } : { done: count }),
  };
}

/** Words that may follow a progress figure; any other word names what it counts (`story points`, `coverage`). */
const COUNTED =
  /^(?:tasks?|items?|phases?|steps?|done|complete|completed|finished|closed|remaining|left|open|overall|progress|of|in|through|and|or|so|to|now|total|todos?|checked|ticked|boxes|checkboxes)$/;

function countsOther(after: string): boolean {
  const word = /^[\s*_)]*([\p{L}]+)/u.exec(after)?.[1]?.toLowerCase();
  return word !== undefined && !COUNTED.test(word);
}

/** `3/10 (30%)`, `30% (3 of 10)`, `3/10 - 30%`: a counter and a percentage written as one figure. */
function adjacent(text: string, counter: { done: Num; total: Num }, from: number, to: number): boolean {
  const gap =
    from > counter.total.to ? text.slice(counter.total.to, from) : text.slice(to + 1, counter.done.from);
  const words = gap
    .replace(/^\s*(?:h|hrs?|hours?|d|days?)\b/, '')
    .replace(/\b(?:tasks?|items?|phases?|done|complete|completed|finished)\b/gi, '');
  return /^[\s()[\]=,:–—-]{0,6}$/u.test(words);
}

const MEASURE_HEADER =
  /^(?:(?:story )?points?|pts|sp|hours?|hrs|days?|effort|estimate|estimates|budget|cost|spent|velocity)$/;

type Column = 'label' | 'total' | 'done' | 'remaining' | 'progress' | 'status' | 'other';

function classifyHeader(raw: string): Column {
  const n = norm(raw);
  if (/%/.test(raw) || /^(?:progress|completion|percent|percentage|percent complete|progress bar)$/.test(n)) {
    return 'progress';
  }
  // Not `#`: that column numbers the rows.
  if (
    /^(?:total|tasks|items|count|total tasks|total items|task count|item count|number of tasks|no of tasks)$/.test(
      n,
    )
  ) {
    return 'total';
  }
  if (
    /^(?:done|completed|complete|finished|closed|done tasks|completed tasks|tasks done|tasks completed)$/.test(
      n,
    )
  ) {
    return 'done';
  }
  if (/^(?:remaining|open|left|to do|todo|outstanding|remaining tasks|open tasks)$/.test(n))
    return 'remaining';
  if (/^(?:status|state)$/.test(n)) return 'status';
  return 'other';
}

/** The cells of a table line: content spans between unescaped pipes. */
function splitCells(s: string): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  let i = 0;
  const lead = /^\s*\|/.exec(s);
  if (lead) start = i = lead[0].length;
  for (; i <= s.length; i++) {
    if (i === s.length || (s[i] === '|' && s[i - 1] !== '\\')) {
      if (i === s.length && s.slice(start).trim() === '' && cells.length > 0) break;
      cells.push({ from: start, to: i });
      start = i + 1;
    }
  }
  return cells;
}

function wholeNumber(lt: LineText, c: Cell): Num | null {
  // Trimmed first: white space on both sides of the bold (`/^\s*(?:\*\*)?\s*…/`) made the regex try
  // every split of a long run of it.
  const cell = lt.text.slice(c.from, c.to);
  const lead = cell.length - cell.trimStart().length;
  const m = /^((?:\*\*|__)?\s*)(\d{1,6})(\s*(?:\*\*|__)?)$/.exec(cell.trim());
  if (!m) return null;
  const from = c.from + lead + m[1]!.length;
  return { value: Number(m[2]), decimals: 0, from, to: from + m[2]!.length };
}

/** The figures of one table row, or null when the row states one figure twice with different values. */
interface RowParts {
  done?: Num;
  total?: Num;
  remaining?: Num;
  percent?: Num;
  bar?: Bar;
  status?: StatusCell;
  totalTwin?: Num;
  doneTwin?: Num;
  measure?: 'effort';
  effortUnit?: 'h' | 'd';
}

/** The columns of a table's header, with its label column; null when the table claims no progress. */
function tableColumns(head: LineText): { columns: Column[]; counts: boolean } | null {
  const names = splitCells(head.text).map((c) => head.text.slice(c.from, c.to).trim());
  const columns = names.map(classifyHeader);
  const counts = columns.some((c) => c === 'total' || c === 'done' || c === 'remaining' || c === 'progress');
  if (!counts && !columns.includes('status')) return null;
  const labelColumn = columns.findIndex((c, i) => c === 'other' && !/^(?:#|no\.?|nr\.?)$/i.test(names[i]!));
  if (labelColumn < 0) return null;
  columns[labelColumn] = 'label';
  // Beside a Points or Hours column, a bare Done or Remaining column may count those rather than items.
  if (names.some((n) => MEASURE_HEADER.test(norm(n)))) {
    columns.forEach((c, i) => {
      if (c === 'done' || c === 'remaining') columns[i] = 'other';
    });
  }
  return { columns, counts };
}

function readRow(lt: LineText, cells: readonly Cell[], columns: readonly Column[]): RowParts | null {
  const parts: RowParts = {};
  let ambiguous = false;
  // The same figure written twice (a Tasks column beside `3/15`) must agree with itself.
  const set = (key: 'total' | 'done', twin: 'totalTwin' | 'doneTwin', n: Num, replace: boolean) => {
    const other = parts[key];
    if (other && other.value !== n.value) ambiguous = true;
    if (!other) parts[key] = n;
    else if (replace) {
      parts[twin] = other;
      parts[key] = n;
    } else parts[twin] = n;
  };
  const progress = (c: Cell) => {
    const t = findTokens(lt.text, c.from, c.to);
    if (t.counters.length > 1 || t.percents.length > 1 || t.bars.length > 1) ambiguous = true;
    const counter = t.counters[0];
    if (counter) {
      if (counter.effort) {
        parts.measure = 'effort';
        parts.effortUnit = counter.effort;
      } else if (countsOther(counter.after)) ambiguous = true;
      set('total', 'totalTwin', counter.total, true);
      set('done', 'doneTwin', counter.done, true);
    }
    if (t.percents[0]) parts.percent = t.percents[0];
    if (t.bars[0]) parts.bar = t.bars[0];
  };
  columns.forEach((col, i) => {
    const c = cells[i]!;
    if (col === 'total' || col === 'done') {
      const n = wholeNumber(lt, c);
      if (n) set(col, col === 'total' ? 'totalTwin' : 'doneTwin', n, false);
      // A Done column may count done of all (`| Done | 4/4 |`), as a progress column does.
      else if (col === 'done') progress(c);
    } else if (col === 'remaining') {
      const n = wholeNumber(lt, c);
      if (n) parts.remaining = n;
    } else if (col === 'progress') {
      progress(c);
    } else if (col === 'status') {
      const status = readStatusCell(lt, c);
      if (status) parts.status = status;
    }
  });
  return ambiguous ? null : parts;
}

/** A status cell that says not started, in progress or complete (blocked and cancelled are left alone). */
function readStatusCell(lt: LineText, c: Cell): StatusCell | null {
  const raw = lt.text.slice(c.from, c.to);
  const s = raw
    .trim()
    .replace(/^(\*\*|__)(.*)\1$/, '$2')
    .trim();
  const read = s.length <= 30 && s.split(/\s+/).length <= 4 ? readStatusValue(s) : null;
  if (!read || (read.status !== 'todo' && read.status !== 'doing' && read.status !== 'done')) return null;
  const from = c.from + raw.indexOf(s);
  return { status: read.status, text: s, from, to: from + s.length };
}

function tableClaims(
  plan: Plan,
  table: readonly { line: number; start: number; end: number }[],
  group: number,
  truth: Truth,
  anomalies: ReturnType<typeof anomaliesByLine>,
): Claim[] {
  const header = table[0];
  if (!header || table.length < 3) return [];
  const at = (s: { line: number; start: number; end: number }) =>
    new LineText(
      plan.text.slice(s.start, s.end),
      s.start,
      (anomalies.get(s.line + 1) ?? []).filter((a) => a.span.start >= s.start),
    );
  const shape = tableColumns(at(header));
  if (!shape) return [];
  const { columns, counts } = shape;
  const labelColumn = columns.indexOf('label');
  const claims: Claim[] = [];
  for (const row of table.slice(2)) {
    const lt = at(row);
    const cells = splitCells(lt.text);
    if (cells.length !== columns.length) continue;
    const parts = readRow(lt, cells, columns);
    if (!parts || (!parts.done && !parts.total && !parts.remaining && !parts.percent && !parts.status))
      continue;
    const label = cleanLabel(lt.text.slice(cells[labelColumn]!.from, cells[labelColumn]!.to));
    const scope = isGenericLabel(label) ? truth.enclosing(row.line + 1, false) : truth.resolve(label);
    // Without counts, a status table is a dashboard only when its rows name parts of the plan
    // (phases, sections, priorities), not tasks: a row per task is a task list.
    if (!counts && (scope === null || scope.kind === 'item')) return [];
    const { measure, ...figures } = parts;
    claims.push({
      kind: 'row',
      line: lt,
      lineNo: row.line + 1,
      label,
      scope,
      measure: measure ?? 'items',
      group,
      cells,
      ...figures,
    });
  }
  return counts || claims.filter((c) => c.scope?.kind !== 'plan').length >= 2 ? claims : [];
}
