/**
 * Sprints: a time box with a set of items. Burndown and velocity come from the recorded item events;
 * closing a sprint carries its open items over to another one.
 */
import { z } from 'zod';
import { TmError } from '../../core/errors.js';
import { burndown, completedWithin, type SprintItemState, sprintItemState } from '../../core/ops/burndown.js';
import type { SprintRecord } from '../../core/store/team.js';
import { audit } from '../audit.js';
import { newId, sha256 } from '../auth/tokens.js';
import type { AppContext } from '../context.js';
import { checkIfMatch } from '../plans.js';
import { HttpError } from '../problem.js';
import { itemRefSchema, resolveRef } from '../refs.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { commonProblems as common, itemSchema, oneLine, problem as p } from '../schemas.js';
import { view } from './items.js';

const date = z.iso.date();
const idParams = z.object({ id: z.string().min(1).max(100) });

const sprintSchema = z.object({
  id: z.string(),
  name: z.string(),
  goal: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  state: z.enum(['open', 'closed']),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  etag: z.string(),
});

const detailSchema = sprintSchema.extend({
  items: z.array(
    z.object({
      project: z.string(),
      key: z.string(),
      item: itemSchema.nullable(),
      closedAt: z.string().nullable(),
    }),
  ),
  progress: z.object({ total: z.number().int(), closed: z.number().int(), open: z.number().int() }),
  burndown: z.array(
    z.object({
      date: z.string(),
      remaining: z.number().int(),
      remainingMinutes: z.number(),
      ideal: z.number(),
    }),
  ),
});

const sprintView = ({ workspace: _w, ...s }: SprintRecord) => ({
  ...s,
  etag: `"${sha256(JSON.stringify(s)).slice(0, 32)}"`,
});

async function getSprint(ctx: AppContext, id: string): Promise<SprintRecord> {
  const s = await ctx.team.getSprint(ctx.workspaceId, id);
  if (!s) throw new TmError('TM_NOT_FOUND', `No sprint ${id}.`);
  return s;
}

/** Each item of the sprint with its record (null when gone) and its closing time from the events. */
async function sprintStates(ctx: AppContext, sprint: SprintRecord) {
  const refs = await ctx.team.sprintItems(sprint.id);
  return Promise.all(
    refs.map(async (r) => {
      const item = await ctx.store.getItem(r.file, r.key);
      const state: SprintItemState | null = item
        ? sprintItemState(item, await ctx.store.listEvents({ file: r.file, key: r.key }))
        : null;
      return { ref: r, item, state };
    }),
  );
}

async function detail(ctx: AppContext, sprint: SprintRecord) {
  const states = await sprintStates(ctx, sprint);
  const known = states.flatMap((s) => (s.state ? [s.state] : []));
  const closed = known.filter((s) => s.closedAt !== null).length;
  return {
    ...sprintView(sprint),
    items: states.map((s) => ({
      project: s.ref.file,
      key: s.ref.key,
      item: s.item ? view(s.item) : null,
      closedAt: s.state?.closedAt || null,
    })),
    progress: { total: known.length, closed, open: known.length - closed },
    burndown: burndown(known, sprint.startsOn, sprint.endsOn, ctx.today()),
  };
}

function checkDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn)
    throw new HttpError('TM_VALIDATION', 'A sprint ends on or after the day it starts.', {
      errors: [{ pointer: '/body/endsOn', detail: 'before startsOn' }],
    });
  if (Date.parse(endsOn) - Date.parse(startsOn) > 365 * 86_400_000)
    throw new HttpError('TM_VALIDATION', 'A sprint lasts at most a year.', {
      errors: [{ pointer: '/body/endsOn', detail: 'too far' }],
    });
}

