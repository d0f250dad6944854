/** Item references in request bodies (`{project, key}`), resolved against the store. */
import { z } from 'zod';
import { TmError } from '../core/errors.js';
import type { ItemRecord } from '../core/store/port.js';
import type { ItemRef } from '../core/store/team.js';
import type { AppContext } from './context.js';

export const itemRefSchema = z
  .object({
    project: z.string().min(1).max(1000),
    key: z.string().min(1).max(500).describe('key or explicit ID'),
  })
  .strict();

/** The item a reference names (by key, or by explicit ID in any case); 404 when the project has none. */
export async function resolveRef(
  ctx: AppContext,
  ref: { project: string; key: string },
): Promise<ItemRecord> {
  const exact = await ctx.store.getItem(ref.project, ref.key);
  if (exact) return exact;
  const byId = (await ctx.store.listItems(ref.project)).filter(
    (i) => i.id?.toLowerCase() === ref.key.toLowerCase(),
  );
  if (byId.length === 1) return byId[0]!;
  throw new TmError('TM_NOT_FOUND', `No item "${ref.key}" in project "${ref.project}".`);
}

/** The items behind stored references; a reference whose item is gone comes back with `item: null`. */
export async function itemsOf(ctx: AppContext, refs: readonly ItemRef[]) {
  return Promise.all(
    refs.map(async (r) => ({ project: r.file, key: r.key, item: await ctx.store.getItem(r.file, r.key) })),
  );
}
