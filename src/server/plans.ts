/**
 * Plans as the API reaches them: an item is found through the store (which file holds the key or
 * ID), then read from its file, so what a client sees and what its If-Match is checked against is
 * the file's current text. Writes go through the shared conflict-checked change (workspace/change.ts)
 * and are imported at once, so the store and the event stream follow.
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { TmError } from '../core/errors.js';
import type { Item, Plan } from '../core/model.js';
import { needsYamlParser, parsePlan } from '../core/plan/parse.js';
import type { QueryAst } from '../core/query/ast.js';
import type { ItemRecord } from '../core/store/port.js';
import { itemRecords } from '../core/store/records.js';
import { type Change, changePlan, type EditStep } from '../workspace/change.js';
import { readPlanFile } from '../workspace/read.js';
import { sha256 } from './auth/tokens.js';
import type { AppContext } from './context.js';
import { HttpError } from './problem.js';

/** The strong ETag of an item: its content, not its line (an edit elsewhere in the plan keeps it). */
export function itemEtag(r: ItemRecord): string {
  const { line: _line, position: _position, ...content } = r;
  return `"${sha256(JSON.stringify(content)).slice(0, 32)}"`;
}

/** The absolute path of a workspace-relative plan path; refuses anything that leaves the workspace. */
function planPath(ctx: AppContext, file: string): string {
  const root = ctx.deps.workspace.root;
  if (isAbsolute(file) || file.includes('\0') || file.split(/[\\/]/).includes('..'))
    throw new TmError('TM_NOT_FOUND', `No project "${file}" in this workspace.`);
  const abs = join(root, file);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    throw new TmError('TM_NOT_FOUND', `No project "${file}" in this workspace.`);
  }
  const rel = relative(realpathSync(root), real);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..'))
    throw new TmError('TM_NOT_FOUND', `No project "${file}" in this workspace.`);
  return abs;
}

/** Parsed plans by path, reused while the file's text is unchanged (reads still check the file each time). */
interface Parsed {
  /** The file's identity when read: inode, size, change and modification times in ns. */
  readonly stamp: string;
  readonly text: string;
  readonly plan: Plan;
}
const PARSED_CACHE_SIZE = 32;
const parsed = new WeakMap<AppContext, Map<string, Parsed>>();

function cacheOf(ctx: AppContext): Map<string, Parsed> {
  let c = parsed.get(ctx);
  if (!c) {
    c = new Map();
    parsed.set(ctx, c);
  }
  return c;
}

