/** Sprints (burndown, velocity, carry-over) and action lists, on SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, dropSchemas, type Harness, startHarness } from './harness.js';

afterAll(() => dropSchemas());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

for (const backend of await backends('server sprints and lists')) {
  describe(`sprints and action lists on ${backend.name}`, () => {
    let h: Harness;
    let token: string;
    beforeAll(async () => {
      h = await startHarness(backend, { today: null });
      token = (await h.userWith('member')).token;
    });
    afterAll(() => h.close());

    const call = (
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) =>
      h.request({
        method,
        url,
        token,
        ...(body !== undefined ? { body } : {}),
        ...(headers ? { headers } : {}),
      });

    it('tracks a sprint from its items and events, and carries open items over when it closes', async () => {
      const s1 = (
        await call('POST', '/api/v1/sprints', { name: 'Sprint 1', startsOn: day(-1), endsOn: day(1) })
      ).json();
      const s2 = (
        await call('POST', '/api/v1/sprints', { name: 'Sprint 2', startsOn: day(2), endsOn: day(15) })
      ).json();
      const items = [
        { project: 'ROADMAP.md', key: 'MH-001' },
        { project: 'ROADMAP.md', key: 'mh-002' },
        { project: 'docs/TODO.md', key: 'todo/buy-gutters' },
      ];
      expect((await call('POST', `/api/v1/sprints/${s1.id}/items`, { items })).json()).toEqual({ added: 3 });
      expect((await call('POST', `/api/v1/sprints/${s1.id}/items`, { items })).json()).toEqual({ added: 0 });
      expect(
        (
          await call('POST', `/api/v1/sprints/${s1.id}/items`, {
            items: [{ project: 'ROADMAP.md', key: 'NOPE' }],
          })
        ).statusCode,
      ).toBe(404);

      const patch = await call('PATCH', '/api/v1/items/MH-002', { status: 'done' }, { 'if-match': '*' });
      expect(patch.statusCode).toBe(200);

      const detail = (await call('GET', `/api/v1/sprints/${s1.id}`)).json();
      expect(detail.progress).toEqual({ total: 3, closed: 1, open: 2 });
      expect(detail.burndown.map((p: { date: string; remaining: number }) => [p.date, p.remaining])).toEqual([
        [day(-1), 3],
        [day(0), 2],
      ]);
      expect(detail.items.find((i: { key: string }) => i.key === 'MH-002').closedAt).not.toBeNull();

      const velocity = (await call('GET', '/api/v1/sprints/velocity')).json().sprints;
      expect(velocity.map((v: { name: string; items: number }) => [v.name, v.items])).toEqual([
        ['Sprint 1', 1],
        ['Sprint 2', 0],
      ]);

      const closed = await call('POST', `/api/v1/sprints/${s1.id}/close`, { carryOverTo: s2.id });
      expect(closed.statusCode).toBe(200);
      expect(closed.json().completed).toBe(1);
      expect(closed.json().carriedOver).toEqual([
        { project: 'ROADMAP.md', key: 'MH-001' },
        { project: 'docs/TODO.md', key: 'todo/buy-gutters' },
      ]);
      expect(closed.json().sprint.state).toBe('closed');
      const next = (await call('GET', `/api/v1/sprints/${s2.id}`)).json();
      expect(next.items.map((i: { key: string }) => i.key)).toEqual(['MH-001', 'todo/buy-gutters']);
      expect((await call('POST', `/api/v1/sprints/${s1.id}/close`, {})).statusCode).toBe(409);
      expect((await call('POST', `/api/v1/sprints/${s1.id}/items`, { items })).statusCode).toBe(409);
    });

    it('edits a sprint under its ETag and checks its dates', async () => {
      const s = (
        await call('POST', '/api/v1/sprints', { name: 'Sprint 3', startsOn: day(20), endsOn: day(30) })
      ).json();
      expect((await call('PATCH', `/api/v1/sprints/${s.id}`, { goal: 'Ship it' })).statusCode).toBe(428);
      expect(
        (await call('PATCH', `/api/v1/sprints/${s.id}`, { goal: 'Ship it' }, { 'if-match': '"old"' }))
          .statusCode,
      ).toBe(412);
      const ok = await call('PATCH', `/api/v1/sprints/${s.id}`, { goal: 'Ship it' }, { 'if-match': s.etag });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ goal: 'Ship it', name: 'Sprint 3' });
      expect(
        (await call('PATCH', `/api/v1/sprints/${s.id}`, { endsOn: day(10) }, { 'if-match': '*' })).statusCode,
      ).toBe(400);
      expect(
        (await call('POST', '/api/v1/sprints', { name: 'Bad', startsOn: day(5), endsOn: day(1) })).statusCode,
      ).toBe(400);
    });

    it('keeps named, ordered action lists across projects', async () => {
      const created = await call('POST', '/api/v1/lists', {
        name: 'Release blockers',
        items: [
          { project: 'docs/TODO.md', key: 'todo/paint-the-shed' },
          { project: 'ROADMAP.md', key: 'MH-003' },
        ],
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().items.map((i: { key: string }) => i.key)).toEqual([
        'todo/paint-the-shed',
        'MH-003',
      ]);
      expect((await call('POST', '/api/v1/lists', { name: 'Release blockers' })).statusCode).toBe(409);
      const reordered = await call('PUT', '/api/v1/lists/Release%20blockers/items', {
        items: [
          { project: 'ROADMAP.md', key: 'MH-003' },
          { project: 'docs/TODO.md', key: 'todo/paint-the-shed' },
          { project: 'ROADMAP.md', key: 'MH-003' },
        ],
      });
      expect(reordered.json().items.map((i: { key: string }) => i.key)).toEqual([
        'MH-003',
        'todo/paint-the-shed',
      ]);
      expect(reordered.json().items[0].item.title).toBe('Replace the cron host');
      expect(
        (
          await call('PUT', '/api/v1/lists/Release%20blockers/items', {
            items: [{ project: 'x.md', key: 'y' }],
          })
        ).statusCode,
      ).toBe(404);
      expect((await call('GET', '/api/v1/lists')).json().lists.map((l: { name: string }) => l.name)).toEqual([
        'Release blockers',
      ]);
      expect((await call('DELETE', '/api/v1/lists/Release%20blockers')).statusCode).toBe(204);
      expect((await call('GET', '/api/v1/lists/Release%20blockers')).statusCode).toBe(404);
    });
  });
}
