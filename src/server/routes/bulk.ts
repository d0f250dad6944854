/** Bulk update: many item changes in one request, each applied on its own with its own result. */
import { z } from 'zod';
import { HttpError, toProblem } from '../problem.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { itemPatchSchema, itemSchema, problemSchema } from '../schemas.js';
import { updateItem, view } from './items.js';

const MAX_OPERATIONS = 100;

const operation = z
  .object({
    key: z.string().min(1).max(500),
    project: z.string().min(1).max(1000).optional(),
    ifMatch: z.string().min(1).max(200).describe('the ETag the change is based on (or *)'),
    status: itemPatchSchema.shape.status,
    attributes: itemPatchSchema.shape.attributes,
  })
  .strict();

const resultSchema = z.object({
  key: z.string(),
  status: z.number().int().describe('the HTTP status this change alone would have had'),
  item: itemSchema.optional(),
  problem: problemSchema.optional(),
});

export const bulkRoutes: RouteSpec[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/items/bulk',
    operationId: 'bulkUpdateItems',
    summary: 'Change several items at once; each change succeeds or fails on its own',
    description:
      'The changes run in order; a failed one (stale ETag, unknown key, invalid edit) does not stop the rest. The response is 200 with one result per change.',
    tags: ['items'],
    access: 'write',
    tier: 'write',
    body: z.object({ operations: z.array(operation).min(1).max(MAX_OPERATIONS) }).strict(),
    bodyExample: {
      operations: [
        { key: 'MH-001', ifMatch: '"3f5c0a3c1e0b4e6d9a7b2c1d0e9f8a7b"', status: 'done' },
        { key: 'MH-002', ifMatch: '*', attributes: { owner: 'dana' } },
      ],
    },
    responses: {
      200: {
        description: 'one result per operation, in order',
        schema: z.object({ results: z.array(resultSchema) }),
      },
      400: { description: 'invalid request', schema: problemSchema },
      401: { description: 'not signed in', schema: problemSchema },
      403: { description: 'not allowed', schema: problemSchema },
    },
    async handler({ ctx, body, principal, request }) {
      const results = [];
      for (const op of body.operations) {
        try {
          if (op.status === undefined && (!op.attributes || Object.keys(op.attributes).length === 0))
            throw new HttpError('TM_VALIDATION', 'Change something: status or attributes.');
          const change = {
            ...(op.status !== undefined ? { status: op.status } : {}),
            ...(op.attributes !== undefined ? { attributes: op.attributes } : {}),
          };
          const record = await updateItem(ctx, principal, request.id, {
            key: op.key,
            project: op.project,
            ifMatch: op.ifMatch,
            change,
          });
          results.push({ key: op.key, status: 200, item: view(record) });
        } catch (e) {
          const { problem } = toProblem(e, {
            url: `/api/v1/items/${encodeURIComponent(op.key)}`,
            id: request.id,
          });
          if (problem.status >= 500) request.log.error({ err: e }, 'bulk operation failed');
          results.push({ key: op.key, status: problem.status, problem });
        }
      }
      return { results };
    },
  }),
];