export async function loadPlan(ctx: AppContext, file: string): Promise<Plan> {
  const abs = planPath(ctx, file);
  const cache = cacheOf(ctx);
  const hit = cache.get(file);
  // An unchanged file (same inode, size and times to the nanosecond) is not read again; every
  // write-back still compares the full text under the file's lock.
  const stamp = stampOf(abs);
  if (hit && stamp !== null && hit.stamp === stamp) return hit.plan;
  const { text } = readPlanFile(abs, ctx.deps.workspace.plans.maxBytes);
  if (hit && hit.text === text) {
    cache.set(file, { ...hit, stamp: stamp ?? '' });
    return hit.plan;
  }
  const parseYaml = needsYamlParser(text) ? await yamlParser() : undefined;
  const plan = parsePlan(text, {
    file,
    hoursPerDay: ctx.deps.workspace.hoursPerDay,
    ...(parseYaml ? { parseYaml } : {}),
  });
  cache.delete(file);
  cache.set(file, { stamp: stamp ?? '', text, plan });
  if (cache.size > PARSED_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return plan;
}

function stampOf(abs: string): string | null {
  try {
    const st = statSync(abs, { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch {
    return null;
  }
}

async function yamlParser(): Promise<(s: string) => unknown> {
  const { parse } = await import('yaml');
  return (s) => parse(s, { maxAliasCount: 100 });
}

const stringTerm = (field: 'key' | 'id' | 'file', value: string): QueryAst['terms'][number] => ({
  field,
  op: '=',
  values: [value],
  negated: false,
});

/** The file holding the item with this key or explicit ID (optionally within one project). */
async function locate(ctx: AppContext, ref: string, project: string | undefined): Promise<string> {
  const page = async (field: 'key' | 'id') =>
    (
      await ctx.accounts.listItemsPage({
        query: { terms: [stringTerm(field, ref)] },
        today: ctx.today(),
        after: null,
        limit: 50,
        changedSince: null,
      })
    ).items.filter((i) => project === undefined || i.file === project);
  let hits = (await page('key')).filter((i) => i.key === ref);
  if (hits.length === 0) hits = (await page('id')).filter((i) => i.id?.toLowerCase() === ref.toLowerCase());
  const files = [...new Set(hits.map((h) => h.file))];
  if (files.length === 1) return files[0]!;
  if (files.length === 0) throw new TmError('TM_NOT_FOUND', `No item with key or ID "${ref}".`, { ref });
  throw new TmError(
    'TM_AMBIGUOUS',
    `"${ref}" names items in ${files.length} projects (${files.join(', ')}); add ?project=<path> to choose one.`,
  );
}

function itemIn(plan: Plan, ref: string): Item | null {
  const exact = plan.byKey.get(ref);
  if (exact) return exact;
  const byId = plan.items.filter((i) => i.id !== null && i.id.toLowerCase() === ref.toLowerCase());
  return byId.length === 1 ? byId[0]! : null;
}

export interface Located {
  readonly plan: Plan;
  readonly item: Item;
  readonly record: ItemRecord;
  readonly etag: string;
}

const recordsByPlan = new WeakMap<Plan, Map<string, ItemRecord>>();

/** The store's record of an item of a parsed plan (computed once per plan). */
export function recordOf(plan: Plan, item: Item): ItemRecord {
  let records = recordsByPlan.get(plan);
  if (!records) {
    records = new Map(itemRecords(plan, plan.file).map((r) => [r.key, r]));
    recordsByPlan.set(plan, records);
  }
  return records.get(item.key)!;
}

/** The item as its file holds it now; re-imports once when the store is behind the file. */
export async function findItem(ctx: AppContext, ref: string, project: string | undefined): Promise<Located> {
  for (let attempt = 0; ; attempt++) {
    let file: string | null = null;
    try {
      file = await locate(ctx, ref, project);
    } catch (e) {
      if (attempt > 0 || !(e instanceof TmError && e.code === 'TM_NOT_FOUND')) throw e;
    }
    if (file !== null) {
      const plan = await loadPlan(ctx, file);
      const item = itemIn(plan, ref);
      if (item) {
        const record = recordOf(plan, item);
        return { plan, item, record, etag: itemEtag(record) };
      }
      if (attempt > 0) throw new TmError('TM_NOT_FOUND', `No item with key or ID "${ref}".`, { ref });
    }
    await ctx.sync();
  }
}

/** Checks If-Match against the item's ETag: required (428), and must match (412). */
export function checkIfMatch(header: string | string[] | undefined, etag: string): void {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value === undefined || value.trim() === '')
    throw new HttpError(
      'TM_PRECONDITION_REQUIRED',
      'Send If-Match with the ETag from GET (or *), so a change made meanwhile is not overwritten.',
    );
  const tags = value.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (!tags.includes('*') && !tags.includes(etag))
    throw new HttpError(
      'TM_PRECONDITION_FAILED',
      'The item changed since you read it (its ETag differs); GET it again and reapply your change.',
    );
}

/**
 * Writes edit steps to the plan; if the file changed meanwhile, the change is rebased only when the
 * item itself is unchanged (`expectEtag`), else refused with 412. Then imports and publishes events.
 */
export async function writeChange(
  ctx: AppContext,
  plan: Plan,
  steps: readonly EditStep[],
  guard: { key: string; etag: string } | null,
): Promise<Change> {
  const change = await changePlan(plan, steps, {
    hoursPerDay: ctx.deps.workspace.hoursPerDay,
    path: planPath(ctx, plan.file),
    verifyRebase: (current) => {
      if (!guard) return;
      const item = current.byKey.get(guard.key);
      if (!item || itemEtag(recordOf(current, item)) !== guard.etag)
        throw new HttpError(
          'TM_PRECONDITION_FAILED',
          'The item changed in its plan since you read it; GET it again.',
        );
    },
  });
  // Only the plan written: a write costs one revision, not a scan of the workspace.
  if (change.changed) await ctx.record(change.after);
  return change;
}
