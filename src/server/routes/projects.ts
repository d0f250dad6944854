/** Projects: the plans of the workspace. Creating one writes its markdown file inside the workspace. */
import { closeSync, mkdirSync, openSync, realpathSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { planStatusSchema } from '../../core/contract/items.js';
import { TmError } from '../../core/errors.js';
import { historyPointSchema } from '../../core/history/contract.js';
import { progressSeries } from '../../core/history/progress.js';
import { planStatus } from '../../core/ops/status.js';
import { readPlanHistory } from '../../workspace/history.js';
import { audit } from '../audit.js';
import type { AppContext } from '../context.js';
import { loadPlan } from '../plans.js';
import { HttpError } from '../problem.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { commonProblems, oneLine, problem as p } from '../schemas.js';

const common = {
  ...commonProblems,
  400: p('invalid request (or a file name that would not be read as a plan)'),
};

const projectSchema = z.object({
  path: z.string(),
  itemCount: z.number().int(),
  revisions: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/**
 * A new plan's path: relative, inside the workspace, without `..`, hidden or control characters,
 * a markdown file. The folder is checked again after it exists, so a symlink cannot lead outside.
 */
const newPath = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9 ._/-]+$/, 'letters, digits, space, . _ - and / only')
  .refine(
    (s) =>
      !s.startsWith('/') && s.split('/').every((seg) => seg !== '' && seg !== '..' && !seg.startsWith('.')),
    {
      message: 'must be a relative path inside the workspace, without .. or hidden folders',
    },
  )
  .refine((s) => /\.(md|markdown)$/i.test(s), 'must be a .md or .markdown file');

function createFile(ctx: AppContext, path: string, text: string): string {
  const root = realpathSync(ctx.deps.workspace.root);
  const abs = join(root, path);
  mkdirSync(dirname(abs), { recursive: true });
  const rel = relative(root, realpathSync(dirname(abs)));
  if (rel.startsWith('..') || rel.split(sep).includes('..'))
    throw new HttpError('TM_VALIDATION', 'The path leads outside the workspace.', {
      errors: [{ pointer: '/body/path', detail: 'outside the workspace' }],
    });
  let fd: number;
  try {
    fd = openSync(abs, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new HttpError('TM_CONFLICT', `${path} exists already; choose another path.`);
    throw e;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return abs;
}

export const projectRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/projects',
    operationId: 'listProjects',
    summary: 'The plans of the workspace',
    tags: ['projects'],
    access: 'read',
    tier: 'read',
    responses: {
      200: { description: 'projects', schema: z.object({ projects: z.array(projectSchema) }) },
      ...common,
    },
    async handler({ ctx }) {
      const docs = await ctx.store.listDocuments();
      return {
        projects: docs
          .filter((d) => d.hash !== null)
          .map((d) => ({
            path: d.path,
            itemCount: d.itemCount,
            revisions: d.revisions,
            createdAt: d.createdAt,
            updatedAt: d.updatedAt,
          })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/projects/:path',
    operationId: 'getProject',
    summary: 'One plan with its progress (path URL-encoded: ROADMAP.md, docs%2FPLAN.md)',
    tags: ['projects'],
    access: 'read',
    tier: 'read',
    params: z.object({ path: z.string().min(1).max(1000) }),
    responses: {
      200: {
        description: 'the plan and its status',
        schema: z.object({ path: z.string(), status: planStatusSchema }),
      },
      404: p('no such project'),
      ...common,
    },
    async handler({ ctx, params }) {
      const doc = await ctx.store.getDocument(params.path);
      if (!doc || doc.hash === null)
        throw new TmError('TM_NOT_FOUND', `No project "${params.path}" in this workspace.`);
      const plan = await loadPlan(ctx, params.path);
      return { path: params.path, status: planStatus(plan, ctx.today()) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/projects/:path/history',
    operationId: 'getProjectHistory',
    summary: "A plan's progress over its git history: done/total and effort remaining per commit",
    tags: ['projects'],
    access: 'read',
    tier: 'read',
    params: z.object({ path: z.string().min(1).max(1000) }),
    responses: {
      200: {
        description: 'the progress series, oldest first',
        schema: z.object({
          path: z.string(),
          commits: z.number().int(),
          points: z.array(historyPointSchema),
        }),
      },
      404: p('no such project'),
      ...common,
    },
    async handler({ ctx, params }) {
      const doc = await ctx.store.getDocument(params.path);
      if (!doc || doc.hash === null)
        throw new TmError('TM_NOT_FOUND', `No project "${params.path}" in this workspace.`);
      const read = await readPlanHistory(ctx.deps.workspace.root, params.path, {
        hoursPerDay: ctx.deps.workspace.hoursPerDay,
      });
      const points = progressSeries(read.versions, read.outcomes);
      return { path: params.path, commits: points.length, points };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/projects',
    operationId: 'createProject',
    summary: 'Create a project: writes a new markdown plan in the workspace',
    description:
      'The file name must make it a plan (TODO, ROADMAP, PLAN, TASKS, BACKLOG or CHECKLIST as a word), or match plans.include.',
    tags: ['projects'],
    access: 'write',
    tier: 'write',
    body: z.object({ path: newPath, title: oneLine(200).pipe(z.string().trim().min(1)) }).strict(),
    bodyExample: { path: 'plans/payments.plan.md', title: 'Payments' },
    headers: [
      { name: 'Idempotency-Key', required: false, description: 'replays the first response for 24 h' },
    ],
    responses: {
      201: { description: 'created', schema: projectSchema },
      409: p('the file exists'),
      ...common,
    },
    async handler({ ctx, body, reply, request, principal }) {
      const abs = createFile(ctx, body.path, `# ${body.title}\n\n`);
      await ctx.sync();
      const doc = await ctx.store.getDocument(body.path);
      if (!doc || doc.hash === null) {
        rmSync(abs, { force: true });
        throw new HttpError(
          'TM_VALIDATION',
          `${body.path} would not be read as a plan: name it like one (e.g. plans/${body.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.plan.md) or add it to plans.include.`,
          { errors: [{ pointer: '/body/path', detail: 'not a plan file name' }] },
        );
      }
      await audit(ctx, principal, request.id, 'project.create', body.path, { title: body.title });
      reply.code(201).header('location', `/api/v1/projects/${encodeURIComponent(body.path)}`);
      return {
        path: doc.path,
        itemCount: doc.itemCount,
        revisions: doc.revisions,
        createdAt: doc.createdAt,
        updatedAt: doc.updatedAt,
      };
    },
  }),
];
