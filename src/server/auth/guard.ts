/**
 * Who is calling and what they may do. A request carries `Authorization: Bearer <token>`: an access
 * token (JWT) for a signed-in user, or an API token (`tmk_…`). What a caller may do is what their role
 * in the workspace allows, narrowed by the token's scopes.
 */
import type { Role, Scope } from '../../core/store/accounts.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../problem.js';
import { API_TOKEN_PREFIX, sha256, verifyAccessToken } from './tokens.js';

export type Permission = 'read' | 'write' | 'admin' | 'owner';

/** `public`: anyone; `user`: any signed-in user, member or not; else a permission in the workspace. */
export type Access = 'public' | 'user' | Permission;

export interface Principal {
  readonly userId: string;
  readonly email: string;
  /** The caller's role in this workspace; null for a user who is not a member. */
  readonly role: Role | null;
  readonly via: 'session' | 'token';
  /** An API token's scopes; a session has every scope. */
  readonly scopes: readonly Scope[];
  readonly tokenId: string | null;
}

const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: ['read', 'write', 'admin', 'owner'],
  admin: ['read', 'write', 'admin'],
  member: ['read', 'write'],
  viewer: ['read'],
};

const SCOPE_PERMISSIONS: Readonly<Record<Scope, readonly Permission[]>> = {
  read: ['read'],
  write: ['read', 'write'],
  admin: ['read', 'write', 'admin'],
};

/** What the principal may do: its role's permissions, narrowed by its token's scopes. */
export function permissionsOf(p: Principal): Set<Permission> {
  const byRole = new Set(p.role ? ROLE_PERMISSIONS[p.role] : []);
  if (p.via === 'session') return byRole;
  const byScope = new Set(p.scopes.flatMap((s) => SCOPE_PERMISSIONS[s]));
  return new Set([...byRole].filter((x) => byScope.has(x)));
}

/** The scopes a caller may put on a new API token: those its own permissions cover. */
export function grantableScopes(p: Principal): Scope[] {
  const perms = permissionsOf(p);
  return (['read', 'write', 'admin'] as const).filter((s) => SCOPE_PERMISSIONS[s].every((x) => perms.has(x)));
}

export function requirePermission(p: Principal, access: Access): void {
  if (access === 'public' || access === 'user') return;
  if (p.role === null)
    throw new HttpError('TM_FORBIDDEN', 'You are not a member of this workspace; ask an admin to add you.');
  if (!permissionsOf(p).has(access)) {
    const why =
      p.via === 'token' && p.role !== null && ROLE_PERMISSIONS[p.role].includes(access)
        ? `this API token's scopes (${p.scopes.join(', ')}) do not allow it`
        : `your role (${p.role}) does not allow it`;
    throw new HttpError('TM_FORBIDDEN', `This needs the ${access} permission, and ${why}.`);
  }
}

const unauthenticated = (why: string) =>
  new HttpError(
    'TM_UNAUTHENTICATED',
    `${why} Sign in at POST /api/v1/auth/login and send Authorization: Bearer <token>.`,
    {
      headers: { 'www-authenticate': 'Bearer realm="taskmark"' },
    },
  );

/** The principal of a request's Authorization header; null when there is none; 401 when it is invalid. */
export async function authenticate(ctx: AppContext, header: string | undefined): Promise<Principal | null> {
  if (header === undefined || header === '') return null;
  const m = /^Bearer ([\x21-\x7e]{1,4096})$/i.exec(header);
  if (!m) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  const token = m[1]!;
  const now = ctx.now();
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const t = await ctx.accounts.getApiTokenByHash(sha256(token));
    if (!t || t.revokedAt !== null) throw unauthenticated('The API token is not valid or was revoked.');
    if (t.expiresAt !== null && t.expiresAt <= now.toISOString())
      throw unauthenticated('The API token has expired.');
    const user = await ctx.accounts.getUser(t.userId);
    if (!user) throw unauthenticated('The API token belongs to no user.');
    await ctx.accounts.touchApiToken(t.id, now.toISOString());
    const m2 = await ctx.accounts.getMembership(ctx.workspaceId, user.id);
    return {
      userId: user.id,
      email: user.email,
      role: m2?.role ?? null,
      via: 'token',
      scopes: t.scopes,
      tokenId: t.id,
    };
  }
  const userId = await verifyAccessToken(ctx.jwtSecret, token, now);
  if (userId === null) throw unauthenticated('The access token is not valid or has expired; refresh it.');
  const user = await ctx.accounts.getUser(userId);
  if (!user) throw unauthenticated('The access token belongs to no user.');
  const membership = await ctx.accounts.getMembership(ctx.workspaceId, user.id);
  return {
    userId: user.id,
    email: user.email,
    role: membership?.role ?? null,
    via: 'session',
    scopes: ['read', 'write', 'admin'],
    tokenId: null,
  };
}
