/**
 * The server's settings (`taskmark serve`): defaults, then the environment, then flags, validated
 * at once so every problem is reported together. Like config.ts, the environment is passed in.
 */
import { z } from 'zod';
import { TmError } from '../core/errors.js';

export const SERVER_DEFAULTS = {
  host: '127.0.0.1',
  port: 4470,
  /** Requests per minute per client in each tier. */
  rateLimits: { auth: 10, write: 120, read: 600 },
  bodyLimitBytes: 1024 * 1024,
  requestTimeoutMs: 30_000,
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 30 * 24 * 3600,
  /** How often each instance looks for new item events to push to /api/v1/events listeners. */
  eventPollMs: 1000,
} as const;

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** Origins allowed to call the API from a browser; empty: no cross-origin access. */
  readonly corsOrigins: readonly string[];
  /** HS256 secret for access tokens, or null to use the one generated and kept in the database. */
  readonly jwtSecret: string | null;
  /** The owner created on first start when no user exists (both set, or neither). */
  readonly admin: { readonly email: string; readonly password: string } | null;
  /** The address people reach the server at, for the setup link; derived from host and port when null. */
  readonly publicUrl: string | null;
  readonly rateLimits: { readonly auth: number; readonly write: number; readonly read: number };
  readonly bodyLimitBytes: number;
  readonly requestTimeoutMs: number;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly eventPollMs: number;
  /** Trust X-Forwarded-For from a load balancer in front (for client addresses in rate limits and logs). */
  readonly trustProxy: boolean;
  /** Re-import plans when files change. */
  readonly watch: boolean;
  /** Let webhooks target private and loopback addresses (off: no reaching into the server's network). */
  readonly webhookAllowPrivate: boolean;
  /** When set, /metrics needs `Authorization: Bearer <this>`; open otherwise (scraped from inside). */
  readonly metricsToken: string | null;
}

export interface ServerFlags {
  readonly port?: string | number | undefined;
  readonly host?: string | undefined;
  readonly watch?: boolean | undefined;
}

const port = z.coerce.number().int().min(0, 'must be 0 to 65535').max(65535, 'must be 0 to 65535');
const positive = z.coerce.number().int().positive('must be a positive whole number');
const secret = z.string().min(32, 'must be at least 32 characters');
const email = z.string().email('must be an e-mail address');
const password = z.string().min(12, 'must be at least 12 characters');
const origin = z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be origins like https://tracker.example.com');
const url = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');
const metricsToken = z.string().min(16, 'must be at least 16 characters');
const host = z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or address');

/** Resolves and validates the server's settings; throws one TmError listing every problem. */
export function resolveServerConfig(
  env: Readonly<Record<string, string | undefined>>,
  flags: ServerFlags = {},
): ServerConfig {
  const problems: string[] = [];
  const get = <T>(schema: z.ZodType<T>, name: string, value: unknown): T | undefined => {
    if (value === undefined || value === '') return undefined;
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    problems.push(`${name}: ${r.error.issues[0]?.message ?? 'is not valid'}`);
    return undefined;
  };
  const flagOr = <T>(schema: z.ZodType<T>, flag: string, fv: unknown, envName: string): T | undefined =>
    fv !== undefined ? get(schema, flag, fv) : get(schema, envName, env[envName]);

  const cors = (env.TASKMARK_CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .flatMap((o) => {
      const v = get(origin, 'TASKMARK_CORS_ORIGINS', o);
      return v === undefined ? [] : [v];
    });
  const adminEmail = get(email, 'TASKMARK_ADMIN_EMAIL', env.TASKMARK_ADMIN_EMAIL);
  const adminPassword = get(password, 'TASKMARK_ADMIN_PASSWORD', env.TASKMARK_ADMIN_PASSWORD);
  if ((env.TASKMARK_ADMIN_EMAIL ? 1 : 0) + (env.TASKMARK_ADMIN_PASSWORD ? 1 : 0) === 1)
    problems.push('TASKMARK_ADMIN_EMAIL and TASKMARK_ADMIN_PASSWORD go together: set both or neither');
  const config: ServerConfig = {
    host: flagOr(host, '--host', flags.host, 'TASKMARK_HOST') ?? SERVER_DEFAULTS.host,
    port: flagOr(port, '--port', flags.port, 'TASKMARK_PORT') ?? SERVER_DEFAULTS.port,
    corsOrigins: cors,
    jwtSecret: get(secret, 'TASKMARK_JWT_SECRET', env.TASKMARK_JWT_SECRET) ?? null,
    admin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : null,
    publicUrl: get(url, 'TASKMARK_PUBLIC_URL', env.TASKMARK_PUBLIC_URL)?.replace(/\/+$/, '') ?? null,
    rateLimits: {
      auth:
        get(positive, 'TASKMARK_RATE_LIMIT_AUTH', env.TASKMARK_RATE_LIMIT_AUTH) ??
        SERVER_DEFAULTS.rateLimits.auth,
      write:
        get(positive, 'TASKMARK_RATE_LIMIT_WRITE', env.TASKMARK_RATE_LIMIT_WRITE) ??
        SERVER_DEFAULTS.rateLimits.write,
      read:
        get(positive, 'TASKMARK_RATE_LIMIT_READ', env.TASKMARK_RATE_LIMIT_READ) ??
        SERVER_DEFAULTS.rateLimits.read,
    },
    bodyLimitBytes:
      get(positive, 'TASKMARK_BODY_LIMIT', env.TASKMARK_BODY_LIMIT) ?? SERVER_DEFAULTS.bodyLimitBytes,
    requestTimeoutMs:
      get(positive, 'TASKMARK_REQUEST_TIMEOUT_MS', env.TASKMARK_REQUEST_TIMEOUT_MS) ??
      SERVER_DEFAULTS.requestTimeoutMs,
    accessTokenTtlSeconds: SERVER_DEFAULTS.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: SERVER_DEFAULTS.refreshTokenTtlSeconds,
    eventPollMs: SERVER_DEFAULTS.eventPollMs,
    trustProxy: env.TASKMARK_TRUST_PROXY === '1' || env.TASKMARK_TRUST_PROXY === 'true',
    watch: flags.watch !== false,
    webhookAllowPrivate:
      env.TASKMARK_WEBHOOK_ALLOW_PRIVATE === '1' || env.TASKMARK_WEBHOOK_ALLOW_PRIVATE === 'true',
    metricsToken: get(metricsToken, 'TASKMARK_METRICS_TOKEN', env.TASKMARK_METRICS_TOKEN) ?? null,
  };
  if (problems.length > 0)
    throw new TmError(
      'TM_USAGE',
      `taskmark serve's settings have problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      { problems },
    );
  return Object.freeze(config);
}
