/** Search: ranked full-text and filtered search over items, with facet counts over all matches. */
import { z } from 'zod';
import { parseQuery } from '../../core/query/parse.js';
import { FACETS } from '../../core/store/port.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { itemSchema, problemSchema } from '../schemas.js';
import { view } from './items.js';

export const searchRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/search',
    operationId: 'search',
    summary:
      'Search items: words ranked (title first), "phrases", prefix*, -excluded, field:value filters; with facets',
    tags: ['items'],
    access: 'read',
    tier: 'read',
    query: z
      .object({
        q: z.string().max(2000).default(''),
        limit: z.coerce.number().int().min(0).max(500).default(20),
        offset: z.coerce.number().int().min(0).max(100_000).default(0),
        facets: z
          .string()
          .max(200)
          .optional()
          .describe(`comma-separated: ${FACETS.join(', ')}`)
          .transform((s, c) => {
            const list = (s ?? '')
              .split(',')
              .map((f) => f.trim())
              .filter(Boolean);
            for (const f of list)
              if (!(FACETS as readonly string[]).includes(f))
                c.addIssue({ code: 'custom', message: `unknown facet "${f}"` });
            return list as (typeof FACETS)[number][];
          }),
      })
      .strict(),
    responses: {
      200: {
        description: 'hits and facet counts',
        schema: z.object({
          total: z.number().int(),
          hits: z.array(z.object({ item: itemSchema, score: z.number() })),
          facets: z.record(
            z.string(),
            z.array(z.object({ value: z.string().nullable(), count: z.number().int() })),
          ),
        }),
      },
      400: { description: 'invalid query', schema: problemSchema },
      401: { description: 'not signed in', schema: problemSchema },
      403: { description: 'not allowed', schema: problemSchema },
    },
    async handler({ ctx, query }) {
      const result = await ctx.store.search({
        query: parseQuery(query.q),
        today: ctx.today(),
        limit: query.limit,
        offset: query.offset,
        facets: query.facets ?? [],
      });
      return {
        total: result.total,
        hits: result.hits.map((h) => ({ item: view(h.item), score: h.score })),
        facets: result.facets,
      };
    },
  }),
];
