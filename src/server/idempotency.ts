/**
 * Idempotency-Key on POST: the first request with a key runs and its response is kept for 24 hours;
 * a retry with the same key and the same request gets that response again (Idempotent-Replayed: true)
 * without running twice. The same key with a different request is refused; a retry while the first
 * is still running gets 409.
 */
import type { Principal } from './auth/guard.js';
import { sha256 } from './auth/tokens.js';
import { HttpError, toProblem } from './problem.js';
import type { Call } from './route.js';

const TTL_MS = 24 * 3600 * 1000;
const KEY = /^[\x21-\x7e]{1,255}$/;

export async function idempotent(
  call: Call<unknown, unknown, unknown>,
  principal: Principal,
  run: () => Promise<unknown>,
): Promise<unknown> {
  const { ctx, request, reply } = call;
  const raw = request.headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined || !KEY.test(key))
    throw new HttpError('TM_VALIDATION', 'Idempotency-Key must be 1 to 255 visible ASCII characters.', {
      errors: [{ pointer: '/headers/idempotency-key', detail: 'invalid' }],
    });
  const requestHash = sha256(
    `${request.method} ${request.url.split('?')[0]} ${JSON.stringify(request.body ?? null)}`,
  );
  const now = ctx.now();
  const record = {
    principal: principal.userId,
    key,
    requestHash,
    status: null,
    body: null,
    createdAt: now.toISOString(),
  };
  let existing = await ctx.accounts.claimIdempotencyKey(record);
  if (existing && Date.parse(existing.createdAt) < now.getTime() - TTL_MS) {
    await ctx.accounts.releaseIdempotencyKey(principal.userId, key);
    existing = await ctx.accounts.claimIdempotencyKey(record);
  }
  if (existing) {
    if (existing.requestHash !== requestHash)
      throw new HttpError(
        'TM_IDEMPOTENCY_MISMATCH',
        'This Idempotency-Key was used for a different request; use a new key for a new request.',
      );
    if (existing.status === null)
      throw new HttpError(
        'TM_IDEMPOTENCY_IN_PROGRESS',
        'A request with this Idempotency-Key is still running; retry later.',
        {
          headers: { 'retry-after': '1' },
        },
      );
    reply.code(existing.status).header('idempotent-replayed', 'true');
    const body = existing.body ?? '';
    const type = existing.status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
    reply.type(type).send(body);
    return undefined;
  }
  try {
    const result = await run();
    const status = reply.statusCode;
    if (status >= 500) await ctx.accounts.releaseIdempotencyKey(principal.userId, key);
    else
      await ctx.accounts.completeIdempotencyKey(
        principal.userId,
        key,
        status,
        result === undefined ? '' : JSON.stringify(result),
      );
    return result;
  } catch (e) {
    const { problem } = toProblem(e, request);
    if (problem.status >= 500 || problem.status === 429)
      await ctx.accounts.releaseIdempotencyKey(principal.userId, key);
    else
      await ctx.accounts.completeIdempotencyKey(
        principal.userId,
        key,
        problem.status,
        JSON.stringify(problem),
      );
    throw e;
  }
}
