/** Finding an item by key or explicit ID across plans. */
import { TmError } from '../errors.js';
import type { Item, Plan } from '../model.js';

/**
 * Resolves `ref` (a key, or an explicit ID such as `MH-001` or `Task 1.1`) to one item. Keys match
 * exactly; IDs match case-insensitively. Throws TM_NOT_FOUND or TM_AMBIGUOUS with the candidates.
 */
export function findItem(plans: readonly Plan[], ref: string): { plan: Plan; item: Item } {
  const wanted = ref.trim();
  const exact: { plan: Plan; item: Item }[] = [];
  const byId: { plan: Plan; item: Item }[] = [];
  const lower = wanted.toLowerCase();
  for (const plan of plans) {
    const hit = plan.byKey.get(wanted);
    if (hit) exact.push({ plan, item: hit });
    for (const item of plan.items) {
      if (item.id !== null && item.id.toLowerCase() === lower) byId.push({ plan, item });
    }
  }
  const found = exact.length > 0 ? exact : byId;
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    const near = suggestions(plans, lower);
    const hint =
      near.length > 0
        ? ` Did you mean ${near.map((k) => `"${k}"`).join(', ')}?`
        : ' Run `taskmark items` to list keys.';
    throw new TmError('TM_NOT_FOUND', `No item with key or ID "${wanted}".${hint}`, { ref: wanted });
  }
  const where = found.map((f) => `${f.plan.file}:${f.item.line} (${f.item.key})`).join(', ');
  throw new TmError(
    'TM_AMBIGUOUS',
    `"${wanted}" matches ${found.length} items: ${where}. Name one file, or use the full key.`,
    {
      ref: wanted,
    },
  );
}

function suggestions(plans: readonly Plan[], lower: string): string[] {
  const out: string[] = [];
  for (const plan of plans) {
    for (const item of plan.items) {
      if (out.length >= 3) return out;
      if (item.key.toLowerCase().includes(lower) || item.title.toLowerCase().includes(lower))
        out.push(item.key);
    }
  }
  return out;
}
