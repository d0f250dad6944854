/** Webhooks (admins): subscribe a URL to item events, and read the delivery log. */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { TmError } from '../../core/errors.js';
import { ITEM_EVENT_TYPES } from '../../core/store/port.js';
import type { WebhookRecord } from '../../core/store/webhooks.js';
import { audit } from '../audit.js';
import { newId } from '../auth/tokens.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { commonProblems as common, problem as p } from '../schemas.js';

const hookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
const deliverySchema = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  eventType: z.string(),
  state: z.enum(['pending', 'sending', 'delivered', 'failed']),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string(),
});

const hookView = ({ secret: _s, workspace: _w, ...h }: WebhookRecord) => h;

function parseUrl(u: string): URL | null {
  try {
    return new URL(u);
  } catch {
    return null;
  }
}

const url = z
  .string()
  .max(2000)
  .refine((u) => /^https?:$/.test(parseUrl(u)?.protocol ?? ''), 'must be an http or https URL')
  .refine((u) => parseUrl(u)?.username === '' && parseUrl(u)?.password === '', 'must not carry credentials');

export const webhookRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/webhooks',
    operationId: 'listWebhooks',
    summary: 'Webhooks of the workspace',
    tags: ['webhooks'],
    access: 'admin',
    tier: 'read',
    responses: {
      200: {
        description: 'webhooks (never their secrets)',
        schema: z.object({ webhooks: z.array(hookSchema) }),
      },
      ...common,
    },
    handler: async ({ ctx }) => ({
      webhooks: (await ctx.deps.webhookStore.listWebhooks(ctx.workspaceId)).map(hookView),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/webhooks',
    operationId: 'createWebhook',
    summary:
      'Send item events to a URL: a signed JSON POST per event (X-Taskmark-Signature: sha256=HMAC of the body)',
    tags: ['webhooks'],
    access: 'admin',
    tier: 'write',
    body: z
      .object({
        url,
        events: z
          .array(z.enum(['*', ...ITEM_EVENT_TYPES]))
          .min(1)
          .max(10)
          .default(['*']),
      })
      .strict(),
    bodyExample: { url: 'https://hooks.example.com/taskmark', events: ['status_changed', 'created'] },
    responses: {
      201: {
        description: 'the webhook with its signing secret (shown once)',
        schema: hookSchema.extend({ secret: z.string() }),
      },
      ...common,
    },
    async handler({ ctx, body, principal, request, reply }) {
      const hook: WebhookRecord = {
        id: newId(),
        workspace: ctx.workspaceId,
        url: body.url,
        events: [...new Set(body.events)],
        secret: `whsec_${randomBytes(24).toString('base64url')}`,
        active: true,
        createdAt: ctx.now().toISOString(),
        createdBy: principal!.userId,
      };
      await ctx.deps.webhookStore.createWebhook(hook);
      await audit(ctx, principal, request.id, 'webhook.create', hook.id, {
        url: hook.url,
        events: [...hook.events],
      });
      reply.code(201);
      return { ...hookView(hook), secret: hook.secret };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/webhooks/:id',
    operationId: 'deleteWebhook',
    summary: 'Delete a webhook and its delivery log',
    tags: ['webhooks'],
    access: 'admin',
    tier: 'write',
    params: z.object({ id: z.string().min(1).max(100) }),
    responses: { 204: { description: 'deleted' }, 404: p('no such webhook'), ...common },
    async handler({ ctx, params, principal, request, reply }) {
      if (!(await ctx.deps.webhookStore.deleteWebhook(ctx.workspaceId, params.id)))
        throw new TmError('TM_NOT_FOUND', `No webhook ${params.id}.`);
      await audit(ctx, principal, request.id, 'webhook.delete', params.id);
      reply.code(204).send();
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/webhooks/:id/deliveries',
    operationId: 'listWebhookDeliveries',
    summary: "A webhook's delivery log, newest first",
    tags: ['webhooks'],
    access: 'admin',
    tier: 'read',
    params: z.object({ id: z.string().min(1).max(100) }),
    query: z
      .object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        before: z.coerce.number().int().positive().optional(),
      })
      .strict(),
    responses: {
      200: {
        description: 'deliveries',
        schema: z.object({ deliveries: z.array(deliverySchema), nextCursor: z.number().int().nullable() }),
      },
      404: p('no such webhook'),
      ...common,
    },
    async handler({ ctx, params, query }) {
      if (!(await ctx.deps.webhookStore.getWebhook(ctx.workspaceId, params.id)))
        throw new TmError('TM_NOT_FOUND', `No webhook ${params.id}.`);
      const list = await ctx.deps.webhookStore.listDeliveries(params.id, {
        limit: query.limit,
        ...(query.before !== undefined ? { before: query.before } : {}),
      });
      const last = list[list.length - 1];
      return {
        deliveries: list.map(({ payload: _p, webhookId: _w, ...d }) => d),
        nextCursor: list.length === query.limit && last ? last.id : null,
      };
    },
  }),
];
