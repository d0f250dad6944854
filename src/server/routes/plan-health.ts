/**
 * Plan health per project: lint findings (the same engine and configuration as `taskmark lint`) and
 * sync (the same edits as `taskmark sync`, written back with conflict detection).
 */
import { z } from 'zod';
import { lintContextOf } from '../../config/config.js';
import { analyseDashboards } from '../../core/dashboards/index.js';
import { TmError } from '../../core/errors.js';
import { countBySeverity, lintPlan } from '../../core/lint/engine.js';
import { findingJsonSchema, toJson } from '../../core/lint/format/json.js';
import { referenceNames } from '../../core/lint/types.js';
import { syncSteps } from '../../core/sync/index.js';
import { changePlan } from '../../workspace/change.js';
import { audit } from '../audit.js';
import type { AppContext } from '../context.js';
import { loadPlan, writeChange } from '../plans.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { commonProblems, problem as p } from '../schemas.js';

const common = {
  ...commonProblems,
  404: p('no such project'),
};
const pathParam = z.object({ path: z.string().min(1).max(1000) });

async function projectPlan(ctx: AppContext, path: string) {
  const doc = await ctx.store.getDocument(path);
  if (!doc || doc.hash === null) throw new TmError('TM_NOT_FOUND', `No project "${path}" in this workspace.`);
  return loadPlan(ctx, path);
}

export const planHealthRoutes: readonly RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/projects/:path/lint',
    operationId: 'lintProject',
    summary:
      "A plan's lint findings: stale dashboards and statuses, duplicates, overdue items, IDs, encoding",
    tags: ['projects'],
    access: 'read',
    tier: 'read',
    params: pathParam,
    responses: {
      200: {
        description: 'the findings in document order, with counts by severity',
        schema: z.object({
          path: z.string(),
          counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
          findings: z.array(findingJsonSchema),
        }),
        example: {
          path: 'TODO.md',
          counts: { error: 1, warning: 0, info: 0 },
          findings: [
            {
              file: 'TODO.md',
              line: 5,
              endLine: 5,
              column: 1,
              rule: 'parent-done-child-open',
              severity: 'error',
              message:
                '"Ship the release" (line 5) is marked done but 1 of its 2 children is open: "Announce it" (line 7).',
              fix: null,
            },
          ],
        },
      },
      ...common,
    },
    async handler({ ctx, params }) {
      const plan = await projectPlan(ctx, params.path);
      const { workspace } = ctx.deps;
      // The workspace's other plans, as `taskmark lint` sees them when it lints them all: a task file
      // may depend on an item of another.
      const others = (await ctx.store.listItems()).filter((i) => i.file !== params.path);
      const lintCtx = lintContextOf(workspace, ctx.today());
      const findings = lintPlan(
        plan,
        others.length > 0 ? { ...lintCtx, otherPlans: referenceNames(others) } : lintCtx,
        workspace.lint?.rules ?? {},
      );
      return { path: params.path, counts: countBySeverity(findings), findings: toJson(findings) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/projects/:path/sync',
    operationId: 'syncProject',
    summary:
      "Rewrite a plan's dashboards to the truth (managed blocks; optionally adopted and hand-written ones)",
    description:
      'The same edits as `taskmark sync`. With dryRun the diff is returned and nothing is written; otherwise the plan is written back atomically, refused with 409 when it changed in a way the edits no longer fit.',
    tags: ['projects'],
    access: 'write',
    tier: 'write',
    params: pathParam,
    body: z
      .object({
        adopt: z.boolean().default(false),
        unmanaged: z.boolean().default(false),
        dryRun: z.boolean().default(false),
      })
      .strict()
      .default({ adopt: false, unmanaged: false, dryRun: false }),
    bodyExample: { unmanaged: true, dryRun: true },
    responses: {
      200: {
        description: 'whether the plan changed (or would, with dryRun) and the unified diff',
        schema: z.object({ path: z.string(), changed: z.boolean(), written: z.boolean(), diff: z.string() }),
      },
      409: p('the plan changed since it was read and the edits no longer apply'),
      // 400 also when the plan has malformed taskmark markers: sync then writes nothing.
      ...common,
    },
    async handler({ ctx, params, body, request, principal }) {
      const plan = await projectPlan(ctx, params.path);
      const problems = analyseDashboards(plan).problems;
      if (problems.length > 0)
        throw new TmError(
          'TM_BAD_INPUT',
          `${params.path} has malformed taskmark markers, so sync leaves it alone: ${problems
            .slice(0, 3)
            .map((x) => `line ${x.line}: ${x.message}`)
            .join('; ')}.`,
        );
      const steps = syncSteps({
        adopt: body.adopt,
        unmanaged: body.unmanaged,
        hoursPerDay: ctx.deps.workspace.hoursPerDay,
      });
      if (body.dryRun) {
        const change = await changePlan(plan, steps, {
          hoursPerDay: ctx.deps.workspace.hoursPerDay,
          dryRun: true,
        });
        return { path: params.path, changed: change.changed, written: false, diff: change.diff };
      }
      const change = await writeChange(ctx, plan, steps, null);
      if (change.changed)
        await audit(ctx, principal, request.id, 'project.sync', params.path, {
          adopt: body.adopt,
          unmanaged: body.unmanaged,
        });
      return { path: params.path, changed: change.changed, written: change.changed, diff: change.diff };
    },
  }),
];