export const sprintRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/sprints',
    operationId: 'listSprints',
    summary: 'Sprints, oldest first',
    tags: ['sprints'],
    access: 'read',
    tier: 'read',
    responses: {
      200: { description: 'sprints', schema: z.object({ sprints: z.array(sprintSchema) }) },
      ...common,
    },
    handler: async ({ ctx }) => ({ sprints: (await ctx.team.listSprints(ctx.workspaceId)).map(sprintView) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/sprints',
    operationId: 'createSprint',
    summary: 'Create a sprint',
    tags: ['sprints'],
    access: 'write',
    tier: 'write',
    body: z
      .object({
        name: oneLine(200).pipe(z.string().trim().min(1)),
        goal: oneLine(1000).optional(),
        startsOn: date,
        endsOn: date,
      })
      .strict(),
    bodyExample: {
      name: 'Sprint 12',
      goal: 'Ship the importer',
      startsOn: '2026-01-12',
      endsOn: '2026-01-23',
    },
    responses: { 201: { description: 'the sprint', schema: sprintSchema }, ...common },
    async handler({ ctx, body, principal, request, reply }) {
      checkDates(body.startsOn, body.endsOn);
      const sprint: SprintRecord = {
        id: newId(),
        workspace: ctx.workspaceId,
        name: body.name,
        goal: body.goal ?? null,
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        state: 'open',
        createdAt: ctx.now().toISOString(),
        closedAt: null,
      };
      await ctx.team.createSprint(sprint);
      await audit(ctx, principal, request.id, 'sprint.create', sprint.id, { name: sprint.name });
      reply.code(201).header('location', `/api/v1/sprints/${sprint.id}`);
      return sprintView(sprint);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/sprints/velocity',
    operationId: 'sprintVelocity',
    summary: 'Velocity: items and effort closed within each sprint',
    tags: ['sprints'],
    access: 'read',
    tier: 'read',
    responses: {
      200: {
        description: 'one entry per sprint, oldest first',
        schema: z.object({
          sprints: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              state: z.enum(['open', 'closed']),
              items: z.number().int(),
              minutes: z.number(),
            }),
          ),
        }),
      },
      ...common,
    },
    async handler({ ctx }) {
      const out = [];
      for (const s of await ctx.team.listSprints(ctx.workspaceId)) {
        const known = (await sprintStates(ctx, s)).flatMap((x) => (x.state ? [x.state] : []));
        out.push({ id: s.id, name: s.name, state: s.state, ...completedWithin(known, s.startsOn, s.endsOn) });
      }
      return { sprints: out };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/sprints/:id',
    operationId: 'getSprint',
    summary: 'A sprint with its items, progress and burndown',
    tags: ['sprints'],
    access: 'read',
    tier: 'read',
    params: idParams,
    responses: {
      200: { description: 'the sprint (ETag set)', schema: detailSchema },
      404: p('no such sprint'),
      ...common,
    },
    async handler({ ctx, params, reply }) {
      const d = await detail(ctx, await getSprint(ctx, params.id));
      reply.header('etag', d.etag);
      return d;
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/sprints/:id',
    operationId: 'updateSprint',
    summary: "Edit a sprint's name, goal or dates",
    tags: ['sprints'],
    access: 'write',
    tier: 'write',
    params: idParams,
    body: z
      .object({
        name: oneLine(200).pipe(z.string().trim().min(1)).optional(),
        goal: oneLine(1000).nullable().optional(),
        startsOn: date.optional(),
        endsOn: date.optional(),
      })
      .strict(),
    headers: [{ name: 'If-Match', required: true, description: "the sprint's ETag (or *)" }],
    responses: {
      200: { description: 'the sprint', schema: sprintSchema },
      404: p('no such sprint'),
      412: p('the sprint changed'),
      428: p('If-Match missing'),
      ...common,
    },
    async handler({ ctx, params, body, request, reply, principal }) {
      const s = await getSprint(ctx, params.id);
      checkIfMatch(request.headers['if-match'], sprintView(s).etag);
      checkDates(body.startsOn ?? s.startsOn, body.endsOn ?? s.endsOn);
      const patch = {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.goal !== undefined ? { goal: body.goal } : {}),
        ...(body.startsOn !== undefined ? { startsOn: body.startsOn } : {}),
        ...(body.endsOn !== undefined ? { endsOn: body.endsOn } : {}),
      };
      await ctx.team.updateSprint(s.id, patch);
      await audit(ctx, principal, request.id, 'sprint.update', s.id, patch);
      const after = sprintView(await getSprint(ctx, s.id));
      reply.header('etag', after.etag);
      return after;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/sprints/:id/items',
    operationId: 'addSprintItems',
    summary: 'Add items to a sprint',
    tags: ['sprints'],
    access: 'write',
    tier: 'write',
    params: idParams,
    body: z.object({ items: z.array(itemRefSchema).min(1).max(500) }).strict(),
    bodyExample: { items: [{ project: 'ROADMAP.md', key: 'MH-001' }] },
    responses: {
      200: {
        description: 'how many were added (items already in the sprint are skipped)',
        schema: z.object({ added: z.number().int() }),
      },
      404: p('no such sprint or item'),
      409: p('the sprint is closed'),
      ...common,
    },
    async handler({ ctx, params, body, principal, request }) {
      const s = await getSprint(ctx, params.id);
      if (s.state === 'closed')
        throw new HttpError('TM_CONFLICT', 'The sprint is closed; add the items to an open one.');
      const items = await Promise.all(body.items.map((r) => resolveRef(ctx, r)));
      const added = await ctx.team.addSprintItems(s.id, items, ctx.now().toISOString());
      await audit(ctx, principal, request.id, 'sprint.items.add', s.id, { added });
      return { added };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/sprints/:id/items/:key',
    operationId: 'removeSprintItem',
    summary: 'Take an item out of a sprint',
    tags: ['sprints'],
    access: 'write',
    tier: 'write',
    params: z.object({ id: z.string().min(1).max(100), key: z.string().min(1).max(500) }),
    query: z.object({ project: z.string().min(1).max(1000) }).strict(),
    responses: { 204: { description: 'removed' }, 404: p('not in the sprint'), ...common },
    async handler({ ctx, params, query, principal, request, reply }) {
      const s = await getSprint(ctx, params.id);
      if (!(await ctx.team.removeSprintItem(s.id, { file: query.project, key: params.key })))
        throw new TmError('TM_NOT_FOUND', `${params.key} is not in sprint ${s.name}.`);
      await audit(ctx, principal, request.id, 'sprint.items.remove', s.id, {
        key: params.key,
        project: query.project,
      });
      reply.code(204).send();
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/sprints/:id/close',
    operationId: 'closeSprint',
    summary: 'Close a sprint, carrying its open items over to another open sprint',
    tags: ['sprints'],
    access: 'write',
    tier: 'write',
    params: idParams,
    body: z.object({ carryOverTo: z.string().min(1).max(100).optional() }).strict(),
    responses: {
      200: {
        description: 'the closed sprint and what was carried over',
        schema: z.object({
          sprint: sprintSchema,
          completed: z.number().int(),
          carriedOver: z.array(itemRefSchema),
        }),
      },
      404: p('no such sprint'),
      409: p('closed already, or the target is closed'),
      ...common,
    },
    async handler({ ctx, params, body, principal, request }) {
      const s = await getSprint(ctx, params.id);
      if (s.state === 'closed') throw new HttpError('TM_CONFLICT', 'The sprint is closed already.');
      const target = body.carryOverTo !== undefined ? await getSprint(ctx, body.carryOverTo) : null;
      if (target && (target.state === 'closed' || target.id === s.id))
        throw new HttpError('TM_CONFLICT', 'Open items carry over to another sprint that is still open.');
      const states = await sprintStates(ctx, s);
      const open = states.filter((x) => x.state && x.state.closedAt === null).map((x) => x.ref);
      const now = ctx.now().toISOString();
      if (target) await ctx.team.addSprintItems(target.id, open, now);
      await ctx.team.updateSprint(s.id, { state: 'closed', closedAt: now });
      await audit(ctx, principal, request.id, 'sprint.close', s.id, {
        carriedOver: open.length,
        to: target?.id ?? null,
      });
      return {
        sprint: sprintView(await getSprint(ctx, s.id)),
        completed: states.length - open.length,
        carriedOver: target ? open.map((r) => ({ project: r.file, key: r.key })) : [],
      };
    },
  }),
];
