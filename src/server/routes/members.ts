/** Users, memberships and roles. Admins manage members and viewers; only an owner grants or removes owners and admins. */
import { z } from 'zod';
import { TmError } from '../../core/errors.js';
import { ROLES, type Role } from '../../core/store/accounts.js';
import { audit } from '../audit.js';
import { type Principal, permissionsOf } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../problem.js';
import { defineRoute, type RouteSpec } from '../route.js';
import { commonProblems as common, problem as p, userSchema } from '../schemas.js';

const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  since: z.string(),
});
const userParams = z.object({ userId: z.string().min(1).max(100) });

const PRIVILEGED: ReadonlySet<Role> = new Set(['owner', 'admin']);

function checkCanManage(principal: Principal, current: Role | null, next: Role | null): void {
  if (permissionsOf(principal).has('owner')) return;
  if ((current && PRIVILEGED.has(current)) || (next && PRIVILEGED.has(next)))
    throw new HttpError(
      'TM_FORBIDDEN',
      'Only an owner can grant, change or remove the owner and admin roles.',
    );
}

async function keepAnOwner(ctx: AppContext, userId: string, next: Role | null): Promise<void> {
  if (next === 'owner') return;
  const members = await ctx.accounts.listMemberships(ctx.workspaceId);
  const owners = members.filter((m) => m.role === 'owner');
  if (owners.length === 1 && owners[0]!.userId === userId)
    throw new HttpError('TM_CONFLICT', 'The workspace needs an owner: make someone else owner first.');
}

export const memberRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/members',
    operationId: 'listMembers',
    summary: 'Members of the workspace and their roles',
    tags: ['members'],
    access: 'read',
    tier: 'read',
    responses: {
      200: { description: 'members', schema: z.object({ members: z.array(memberSchema) }) },
      ...common,
    },
    async handler({ ctx }) {
      const members = await ctx.accounts.listMemberships(ctx.workspaceId);
      const users = new Map((await ctx.accounts.listUsers()).map((u) => [u.id, u]));
      return {
        members: members.flatMap((m) => {
          const u = users.get(m.userId);
          return u ? [{ userId: u.id, email: u.email, name: u.name, role: m.role, since: m.createdAt }] : [];
        }),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/users',
    operationId: 'listUsers',
    summary: 'Every account on this server, members or not (admins)',
    tags: ['members'],
    access: 'admin',
    tier: 'read',
    responses: { 200: { description: 'users', schema: z.object({ users: z.array(userSchema) }) }, ...common },
    async handler({ ctx }) {
      const members = new Map(
        (await ctx.accounts.listMemberships(ctx.workspaceId)).map((m) => [m.userId, m.role]),
      );
      return {
        users: (await ctx.accounts.listUsers()).map((u) => ({
          id: u.id,
          email: u.email,
          name: u.name,
          role: members.get(u.id) ?? null,
          createdAt: u.createdAt,
        })),
      };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/members/:userId',
    operationId: 'setMember',
    summary: 'Add a user to the workspace or change their role',
    tags: ['members'],
    access: 'admin',
    tier: 'write',
    params: userParams,
    body: z.object({ role: z.enum(ROLES) }).strict(),
    responses: {
      200: { description: 'the membership', schema: memberSchema },
      404: p('no such user'),
      409: p('the last owner cannot be demoted'),
      ...common,
    },
    async handler({ ctx, params, body, principal, request }) {
      const user = await ctx.accounts.getUser(params.userId);
      if (!user) throw new TmError('TM_NOT_FOUND', `No user ${params.userId}.`);
      const current = (await ctx.accounts.getMembership(ctx.workspaceId, user.id))?.role ?? null;
      checkCanManage(principal!, current, body.role);
      await keepAnOwner(ctx, user.id, body.role);
      const m = await ctx.accounts.setMembership(ctx.workspaceId, user.id, body.role);
      await audit(ctx, principal, request.id, 'member.set', user.id, { from: current, to: body.role });
      return { userId: user.id, email: user.email, name: user.name, role: m.role, since: m.createdAt };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/members/:userId',
    operationId: 'removeMember',
    summary: 'Remove a user from the workspace (their account stays; their sessions end)',
    tags: ['members'],
    access: 'admin',
    tier: 'write',
    params: userParams,
    responses: {
      204: { description: 'removed' },
      404: p('not a member'),
      409: p('the last owner'),
      ...common,
    },
    async handler({ ctx, params, principal, request, reply }) {
      const current = (await ctx.accounts.getMembership(ctx.workspaceId, params.userId))?.role ?? null;
      if (current === null) throw new TmError('TM_NOT_FOUND', `User ${params.userId} is not a member.`);
      checkCanManage(principal!, current, null);
      await keepAnOwner(ctx, params.userId, null);
      await ctx.accounts.deleteMembership(ctx.workspaceId, params.userId);
      await ctx.accounts.revokeUserRefreshTokens(params.userId, ctx.now().toISOString());
      await audit(ctx, principal, request.id, 'member.remove', params.userId, { role: current });
      reply.code(204).send();
      return undefined;
    },
  }),
];
