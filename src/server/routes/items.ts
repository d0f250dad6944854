/** Items across the workspace: list with filters and keyset paging, read, create, change, delete. */
import { z } from 'zod';
import { addItem, removeItem, setAttribute, setStatus } from '../../core/edit/index.js';
import { TmError } from '../../core/errors.js';
import { parseQuery } from '../../core/query/parse.js';
import type { ItemRecord } from '../../core/store/port.js';
import type { EditStep } from '../../workspace/change.js';
import { audit } from '../audit.js';
import type { Principal } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { checkIfMatch, findItem, itemEtag, loadPlan, recordOf, writeChange } from '../plans.js';
import { HttpError } from '../problem.js';
import { defineRoute, type RouteSpec } from '../route.js';
import {
  commonProblems as common,
  itemCreateSchema,
  itemExample,
  itemListSchema,
  itemPatchSchema,
  itemSchema,
  keyParams,
  problem as p,
  projectQuery,
} from '../schemas.js';

export const view = (r: ItemRecord) => ({ ...r, etag: itemEtag(r) });

function encodeCursor(r: ItemRecord): string {
  return Buffer.from(JSON.stringify([r.file, r.position])).toString('base64url');
}

function decodeCursor(cursor: string): { file: string; position: number } {
  try {
    const [file, position] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof file === 'string' && Number.isInteger(position)) return { file, position: position as number };
  } catch {
    // fall through
  }
  throw new HttpError('TM_VALIDATION', 'The cursor is not one this server gave out.', {
    errors: [{ pointer: '/query/cursor', detail: 'invalid cursor' }],
  });
}

async function itemChanged(ctx: AppContext): Promise<void> {
  await ctx.events.poll();
}

export interface ItemUpdate {
  readonly key: string;
  readonly project: string | undefined;
  readonly ifMatch: string | string[] | undefined;
  readonly change: z.output<typeof itemPatchSchema>;
}

/** One item's status and attribute change, written back under its ETag (PATCH and bulk updates). */
export async function updateItem(
  ctx: AppContext,
  principal: Principal | null,
  requestId: string,
  u: ItemUpdate,
): Promise<ItemRecord> {
  const found = await findItem(ctx, u.key, u.project);
  checkIfMatch(u.ifMatch, found.etag);
  const key = found.item.key;
  const steps: EditStep[] = [];
  const today = ctx.today();
  if (u.change.status !== undefined) {
    const to = u.change.status;
    steps.push((plan) => setStatus(plan, plan.byKey.get(key)!, to, { today }));
  }
  for (const [name, value] of Object.entries(u.change.attributes ?? {}))
    steps.push((plan) => setAttribute(plan, plan.byKey.get(key)!, name, value, { today }));
  const change = await writeChange(ctx, found.plan, steps, { key, etag: found.etag });
  const after = change.after.byKey.get(key);
  if (!after)
    throw new TmError('TM_PLAN_CONFLICT', `${found.plan.file}: the item's key changed with this edit.`);
  const record = recordOf(change.after, after);
  await audit(ctx, principal, requestId, 'item.update', `${found.plan.file}#${key}`, {
    from: found.record.status,
    ...(u.change.status ? { status: u.change.status } : {}),
    attributes: u.change.attributes ?? {},
  });
  await itemChanged(ctx);
  return record;
}

const ifMatch = [{ name: 'If-Match', required: true, description: 'the ETag from GET (or *)' }];

