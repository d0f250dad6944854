/** Stage 5b: dependencies from fields, arrow chains, prose and trees drawn in code blocks; cycles. */
import type { Dependency, Item } from '../../model.js';
import { ID_ANYWHERE_RE } from '../attributes/ids.js';
import type { LineSlice } from '../block-types.js';
import { repairForMatching } from '../encoding.js';
import type { Lines } from '../lines.js';
import type { Draft } from '../recognise.js';
import type { RawDeps } from './attributes.js';

/**
 * Finds items by explicit ID (case-insensitive) or key. The maps are built on the first lookup, the
 * key map only when an ID lookup misses: most plans state few dependencies or none.
 */
export class ItemIndex {
  private byId: Map<string, Item> | null = null;
  private byKey: Map<string, Item> | null = null;

  constructor(private readonly items: readonly Item[]) {}

  /** The item a reference names, or undefined. */
  find(ref: string): Item | undefined {
    const r = ref.trim().toLowerCase();
    if (this.byId === null) {
      this.byId = new Map();
      for (const item of this.items) {
        if (item.id && !this.byId.has(item.id.toLowerCase())) this.byId.set(item.id.toLowerCase(), item);
      }
    }
    const hit = this.byId.get(r);
    if (hit !== undefined) return hit;
    if (this.byKey === null) {
      this.byKey = new Map();
      for (const item of this.items) this.byKey.set(item.key.toLowerCase(), item);
    }
    return this.byKey.get(r);
  }
}

/**
 * What a line stating a dependency contains (an arrow, a verb, or a damaged arrow). One native scan
 * of the whole text: it beats a character loop warm, and by far in a fresh process, where a loop
 * over every character runs in the interpreter.
 */
const DEP_HINT = /[→>⟶➔➜]|depend|require|block|need|after|follow|precede|â†/gi;

