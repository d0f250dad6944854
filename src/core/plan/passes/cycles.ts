/** Stage 5b's last check: the cycles of the dependencies resolved (Tarjan's algorithm, iterative). */
import type { Item } from '../../model.js';

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
