/** Stage 5c: roll-ups — each item's progress from its leaf descendants. */
import type { Item, Rollup } from '../../model.js';

const closed = (i: Item) => i.status === 'done' || i.status === 'cancelled';

/** Computes every item's roll-up; items are in document order, so children follow their parent. */
export function computeRollups(items: readonly Item[], byKey: ReadonlyMap<string, Item>): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.children.length === 0) {
      const minutes = item.effort?.minutes ?? 0;
      const done = closed(item);
      item.rollup = {
        done: done ? 1 : 0,
        total: 1,
        effortDoneMinutes: done ? minutes : 0,
        effortRemainingMinutes: done ? 0 : minutes,
      };
      continue;
    }
    let done = 0;
    let total = 0;
    let effortDone = 0;
    let effortRemaining = 0;
    for (let c = 0; c < item.children.length; c++) {
      const r: Rollup = byKey.get(item.children[c]!)!.rollup;
      done += r.done;
      total += r.total;
      effortDone += r.effortDoneMinutes;
      effortRemaining += r.effortRemainingMinutes;
    }
    // Children without estimates: the parent's own estimate is spread over them by progress.
    if (effortDone + effortRemaining === 0 && item.effort) {
      const share = total > 0 ? done / total : closed(item) ? 1 : 0;
      effortDone = Math.round(item.effort.minutes * share);
      effortRemaining = item.effort.minutes - effortDone;
    }
    item.rollup = { done, total, effortDoneMinutes: effortDone, effortRemainingMinutes: effortRemaining };
  }
}
