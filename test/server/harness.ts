/**
 * Builds a real server for tests: a workspace of plan files in a temp folder, a real store (SQLite
 * file, or a fresh PostgreSQL schema), and accounts for each role made through the API itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { SERVER_DEFAULTS, type ServerConfig } from '../../src/config/server.js';
import { buildServer, type TaskmarkServer } from '../../src/server/build.js';
import type { ServerDeps } from '../../src/server/context.js';
import { accountStoreOf, teamStoreOf, webhookStoreOf } from '../../src/store/open.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { PG_URL, postgresAvailable, schemas } from '../store/pg.js';

export const OWNER = { email: 'owner@example.com', password: 'owner-password-123' };
const PASSWORD = 'member-password-123';

export const ROADMAP = `# Roadmap

Plan date: 2026-01-05

## Must have

- [ ] MH-001: Rotate the signing keys @dana
  - [ ] Write the runbook
  - [x] Inventory the keys
- [ ] MH-002: Move backups to the new bucket
- [/] MH-003: Replace the cron host

## Later

- [ ] Tidy the dashboards
`;

const TODO = `# TODO

- [ ] Buy gutters
- [ ] Paint the shed
- [x] Order timber
`;

export function testConfig(over: Partial<ServerConfig> = {}): ServerConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    corsOrigins: ['https://tracker.example.com'],
    jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
    admin: OWNER,
    publicUrl: null,
    rateLimits: { auth: 10_000, write: 10_000, read: 10_000 },
    bodyLimitBytes: SERVER_DEFAULTS.bodyLimitBytes,
    requestTimeoutMs: SERVER_DEFAULTS.requestTimeoutMs,
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 3600,
    eventPollMs: 0,
    trustProxy: false,
    watch: false,
    webhookAllowPrivate: true,
    metricsToken: null,
    ...over,
  };
}

export interface Backend {
  readonly name: string;
  open(dir: string): Promise<Pick<ServerDeps, 'store' | 'accounts' | 'team' | 'webhookStore' | 'poolStats'>>;
}

const pgSchemas = schemas();

export const sqliteBackend: Backend = {
  name: 'SQLite',
  async open(dir) {
    const store = await openSqliteStore(join(dir, '.taskmark', 'taskmark.db'));
    return {
      store,
      accounts: accountStoreOf(store),
      team: teamStoreOf(store),
      webhookStore: webhookStoreOf(store),
      poolStats: () => store.poolStats(),
    };
  },
};

const postgresBackend: Backend = {
  name: 'PostgreSQL',
  async open() {
    const store = await openPostgresStore(PG_URL, { schema: pgSchemas.next(), poolSize: 3 });
    return {
      store,
      accounts: accountStoreOf(store),
      team: teamStoreOf(store),
      webhookStore: webhookStoreOf(store),
      poolStats: () => store.poolStats(),
    };
  },
};

/** SQLite always; PostgreSQL when reachable (or required by TASKMARK_REQUIRE_PG=1). */
export async function backends(suite: string): Promise<Backend[]> {
  return (await postgresAvailable(suite)) ? [sqliteBackend, postgresBackend] : [sqliteBackend];
}

export async function dropSchemas(): Promise<void> {
  await pgSchemas.dropAll();
}

export interface Harness extends TaskmarkServer {
  readonly root: string;
  write(path: string, text: string): void;
  request(opts: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    token?: string | undefined;
    body?: unknown;
    headers?: Record<string, string>;
  }): Promise<LightMyRequestResponse>;
  login(
    email: string,
    password: string,
  ): Promise<{ accessToken: string; refreshToken: string; user: { id: string } }>;
  /** A user with `role`, invited by the owner and registered; returns their access token and id. */
  userWith(
    role: 'owner' | 'admin' | 'member' | 'viewer' | 'outsider',
    email?: string,
  ): Promise<{ token: string; id: string }>;
  close(): Promise<void>;
}

export async function startHarness(
  backend: Backend,
  options: {
    /** An existing folder to serve (a git repository made by the test); a temp folder otherwise. */
    root?: string;
    files?: Record<string, string>;
    config?: Partial<ServerConfig>;
    logger?: ServerDeps['logger'];
    now?: () => Date;
    /** The date the workspace treats as today; default 2026-01-10, null for the real date. */
    today?: string | null;
  } = {},
): Promise<Harness> {
  const root = options.root ?? mkdtempSync(join(tmpdir(), 'taskmark-server-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  for (const [path, text] of Object.entries(options.files ?? { 'ROADMAP.md': ROADMAP, 'docs/TODO.md': TODO }))
    write(path, text);
  const { store, accounts, team, webhookStore, poolStats } = await backend.open(root);
  const server = await buildServer({
    store,
    accounts,
    team,
    webhookStore,
    ...(poolStats ? { poolStats } : {}),
    config: testConfig(options.config),
    workspace: {
      root,
      plans: { include: [], exclude: [], minTasks: 5, maxBytes: 1024 * 1024 },
      hoursPerDay: 8,
      today: options.today === undefined ? '2026-01-10' : options.today,
    },
    logger: options.logger ?? false,
    ...(options.now ? { now: options.now } : {}),
  });
  const request: Harness['request'] = ({ method, url, token, body, headers }) =>
    server.app.inject({
      method,
      url,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const login: Harness['login'] = async (email, password) => {
    const res = await request({ method: 'POST', url: '/api/v1/auth/login', body: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  let n = 0;
  const userWith: Harness['userWith'] = async (role, email) => {
    const owner = await login(OWNER.email, OWNER.password);
    if (role === 'owner' && email === undefined) return { token: owner.accessToken, id: owner.user.id };
    const address = email ?? `${role}-${++n}@example.com`;
    const invite = await request({
      method: 'POST',
      url: '/api/v1/invites',
      token: owner.accessToken,
      body: { email: address, role: role === 'outsider' ? 'viewer' : role },
    });
    const reg = await request({
      method: 'POST',
      url: '/api/v1/auth/register',
      body: { email: address, password: PASSWORD, name: role, inviteToken: invite.json().inviteToken },
    });
    if (reg.statusCode !== 201) throw new Error(`register ${address}: ${reg.statusCode} ${reg.body}`);
    const id = reg.json().user.id as string;
    if (role === 'outsider') {
      const del = await request({ method: 'DELETE', url: `/api/v1/members/${id}`, token: owner.accessToken });
      if (del.statusCode !== 204) throw new Error(`remove ${address}: ${del.statusCode} ${del.body}`);
    }
    return { token: (await login(address, PASSWORD)).accessToken, id };
  };
  return {
    ...server,
    root,
    write,
    request,
    login,
    userWith,
    async close() {
      await server.app.close();
      await store.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
