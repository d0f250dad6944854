/** The API over a real store and real plan files, on SQLite and (when reachable) PostgreSQL. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backends,
  dropSchemas,
  type Harness,
  OWNER,
  ROADMAP,
  sqliteBackend,
  startHarness,
} from './harness.js';

afterAll(() => dropSchemas());

for (const backend of await backends('server API')) {
  describe(`API on ${backend.name}`, () => {
    let h: Harness;
    let owner: string;
    let member: string;
    let viewer: string;
    beforeAll(async () => {
      h = await startHarness(backend);
      owner = (await h.userWith('owner')).token;
      member = (await h.userWith('member')).token;
      viewer = (await h.userWith('viewer')).token;
    });
    afterAll(() => h.close());

    const get = (url: string, token = viewer) => h.request({ method: 'GET', url, token });
    const roadmap = () => readFileSync(join(h.root, 'ROADMAP.md'), 'utf8');

    describe('GET /api/v1/items', () => {
      it('lists every item of the workspace in file and document order', async () => {
        const res = await get('/api/v1/items');
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.items.map((i: { key: string }) => i.key)).toEqual(
          [
            'MH-001',
            'MH-001/write-the-runbook',
            'MH-001/inventory-the-keys',
            'MH-002',
            'MH-003',
            'later/tidy-the-dashboards',
            'buy-gutters',
            'paint-the-shed',
            'order-timber',
          ].map((k) => expect.stringContaining(k.split('/').pop()!)),
        );
        expect(body.nextCursor).toBeNull();
        expect(body.items[0]).toMatchObject({
          file: 'ROADMAP.md',
          id: 'MH-001',
          status: 'todo',
          owner: 'dana',
        });
        expect(body.items[0].etag).toMatch(/^"[0-9a-f]{32}"$/);
      });

      it('pages with a keyset cursor, each item once', async () => {
        const all = (await get('/api/v1/items'))
          .json()
          .items.map((i: { key: string; file: string }) => `${i.file}#${i.key}`);
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const res = await get(`/api/v1/items?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
          expect(res.statusCode).toBe(200);
          const body = res.json();
          expect(body.items.length).toBeLessThanOrEqual(4);
          seen.push(...body.items.map((i: { key: string; file: string }) => `${i.file}#${i.key}`));
          cursor = body.nextCursor;
          pages++;
        } while (cursor);
        expect(seen).toEqual(all);
        expect(pages).toBe(Math.ceil(all.length / 4));
      });

      it('filters with the query language', async () => {
        const res = await get(`/api/v1/items?q=${encodeURIComponent('status:doing')}`);
        expect(res.json().items.map((i: { key: string }) => i.key)).toEqual(['MH-003']);
        const text = await get(`/api/v1/items?q=${encodeURIComponent('file:TODO gutters')}`);
        expect(text.json().items.map((i: { title: string }) => i.title)).toEqual(['Buy gutters']);
      });

      it('returns only items changed after updated_since', async () => {
        const later = new Date(Date.now() + 60_000).toISOString();
        expect((await get(`/api/v1/items?updated_since=${encodeURIComponent(later)}`)).json().items).toEqual(
          [],
        );
        const earlier = '2000-01-01T00:00:00Z';
        expect((await get(`/api/v1/items?updated_since=${earlier}`)).json().items.length).toBeGreaterThan(0);
      });

      it('answers a bad query, cursor or limit with problem+json and per-field errors', async () => {
        const badLimit = await get('/api/v1/items?limit=0');
        expect(badLimit.statusCode).toBe(400);
        expect(badLimit.headers['content-type']).toContain('application/problem+json');
        expect(badLimit.json()).toMatchObject({ code: 'TM_VALIDATION', status: 400 });
        expect(badLimit.json().errors[0].pointer).toBe('/query/limit');
        expect((await get('/api/v1/items?cursor=nonsense')).json().code).toBe('TM_VALIDATION');
        const badQuery = await get(`/api/v1/items?q=${encodeURIComponent('due<notadate')}`);
        expect(badQuery.statusCode).toBe(400);
      });
    });

    describe('GET /api/v1/items/{key}', () => {
      it('finds an item by key or by explicit ID in any case, with an ETag', async () => {
        const byKey = await get('/api/v1/items/MH-002');
        expect(byKey.statusCode).toBe(200);
        expect(byKey.headers.etag).toBe(byKey.json().etag);
        const byId = await get('/api/v1/items/mh-002');
        expect(byId.json().key).toBe('MH-002');
        const nested = await get(`/api/v1/items/${encodeURIComponent('MH-001/write-the-runbook')}`);
        expect(nested.statusCode).toBe(200);
        expect(nested.json()).toMatchObject({ title: 'Write the runbook', parent: 'MH-001' });
      });

      it('is 404 problem+json for an unknown key', async () => {
        const res = await get('/api/v1/items/NOPE-404');
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ code: 'TM_NOT_FOUND', instance: '/api/v1/items/NOPE-404' });
      });
    });

    describe('PATCH /api/v1/items/{key}', () => {
      it('needs If-Match (428) and refuses a stale ETag (412), writing nothing', async () => {
        const before = roadmap();
        const missing = await h.request({
          method: 'PATCH',
          url: '/api/v1/items/MH-002',
          token: member,
          body: { status: 'done' },
        });
        expect(missing.statusCode).toBe(428);
        expect(missing.json().code).toBe('TM_PRECONDITION_REQUIRED');
        const stale = await h.request({
          method: 'PATCH',
          url: '/api/v1/items/MH-002',
          token: member,
          body: { status: 'done' },
          headers: { 'if-match': '"0000"' },
        });
        expect(stale.statusCode).toBe(412);
        expect(roadmap()).toBe(before);
      });

      it('writes a status change back to the plan by the smallest edit and returns the new ETag', async () => {
        const { etag } = (await get('/api/v1/items/MH-002')).json();
        const before = roadmap();
        const res = await h.request({
          method: 'PATCH',
          url: '/api/v1/items/MH-002',
          token: member,
          body: { status: 'done' },
          headers: { 'if-match': etag },
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ key: 'MH-002', status: 'done', checkbox: 'x' });
        expect(res.headers.etag).not.toBe(etag);
        expect(roadmap()).toBe(before.replace('- [ ] MH-002', '- [x] MH-002'));
        // The store follows at once.
        const listed = (
          await get(`/api/v1/items?q=${encodeURIComponent('status:done file:ROADMAP')}`)
        ).json();
        expect(listed.items.map((i: { key: string }) => i.key)).toContain('MH-002');
      });

      it('refuses an edit computed from an item changed in the file since it was read (412), keeping the other change', async () => {
        const { etag } = (await get('/api/v1/items/MH-003')).json();
        writeFileSync(
          join(h.root, 'ROADMAP.md'),
          roadmap().replace('MH-003: Replace the cron host', 'MH-003: Replace the cron hosts'),
        );
        const res = await h.request({
          method: 'PATCH',
          url: '/api/v1/items/MH-003',
          token: member,
          body: { status: 'done' },
          headers: { 'if-match': etag },
        });
        expect(res.statusCode).toBe(412);
        expect(roadmap()).toContain('- [/] MH-003: Replace the cron hosts');
      });

      it('sets and removes attributes in the plan', async () => {
        const { etag } = (await get('/api/v1/items/MH-001')).json();
        const res = await h.request({
          method: 'PATCH',
          url: '/api/v1/items/MH-001',
          token: member,
          body: { attributes: { owner: null, due: '2026-02-01' } },
          headers: { 'if-match': etag },
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ owner: null, due: '2026-02-01' });
        expect(roadmap()).not.toContain('@dana');
      });

      it('answers an edit the item cannot take with 422', async () => {
        const res = await h.request({
          method: 'PATCH',
          url: '/api/v1/items/MH-001',
          token: member,
          body: { attributes: { status: 'sideways' } },
          headers: { 'if-match': '*' },
        });
        expect(res.statusCode).toBe(422);
        expect(res.json().code).toBe('TM_INVALID_EDIT');
      });
    });

    describe('POST /api/v1/items and DELETE /api/v1/items/{key}', () => {
      it('adds an item under a parent and removes it again', async () => {
        const res = await h.request({
          method: 'POST',
          url: '/api/v1/items',
          token: member,
          body: { project: 'ROADMAP.md', parent: 'MH-002', title: 'Check the restore' },
        });
        expect(res.statusCode).toBe(201);
        const item = res.json();
        expect(item).toMatchObject({ title: 'Check the restore', parent: 'MH-002', status: 'todo' });
        expect(res.headers.location).toContain(encodeURIComponent(item.key));
        expect(roadmap()).toContain('  - [ ] Check the restore');

        const del = await h.request({
          method: 'DELETE',
          url: `/api/v1/items/${encodeURIComponent(item.key)}`,
          token: member,
          headers: { 'if-match': item.etag },
        });
        expect(del.statusCode).toBe(204);
        expect(roadmap()).not.toContain('Check the restore');
        expect((await get(`/api/v1/items/${encodeURIComponent(item.key)}`)).statusCode).toBe(404);
      });

      it('adds an item at the end of a section', async () => {
        const res = await h.request({
          method: 'POST',
          url: '/api/v1/items',
          token: member,
          body: { project: 'docs/TODO.md', section: 'TODO', title: 'Fix the gate', status: 'doing' },
        });
        expect(res.statusCode).toBe(201);
        expect(readFileSync(join(h.root, 'docs/TODO.md'), 'utf8')).toContain('- [/] Fix the gate');
      });

      it('replays a POST with the same Idempotency-Key for the same caller instead of adding twice', async () => {
        const send = (title: string) =>
          h.request({
            method: 'POST',
            url: '/api/v1/items',
            token: member,
            body: { project: 'docs/TODO.md', section: 'TODO', title },
            headers: { 'idempotency-key': 'add-ladder-1' },
          });
        const first = await send('Borrow a ladder');
        const again = await send('Borrow a ladder');
        expect(first.statusCode).toBe(201);
        expect(again.statusCode).toBe(201);
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(again.json()).toEqual(first.json());
        const text = readFileSync(join(h.root, 'docs/TODO.md'), 'utf8');
        expect(text.match(/Borrow a ladder/g)).toHaveLength(1);
        const different = await send('Borrow two ladders');
        expect(different.statusCode).toBe(422);
        expect(different.json().code).toBe('TM_IDEMPOTENCY_MISMATCH');
      });
    });

    describe('projects', () => {
      it('lists the plans and shows one with its progress', async () => {
        const list = (await get('/api/v1/projects')).json();
        expect(list.projects.map((p: { path: string }) => p.path)).toEqual(['ROADMAP.md', 'docs/TODO.md']);
        const one = await get(`/api/v1/projects/${encodeURIComponent('docs/TODO.md')}`);
        expect(one.statusCode).toBe(200);
        expect(one.json().status.file).toBe('docs/TODO.md');
      });

      it('creates a project as a new markdown plan inside the workspace', async () => {
        const res = await h.request({
          method: 'POST',
          url: '/api/v1/projects',
          token: member,
          body: { path: 'plans/payments.plan.md', title: 'Payments' },
        });
        expect(res.statusCode).toBe(201);
        expect(readFileSync(join(h.root, 'plans/payments.plan.md'), 'utf8')).toBe('# Payments\n\n');
        const again = await h.request({
          method: 'POST',
          url: '/api/v1/projects',
          token: member,
          body: { path: 'plans/payments.plan.md', title: 'Payments' },
        });
        expect(again.statusCode).toBe(409);
      });
    });

    describe('auth', () => {
      it('rotates refresh tokens and revokes the family when a spent one is reused', async () => {
        const first = await h.login(OWNER.email, OWNER.password);
        const refresh = (t: string) =>
          h.request({ method: 'POST', url: '/api/v1/auth/refresh', body: { refreshToken: t } });
        const second = await refresh(first.refreshToken);
        expect(second.statusCode).toBe(200);
        const next = second.json();
        expect(next.refreshToken).not.toBe(first.refreshToken);
        expect((await get('/api/v1/me', next.accessToken)).statusCode).toBe(200);
        // The spent token comes back: someone copied it. Both it and its successor stop working.
        expect((await refresh(first.refreshToken)).statusCode).toBe(401);
        expect((await refresh(next.refreshToken)).statusCode).toBe(401);
      });

      it('signs out by revoking the refresh token', async () => {
        const s = await h.login(OWNER.email, OWNER.password);
        const out = await h.request({
          method: 'POST',
          url: '/api/v1/auth/logout',
          body: { refreshToken: s.refreshToken },
        });
        expect(out.statusCode).toBe(204);
        const again = await h.request({
          method: 'POST',
          url: '/api/v1/auth/refresh',
          body: { refreshToken: s.refreshToken },
        });
        expect(again.statusCode).toBe(401);
      });

      it('changes a password, ending other sessions, and only with the current one and a session', async () => {
        const { id } = await h.userWith('viewer', 'changer@example.com');
        expect(id).toBeTruthy();
        const s = await h.login('changer@example.com', 'member-password-123');
        const change = (token: string, currentPassword: string) =>
          h.request({
            method: 'POST',
            url: '/api/v1/me/password',
            token,
            body: { currentPassword, newPassword: 'a-brand-new-password' },
          });
        expect((await change(s.accessToken, 'not-my-password')).statusCode).toBe(401);
        const apiToken = (
          await h.request({
            method: 'POST',
            url: '/api/v1/tokens',
            token: s.accessToken,
            body: { name: 't', scopes: ['read'] },
          })
        ).json().token;
        expect((await change(apiToken, 'member-password-123')).statusCode).toBe(403);
        expect((await change(s.accessToken, 'member-password-123')).statusCode).toBe(204);
        expect(
          (
            await h.request({
              method: 'POST',
              url: '/api/v1/auth/refresh',
              body: { refreshToken: s.refreshToken },
            })
          ).statusCode,
        ).toBe(401);
        const old = await h.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          body: { email: 'changer@example.com', password: 'member-password-123' },
        });
        expect(old.statusCode).toBe(401);
        await h.login('changer@example.com', 'a-brand-new-password');
      });

      it('refuses registration without an invitation or setup token', async () => {
        const res = await h.request({
          method: 'POST',
          url: '/api/v1/auth/register',
          body: { email: 'walk-in@example.com', password: 'long-enough-password', name: 'Walk In' },
        });
        expect(res.statusCode).toBe(403);
      });

      it('uses API tokens as Bearer tokens, records their last use, and stops them when revoked', async () => {
        const created = await h.request({
          method: 'POST',
          url: '/api/v1/tokens',
          token: member,
          body: { name: 'ci', scopes: ['read'] },
        });
        expect(created.statusCode).toBe(201);
        const { token, id } = created.json();
        expect(token).toMatch(/^tmk_/);
        expect((await get('/api/v1/items?limit=1', token)).statusCode).toBe(200);
        const listed = (await get('/api/v1/tokens', member)).json().tokens;
        const mine = listed.find((t: { id: string }) => t.id === id);
        expect(mine.lastUsedAt).not.toBeNull();
        expect(JSON.stringify(listed)).not.toContain(token);
        expect(
          (await h.request({ method: 'DELETE', url: `/api/v1/tokens/${id}`, token: member })).statusCode,
        ).toBe(204);
        expect((await get('/api/v1/items?limit=1', token)).statusCode).toBe(401);
      });
    });

    describe('audit log and views', () => {
      it('records changes with who made them, for admins only', async () => {
        const res = await get('/api/v1/audit?limit=200', owner);
        expect(res.statusCode).toBe(200);
        const actions = res.json().entries.map((e: { action: string }) => e.action);
        expect(actions).toEqual(
          expect.arrayContaining([
            'user.bootstrap',
            'auth.login',
            'item.update',
            'item.create',
            'item.delete',
          ]),
        );
        expect((await get('/api/v1/audit', member)).statusCode).toBe(403);
      });

      it('saves, lists and deletes views', async () => {
        const put = await h.request({
          method: 'PUT',
          url: '/api/v1/views/urgent',
          token: member,
          body: { q: 'priority:P0 status:todo' },
        });
        expect(put.statusCode).toBe(200);
        expect((await get('/api/v1/views')).json().views.map((v: { name: string }) => v.name)).toContain(
          'urgent',
        );
        expect(
          (await h.request({ method: 'DELETE', url: '/api/v1/views/urgent', token: member })).statusCode,
        ).toBe(204);
        expect(
          (await h.request({ method: 'DELETE', url: '/api/v1/views/urgent', token: member })).statusCode,
        ).toBe(404);
      });
    });

    describe('probes, metrics and documents', () => {
      it('reports liveness, readiness with the database latency, and startup', async () => {
        expect((await h.request({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' });
        const ready = await h.request({ method: 'GET', url: '/health/ready' });
        expect(ready.statusCode).toBe(200);
        expect(ready.json().status).toMatch(/^(healthy|degraded)$/);
        expect(ready.json().checks.database).toMatchObject({ status: 'healthy' });
        expect(typeof ready.json().checks.database.latencyMs).toBe('number');
        expect((await h.request({ method: 'GET', url: '/health/startup' })).statusCode).toBe(200);
      });

      it('exposes request and business metrics in Prometheus format', async () => {
        const res = await h.request({ method: 'GET', url: '/metrics' });
        expect(res.headers['content-type']).toContain('text/plain');
        expect(res.body).toMatch(
          /taskmark_http_requests_total\{route="\/api\/v1\/items",method="GET",status="200"\} \d+/,
        );
        expect(res.body).toContain('taskmark_http_request_duration_seconds_bucket');
        expect(res.body).toContain('taskmark_http_requests_in_flight');
        expect(res.body).toMatch(/taskmark_items_completed_total [1-9]/);
        expect(res.body).toMatch(/taskmark_status_transitions_total\{from="todo",to="done"\} [1-9]/);
        expect(res.body).toMatch(/taskmark_open_items\{priority="/);
        if (backend.name === 'PostgreSQL')
          expect(res.body).toMatch(/taskmark_db_pool_connections\{state="total"\} [1-9]/);
        else expect(res.body).not.toMatch(/taskmark_db_pool_connections\{/);
      });

      it('serves the OpenAPI 3.1 document and the docs UI', async () => {
        const doc = (await h.request({ method: 'GET', url: '/openapi.json' })).json();
        expect(doc.openapi).toBe('3.1.0');
        expect(doc.paths['/api/v1/items/{key}'].patch.parameters).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ name: 'key', in: 'path' }),
            expect.objectContaining({ name: 'If-Match', in: 'header' }),
          ]),
        );
        expect(
          doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required,
        ).toEqual(['email', 'password']);
        const ui = await h.request({ method: 'GET', url: '/docs/' });
        expect(ui.statusCode).toBe(200);
        expect(ui.headers['content-type']).toContain('text/html');
      });
    });

    it('keeps the plan file the source of truth: an edit made on disk shows after a sync', async () => {
      writeFileSync(
        join(h.root, 'docs/TODO.md'),
        `${readFileSync(join(h.root, 'docs/TODO.md'), 'utf8')}- [ ] Sweep the yard\n`,
      );
      const sync = await h.request({ method: 'POST', url: '/api/v1/workspace/sync', token: member });
      expect(sync.json().changed).toEqual(['docs/TODO.md']);
      expect((await get(`/api/v1/items?q=${encodeURIComponent('sweep')}`)).json().items).toHaveLength(1);
      expect(ROADMAP).toContain('MH-001');
    });
  });
}

describe('conditional reads', () => {
  it('puts an ETag on every JSON read and answers a matching If-None-Match with 304', async () => {
    const h = await startHarness(sqliteBackend);
    try {
      const token = (await h.userWith('viewer')).token;
      for (const url of ['/api/v1/projects', '/api/v1/members', '/api/v1/views', '/api/v1/items/MH-001']) {
        const first = await h.request({ method: 'GET', url, token });
        expect(first.headers.etag, url).toBeTruthy();
        const again = await h.request({
          method: 'GET',
          url,
          token,
          headers: { 'if-none-match': String(first.headers.etag) },
        });
        expect(again.statusCode, url).toBe(304);
        expect(again.body).toBe('');
      }
      const stale = await h.request({
        method: 'GET',
        url: '/api/v1/projects',
        token,
        headers: { 'if-none-match': 'W/"other"' },
      });
      expect(stale.statusCode).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe('long path parameters', () => {
  it('looks up keys past the router default of 100 characters, and answers absurd ones with 414', async () => {
    const h = await startHarness(sqliteBackend);
    try {
      const token = (await h.userWith('member')).token;
      const long = await h.request({ method: 'GET', url: `/api/v1/items/${'k'.repeat(300)}`, token });
      expect(long.statusCode).toBe(404);
      expect(long.json().code).toBe('TM_NOT_FOUND');
      const tooLong = await h.request({ method: 'GET', url: `/api/v1/items/${'k'.repeat(1200)}`, token });
      expect(tooLong.statusCode).toBe(414);
      expect(tooLong.headers['content-type']).toContain('application/problem+json');
      expect(tooLong.json().code).toBe('TM_URI_TOO_LONG');
    } finally {
      await h.close();
    }
  });
});
