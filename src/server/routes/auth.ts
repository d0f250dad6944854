/** Sign-up, sign-in, refresh, sign-out and invitations. */
import { z } from 'zod';
import { ROLES, type UserRecord } from '../../core/store/accounts.js';
import { audit } from '../audit.js';
import { permissionsOf } from '../auth/guard.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/passwords.js';
import { issueTokens, revoke, rotate, userView } from '../auth/sessions.js';
import { newId, opaqueToken, sha256 } from '../auth/tokens.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../problem.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { email, oneLine, password, problemSchema, tokenPairSchema, userSchema } from '../schemas.js';

const MAX_FAILURES = 5;
const BASE_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 3600;
const INVITE_DAYS = 7;
export const SETUP_TOKEN_SETTING = 'setup_token_hash';

const problems = {
  400: { description: 'invalid request', schema: problemSchema },
  401: { description: 'not signed in, or the credentials are wrong', schema: problemSchema },
  429: { description: 'rate limited', schema: problemSchema },
};

const tokensExample = {
  accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…',
  refreshToken: 'tmr_…',
  tokenType: 'Bearer',
  expiresAt: '2026-01-31T10:15:00.000Z',
  expiresIn: 900,
  user: {
    id: '6f1c…',
    email: 'dana@example.com',
    name: 'Dana',
    role: 'owner',
    createdAt: '2026-01-01T09:00:00.000Z',
  },
};

/** Seconds an account stays locked after `failures` failed sign-ins in a row (0 below the threshold). */
export function lockSeconds(failures: number): number {
  if (failures < MAX_FAILURES) return 0;
  return Math.min(BASE_LOCK_SECONDS * 2 ** (failures - MAX_FAILURES), MAX_LOCK_SECONDS);
}

async function createAccount(
  ctx: AppContext,
  input: { email: string; password: string; name: string },
): Promise<UserRecord> {
  const user = await ctx.accounts.createUser({
    id: newId(),
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    createdAt: ctx.now().toISOString(),
  });
  if (!user)
    throw new HttpError('TM_CONFLICT', `An account with ${input.email} exists already; sign in instead.`);
  return user;
}

interface Invite {
  email: string;
  role: (typeof ROLES)[number];
  expiresAt: string;
}

