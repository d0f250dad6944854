/** The workspace itself, its import, the audit log and saved views. */
import { z } from 'zod';
import { TmError } from '../../core/errors.js';
import { queryAstSchema } from '../../core/query/ast.js';
import { parseQuery } from '../../core/query/parse.js';
import type { JsonValue } from '../../core/store/port.js';
import { audit } from '../audit.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { commonProblems as common, problem as p } from '../schemas.js';

const viewSchema = z.object({
  name: z.string(),
  query: z.unknown(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const viewName = z.object({
  name: z.string().regex(/^[A-Za-z0-9 ._-]{1,100}$/, 'letters, digits, space, . _ -'),
});

const auditSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.unknown(),
  requestId: z.string().nullable(),
});

export const workspaceRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/workspace',
    operationId: 'getWorkspace',
    summary: 'The workspace this server serves',
    tags: ['workspace'],
    access: 'read',
    tier: 'read',
    responses: {
      200: {
        description: 'the workspace',
        schema: z.object({
          id: z.string(),
          backend: z.enum(['sqlite', 'postgres']),
          projects: z.number().int(),
          items: z.number().int(),
        }),
      },
      ...common,
    },
    async handler({ ctx }) {
      const docs = (await ctx.store.listDocuments()).filter((d) => d.hash !== null);
      return {
        id: ctx.workspaceId,
        backend: ctx.store.backend,
        projects: docs.length,
        items: docs.reduce((n, d) => n + d.itemCount, 0),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/workspace/sync',
    operationId: 'syncWorkspace',
    summary: 'Import the plan files now (the server also imports on start and when files change)',
    tags: ['workspace'],
    access: 'write',
    tier: 'write',
    responses: {
      200: {
        description: 'what the import did',
        schema: z.object({
          files: z.number(),
          changed: z.array(z.string()),
          unchanged: z.number(),
          removed: z.array(z.string()),
          events: z.number(),
        }),
      },
      ...common,
    },
    async handler({ ctx }) {
      const r = await ctx.sync();
      return {
        files: r.files,
        changed: r.changed,
        unchanged: r.unchanged,
        removed: r.removed,
        events: r.events,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/audit',
    operationId: 'listAudit',
    summary: 'The audit log, newest first (admins)',
    tags: ['audit'],
    access: 'admin',
    tier: 'read',
    query: z
      .object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        before: z.coerce.number().int().positive().optional(),
      })
      .strict(),
    responses: {
      200: {
        description: 'entries',
        schema: z.object({ entries: z.array(auditSchema), nextCursor: z.number().int().nullable() }),
      },
      ...common,
    },
    async handler({ ctx, query }) {
      const entries = await ctx.accounts.listAudit(ctx.workspaceId, {
        limit: query.limit,
        ...(query.before !== undefined ? { before: query.before } : {}),
      });
      const last = entries[entries.length - 1];
      return {
        entries: entries.map(({ workspace: _w, ...e }) => e),
        nextCursor: entries.length === query.limit && last ? last.id : null,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/views',
    operationId: 'listViews',
    summary: 'Saved views (named queries)',
    tags: ['views'],
    access: 'read',
    tier: 'read',
    responses: { 200: { description: 'views', schema: z.object({ views: z.array(viewSchema) }) }, ...common },
    handler: async ({ ctx }) => ({ views: await ctx.store.listViews() }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/views/:name',
    operationId: 'saveView',
    summary: 'Save a view: a query in text form (`q`) or as its JSON AST (`query`)',
    tags: ['views'],
    access: 'write',
    tier: 'write',
    params: viewName,
    body: z
      .object({ q: z.string().max(2000).optional(), query: queryAstSchema.optional() })
      .strict()
      .refine((b) => (b.q === undefined) !== (b.query === undefined), 'give q or query'),
    bodyExample: { q: 'priority:P0 status:todo,doing' },
    responses: { 200: { description: 'the view', schema: viewSchema }, ...common },
    async handler({ ctx, params, body, principal, request }) {
      const ast = body.q !== undefined ? parseQuery(body.q) : body.query!;
      const view = await ctx.store.saveView(params.name, ast as unknown as JsonValue);
      await audit(ctx, principal, request.id, 'view.save', params.name);
      return view;
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/views/:name',
    operationId: 'deleteView',
    summary: 'Delete a saved view',
    tags: ['views'],
    access: 'write',
    tier: 'write',
    params: viewName,
    responses: { 204: { description: 'deleted' }, 404: p('no such view'), ...common },
    async handler({ ctx, params, principal, request, reply }) {
      if (!(await ctx.store.deleteView(params.name)))
        throw new TmError('TM_NOT_FOUND', `No view "${params.name}".`);
      await audit(ctx, principal, request.id, 'view.delete', params.name);
      reply.code(204).send();
      return undefined;
    },
  }),
];
