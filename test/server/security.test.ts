/**
 * The security suite: hostile filters and bodies, oversized and deeply nested JSON, header and path
 * injection, forged, expired and `alg: none` tokens, scope escalation, lockout, rate limits, CORS,
 * log redaction and the one-time setup link.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backends,
  dropSchemas,
  type Harness,
  OWNER,
  sqliteBackend,
  startHarness,
  testConfig,
} from './harness.js';

afterAll(() => dropSchemas());

const HOSTILE = [
  "' OR '1'='1",
  '"; DROP TABLE items; --',
  "owner:'; drop table users; --",
  'NEAR(signing keys)',
  'a* OR b*',
  '"unterminated phrase',
  '\\',
  '%_%',
  'tag:"<script>alert(1)</script>"',
  'file:../../etc/passwd',
  "due<2026-01-01' or 1=1 --",
  'key:%',
  'priority:P0) union select * from users --',
  '-"-"- --',
  '\u0000',
  '𝕿𝖊𝖘𝖙 ✅ 🔴 #A',
  '{"terms":[]}',
];

for (const backend of await backends('server security (filters)')) {
  describe(`hostile input in filters and parameters on ${backend.name}`, () => {
    let h: Harness;
    let token: string;
    beforeAll(async () => {
      h = await startHarness(backend);
      token = (await h.userWith('viewer')).token;
    });
    afterAll(() => h.close());

    it('answers every hostile query with 200 or 400, never an error, and changes nothing', async () => {
      const before = (await h.request({ method: 'GET', url: '/api/v1/items?limit=500', token })).json().items
        .length;
      for (const q of HOSTILE) {
        const res = await h.request({
          method: 'GET',
          url: `/api/v1/items?q=${encodeURIComponent(q)}`,
          token,
        });
        expect([200, 400], `${q} → ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 400) expect(res.json().code).toMatch(/^TM_/);
      }
      for (const bad of ['cursor', 'updated_since', 'limit']) {
        for (const q of HOSTILE.slice(0, 4)) {
          const res = await h.request({
            method: 'GET',
            url: `/api/v1/items?${bad}=${encodeURIComponent(q)}`,
            token,
          });
          expect(res.statusCode, `${bad}=${q}`).toBe(400);
        }
      }
      for (const q of HOSTILE) {
        const res = await h.request({ method: 'GET', url: `/api/v1/items/${encodeURIComponent(q)}`, token });
        expect([400, 404], `${q} → ${res.body}`).toContain(res.statusCode);
      }
      expect(
        (await h.request({ method: 'GET', url: '/api/v1/items?limit=500', token })).json().items.length,
      ).toBe(before);
      // The accounts are intact: the owner still signs in.
      await h.login(OWNER.email, OWNER.password);
    });

    it('refuses a query longer than the limit', async () => {
      const res = await h.request({ method: 'GET', url: `/api/v1/items?q=${'a'.repeat(2001)}`, token });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].pointer).toBe('/query/q');
    });
  });
}

describe('hostile bodies, headers and paths', () => {
  let h: Harness;
  let member: string;
  const outside = mkdtempSync(join(tmpdir(), 'taskmark-outside-'));
  beforeAll(async () => {
    h = await startHarness(sqliteBackend, { config: { bodyLimitBytes: 64 * 1024 } });
    member = (await h.userWith('member')).token;
    symlinkSync(outside, join(h.root, 'escape'));
  });
  afterAll(async () => {
    await h.close();
    rmSync(outside, { recursive: true, force: true });
  });

  const roadmap = () => readFileSync(join(h.root, 'ROADMAP.md'), 'utf8');

  it('keeps SQL-looking titles as plain text in the plan', async () => {
    const title = "Robert'); DROP TABLE items; --";
    const res = await h.request({
      method: 'POST',
      url: '/api/v1/items',
      token: member,
      body: { project: 'ROADMAP.md', section: 'Later', title },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().title).toBe(title);
    expect(roadmap()).toContain(`- [ ] ${title}`);
    expect(
      (await h.request({ method: 'GET', url: '/api/v1/items?limit=500', token: member })).json().items.length,
    ).toBeGreaterThan(5);
  });

  it('refuses line breaks that would inject lines into the plan, writing nothing', async () => {
    const before = roadmap();
    const bodies = [
      {
        method: 'POST' as const,
        url: '/api/v1/items',
        body: { project: 'ROADMAP.md', section: 'Later', title: 'x\n- [x] injected' },
      },
      {
        method: 'PATCH' as const,
        url: '/api/v1/items/MH-002',
        body: { attributes: { owner: 'eve\r\n## Owned' } },
      },
      { method: 'PATCH' as const, url: '/api/v1/items/MH-002', body: { attributes: { 'owner\nx': 'eve' } } },
      { method: 'PATCH' as const, url: '/api/v1/items/MH-002', body: { status: 'done', extra: 1 } },
      { method: 'PUT' as const, url: '/api/v1/views/..%2F..%2Fx', body: { q: 'status:todo' } },
    ];
    for (const b of bodies) {
      const res = await h.request({ ...b, token: member, headers: { 'if-match': '*' } });
      expect(res.statusCode, `${b.url} ${JSON.stringify(b.body)}`).toBe(400);
      expect(res.json().code).toBe('TM_VALIDATION');
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
    expect(roadmap()).toBe(before);
  });

  it('answers an oversized body with 413, deep nesting and malformed JSON with 400, other types with 415', async () => {
    const big = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(100 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('TM_PAYLOAD_TOO_LARGE');
    const deep = await h.app.inject({
      method: 'POST',
      url: '/api/v1/items',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${member}` },
      payload: `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    });
    expect(deep.statusCode).toBe(400);
    expect(deep.json().code).toBe('TM_MALFORMED_REQUEST');
    for (const payload of ['{"email":', '{"a":1,}', "{'a':1}", '{"__proto__":{"admin":true}}']) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const text = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'hi',
    });
    expect(text.statusCode).toBe(415);
  });

  it('echoes a well-formed X-Request-Id and replaces anything else', async () => {
    const ok = await h.request({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'req-42.a:b' },
    });
    expect(ok.headers['x-request-id']).toBe('req-42.a:b');
    for (const bad of ['<script>alert(1)</script>', 'a'.repeat(200), 'id with spaces', 'é']) {
      const res = await h.request({ method: 'GET', url: '/health/live', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const key = await h.request({
      method: 'POST',
      url: '/api/v1/workspace/sync',
      token: member,
      headers: { 'idempotency-key': 'ключ' },
    });
    expect(key.statusCode).toBe(400);
  });

  it('keeps every path inside the workspace', async () => {
    for (const path of [
      '../escape.plan.md',
      '/etc/evil.plan.md',
      'a/../../b.plan.md',
      '.git/hooks.plan.md',
      'plans\\..\\x.plan.md',
      'x.plan.md\u0000.txt',
      'escape/evil.plan.md',
    ]) {
      const res = await h.request({
        method: 'POST',
        url: '/api/v1/projects',
        token: member,
        body: { path, title: 'Evil' },
      });
      expect(res.statusCode, `${path} → ${res.body}`).toBe(400);
    }
    expect(existsSync(join(outside, 'evil.plan.md'))).toBe(false);
    expect(existsSync(join(h.root, '..', 'escape.plan.md'))).toBe(false);
    for (const url of [
      '/api/v1/projects/..%2F..%2Fetc%2Fpasswd',
      '/api/v1/projects/%2Fetc%2Fpasswd',
      '/api/v1/items/MH-001?project=..%2F..%2Fetc%2Fpasswd',
    ]) {
      const res = await h.request({ method: 'GET', url, token: member });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('root:');
    }
    const add = await h.request({
      method: 'POST',
      url: '/api/v1/items',
      token: member,
      body: { project: '../../etc/passwd', section: 'x', title: 'x' },
    });
    expect(add.statusCode).toBe(404);
  });
});

describe('tokens that must not work', () => {
  let h: Harness;
  let clock = Date.parse('2026-01-10T09:00:00Z');
  const secret = new TextEncoder().encode(testConfig().jwtSecret!);
  let ownerId: string;
  beforeAll(async () => {
    h = await startHarness(sqliteBackend, { now: () => new Date(clock) });
    ownerId = (await h.userWith('owner')).id;
  });
  afterAll(() => h.close());

  const me = (token: string) =>
    h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: token } });
  const sign = (alg: string, key: Uint8Array, claims: { aud?: string; exp?: number } = {}) =>
    new SignJWT({})
      .setProtectedHeader({ alg })
      .setSubject(ownerId)
      .setIssuer('taskmark')
      .setAudience(claims.aud ?? 'taskmark-api')
      .setIssuedAt(Math.floor(clock / 1000) - 10)
      .setExpirationTime(claims.exp ?? Math.floor(clock / 1000) + 600)
      .sign(key);

  it('accepts a genuine token (the control)', async () => {
    expect((await me(`Bearer ${await sign('HS256', secret)}`)).statusCode).toBe(200);
  });

  it('refuses forged, expired, alg:none, other-algorithm, wrong-audience and malformed tokens', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(clock / 1000);
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: ownerId, iss: 'taskmark', aud: 'taskmark-api', iat: now, exp: now + 600 })}.`;
    const cases = {
      forged: await sign('HS256', new TextEncoder().encode('another-secret-another-secret-another-secret')),
      expired: await sign('HS256', secret, { exp: now - 60 }),
      none,
      hs512: await sign('HS512', secret),
      audience: await sign('HS256', secret, { aud: 'someone-else' }),
      garbage: 'abc.def.ghi',
      apiTokenLookalike: `tmk_${'A'.repeat(43)}`,
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await me(`Bearer ${token}`);
      expect(res.statusCode, name).toBe(401);
      expect(res.headers['www-authenticate'], name).toContain('Bearer');
    }
    expect((await me('Basic b3duZXI6cGFzcw==')).statusCode).toBe(401);
    expect((await me(`Bearer ${'x'.repeat(5000)}`)).statusCode).toBe(401);
  });

  it('stops an API token at its expiry', async () => {
    const owner = (await h.login(OWNER.email, OWNER.password)).accessToken;
    const res = await h.request({
      method: 'POST',
      url: '/api/v1/tokens',
      token: owner,
      body: { name: 'short', scopes: ['read'], expiresInDays: 1 },
    });
    const token = res.json().token;
    expect((await me(`Bearer ${token}`)).statusCode).toBe(200);
    clock += 2 * 86_400_000;
    expect((await me(`Bearer ${token}`)).statusCode).toBe(401);
  });
});

describe('scope and role escalation', () => {
  let h: Harness;
  let owner: string;
  let admin: { token: string; id: string };
  let member: { token: string; id: string };
  beforeAll(async () => {
    h = await startHarness(sqliteBackend);
    owner = (await h.userWith('owner')).token;
    admin = await h.userWith('admin');
    member = await h.userWith('member');
  });
  afterAll(() => h.close());

  const post = (url: string, token: string, body: unknown) => h.request({ method: 'POST', url, token, body });

  it('gives a token no more than its creator may do, and a token no more than its scopes', async () => {
    expect((await post('/api/v1/tokens', member.token, { name: 'x', scopes: ['admin'] })).statusCode).toBe(
      403,
    );
    const read = (await post('/api/v1/tokens', member.token, { name: 'r', scopes: ['read'] })).json().token;
    expect((await post('/api/v1/tokens', read, { name: 'w', scopes: ['write'] })).statusCode).toBe(403);
    const patch = await h.request({
      method: 'PATCH',
      url: '/api/v1/items/MH-002',
      token: read,
      body: { status: 'done' },
      headers: { 'if-match': '*' },
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().detail).toContain('scopes');
    const adminRead = (await post('/api/v1/tokens', admin.token, { name: 'ar', scopes: ['read'] })).json()
      .token;
    expect((await h.request({ method: 'GET', url: '/api/v1/audit', token: adminRead })).statusCode).toBe(403);
  });

  it('lets only an owner make owners and admins, and keeps the last owner', async () => {
    const put = (token: string, id: string, role: string) =>
      h.request({ method: 'PUT', url: `/api/v1/members/${id}`, token, body: { role } });
    expect((await put(admin.token, member.id, 'owner')).statusCode).toBe(403);
    expect((await put(admin.token, member.id, 'admin')).statusCode).toBe(403);
    expect((await put(admin.token, admin.id, 'owner')).statusCode).toBe(403);
    expect(
      (await post('/api/v1/invites', admin.token, { email: 'boss@example.com', role: 'owner' })).statusCode,
    ).toBe(403);
    expect((await put(admin.token, member.id, 'viewer')).statusCode).toBe(200);
    expect(
      (await post('/api/v1/invites', member.token, { email: 'friend@example.com', role: 'viewer' }))
        .statusCode,
    ).toBe(403);
    const me = (await h.request({ method: 'GET', url: '/api/v1/me', token: owner })).json().user.id;
    expect((await put(owner, me, 'admin')).statusCode).toBe(409);
    expect(
      (await h.request({ method: 'DELETE', url: `/api/v1/members/${me}`, token: admin.token })).statusCode,
    ).toBe(403);
  });
});

describe('sign-in protection', () => {
  let clock = Date.parse('2026-01-10T09:00:00Z');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(sqliteBackend, {
      now: () => new Date(clock),
      config: { rateLimits: { auth: 8, write: 100, read: 3 } },
    });
  });
  afterAll(() => h.close());

  const login = (password: string) =>
    h.request({ method: 'POST', url: '/api/v1/auth/login', body: { email: OWNER.email, password } });

  it('locks an account after five failures, for longer after each further one', async () => {
    for (let i = 0; i < 5; i++) expect((await login('wrong-password-1')).statusCode).toBe(401);
    const locked = await login(OWNER.password);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('TM_ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBe(30);
    clock += 31_000;
    expect((await login('wrong-password-2')).statusCode).toBe(401);
    expect(Number((await login(OWNER.password)).headers['retry-after'])).toBe(60);
    clock += 61_000;
    expect((await login(OWNER.password)).statusCode).toBe(200);
  });

  it('limits sign-ins per client with RateLimit headers, then 429 with Retry-After', async () => {
    clock += 120_000;
    const first = await login(OWNER.password);
    expect(first.headers['ratelimit-limit']).toBe('8');
    expect(first.headers['ratelimit-remaining']).toBe('7');
    expect(first.headers['ratelimit-policy']).toBe('8;w=60');
    for (let i = 0; i < 7; i++) await login('wrong-password-3');
    const limited = await login(OWNER.password);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('TM_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
  });

  it('limits reads per caller in their own tier', async () => {
    clock += 120_000;
    const { accessToken } = await h.login(OWNER.email, OWNER.password);
    for (let i = 0; i < 3; i++)
      expect((await h.request({ method: 'GET', url: '/api/v1/me', token: accessToken })).statusCode).toBe(
        200,
      );
    expect((await h.request({ method: 'GET', url: '/api/v1/me', token: accessToken })).statusCode).toBe(429);
    // Writes have their own budget.
    expect(
      (await h.request({ method: 'POST', url: '/api/v1/workspace/sync', token: accessToken })).statusCode,
    ).toBe(200);
  });
});

describe('first start without an admin', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(sqliteBackend, { config: { admin: null } });
  });
  afterAll(() => h.close());

  it('makes a one-time setup token that creates the owner once', async () => {
    expect(h.setupToken).toMatch(/^tms_/);
    const register = (setupToken: string, email: string) =>
      h.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        body: { email, password: 'first-owner-password', name: 'First', setupToken },
      });
    expect((await register('tms_wrong', 'first@example.com')).statusCode).toBe(403);
    const ok = await register(h.setupToken!, 'first@example.com');
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user.role).toBe('owner');
    expect((await register(h.setupToken!, 'second@example.com')).statusCode).toBe(403);
    const page = await h.request({ method: 'GET', url: '/setup' });
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('logs, CORS and compression', () => {
  let h: Harness;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        cb();
      },
    });
    h = await startHarness(sqliteBackend, { logger: { level: 'info', stream } });
  });
  afterAll(() => h.close());

  it('logs one JSON line per request with its id, trace, method, path, status and duration, and no secrets', async () => {
    const session = await h.login(OWNER.email, OWNER.password);
    await h.request({
      method: 'GET',
      url: '/api/v1/items?limit=1',
      token: session.accessToken,
      headers: {
        'x-request-id': 'trace-me-1',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      },
    });
    const entries = lines.map((l) => JSON.parse(l));
    const entry = entries.find((e) => e.reqId === 'trace-me-1' && e.msg === 'request');
    expect(entry).toMatchObject({
      method: 'GET',
      path: '/api/v1/items',
      route: '/api/v1/items',
      status: 200,
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
    });
    expect(typeof entry.durationMs).toBe('number');
    const all = lines.join('\n');
    for (const secret of [OWNER.password, session.accessToken, session.refreshToken])
      expect(all).not.toContain(secret);
  });

  it('answers allowed origins only', async () => {
    const allowed = await h.request({
      method: 'GET',
      url: '/health/live',
      headers: { origin: 'https://tracker.example.com' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://tracker.example.com');
    const other = await h.request({
      method: 'GET',
      url: '/health/live',
      headers: { origin: 'https://evil.example.net' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await h.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/items',
      headers: {
        origin: 'https://tracker.example.com',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'if-match,authorization',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('PATCH');
  });

  it('compresses responses over 1 KB and leaves small ones alone, with security headers on both', async () => {
    const { accessToken } = await h.login(OWNER.email, OWNER.password);
    const big = await h.request({
      method: 'GET',
      url: '/api/v1/items',
      token: accessToken,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(big.headers['content-encoding']).toBe('gzip');
    const small = await h.request({
      method: 'GET',
      url: '/health/live',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(small.headers['content-encoding']).toBeUndefined();
    for (const res of [big, small]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });
});

describe('metrics behind a token', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(sqliteBackend, { config: { metricsToken: 'metrics-token-0123456789' } });
  });
  afterAll(() => h.close());

  it('answers /metrics only with the configured token', async () => {
    expect((await h.request({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const wrong = await h.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer metrics-token-0123456788' },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await h.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer metrics-token-0123456789' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('taskmark_http_requests_total');
  });
});

describe('one-time tokens under concurrency', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(sqliteBackend, { config: { admin: null } });
  });
  afterAll(() => h.close());

  it('lets only one of two simultaneous registrations use the setup token', async () => {
    const register = (email: string) =>
      h.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        body: { email, password: 'first-owner-password', name: 'First', setupToken: h.setupToken },
      });
    const results = await Promise.all([register('one@example.com'), register('two@example.com')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 403]);
    const owner = results.find((r) => r.statusCode === 201)!.json().accessToken;
    const members = (await h.request({ method: 'GET', url: '/api/v1/members', token: owner })).json().members;
    expect(members).toHaveLength(1);
  });
});