export const authRoutes: RouteSpec[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/register',
    operationId: 'register',
    summary:
      'Create an account: the first with the one-time setup token becomes owner, later ones need an invitation',
    tags: ['auth'],
    access: 'public',
    tier: 'auth',
    body: z
      .object({
        email,
        password,
        name: oneLine(200).pipe(z.string().min(1)),
        setupToken: z.string().max(200).optional(),
        inviteToken: z.string().max(200).optional(),
      })
      .strict(),
    bodyExample: {
      email: 'dana@example.com',
      password: 'correct horse battery staple',
      name: 'Dana',
      inviteToken: 'tmi_…',
    },
    responses: {
      201: { description: 'the account, signed in', schema: tokenPairSchema, example: tokensExample },
      403: { description: 'registration needs a setup token or an invitation', schema: problemSchema },
      409: { description: 'the e-mail has an account', schema: problemSchema },
      ...problems,
    },
    async handler({ ctx, body, reply, request }) {
      let role: Invite['role'];
      if (body.setupToken !== undefined) {
        const expected = await ctx.accounts.getSetting(SETUP_TOKEN_SETTING);
        if (
          expected === null ||
          expected !== sha256(body.setupToken) ||
          (await ctx.accounts.countUsers()) > 0
        )
          throw new HttpError('TM_FORBIDDEN', 'The setup token is not valid or was used already.');
        // Deleting is the claim: of two requests with the token, only one deletes it.
        if (!(await ctx.accounts.deleteSetting(SETUP_TOKEN_SETTING)))
          throw new HttpError('TM_FORBIDDEN', 'The setup token was used already.');
        role = 'owner';
      } else if (body.inviteToken !== undefined) {
        const setting = `invite:${sha256(body.inviteToken)}`;
        const raw = await ctx.accounts.getSetting(setting);
        const invite = raw === null ? null : (JSON.parse(raw) as Invite);
        if (!invite || invite.expiresAt <= ctx.now().toISOString() || invite.email !== body.email)
          throw new HttpError('TM_FORBIDDEN', 'The invitation is not valid for this e-mail, or it expired.');
        // Deleting is the claim: an invitation is used once, even by two requests at the same time.
        if (!(await ctx.accounts.deleteSetting(setting)))
          throw new HttpError('TM_FORBIDDEN', 'The invitation was used already.');
        role = invite.role;
      } else {
        throw new HttpError(
          'TM_FORBIDDEN',
          'Registration needs an invitation from an admin (or the setup link on a new server).',
        );
      }
      const user = await createAccount(ctx, body);
      await ctx.accounts.setMembership(ctx.workspaceId, user.id, role);
      await ctx.accounts.appendAudit({
        workspace: ctx.workspaceId,
        actor: user.id,
        action: 'user.register',
        target: user.id,
        details: { role },
        requestId: request.id,
      });
      reply.code(201);
      return issueTokens(ctx, user);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/login',
    operationId: 'login',
    summary: 'Sign in with e-mail and password',
    description: `After ${MAX_FAILURES} failed attempts in a row the account is locked, for longer after each further failure (423 with Retry-After).`,
    tags: ['auth'],
    access: 'public',
    tier: 'auth',
    body: z.object({ email, password: z.string().min(1).max(1024) }).strict(),
    bodyExample: { email: 'dana@example.com', password: 'correct horse battery staple' },
    responses: {
      200: { description: 'signed in', schema: tokenPairSchema, example: tokensExample },
      423: { description: 'locked after repeated failures', schema: problemSchema },
      ...problems,
    },
    async handler({ ctx, body, request }) {
      const user = await ctx.accounts.getUserByEmail(body.email);
      const wrong = () => new HttpError('TM_UNAUTHENTICATED', 'The e-mail or the password is wrong.');
      if (!user) {
        await burnPasswordCheck(body.password);
        throw wrong();
      }
      const now = ctx.now();
      if (user.lockedUntil !== null && user.lockedUntil > now.toISOString()) {
        const wait = Math.ceil((Date.parse(user.lockedUntil) - now.getTime()) / 1000);
        throw new HttpError(
          'TM_ACCOUNT_LOCKED',
          `Too many failed sign-ins: the account is locked for ${wait} s.`,
          {
            headers: { 'retry-after': String(wait) },
          },
        );
      }
      if (!(await verifyPassword(body.password, user.passwordHash))) {
        const failures = user.failedLogins + 1;
        const lock = lockSeconds(failures);
        await ctx.accounts.recordLogin(user.id, {
          failedLogins: failures,
          lockedUntil: lock > 0 ? new Date(now.getTime() + lock * 1000).toISOString() : null,
        });
        if (lock > 0)
          await ctx.accounts.appendAudit({
            workspace: ctx.workspaceId,
            actor: null,
            action: 'auth.lockout',
            target: user.id,
            details: { failures, seconds: lock },
            requestId: request.id,
          });
        throw wrong();
      }
      await ctx.accounts.recordLogin(user.id, { failedLogins: 0, lockedUntil: null });
      await ctx.accounts.appendAudit({
        workspace: ctx.workspaceId,
        actor: user.id,
        action: 'auth.login',
        target: user.id,
        details: {},
        requestId: request.id,
      });
      return issueTokens(ctx, user);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    operationId: 'refresh',
    summary: 'Trade a refresh token for new tokens (the old one is spent; reusing it revokes the session)',
    tags: ['auth'],
    access: 'public',
    tier: 'auth',
    body: z.object({ refreshToken: z.string().min(1).max(200) }).strict(),
    responses: { 200: { description: 'new tokens', schema: tokenPairSchema }, ...problems },
    handler: ({ ctx, body, request }) => rotate(ctx, body.refreshToken, request.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/logout',
    operationId: 'logout',
    summary: 'Revoke a refresh token and every token rotated from it',
    tags: ['auth'],
    access: 'public',
    tier: 'auth',
    body: z.object({ refreshToken: z.string().min(1).max(200) }).strict(),
    responses: { 204: { description: 'signed out' }, ...problems },
    async handler({ ctx, body, reply, request }) {
      const userId = await revoke(ctx, body.refreshToken);
      if (userId)
        await ctx.accounts.appendAudit({
          workspace: ctx.workspaceId,
          actor: userId,
          action: 'auth.logout',
          target: userId,
          details: {},
          requestId: request.id,
        });
      reply.code(204).send();
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me',
    operationId: 'me',
    summary: 'The signed-in user, their role and what the credentials allow',
    tags: ['auth'],
    access: 'user',
    tier: 'read',
    responses: {
      200: {
        description: 'the caller',
        schema: z.object({
          user: userSchema,
          via: z.enum(['session', 'token']),
          permissions: z.array(z.string()),
        }),
      },
      401: problems[401],
    },
    async handler({ ctx, principal }) {
      const user = (await ctx.accounts.getUser(principal!.userId))!;
      return {
        user: await userView(ctx, user),
        via: principal!.via,
        permissions: [...permissionsOf(principal!)],
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/password',
    operationId: 'changePassword',
    summary: 'Change your password; every refresh token (every other session) is revoked',
    tags: ['auth'],
    access: 'user',
    tier: 'auth',
    body: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: password }).strict(),
    responses: {
      204: { description: 'changed' },
      401: problems[401],
      400: problems[400],
      403: { description: 'API tokens cannot change passwords', schema: problemSchema },
    },
    async handler({ ctx, body, principal, request, reply }) {
      if (principal!.via !== 'session')
        throw new HttpError('TM_FORBIDDEN', 'Sign in with your password to change it; API tokens cannot.');
      const user = (await ctx.accounts.getUser(principal!.userId))!;
      if (!(await verifyPassword(body.currentPassword, user.passwordHash)))
        throw new HttpError('TM_UNAUTHENTICATED', 'The current password is wrong.');
      await ctx.accounts.setPassword(user.id, await hashPassword(body.newPassword));
      await ctx.accounts.revokeUserRefreshTokens(user.id, ctx.now().toISOString());
      await ctx.accounts.appendAudit({
        workspace: ctx.workspaceId,
        actor: user.id,
        action: 'auth.password_change',
        target: user.id,
        details: {},
        requestId: request.id,
      });
      reply.code(204).send();
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/invites',
    operationId: 'createInvite',
    summary: 'Invite someone to the workspace with a role (owner invitations need the owner)',
    tags: ['members'],
    access: 'admin',
    tier: 'auth',
    body: z.object({ email, role: z.enum(ROLES) }).strict(),
    responses: {
      201: {
        description: 'the invitation token to pass to POST /api/v1/auth/register',
        schema: z.object({
          inviteToken: z.string(),
          email: z.string(),
          role: z.enum(ROLES),
          expiresAt: z.string(),
        }),
      },
      403: { description: 'not allowed', schema: problemSchema },
      ...problems,
    },
    async handler({ ctx, body, principal, reply, request }) {
      if (body.role === 'owner' && !permissionsOf(principal!).has('owner'))
        throw new HttpError('TM_FORBIDDEN', 'Only an owner can invite another owner.');
      const inviteToken = opaqueToken('tmi_');
      const expiresAt = new Date(ctx.now().getTime() + INVITE_DAYS * 86_400_000).toISOString();
      const invite: Invite = { email: body.email, role: body.role, expiresAt };
      await ctx.accounts.initSetting(`invite:${sha256(inviteToken)}`, JSON.stringify(invite));
      await audit(ctx, principal, request.id, 'member.invite', body.email, { role: body.role });
      reply.code(201);
      return { inviteToken, ...invite };
    },
  }),
];
