/**
 * Mermaid flowcharts in a plan's ```mermaid blocks (`graph TD`, `flowchart LR`), as agents draw the
 * order of a plan's tasks: the directed edges between their nodes (`T001 --> T002`, `A[Schema] -->
 * B[API]`, `A & B --> C`, `A -->|then| B --> C`); and the tasks of a Gantt chart that start after
 * others (`API :a1, after s1, 10d`). Written by hand: Mermaid's own flowchart parser
 * comes with its renderer and needs a browser's DOM, and the part read here (node IDs, their labels
 * and the arrows between them) is small. Everything else a chart holds (styles, classes, subgraph
 * titles, clicks) is passed over.
 */

/** A node as a chart names it: its ID and the label its shape gives it, if any. */
export interface FlowNode {
  readonly id: string;
  readonly label: string | null;
}

/** An arrow from one node to another, on row `row` of the chart's lines. */
export interface FlowEdge {
  readonly from: FlowNode;
  readonly to: FlowNode;
  readonly row: number;
}

/** A task of a Gantt chart that starts after others, by their IDs, on row `row`. */
export interface GanttAfter {
  readonly task: string;
  readonly after: readonly string[];
  readonly row: number;
}

/** A fenced block's info string that opens a Mermaid diagram. */
export function isMermaid(info: string): boolean {
  return /^mermaid(?:\s|$)/i.test(info.trim());
}

/** The first line of a flowchart, after blank lines and comments. */
const HEADER_RE = /^\s*(?:graph|flowchart)(?:\s|$)/i;

/** Statements that declare no nodes or edges: subgraphs, styles, classes, clicks, directions. */
const SKIPPED_RE = /^\s*(?:subgraph|end|classDef|class|style|linkStyle|click|direction|accTitle|accDescr)\b/;

/**
 * The directed edges of a flowchart whose lines are `rows`, each node with the label it has anywhere
 * in the chart (a node is often labelled once, then named by its ID alone); none when the rows are
 * no flowchart. An open link (`---`) or one pointing both ways (`<-->`) states no order.
 */
export function flowchartEdges(rows: readonly string[]): FlowEdge[] {
  let r = 0;
  while (r < rows.length && /^\s*(?:%%.*)?$/.test(rows[r]!)) r++;
  if (r === rows.length || !HEADER_RE.test(rows[r]!)) return [];
  const labels = new Map<string, string>();
  const raw: { from: string; to: string; row: number }[] = [];
  // The header may hold the first statement after a semicolon (`graph TD; A --> B`).
  const first = rows[r]!.replace(HEADER_RE, '').replace(/^[^;]*;?/, '');
  const lines: [string, number][] = [[first, r]];
  for (let k = r + 1; k < rows.length; k++) lines.push([rows[k]!, k]);
  for (const [line, row] of lines) {
    const code = line.replace(/%%.*$/, '');
    for (const statement of code.split(';')) {
      if (statement.trim() === '' || SKIPPED_RE.test(statement)) continue;
      readStatement(statement, row, labels, raw);
    }
  }
  const node = (id: string): FlowNode => ({ id, label: labels.get(id) ?? null });
  return raw.map((e) => ({ from: node(e.from), to: node(e.to), row: e.row }));
}

/** The tags a Gantt task's metadata may open with. */
const GANTT_TAGS = new Set(['done', 'active', 'crit', 'milestone']);
/** Statements of a Gantt chart that are no task. */
const GANTT_SKIPPED_RE =
  /^\s*(?:gantt|title|dateFormat|axisFormat|tickInterval|excludes|includes|todayMarker|weekday|section|accTitle|accDescr|displayMode|click)\b/;

/**
 * The tasks of a Gantt chart (`gantt` over `API :active, a1, after s1, 10d`) that start after other
 * tasks, by name, with the names of those tasks (the IDs the chart gives them resolved): a task that
 * starts after another waits for it. None when the rows are no Gantt chart.
 */
