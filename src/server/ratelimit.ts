/**
 * Rate limits in tiers (sign-in and token endpoints strict, writes tighter than reads), counted in
 * fixed one-minute windows in the database, so instances sharing a PostgreSQL share the counters.
 * Every limited response carries RateLimit-* headers; over the limit, 429 with Retry-After.
 */
import type { FastifyReply } from 'fastify';
import type { AppContext } from './context.js';
import { HttpError } from './problem.js';

export type Tier = 'auth' | 'write' | 'read' | 'none';

const WINDOW_SECONDS = 60;
let hits = 0;

export async function enforceRateLimit(
  ctx: AppContext,
  tier: Tier,
  client: string,
  reply: FastifyReply,
): Promise<void> {
  if (tier === 'none') return;
  const limit = ctx.config.rateLimits[tier];
  const nowSec = Math.floor(ctx.now().getTime() / 1000);
  const windowStart = nowSec - (nowSec % WINDOW_SECONDS);
  const count = await ctx.accounts.hitRateLimit(`${tier}:${client}`, windowStart);
  // Old windows are swept now and then rather than on every request.
  if (++hits % 500 === 0) await ctx.accounts.expireRateLimits(windowStart);
  const reset = windowStart + WINDOW_SECONDS - nowSec;
  reply.header('ratelimit-limit', String(limit));
  reply.header('ratelimit-remaining', String(Math.max(0, limit - count)));
  reply.header('ratelimit-reset', String(reset));
  reply.header('ratelimit-policy', `${limit};w=${WINDOW_SECONDS}`);
  if (count > limit)
    throw new HttpError(
      'TM_RATE_LIMITED',
      `Too many requests: at most ${limit} a minute here. Try again in ${reset} s.`,
      {
        headers: { 'retry-after': String(reset) },
      },
    );
}
