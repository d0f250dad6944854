/** The OpenAPI 3.1 document, built from the route declarations and their zod schemas (z.toJSONSchema). */
import { z } from 'zod';
import type { RouteSpec } from './route.js';
import { problemSchema } from './schemas.js';

type Json = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Json;
  return rest;
}

function parameters(spec: RouteSpec): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const js = schemaOf(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      const { description, ...rest } = prop as { description?: string };
      out.push({
        name,
        in: where,
        required: where === 'path' || (js.required ?? []).includes(name),
        schema: rest,
        ...(description ? { description } : {}),
      });
    }
  }
  for (const h of spec.headers ?? [])
    out.push({
      name: h.name,
      in: 'header',
      required: h.required,
      description: h.description,
      schema: { type: 'string' },
    });
  return out;
}

export function openApiDocument(routes: readonly RouteSpec[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const responses: Record<string, Json> = {};
    for (const [status, res] of Object.entries(r.responses)) {
      const type =
        res.contentType ?? (Number(status) >= 400 ? 'application/problem+json' : 'application/json');
      const isProblem = res.schema === problemSchema;
      responses[status] = {
        description: res.description,
        ...(res.schema || res.example !== undefined
          ? {
              content: {
                [type]: {
                  ...(res.schema
                    ? {
                        schema: isProblem
                          ? { $ref: '#/components/schemas/Problem' }
                          : schemaOf(res.schema, 'output'),
                      }
                    : {}),
                  ...(res.example !== undefined ? { example: res.example } : {}),
                },
              },
            }
          : {}),
      };
    }
    if (r.tier !== 'none' && !responses['429'])
      responses['429'] = {
        description: 'rate limited',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: r.tags,
      ...(r.access === 'public' ? { security: [] } : { 'x-taskmark-permission': r.access }),
      parameters: parameters(r),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: schemaOf(r.body, 'input'),
                  ...(r.bodyExample !== undefined ? { example: r.bodyExample } : {}),
                },
              },
            },
          }
        : {}),
      responses,
    };
  }
  const probe = (summary: string, description: string, type = 'application/json') => ({
    get: {
      operationId: summary
        .replace(/\W+(\w)/g, (_m, c: string) => c.toUpperCase())
        .replace(/^\w/, (c) => c.toLowerCase()),
      summary,
      description,
      tags: ['operations'],
      security: [],
      responses: {
        200: { description: 'ok', content: { [type]: {} } },
        503: { description: 'not ready / unhealthy' },
      },
    },
  });
  paths['/health/live'] = probe('Liveness', 'The process answers.');
  paths['/health/ready'] = probe(
    'Readiness',
    'Database (round trip within 5 s, latency), disk and memory: healthy, degraded or unhealthy; cached 10 s. 503 when unhealthy.',
  );
  paths['/health/startup'] = probe(
    'Startup',
    '200 once the first import and the bootstrap are done, 503 before.',
  );
  paths['/metrics'] = probe(
    'Metrics',
    'Prometheus text format. Needs Authorization: Bearer <TASKMARK_METRICS_TOKEN> when that is set.',
    'text/plain',
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'taskmark API',
      version,
      description:
        'The HTTP API of taskmark: plans in markdown stay the source of truth; every change is a minimal edit of the plan, written back with conflict detection. Errors are RFC 9457 problem+json with a stable `code`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An access token from POST /api/v1/auth/login, or an API token (tmk_…).',
        },
      },
      schemas: { Problem: schemaOf(problemSchema, 'output') },
    },
    paths,
  };
}
