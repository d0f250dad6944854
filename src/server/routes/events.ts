/**
 * GET /api/v1/events: item events as server-sent events. `Last-Event-ID` (or ?after=) replays what
 * was missed; a comment line every 15 s keeps proxies from closing an idle stream.
 */
import { z } from 'zod';
import type { ItemEvent } from '../../core/store/port.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { problemSchema } from '../schemas.js';

const HEARTBEAT_MS = 15_000;
const REPLAY_LIMIT = 1000;

function frame(e: ItemEvent): string {
  return `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;
}

export const eventRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/events',
    operationId: 'streamEvents',
    summary:
      'Item events as a text/event-stream (created, status_changed, attribute_changed, moved, renamed, removed)',
    tags: ['events'],
    access: 'read',
    tier: 'read',
    query: z.object({ after: z.coerce.number().int().min(0).optional() }).strict(),
    headers: [{ name: 'Last-Event-ID', required: false, description: 'replay events after this id' }],
    responses: {
      200: {
        description: 'the stream',
        contentType: 'text/event-stream',
        example: 'id: 42\nevent: status_changed\ndata: {…}\n\n',
      },
      401: { description: 'not signed in', schema: problemSchema },
    },
    async handler({ ctx, request, reply, query }) {
      const header = request.headers['last-event-id'];
      const fromHeader = typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
      const after = fromHeader ?? query.after;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      res.write(': taskmark events\n\n');
      let last = after ?? 0;
      const send = (e: ItemEvent) => {
        if (e.id <= last) return;
        last = e.id;
        res.write(frame(e));
      };
      // Subscribe first, then replay: an event recorded in between is sent once (ids only go up).
      const unsubscribe = ctx.events.subscribe(send);
      if (after !== undefined)
        for (const e of await ctx.store.listEvents({ after, limit: REPLAY_LIMIT })) send(e);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
      return undefined;
    },
  }),
];
