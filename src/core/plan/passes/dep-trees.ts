/** Dependencies drawn in code blocks: trees of box characters, Mermaid flowcharts and Gantt charts. */
import type { Dependency, Item } from '../../model.js';
import type { CodeBlock, LineSlice } from '../block-types.js';
import { repairForMatching } from '../encoding.js';
import { firstItem, type ItemIndex } from './item-index.js';
import { type FlowNode, flowchartEdges, ganttAfters, isMermaid } from './mermaid.js';

const TREE_RE = /[├└│┌┬┼]|\|--|`--|\+--/u;
const BAR_RE = /[█░▓▒■□]/u;

/**
 * Reads the dependencies the plan's code blocks draw: a tree (readTree), a Mermaid flowchart's arrows
 * and a Gantt chart's `after`. Returns the lines inside code, where no arrow or prose is read.
 */
export function depsFromCode(
  text: string,
  codeBlocks: readonly CodeBlock[],
  index: ItemIndex,
  byTitle: (ref: string) => Item | undefined,
  add: (from: Item, to: Item, source: Dependency['source'], line: number) => void,
): Set<number> {
  const inCode = new Set<number>();
  for (const block of codeBlocks) {
    for (const s of block.lines) inCode.add(s.line);
    if (!isMermaid(block.info)) {
      readTree(text, block.lines, index, add);
      continue;
    }
    // A flowchart's arrow orders the tasks its nodes name: by their IDs (`T001 --> T002`), or by an
    // ID or a title in their labels (`A[Write the schema] --> B[T002 API]`).
    const node = (n: FlowNode) =>
      index.find(n.id) ?? (n.label === null ? undefined : (firstItem(n.label, index) ?? byTitle(n.label)));
    const rows = block.lines.map((s) => text.slice(s.start, s.end));
    for (const e of flowchartEdges(rows)) {
      const before = node(e.from);
      const after = node(e.to);
      if (before && after) add(after, before, 'arrow', block.lines[e.row]!.line + 1);
    }
    // A Gantt chart's task that starts after others waits for them: tasks are named as items are.
    const named = (name: string) => firstItem(name, index) ?? byTitle(name);
    for (const g of ganttAfters(rows)) {
      const task = named(g.task);
      if (!task) continue;
      for (const name of g.after) {
        const before = named(name);
        if (before) add(task, before, 'arrow', block.lines[g.row]!.line + 1);
      }
    }
  }
  return inCode;
}

/**
 * A dependency tree drawn with box characters: each node depends on the node it hangs from.
 * Trees with progress bars are dashboards, not dependencies.
 */
function readTree(
  text: string,
  block: readonly LineSlice[],
  index: ItemIndex,
  add: (from: Item, to: Item, source: Dependency['source'], line: number) => void,
): void {
  const rows = block.map((s) => ({ line: s.line, text: repairForMatching(text.slice(s.start, s.end)) }));
  if (!rows.some((r) => TREE_RE.test(r.text)) || rows.some((r) => BAR_RE.test(r.text))) return;
  const stack: { depth: number; item: Item }[] = [];
  for (const row of rows) {
    const depth = row.text.search(/[\p{L}\p{N}]/u);
    if (depth < 0) continue;
    const item = firstItem(row.text, index);
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    if (!item) continue;
    const parent = stack[stack.length - 1];
    if (parent) add(item, parent.item, 'tree', row.line + 1);
    stack.push({ depth, item });
  }
}