/** Offset of the first DEP_HINT match at or after `from`, or -1. */
function nextHint(text: string, from: number): number {
  DEP_HINT.lastIndex = from;
  const m = DEP_HINT.exec(text);
  return m === null ? -1 : m.index;
}
const ARROW_RE = /\s*(?:→|->|-->|=>|⟶|➔|➜)\s*/u;
const TREE_RE = /[├└│┌┬┼]|\|--|`--|\+--/u;
const BAR_RE = /[█░▓▒■□]/u;
/**
 * `T002 depends on T001`; the references end at a sentence's full stop (a dot inside `1.2` stays).
 * Run on lower-cased text: without the `i` flag it compiles in half the time, most of its cost in a
 * short-lived CLI. The captures are then cut from the original text.
 */
const PROSE_SOURCE = String.raw`([\p{L}\p{N}][\p{L}\p{N}.-]*)\s+(depends on|requires|needs|is blocked by|blocked by|comes after|must follow|blocks|must precede)\s+([\p{L}\p{N}](?:[\p{L}\p{N}, -]|\.(?=[\p{L}\p{N}]))*)`;
const PROSE_RE = new RegExp(PROSE_SOURCE, 'gu');
/** For the rare line whose lower-case form has another length (`İ`): the case-insensitive form, compiled on demand. */
let proseFolding: RegExp | null = null;

/** The verbs PROSE_RE needs, lower case. */
const PROSE_VERBS = [
  'depends on',
  'requires',
  'needs',
  'blocked by',
  'comes after',
  'must follow',
  'blocks',
  'must precede',
];

/**
 * Whether PROSE_RE can match `s`: only if it names one of the verbs. Most lines with a dependency
 * hint are arrows or prose without one, and the regex is costly to compile and to run. `ſ` is the one
 * character the regex's case folding maps onto a verb's letters that lower-casing keeps as it is.
 */
function mayStateProse(s: string): boolean {
  const lower = s.toLowerCase();
  for (const verb of PROSE_VERBS) if (lower.includes(verb)) return true;
  return s.includes('\u017f');
}

/** Resolves every dependency the plan states and records unresolved references. */
export function resolveDependencies(
  text: string,
  lines: Lines,
  drafts: readonly Draft[],
  rawDeps: RawDeps,
  codeBlocks: readonly LineSlice[][],
  index: ItemIndex,
): Dependency[] {
  const deps: Dependency[] = [];
  const seen = new Set<string>();
  const add = (from: Item, to: Item, source: Dependency['source'], line: number) => {
    if (from === to) return;
    const k = `${from.key}\u0000${to.key}`;
    if (seen.has(k)) return;
    seen.add(k);
    from.dependsOn.push(to.key);
    deps.push({ from: from.key, to: to.key, source, line });
  };
  for (const [i, refs] of rawDeps) {
    const item = drafts[i]!.item;
    for (const ref of refs) {
      const target = index.find(ref) ?? index.find(ref.split(/\s+/)[0] ?? '');
      if (target) add(item, target, 'field', item.line);
      else if (!item.unresolvedDeps.includes(ref)) item.unresolvedDeps.push(ref);
    }
  }
  const inCode = new Set<number>();
  for (const block of codeBlocks) {
    for (const s of block) inCode.add(s.line);
    readTree(text, block, index, add);
  }
  // Arrow chains and prose, anywhere outside code: `P0-001 → P0-003 → P1-001`, `T002 depends on T001`.
  // One scan of the whole text finds the lines that may state a dependency (no slice per line). The
  // hint cannot span a line ending, so a match lies inside the content of the line it starts in.
  let l = 0;
  for (let hint = nextHint(text, 0); hint >= 0; ) {
    while (lines.end[l]! <= hint) l++;
    hint = l + 1 < lines.count ? nextHint(text, lines.start[l + 1]!) : -1;
    if (lines.end[l]! - lines.start[l]! > 2000) continue;
    const s = repairForMatching(text.slice(lines.start[l], lines.end[l]));
    if (!inCode.has(l) && ARROW_RE.test(s)) {
      const chain = s.split(ARROW_RE).map((seg) => firstItem(seg, index));
      for (let k = 1; k < chain.length; k++) {
        const a = chain[k - 1];
        const b = chain[k];
        if (a && b) add(b, a, 'arrow', l + 1);
      }
    }
    if (!mayStateProse(s)) continue;
    const lower = s.toLowerCase();
    let re = PROSE_RE;
    if (lower.length !== s.length) {
      proseFolding ??= new RegExp(PROSE_SOURCE, 'giu');
      re = proseFolding;
    }
    const subject = re === PROSE_RE ? lower : s;
    re.lastIndex = 0;
    for (let m = re.exec(subject); m; m = re.exec(subject)) {
      // Group 1 opens the match and group 3 closes it: cut both from the original line.
      const end = m.index + m[0].length;
      const a = index.find(s.slice(m.index, m.index + m[1]!.length));
      if (!a || a.id === null) continue;
      const verb = m[2]!.toLowerCase();
      for (const ref of s.slice(end - m[3]!.length, end).split(/\s*(?:,|\band\b)\s*/)) {
        const b = firstItem(ref, index);
        if (!b || b.id === null) continue;
        if (verb === 'blocks' || verb === 'must precede') add(b, a, 'inline', l + 1);
        else add(a, b, 'inline', l + 1);
      }
    }
  }
  return deps;
}

function firstItem(segment: string, index: ItemIndex): Item | undefined {
  // exec rather than matchAll: no iterator and regex copy per segment. The regex is shared: reset it.
  ID_ANYWHERE_RE.lastIndex = 0;
  for (let m = ID_ANYWHERE_RE.exec(segment); m; m = ID_ANYWHERE_RE.exec(segment)) {
    const item = index.find(m[0]);
    if (item) {
      ID_ANYWHERE_RE.lastIndex = 0;
      return item;
    }
  }
  return undefined;
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

/** Dependency cycles (strongly connected components with more than one item, or a self-loop). */
export function findCycles(items: readonly Item[], byKey: ReadonlyMap<string, Item>): string[][] {
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of items) {
    if (indexOf.has(root.key) || root.dependsOn.length === 0) continue;
    // Iterative Tarjan: frames of (node, next edge).
    const work: [string, number][] = [[root.key, 0]];
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v, ei] = top;
      if (ei === 0 && !indexOf.has(v)) {
        indexOf.set(v, counter);
        low.set(v, counter++);
        stack.push(v);
        onStack.add(v);
      }
      const edges = byKey.get(v)?.dependsOn ?? [];
      if (ei < edges.length) {
        top[1]++;
        const w = edges[ei]!;
        if (!indexOf.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(v)!));
      if (low.get(v) === indexOf.get(v)) {
        const comp: string[] = [];
        for (;;) {
          const w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
          if (w === v) break;
        }
        if (comp.length > 1) cycles.push(comp.reverse());
      }
    }
  }
  return cycles;
}
