/**
 * Routes declared once: method, path, access, rate-limit tier, zod schemas for params, query and body,
 * and the responses. The same declaration registers the Fastify handler (authenticate, limit,
 * authorise, replay idempotent POSTs, validate, handle) and becomes the OpenAPI document.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type Access, authenticate, type Principal, requirePermission } from './auth/guard.js';
import type { AppContext } from './context.js';
import { idempotent } from './idempotency.js';
import { type FieldError, HttpError } from './problem.js';
import { enforceRateLimit, type Tier } from './ratelimit.js';

type Schema = z.ZodType | undefined;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ResponseSpec {
  readonly description: string;
  readonly schema?: z.ZodType;
  readonly example?: unknown;
  readonly contentType?: string;
}

export interface Call<P, Q, B> {
  readonly ctx: AppContext;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The caller; null only on public routes. */
  readonly principal: Principal | null;
}

export interface RouteSpec<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify syntax: `/api/v1/items/:key`. */
  readonly url: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly access: Access;
  readonly tier: Tier;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly bodyExample?: unknown;
  /** Request headers the route reads (documented in OpenAPI). */
  readonly headers?: readonly { name: string; required: boolean; description: string }[];
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  /** Returns the response body (sent as JSON), or undefined when it sent the reply itself. */
  handler(call: Call<Out<P>, Out<Q>, Out<B>>): Promise<unknown>;
}

/** Keeps the schemas' types flowing into the handler. */
export function defineRoute<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

function parse(schema: z.ZodType | undefined, value: unknown, where: string, errors: FieldError[]): unknown {
  if (!schema) return undefined;
  const r = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (r.success) return r.data;
  for (const issue of r.error.issues.slice(0, 20))
    errors.push({
      pointer: `/${[where, ...issue.path.map(String)].map(escapePointer).join('/')}`,
      detail: issue.message,
    });
  return undefined;
}

/** Pointers to strings holding NUL: no plan, query or database column can take one. */
function nulStrings(value: unknown, pointer: string, out: FieldError[]): void {
  if (out.length >= 20) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ pointer, detail: 'must not contain NUL characters' });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) nulStrings(value[i], `${pointer}/${i}`, out);
  } else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) nulStrings(v, `${pointer}/${escapePointer(k)}`, out);
}

function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function registerRoute(app: FastifyInstance, ctx: AppContext, spec: RouteSpec): void {
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (request, reply) => {
      let principal: Principal | null = null;
      let authError: unknown = null;
      try {
        principal = await authenticate(ctx, request.headers.authorization);
      } catch (e) {
        authError = e;
      }
      // Counted before refusing, so a flood of bad tokens is limited too.
      const client = principal ? `user:${principal.userId}` : `ip:${request.ip}`;
      await enforceRateLimit(ctx, spec.tier, spec.tier === 'auth' ? `ip:${request.ip}` : client, reply);
      if (authError) throw authError;
      if (spec.access !== 'public') {
        if (!principal)
          throw new HttpError(
            'TM_UNAUTHENTICATED',
            'This needs a signed-in caller: send Authorization: Bearer <access token or API token>.',
            { headers: { 'www-authenticate': 'Bearer realm="taskmark"' } },
          );
        requirePermission(principal, spec.access);
      }
      const errors: FieldError[] = [];
      nulStrings(request.params, '/params', errors);
      nulStrings(request.query, '/query', errors);
      nulStrings(request.body, '/body', errors);
      if (errors.length > 0)
        throw new HttpError('TM_VALIDATION', 'The request is not valid; see `errors` for each field.', {
          errors,
        });
      const params = parse(spec.params, request.params, 'params', errors);
      const query = parse(spec.query, request.query, 'query', errors);
      const body = parse(spec.body, request.body, 'body', errors);
      if (errors.length > 0)
        throw new HttpError('TM_VALIDATION', 'The request is not valid; see `errors` for each field.', {
          errors,
        });
      const call = { ctx, request, reply, params, query, body, principal } as Call<unknown, unknown, unknown>;
      if (spec.method === 'POST' && principal && request.headers['idempotency-key'] !== undefined)
        return idempotent(call, principal, () => spec.handler(call));
      return spec.handler(call);
    },
  });
}