export function ganttAfters(rows: readonly string[]): GanttAfter[] {
  let r = 0;
  while (r < rows.length && /^\s*(?:%%.*)?$/.test(rows[r]!)) r++;
  if (r === rows.length || !/^\s*gantt\s*$/.test(rows[r]!)) return [];
  const names = new Map<string, string>();
  const tasks: { name: string; after: string[]; row: number }[] = [];
  for (let k = r + 1; k < rows.length; k++) {
    const line = rows[k]!.replace(/%%.*$/, '');
    const colon = line.indexOf(':');
    if (colon < 0 || GANTT_SKIPPED_RE.test(line)) continue;
    const name = line.slice(0, colon).trim();
    const parts = line
      .slice(colon + 1)
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '' && !GANTT_TAGS.has(x));
    if (name === '' || parts.length === 0) continue;
    // With three parts the first is the task's ID; `after` opens its start.
    if (parts.length >= 3 && /^[\p{L}\p{N}_-]+$/u.test(parts[0]!)) names.set(parts[0]!, name);
    const start = parts.length >= 2 ? parts[parts.length - 2]! : '';
    const after = /^after\s+(.+)$/i.exec(start);
    tasks.push({ name, after: after === null ? [] : after[1]!.split(/\s+/), row: k });
  }
  return tasks
    .filter((t) => t.after.length > 0)
    .map((t) => ({ task: t.name, after: t.after.map((id) => names.get(id) ?? id), row: t.row }));
}

/**
 * A node's ID: letters, digits, `_`, `.`, and `-` not opening an arrow (`P0-001`, `T1.2`). A colon
 * may open a class (`A:::done`).
 */
const ID_RE = /[\p{L}\p{N}_](?:[\p{L}\p{N}_.]|-(?![-.>=]))*/uy;
/** A class given to a node (`:::done`). */
const CLASS_RE = /:::[\p{L}\p{N}_-]+/uy;
/**
 * An arrow, with its text if any (`-->`, `--->`, `==>`, `-.->`, `-->|then|`, `-- then -->`, `-. maybe
 * .->`), open (`---`, `-.-`), pointing both ways (`<-->`) or ending in a circle or a cross (`--o`).
 * Groups: the `<`, the head.
 */
const EDGE_RE =
  /\s*(<)?(?:[-=]{2,}(?:\s+[^-=|\n]+?\s+[-=]{2,})?|-\.+(?:\s+[^.|\n]+?\s+\.+)?-)(>|x|o)?\s*(?:\|[^|]*\|\s*)?/y;

/** The shapes' openers, longest first, and the closer of each. */
const SHAPES: readonly (readonly [string, string])[] = [
  ['(((', ')))'],
  ['([', '])'],
  ['[[', ']]'],
  ['[(', ')]'],
  ['((', '))'],
  ['{{', '}}'],
  ['[/', '/]'],
  ['[\\', '\\]'],
  ['[/', '\\]'],
  ['[\\', '/]'],
  ['[', ']'],
  ['(', ')'],
  ['{', '}'],
  ['>', ']'],
];

/** Reads one statement: node groups joined by arrows, each group one node or more joined by `&`. */
function readStatement(
  s: string,
  row: number,
  labels: Map<string, string>,
  out: { from: string; to: string; row: number }[],
): void {
  let pos = 0;
  let before: string[] = [];
  // Whether the arrow before the group points from the group before it to this one.
  let directed = false;
  for (;;) {
    const group: string[] = [];
    for (;;) {
      const n = readNode(s, pos, labels);
      if (n === null) return;
      group.push(n.id);
      pos = n.end;
      AMP_RE.lastIndex = pos;
      if (!AMP_RE.test(s)) break;
      pos = AMP_RE.lastIndex;
    }
    if (directed) for (const a of before) for (const b of group) out.push({ from: a, to: b, row });
    EDGE_RE.lastIndex = pos;
    const edge = EDGE_RE.exec(s);
    if (edge === null || edge[0].trim() === '') return;
    pos = EDGE_RE.lastIndex;
    directed = edge[2] === '>' && edge[1] === undefined;
    before = group;
  }
}

/** The `&` joining the nodes of a group. */
const AMP_RE = /\s*&\s*/y;

/** The node at `pos` (after white space): its ID, its label recorded, and where it ends. */
function readNode(s: string, pos: number, labels: Map<string, string>): { id: string; end: number } | null {
  let p = pos;
  while (p < s.length && (s[p] === ' ' || s[p] === '\t')) p++;
  ID_RE.lastIndex = p;
  const m = ID_RE.exec(s);
  if (m === null) return null;
  const id = m[0];
  p = ID_RE.lastIndex;
  const shape = SHAPES.find(([open]) => s.startsWith(open, p));
  if (shape !== undefined) {
    const [open, close] = shape;
    const from = p + open.length;
    const to = s.indexOf(close, from);
    const end = to < 0 ? s.length : to;
    const label = s
      .slice(from, end)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    if (label !== '') labels.set(id, label);
    p = to < 0 ? s.length : to + close.length;
  }
  CLASS_RE.lastIndex = p;
  if (CLASS_RE.test(s)) p = CLASS_RE.lastIndex;
  return { id, end: p };
}
