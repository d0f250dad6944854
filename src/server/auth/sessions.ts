/** Sign-in sessions: an access token and a refresh token that rotates on every use. */
import type { UserRecord } from '../../core/store/accounts.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../problem.js';
import { newId, opaqueToken, REFRESH_TOKEN_PREFIX, sha256, signAccessToken } from './tokens.js';

export async function userView(ctx: AppContext, user: UserRecord) {
  const m = await ctx.accounts.getMembership(ctx.workspaceId, user.id);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: m?.role ?? null,
    createdAt: user.createdAt,
  };
}

/** New tokens for `user`; `family` continues a rotation chain, else a new one starts. */
export async function issueTokens(ctx: AppContext, user: UserRecord, family: string = newId()) {
  const now = ctx.now();
  const access = await signAccessToken(ctx.jwtSecret, user.id, ctx.config.accessTokenTtlSeconds, now);
  const refreshToken = opaqueToken(REFRESH_TOKEN_PREFIX);
  await ctx.accounts.createRefreshToken({
    id: newId(),
    userId: user.id,
    family,
    hash: sha256(refreshToken),
    expiresAt: new Date(now.getTime() + ctx.config.refreshTokenTtlSeconds * 1000).toISOString(),
    usedAt: null,
    revokedAt: null,
  });
  return {
    accessToken: access.token,
    refreshToken,
    tokenType: 'Bearer' as const,
    expiresAt: access.expiresAt,
    expiresIn: ctx.config.accessTokenTtlSeconds,
    user: await userView(ctx, user),
  };
}

const invalidRefresh = () =>
  new HttpError(
    'TM_UNAUTHENTICATED',
    'The refresh token is not valid, expired or was revoked; sign in again.',
  );

/**
 * Rotates a refresh token. A token already spent means it was copied: the whole family is revoked,
 * so both the thief and the user must sign in again.
 */
export async function rotate(ctx: AppContext, token: string, requestId: string) {
  const now = ctx.now().toISOString();
  const record = await ctx.accounts.getRefreshToken(sha256(token));
  if (!record || record.revokedAt !== null || record.expiresAt <= now) throw invalidRefresh();
  const spent = record.usedAt !== null || !(await ctx.accounts.spendRefreshToken(record.id, now));
  if (spent) {
    await ctx.accounts.revokeRefreshFamily(record.family, now);
    await ctx.accounts.appendAudit({
      workspace: ctx.workspaceId,
      actor: record.userId,
      action: 'auth.refresh_reuse',
      target: record.userId,
      details: { family: record.family },
      requestId,
    });
    throw invalidRefresh();
  }
  const user = await ctx.accounts.getUser(record.userId);
  if (!user) throw invalidRefresh();
  return issueTokens(ctx, user, record.family);
}

export async function revoke(ctx: AppContext, token: string): Promise<string | null> {
  const record = await ctx.accounts.getRefreshToken(sha256(token));
  if (!record) return null;
  await ctx.accounts.revokeRefreshFamily(record.family, ctx.now().toISOString());
  return record.userId;
}