export const itemRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/items',
    operationId: 'listItems',
    summary: 'Items across the workspace, filtered with the query language, in file and document order',
    description:
      'Keyset pagination: pass `nextCursor` back as `cursor`. `updated_since` returns only items with an event recorded after that time (delta sync).',
    tags: ['items'],
    access: 'read',
    tier: 'read',
    query: z
      .object({
        q: z
          .string()
          .max(2000)
          .optional()
          .describe('a taskmark query: `priority:P0 status:todo,doing owner:alice due<2026-01-01 docker`'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        cursor: z.string().max(2000).optional(),
        updated_since: z.iso.datetime({ offset: true }).optional(),
      })
      .strict(),
    responses: {
      200: {
        description: 'a page of items',
        schema: itemListSchema,
        example: {
          items: [{ ...itemExample, updatedAt: '2026-01-10T08:00:00.000Z' }],
          nextCursor: 'WyJST0FETUFQLm1kIiwzXQ',
        },
      },
      ...common,
    },
    async handler({ ctx, query }) {
      const ast = query.q ? parseQuery(query.q) : { terms: [] };
      const page = await ctx.accounts.listItemsPage({
        query: ast,
        today: ctx.today(),
        after: query.cursor ? decodeCursor(query.cursor) : null,
        limit: query.limit,
        changedSince: query.updated_since ? new Date(query.updated_since).toISOString() : null,
      });
      const updated = await ctx.accounts.itemUpdatedAt(page.items);
      const last = page.items[page.items.length - 1];
      return {
        items: page.items.map((r) => ({
          ...view(r),
          updatedAt: updated.get(`${r.file}\u0000${r.key}`) ?? null,
        })),
        nextCursor: page.more && last ? encodeCursor(last) : null,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/items/:key',
    operationId: 'getItem',
    summary: 'One item by key or explicit ID, read from its plan file, with its ETag',
    tags: ['items'],
    access: 'read',
    tier: 'read',
    params: keyParams,
    query: projectQuery,
    responses: {
      200: { description: 'the item (ETag header set)', schema: itemSchema, example: itemExample },
      404: p('no such item'),
      409: p('the key names items in several projects'),
      ...common,
    },
    async handler({ ctx, params, query, reply }) {
      const found = await findItem(ctx, params.key, query.project);
      reply.header('etag', found.etag);
      return view(found.record);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/items/:key',
    operationId: 'updateItem',
    summary:
      "Change an item's status or attributes in its plan, by the smallest edit in the plan's own style",
    description:
      'If-Match is required (428 without it, 412 when the item changed). The plan is written back atomically; a conflicting change to the file is 409 or 412, never a lost update.',
    tags: ['items'],
    access: 'write',
    tier: 'write',
    params: keyParams,
    query: projectQuery,
    body: itemPatchSchema,
    bodyExample: { status: 'done', attributes: { owner: 'dana', due: null } },
    headers: ifMatch,
    responses: {
      200: {
        description: 'the item after the change',
        schema: itemSchema,
        example: { ...itemExample, status: 'done' },
      },
      404: p('no such item'),
      409: p('the plan changed in a way the edit no longer applies to'),
      412: p('the item changed since it was read'),
      422: p('the edit cannot be applied to this item'),
      428: p('If-Match missing'),
      ...common,
    },
    async handler({ ctx, params, query, body, request, reply, principal }) {
      const record = await updateItem(ctx, principal, request.id, {
        key: params.key,
        project: query.project,
        ifMatch: request.headers['if-match'],
        change: body,
      });
      reply.header('etag', itemEtag(record));
      return view(record);
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/items/:key',
    operationId: 'deleteItem',
    summary: 'Remove an item and its children from its plan',
    tags: ['items'],
    access: 'write',
    tier: 'write',
    params: keyParams,
    query: projectQuery,
    headers: ifMatch,
    responses: {
      204: { description: 'removed' },
      404: p('no such item'),
      409: p('the plan changed in a way the edit no longer applies to'),
      412: p('the item changed since it was read'),
      428: p('If-Match missing'),
      ...common,
    },
    async handler({ ctx, params, query, request, reply, principal }) {
      const found = await findItem(ctx, params.key, query.project);
      checkIfMatch(request.headers['if-match'], found.etag);
      const key = found.item.key;
      await writeChange(ctx, found.plan, [(plan) => removeItem(plan, plan.byKey.get(key)!)], {
        key,
        etag: found.etag,
      });
      await audit(ctx, principal, request.id, 'item.delete', `${found.plan.file}#${key}`, {
        title: found.item.title,
      });
      await itemChanged(ctx);
      reply.code(204).send();
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/items',
    operationId: 'createItem',
    summary: 'Add an item to a project, under a parent item or at the end of a section',
    tags: ['items'],
    access: 'write',
    tier: 'write',
    body: itemCreateSchema,
    bodyExample: {
      project: 'ROADMAP.md',
      parent: 'MH-001',
      title: 'Write the migration guide',
      status: 'todo',
    },
    headers: [
      { name: 'Idempotency-Key', required: false, description: 'replays the first response for 24 h' },
    ],
    responses: {
      201: { description: 'the new item (Location and ETag set)', schema: itemSchema, example: itemExample },
      404: p('no such project, parent or section'),
      409: p('the plan changed in a way the edit no longer applies to'),
      422: p('the item cannot be added there'),
      ...common,
    },
    async handler({ ctx, body, request, reply, principal }) {
      const plan = await loadPlan(ctx, body.project);
      let step: EditStep;
      if (body.parent !== undefined) {
        const parent =
          plan.byKey.get(body.parent) ??
          plan.items.find((i) => i.id?.toLowerCase() === body.parent!.toLowerCase());
        if (!parent) throw new TmError('TM_NOT_FOUND', `No item "${body.parent}" in ${body.project}.`);
        const parentKey = parent.key;
        step = (p2) =>
          addItem(
            p2,
            { parent: p2.byKey.get(parentKey)! },
            { title: body.title, status: body.status ?? 'todo', today: ctx.today() },
          );
      } else {
        const want = body.section!.trim().toLowerCase();
        const sections = plan.sections.filter((s) => s.title.toLowerCase() === want);
        if (sections.length !== 1)
          throw new TmError(
            sections.length === 0 ? 'TM_NOT_FOUND' : 'TM_AMBIGUOUS',
            `${sections.length === 0 ? 'No' : 'More than one'} section titled "${body.section}" in ${body.project}.`,
          );
        const title = sections[0]!.title;
        step = (p2) =>
          addItem(
            p2,
            { section: p2.sections.find((s) => s.title === title)! },
            { title: body.title, status: body.status ?? 'todo', today: ctx.today() },
          );
      }
      const change = await writeChange(ctx, plan, [step], null);
      const known = new Set(change.before.items.map((i) => i.key));
      const added = change.after.items.find((i) => !known.has(i.key));
      if (!added)
        throw new TmError(
          'TM_PLAN_CONFLICT',
          `${body.project}: the new item could not be found after writing.`,
        );
      const record = recordOf(change.after, added);
      await audit(ctx, principal, request.id, 'item.create', `${body.project}#${added.key}`, {
        title: body.title,
      });
      await itemChanged(ctx);
      reply
        .code(201)
        .header('etag', itemEtag(record))
        .header(
          'location',
          `/api/v1/items/${encodeURIComponent(added.key)}?project=${encodeURIComponent(body.project)}`,
        );
      return view(record);
    },
  }),
];
