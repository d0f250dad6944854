/**
 * What to do next: open, unblocked, actionable items ranked by a transparent urgency score. Every
 * point of the score comes with a reason, so the ranking can be checked and argued with.
 */
import type { NextEntry } from '../contract/items.js';
import type { Item, Plan } from '../model.js';
import { isClosed, itemToJson } from '../ops/items.js';
import { daysBetween } from '../plan/attributes/dates.js';

/** Points per factor; exported so documentation and tests name the same numbers. */
export const WEIGHTS = {
  priority: [40, 30, 20, 10, 5] as readonly number[],
  noPriority: 15,
  overdue: 30,
  overduePerThreeDays: 1,
  overdueCap: 10,
  dueWithinWeek: 20,
  dueWithinMonth: 10,
  perDependent: 4,
  dependentsCap: 20,
  criticalPath: 15,
  quickWin: 5,
  smallTask: 3,
  inProgress: 10,
  /** Effort assumed for items without an estimate when measuring chains, in minutes. */
  defaultEffortMinutes: 60,
} as const;

export interface NextOptions {
  readonly today: string;
  readonly limit?: number;
}

interface Node {
  readonly plan: Plan;
  readonly item: Item;
  readonly dependents: Node[];
  downstream: number;
}

const id = (plan: Plan, key: string) => `${plan.file}\u0000${key}`;

/** Ranks the items to do next across plans. */
export function rankNext(plans: readonly Plan[], options: NextOptions): NextEntry[] {
  const nodes = new Map<string, Node>();
  for (const plan of plans) {
    for (const item of plan.items) {
      if (!isClosed(item) && item.refersTo === null)
        nodes.set(id(plan, item.key), { plan, item, dependents: [], downstream: -1 });
    }
  }
  for (const n of nodes.values()) {
    for (const dep of n.item.dependsOn) nodes.get(id(n.plan, dep))?.dependents.push(n);
  }
  computeDownstream(nodes);
  const named = outsideNames(plans);
  const candidates = [...nodes.values()].filter((n) => actionable(n, named)).map((n) => asPart(n, nodes));
  // A loop, not Math.max(...spread): a plan of 100,000 open items is more arguments than a call takes.
  let critical = 0;
  for (const c of candidates) if (c.downstream > critical) critical = c.downstream;
  const scored = candidates.map((c) => score(c, options.today, critical));
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, options.limit ?? scored.length).map((s, i) => ({
    rank: i + 1,
    score: s.score,
    item: itemToJson(s.node.item, s.node.plan),
    reasons: s.reasons,
  }));
}

/**
 * The items of every plan by their IDs and keys, lower case, for the dependencies a plan could not
 * resolve in itself (a task file's `dependencies: [task-40]`, task-40 being another file); empty
 * when every dependency was resolved.
 */
function outsideNames(plans: readonly Plan[]): Map<string, Item[]> {
  const named = new Map<string, Item[]>();
  if (!plans.some((p) => p.items.some((i) => i.unresolvedDeps.length > 0))) return named;
  const add = (name: string, item: Item) => {
    const list = named.get(name);
    if (list === undefined) named.set(name, [item]);
    else list.push(item);
  };
  for (const plan of plans)
    for (const item of plan.items) {
      add(item.key.toLowerCase(), item);
      if (item.id !== null && item.id.toLowerCase() !== item.key.toLowerCase())
        add(item.id.toLowerCase(), item);
    }
  return named;
}

/**
 * Whether an item can be started: open, not blocked, its children closed, and nothing it or an item
 * it is part of depends on open. A dependency that names no item of the plans loaded (`Blocked by:
 * security review`) is something outside them, which taskmark cannot see done: the item waits.
 */
function actionable(n: Node, named: ReadonlyMap<string, readonly Item[]>): boolean {
  const { item, plan } = n;
  if (item.status === 'blocked') return false;
  if (item.children.some((k) => !isClosed(plan.byKey.get(k)!))) return false;
  // An item waits for its own dependencies and for those of every item it is part of.
  for (
    let cur: Item | undefined = item;
    cur;
    cur = cur.parent === null ? undefined : plan.byKey.get(cur.parent)
  ) {
    const waiting = cur.dependsOn.some((k) => {
      const dep = plan.byKey.get(k);
      return dep !== undefined && !isClosed(dep);
    });
    if (waiting) return false;
    for (const dep of cur.unresolvedDeps) {
      const found = named.get(dep.trim().toLowerCase());
      if (found === undefined || found.some((i) => !isClosed(i))) return false;
    }
  }
  return true;
}

