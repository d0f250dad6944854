/**
 * Over real sockets: the server-sent event stream, the request timeout, and (on PostgreSQL) two
 * instances sharing sessions, the signing key and rate-limit counters.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/build.js';
import { accountStoreOf, teamStoreOf, webhookStoreOf } from '../../src/store/open.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { PG_URL, postgresAvailable, schemas } from '../store/pg.js';
import { type Harness, OWNER, ROADMAP, sqliteBackend, startHarness, testConfig } from './harness.js';

/** Reads an SSE response until `until` returns true for the text so far. */
function readEvents(
  url: string,
  token: string,
  headers: Record<string, string>,
  until: (text: string) => boolean,
) {
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const req = httpRequest(url, { headers: { authorization: `Bearer ${token}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (until(text)) {
          resolve({ status: res.statusCode!, type: String(res.headers['content-type']), text });
          req.destroy();
        }
      });
      res.on('error', reject);
    });
    req.on('error', (e) => {
      if ((e as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(e);
    });
    req.end();
  });
}

describe('over a loopback socket', () => {
  let h: Harness;
  let base: string;
  let token: string;
  beforeAll(async () => {
    h = await startHarness(sqliteBackend, { config: { requestTimeoutMs: 300 } });
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    token = (await h.userWith('member')).token;
  });
  afterAll(() => h.close());

  it('serves JSON over HTTP with compression', async () => {
    const res = await fetch(`${base}/api/v1/items`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(((await res.json()) as { items: unknown[] }).items.length).toBeGreaterThan(5);
  });

  it('streams an item event to a listener when a status changes', async () => {
    const stream = readEvents(`${base}/api/v1/events`, token, {}, (t) => t.includes('event: status_changed'));
    // Wait for the stream to be open before changing anything.
    for (let i = 0; i < 100 && h.ctx.events.size === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const { etag } = (await h.request({ method: 'GET', url: '/api/v1/items/MH-002', token })).json();
    const patch = await h.request({
      method: 'PATCH',
      url: '/api/v1/items/MH-002',
      token,
      body: { status: 'done' },
      headers: { 'if-match': etag },
    });
    expect(patch.statusCode).toBe(200);
    const { status, type, text } = await stream;
    expect(status).toBe(200);
    expect(type).toContain('text/event-stream');
    const data = JSON.parse(/event: status_changed\ndata: (.*)\n/.exec(text)![1]!);
    expect(data).toMatchObject({
      key: 'MH-002',
      field: 'status',
      from: 'todo',
      to: 'done',
      file: 'ROADMAP.md',
    });
  });

  it('replays events after Last-Event-ID', async () => {
    const { text } = await readEvents(`${base}/api/v1/events`, token, { 'last-event-id': '0' }, (t) =>
      t.includes('event: status_changed'),
    );
    expect(text).toMatch(/^id: 1\nevent: created\n/m);
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('refuses the stream without credentials', async () => {
    expect((await fetch(`${base}/api/v1/events`)).status).toBe(401);
  });

  it('answers a request whose body never finishes arriving with 408', async () => {
    const { port } = new URL(base);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":',
        );
      });
      let data = '';
      socket.on('data', (d) => {
        data += d.toString();
      });
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });
});

const pgUp = await postgresAvailable('server instances sharing PostgreSQL');
describe.runIf(pgUp)('two instances on one PostgreSQL', () => {
  const root = mkdtempSync(join(tmpdir(), 'taskmark-two-'));
  const pg = schemas();
  const schema = pg.next();
  const stores: { close(): Promise<void> }[] = [];
  const servers: Awaited<ReturnType<typeof buildServer>>[] = [];
  const frozen = Date.parse('2026-01-10T09:00:10Z');
  beforeAll(async () => {
    writeFileSync(join(root, 'ROADMAP.md'), ROADMAP);
    for (let i = 0; i < 2; i++) {
      const store = await openPostgresStore(PG_URL, { schema, poolSize: 2 });
      stores.push(store);
      servers.push(
        await buildServer({
          store,
          accounts: accountStoreOf(store),
          team: teamStoreOf(store),
          webhookStore: webhookStoreOf(store),
          // No configured secret: the instances must agree on the one kept in the database.
          config: testConfig({ jwtSecret: null, rateLimits: { auth: 4, write: 100, read: 100 } }),
          // One fixed instant for both: the count must not straddle a rate-limit window boundary.
          now: () => new Date(frozen),
          workspace: {
            root,
            plans: { include: [], exclude: [], minTasks: 5, maxBytes: 1 << 20 },
            hoursPerDay: 8,
            today: null,
          },
        }),
      );
    }
  });
  afterAll(async () => {
    for (const s of servers) await s.app.close();
    for (const s of stores) await s.close();
    await pg.dropAll();
    rmSync(root, { recursive: true, force: true });
  });

  const login = (i: number) =>
    servers[i]!.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: OWNER.email, password: OWNER.password },
    });

  it('accept each other’s access tokens and share the rate-limit counters', async () => {
    const a = await login(0);
    expect(a.statusCode).toBe(200);
    const me = await servers[1]!.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${a.json().accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    expect((await login(1)).statusCode).toBe(200);
    expect((await login(0)).statusCode).toBe(200);
    const fourth = await login(1);
    expect(fourth.headers['ratelimit-remaining']).toBe('0');
    expect((await login(0)).statusCode).toBe(429);
  });
});
