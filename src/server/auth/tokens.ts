/**
 * Tokens: short-lived JWT access tokens (HS256, jose), opaque refresh tokens and API tokens. Opaque
 * tokens are random, prefixed so they are recognisable in logs and secret scanners, and stored only
 * as SHA-256 hashes.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

export const API_TOKEN_PREFIX = 'tmk_';
export const REFRESH_TOKEN_PREFIX = 'tmr_';
const ISSUER = 'taskmark';
const AUDIENCE = 'taskmark-api';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A new opaque token: the prefix and 256 random bits. */
export function opaqueToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function newId(): string {
  return randomUUID();
}

export async function signAccessToken(
  secret: Uint8Array,
  userId: string,
  ttlSeconds: number,
  now: Date,
): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .setJti(randomUUID())
    .sign(secret);
  return { token, expiresAt: new Date((iat + ttlSeconds) * 1000).toISOString() };
}

/** The user id of a valid access token, or null (bad signature, other algorithm, expired, wrong audience). */
export async function verifyAccessToken(
  secret: Uint8Array,
  token: string,
  now: Date,
): Promise<string | null> {
  try {
    // Only HS256: `alg: none` and algorithm confusion are refused before the signature is looked at.
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
      currentDate: now,
    });
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