/** Longest chain of remaining effort that starts at each node and runs through its dependents. */
function computeDownstream(nodes: Map<string, Node>): void {
  const effort = (n: Node) =>
    n.item.effort?.minutes ?? n.item.rollup.effortRemainingMinutes ?? WEIGHTS.defaultEffortMinutes;
  for (const start of nodes.values()) {
    if (start.downstream >= 0) continue;
    // Iterative post-order; a node met again while on the path (a cycle) counts as a dead end.
    const onPath = new Set<Node>();
    const work: [Node, number][] = [[start, 0]];
    onPath.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [n, i] = top;
      if (i < n.dependents.length) {
        top[1]++;
        const next = n.dependents[i]!;
        if (next.downstream < 0 && !onPath.has(next)) {
          onPath.add(next);
          work.push([next, 0]);
        }
        continue;
      }
      let best = 0;
      for (const d of n.dependents) if (d.downstream > best) best = d.downstream;
      n.downstream = (effort(n) || WEIGHTS.defaultEffortMinutes) + best;
      onPath.delete(n);
      work.pop();
    }
  }
}

/**
 * An actionable item with what it holds up as part of the open items around it: a step of a task
 * that others wait for holds them up too (`Rewrite the links` under `Migrate the blog`, which
 * `Launch the newsletter` depends on), and starts the chain its task starts.
 */
interface Candidate {
  readonly node: Node;
  /** Its open dependents and its open ancestors' (an ancestor is not its own dependent). */
  readonly held: number;
  /** The nearest open ancestor whose dependents are among them, or null. */
  readonly via: Item | null;
  /** The longest chain it starts: its own, or its ancestors'. */
  readonly downstream: number;
}

function asPart(n: Node, nodes: ReadonlyMap<string, Node>): Candidate {
  const own = new Set<Node>([n]);
  const roots = [...n.dependents];
  let via: Item | null = null;
  let downstream = n.downstream;
  for (let k = n.item.parent; k !== null; ) {
    const up = nodes.get(id(n.plan, k));
    if (up === undefined) break;
    own.add(up);
    if (up.dependents.length > 0) {
      via ??= up.item;
      for (const d of up.dependents) roots.push(d);
      downstream = Math.max(downstream, up.downstream);
    }
    k = up.item.parent;
  }
  return { node: n, held: countHeld(roots, own), via, downstream };
}

/** The open items that wait, directly or down a chain, for those `roots` start from, but `own`. */
function countHeld(roots: readonly Node[], own: ReadonlySet<Node>): number {
  const seen = new Set<Node>();
  const stack = [...roots];
  while (stack.length > 0) {
    const d = stack.pop()!;
    if (seen.has(d) || own.has(d)) continue;
    seen.add(d);
    for (const x of d.dependents) stack.push(x);
  }
  return seen.size;
}

function score(c: Candidate, today: string, critical: number) {
  const n = c.node;
  const { item } = n;
  const reasons: NextEntry['reasons'] = [];
  const add = (factor: string, points: number, detail: string) => {
    if (points !== 0) reasons.push({ factor, points, detail });
  };
  if (item.priority)
    add('priority', WEIGHTS.priority[item.priority.rank] ?? 0, `priority ${item.priority.label}`);
  else add('priority', WEIGHTS.noPriority, 'no priority stated');
  if (item.due) {
    const days = daysBetween(today, item.due);
    if (days < 0) {
      const extra = Math.min(WEIGHTS.overdueCap, Math.floor(-days / 3) * WEIGHTS.overduePerThreeDays);
      add(
        'due',
        WEIGHTS.overdue + extra,
        `overdue by ${-days} day${days === -1 ? '' : 's'} (due ${item.due})`,
      );
    } else if (days <= 7)
      add('due', WEIGHTS.dueWithinWeek, `due in ${days} day${days === 1 ? '' : 's'} (${item.due})`);
    else if (days <= 30) add('due', WEIGHTS.dueWithinMonth, `due in ${days} days (${item.due})`);
  }
  const dependents = c.held;
  if (dependents > 0) {
    add(
      'blocks',
      Math.min(WEIGHTS.dependentsCap, dependents * WEIGHTS.perDependent),
      `blocks ${dependents} open item${dependents === 1 ? '' : 's'}${c.via === null ? '' : ` as a step of ${c.via.key}`}`,
    );
  }
  if (dependents > 0 && c.downstream === critical) {
    add(
      'critical-path',
      WEIGHTS.criticalPath,
      `starts the longest remaining chain (${Math.round(critical / 60)}h)`,
    );
  }
  const minutes = item.effort?.minutes;
  if (minutes !== undefined) {
    if (minutes <= 60) add('effort', WEIGHTS.quickWin, `quick win (${item.effort!.text})`);
    else if (minutes <= 240) add('effort', WEIGHTS.smallTask, `small task (${item.effort!.text})`);
  }
  if (item.status === 'doing') add('in-progress', WEIGHTS.inProgress, 'already in progress');
  const total = reasons.reduce((s, r) => s + r.points, 0);
  return { node: n, score: total, reasons, order: item.line };
}
