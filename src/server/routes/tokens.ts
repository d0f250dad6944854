/** API tokens for scripts and agents: prefixed, stored hashed, scoped, with expiry and last use. */
import { z } from 'zod';
import { TmError } from '../../core/errors.js';
import { SCOPES } from '../../core/store/accounts.js';
import { audit } from '../audit.js';
import { grantableScopes, permissionsOf } from '../auth/guard.js';
import { API_TOKEN_PREFIX, newId, opaqueToken, sha256 } from '../auth/tokens.js';
import { HttpError } from '../problem.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { apiTokenSchema, commonProblems as common, oneLine, problem as p } from '../schemas.js';

const MAX_DAYS = 366;

export const tokenRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/tokens',
    operationId: 'listTokens',
    summary: "Your API tokens (admins: everyone's, with ?all=true)",
    tags: ['tokens'],
    access: 'user',
    tier: 'read',
    query: z.object({ all: z.enum(['true', 'false']).optional() }).strict(),
    responses: {
      200: {
        description: 'tokens (never the secrets)',
        schema: z.object({ tokens: z.array(apiTokenSchema) }),
      },
      ...common,
    },
    async handler({ ctx, query, principal }) {
      const all = query.all === 'true';
      if (all && !permissionsOf(principal!).has('admin'))
        throw new HttpError('TM_FORBIDDEN', "Listing everyone's tokens needs the admin permission.");
      return { tokens: await ctx.accounts.listApiTokens(all ? undefined : principal!.userId) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/tokens',
    operationId: 'createToken',
    summary: 'Create an API token; its secret is shown once',
    description:
      'A token cannot have more than its creator may do: scopes beyond your role (or your token) are refused.',
    tags: ['tokens'],
    // A token carries workspace permissions, so only a member can make one.
    access: 'read',
    tier: 'auth',
    body: z
      .object({
        name: oneLine(100).pipe(z.string().trim().min(1)),
        scopes: z.array(z.enum(SCOPES)).min(1).max(3),
        expiresInDays: z.number().int().min(1).max(MAX_DAYS).default(90),
      })
      .strict(),
    bodyExample: { name: 'ci', scopes: ['read'], expiresInDays: 30 },
    responses: {
      201: {
        description: 'the token, with its secret',
        schema: apiTokenSchema.extend({ token: z.string() }),
      },
      ...common,
    },
    async handler({ ctx, body, principal, request, reply }) {
      const allowed = grantableScopes(principal!);
      const denied = body.scopes.filter((s) => !allowed.includes(s));
      if (denied.length > 0)
        throw new HttpError(
          'TM_FORBIDDEN',
          `You cannot grant ${denied.join(', ')}: a token gets at most what its creator may do.`,
        );
      const token = opaqueToken(API_TOKEN_PREFIX);
      const now = ctx.now();
      const record = {
        id: newId(),
        userId: principal!.userId,
        name: body.name,
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        scopes: [...new Set(body.scopes)],
        expiresAt: new Date(now.getTime() + body.expiresInDays * 86_400_000).toISOString(),
        lastUsedAt: null,
        createdAt: now.toISOString(),
        revokedAt: null,
      };
      await ctx.accounts.createApiToken({ ...record, hash: sha256(token) });
      await audit(ctx, principal, request.id, 'token.create', record.id, {
        name: body.name,
        scopes: record.scopes,
      });
      reply.code(201);
      return { ...record, token };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    operationId: 'revokeToken',
    summary: 'Revoke an API token (your own; admins: anyone’s)',
    tags: ['tokens'],
    access: 'user',
    tier: 'write',
    params: z.object({ id: z.string().min(1).max(100) }),
    responses: { 204: { description: 'revoked' }, 404: p('no such token'), ...common },
    async handler({ ctx, params, principal, request, reply }) {
      const t = await ctx.accounts.getApiToken(params.id);
      // Someone else's token is "not found" to a non-admin: its existence is not theirs to learn.
      if (!t || (t.userId !== principal!.userId && !permissionsOf(principal!).has('admin')))
        throw new TmError('TM_NOT_FOUND', `No API token ${params.id}.`);
      await ctx.accounts.revokeApiToken(t.id, ctx.now().toISOString());
      await audit(ctx, principal, request.id, 'token.revoke', t.id, { name: t.name });
      reply.code(204).send();
      return undefined;
    },
  }),
];
