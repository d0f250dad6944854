/**
 * Dependencies between items of a plan: read, add (refused when it would close a cycle) and remove.
 * The change is written in the plan's own notation (`[depends:: X]`, `**Depends on:** X`).
 */
import { z } from 'zod';
import { setAttribute } from '../../core/edit/index.js';
import { TmError } from '../../core/errors.js';
import type { Item, Plan } from '../../core/model.js';
import { changePlan } from '../../workspace/change.js';
import { audit } from '../audit.js';
import { checkIfMatch, findItem, itemEtag, recordOf, writeChange } from '../plans.js';
import { HttpError } from '../problem.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { commonProblems as common, itemSchema, keyParams, problem as p, projectQuery } from '../schemas.js';
import { view } from './items.js';

const depsSchema = z.object({
  key: z.string(),
  dependsOn: z.array(z.string()),
  dependents: z.array(z.string()).describe('items that depend on this one'),
  unresolved: z.array(z.string()).describe('references the plan names but does not define'),
});

function resolve(plan: Plan, ref: string): Item | null {
  return (
    plan.byKey.get(ref) ??
    plan.items.find((i) => i.id !== null && i.id.toLowerCase() === ref.toLowerCase()) ??
    null
  );
}

/** The path from `from` to `to` along dependsOn edges, or null: adding to → from would close it into a cycle. */
function pathBetween(plan: Plan, from: string, to: string): string[] | null {
  const seen = new Set<string>();
  const stack: string[][] = [[from]];
  while (stack.length > 0) {
    const path = stack.pop()!;
    const at = path[path.length - 1]!;
    if (at === to) return path;
    if (seen.has(at)) continue;
    seen.add(at);
    for (const next of plan.byKey.get(at)?.dependsOn ?? []) stack.push([...path, next]);
  }
  return null;
}

/** How the plan refers to an item: its explicit ID when it has one. */
const refOf = (item: Item) => item.id ?? item.key;

export const dependencyRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/items/:key/dependencies',
    operationId: 'getDependencies',
    summary: 'What an item depends on, and what depends on it',
    tags: ['dependencies'],
    access: 'read',
    tier: 'read',
    params: keyParams,
    query: projectQuery,
    responses: {
      200: { description: 'the dependencies', schema: depsSchema },
      404: p('no such item'),
      ...common,
    },
    async handler({ ctx, params, query }) {
      const { plan, item } = await findItem(ctx, params.key, query.project);
      return {
        key: item.key,
        dependsOn: item.dependsOn,
        dependents: plan.items.filter((i) => i.dependsOn.includes(item.key)).map((i) => i.key),
        unresolved: item.unresolvedDeps,
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/items/:key/dependencies',
    operationId: 'addDependency',
    summary:
      'Make an item depend on another item of its plan (409 TM_DEPENDENCY_CYCLE when that closes a cycle)',
    tags: ['dependencies'],
    access: 'write',
    tier: 'write',
    params: keyParams,
    query: projectQuery,
    body: z.object({ dependsOn: z.string().min(1).max(500) }).strict(),
    bodyExample: { dependsOn: 'MH-001' },
    headers: [{ name: 'If-Match', required: true, description: "the item's ETag (or *)" }],
    responses: {
      200: { description: 'the item after the change', schema: itemSchema },
      404: p('no such item in the plan'),
      409: p('the dependency would close a cycle'),
      412: p('the item changed since it was read'),
      422: p('the plan cannot express the dependency'),
      428: p('If-Match missing'),
      ...common,
    },
    async handler({ ctx, params, query, body, request, reply, principal }) {
      const found = await findItem(ctx, params.key, query.project);
      checkIfMatch(request.headers['if-match'], found.etag);
      const target = resolve(found.plan, body.dependsOn);
      if (!target)
        throw new TmError(
          'TM_NOT_FOUND',
          `No item "${body.dependsOn}" in ${found.plan.file}; dependencies stay within one plan.`,
        );
      const key = found.item.key;
      if (target.key === key) throw new HttpError('TM_DEPENDENCY_CYCLE', 'An item cannot depend on itself.');
      const cycle = pathBetween(found.plan, target.key, key);
      if (cycle)
        throw new HttpError('TM_DEPENDENCY_CYCLE', `That closes a cycle: ${[key, ...cycle].join(' → ')}.`);
      if (found.item.dependsOn.includes(target.key)) {
        reply.header('etag', found.etag);
        return view(found.record);
      }
      const refs = [
        ...found.item.dependsOn.map((k) => refOf(found.plan.byKey.get(k) ?? ({ id: null, key: k } as Item))),
        refOf(target),
      ];
      const step = (plan: Plan) => setAttribute(plan, plan.byKey.get(key)!, 'depends', refs.join(', '));
      // Computed first without writing: the plan must read the new reference back as the dependency.
      const trial = await changePlan(found.plan, [step], {
        hoursPerDay: ctx.deps.workspace.hoursPerDay,
        dryRun: true,
      });
      if (!trial.after.byKey.get(key)?.dependsOn.includes(target.key))
        throw new TmError(
          'TM_INVALID_EDIT',
          `${found.plan.file} cannot express a dependency on "${target.key}"; give it an explicit ID.`,
        );
      const change = await writeChange(ctx, found.plan, [step], { key, etag: found.etag });
      const record = recordOf(change.after, change.after.byKey.get(key)!);
      await audit(ctx, principal, request.id, 'dependency.add', `${found.plan.file}#${key}`, {
        dependsOn: target.key,
      });
      reply.header('etag', itemEtag(record));
      return view(record);
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/items/:key/dependencies/:dependsOn',
    operationId: 'removeDependency',
    summary: 'Remove one dependency of an item',
    tags: ['dependencies'],
    access: 'write',
    tier: 'write',
    params: z.object({ key: z.string().min(1).max(500), dependsOn: z.string().min(1).max(500) }),
    query: projectQuery,
    headers: [{ name: 'If-Match', required: true, description: "the item's ETag (or *)" }],
    responses: {
      200: { description: 'the item after the change', schema: itemSchema },
      404: p('no such item or dependency'),
      412: p('the item changed since it was read'),
      428: p('If-Match missing'),
      ...common,
    },
    async handler({ ctx, params, query, request, reply, principal }) {
      const found = await findItem(ctx, params.key, query.project);
      checkIfMatch(request.headers['if-match'], found.etag);
      const target = resolve(found.plan, params.dependsOn);
      const key = found.item.key;
      if (!target || !found.item.dependsOn.includes(target.key))
        throw new TmError('TM_NOT_FOUND', `${key} does not depend on "${params.dependsOn}".`);
      const rest = found.item.dependsOn
        .filter((k) => k !== target.key)
        .map((k) => refOf(found.plan.byKey.get(k)!));
      const change = await writeChange(
        ctx,
        found.plan,
        [
          (plan) =>
            setAttribute(plan, plan.byKey.get(key)!, 'depends', rest.length > 0 ? rest.join(', ') : null),
        ],
        { key, etag: found.etag },
      );
      const record = recordOf(change.after, change.after.byKey.get(key)!);
      await audit(ctx, principal, request.id, 'dependency.remove', `${found.plan.file}#${key}`, {
        dependsOn: target.key,
      });
      reply.header('etag', itemEtag(record));
      return view(record);
    },
  }),
];
