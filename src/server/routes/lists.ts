/** Action lists: named, ordered lists of items across projects. */
import { z } from 'zod';
import { TmError } from '../../core/errors.js';
import { audit } from '../audit.js';
import { newId } from '../auth/tokens.js';
import { HttpError } from '../problem.js';
import { itemRefSchema, itemsOf, resolveRef } from '../refs.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { commonProblems as common, itemSchema, oneLine, problem as p } from '../schemas.js';
import { view } from './items.js';

const name = z.string().regex(/^[A-Za-z0-9 ._-]{1,100}$/, 'letters, digits, space, . _ -');
const listSchema = z.object({
  name: z.string(),
  description: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const entrySchema = z.object({
  project: z.string(),
  key: z.string(),
  item: itemSchema.nullable().describe('null when the item is gone from its plan'),
});
const MAX_ITEMS = 500;

export const listRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/lists',
    operationId: 'listActionLists',
    summary: 'Action lists: named, ordered lists of items across projects',
    tags: ['lists'],
    access: 'read',
    tier: 'read',
    responses: {
      200: { description: 'the lists', schema: z.object({ lists: z.array(listSchema) }) },
      ...common,
    },
    async handler({ ctx }) {
      return {
        lists: (await ctx.team.listLists(ctx.workspaceId)).map(({ id: _id, workspace: _w, ...l }) => l),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/lists',
    operationId: 'createActionList',
    summary: 'Create an action list, optionally with its items',
    tags: ['lists'],
    access: 'write',
    tier: 'write',
    body: z
      .object({
        name,
        description: oneLine(1000).optional(),
        items: z.array(itemRefSchema).max(MAX_ITEMS).default([]),
      })
      .strict(),
    bodyExample: { name: 'Release blockers', items: [{ project: 'ROADMAP.md', key: 'MH-001' }] },
    responses: {
      201: { description: 'the list', schema: listSchema.extend({ items: z.array(entrySchema) }) },
      404: p('an item does not exist'),
      409: p('a list with this name exists'),
      ...common,
    },
    async handler({ ctx, body, principal, request, reply }) {
      const items = await Promise.all(body.items.map((r) => resolveRef(ctx, r)));
      const at = ctx.now().toISOString();
      const list = {
        id: newId(),
        workspace: ctx.workspaceId,
        name: body.name,
        description: body.description ?? null,
        createdAt: at,
        updatedAt: at,
      };
      if (!(await ctx.team.createList(list)))
        throw new HttpError('TM_CONFLICT', `A list named "${body.name}" exists already.`);
      await ctx.team.setListItems(list.id, dedupe(items), at);
      await audit(ctx, principal, request.id, 'list.create', body.name, { items: items.length });
      reply.code(201).header('location', `/api/v1/lists/${encodeURIComponent(body.name)}`);
      const { id: _id, workspace: _w, ...out } = list;
      return { ...out, items: (await itemsOf(ctx, await ctx.team.listItems(list.id))).map(entry) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/lists/:name',
    operationId: 'getActionList',
    summary: 'One action list with its items in order',
    tags: ['lists'],
    access: 'read',
    tier: 'read',
    params: z.object({ name }),
    responses: {
      200: { description: 'the list', schema: listSchema.extend({ items: z.array(entrySchema) }) },
      404: p('no such list'),
      ...common,
    },
    async handler({ ctx, params }) {
      const list = await ctx.team.getList(ctx.workspaceId, params.name);
      if (!list) throw new TmError('TM_NOT_FOUND', `No list "${params.name}".`);
      const { id, workspace: _w, ...out } = list;
      return { ...out, items: (await itemsOf(ctx, await ctx.team.listItems(id))).map(entry) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/lists/:name/items',
    operationId: 'setActionListItems',
    summary: "Replace a list's items (this is also how items are reordered, added and removed)",
    tags: ['lists'],
    access: 'write',
    tier: 'write',
    params: z.object({ name }),
    body: z.object({ items: z.array(itemRefSchema).max(MAX_ITEMS) }).strict(),
    responses: {
      200: { description: 'the list', schema: listSchema.extend({ items: z.array(entrySchema) }) },
      404: p('no such list or item'),
      ...common,
    },
    async handler({ ctx, params, body, principal, request }) {
      const list = await ctx.team.getList(ctx.workspaceId, params.name);
      if (!list) throw new TmError('TM_NOT_FOUND', `No list "${params.name}".`);
      const items = await Promise.all(body.items.map((r) => resolveRef(ctx, r)));
      const at = ctx.now().toISOString();
      await ctx.team.setListItems(list.id, dedupe(items), at);
      await audit(ctx, principal, request.id, 'list.items', params.name, { items: items.length });
      const { id, workspace: _w, ...out } = list;
      return { ...out, updatedAt: at, items: (await itemsOf(ctx, await ctx.team.listItems(id))).map(entry) };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/lists/:name',
    operationId: 'deleteActionList',
    summary: 'Delete an action list (the items stay in their plans)',
    tags: ['lists'],
    access: 'write',
    tier: 'write',
    params: z.object({ name }),
    responses: { 204: { description: 'deleted' }, 404: p('no such list'), ...common },
    async handler({ ctx, params, principal, request, reply }) {
      const list = await ctx.team.getList(ctx.workspaceId, params.name);
      if (!list || !(await ctx.team.deleteList(list.id)))
        throw new TmError('TM_NOT_FOUND', `No list "${params.name}".`);
      await audit(ctx, principal, request.id, 'list.delete', params.name);
      reply.code(204).send();
      return undefined;
    },
  }),
];

function dedupe(items: readonly { file: string; key: string }[]): { file: string; key: string }[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const id = `${i.file}\u0000${i.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function entry(e: { project: string; key: string; item: Parameters<typeof view>[0] | null }) {
  return { project: e.project, key: e.key, item: e.item ? view(e.item) : null };
}
