/** Webhooks end to end: a real receiver on loopback, signed deliveries, retries and the delivery log. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signature } from '../../src/server/webhooks.js';
import { backends, dropSchemas, type Harness, sqliteBackend, startHarness } from './harness.js';

afterAll(() => dropSchemas());

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

async function receiver(
  answer: () => number,
): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer();
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

for (const backend of await backends('server webhooks')) {
  describe(`webhooks on ${backend.name}`, () => {
    let clock = Date.now();
    let h: Harness;
    let owner: string;
    let status = 200;
    let target: Awaited<ReturnType<typeof receiver>>;
    beforeAll(async () => {
      target = await receiver(() => status);
      h = await startHarness(backend, { now: () => new Date(clock), today: null });
      owner = (await h.userWith('owner')).token;
    });
    afterAll(async () => {
      await h.close();
      target.server.close();
    });

    const deliveries = async (id: string) =>
      (await h.request({ method: 'GET', url: `/api/v1/webhooks/${id}/deliveries`, token: owner })).json()
        .deliveries;

    it('delivers a signed POST for each matching event and logs it', async () => {
      const created = await h.request({
        method: 'POST',
        url: '/api/v1/webhooks',
        token: owner,
        body: { url: target.url, events: ['status_changed'] },
      });
      expect(created.statusCode).toBe(201);
      const hook = created.json();
      expect(hook.secret).toMatch(/^whsec_/);
      const listed = (await h.request({ method: 'GET', url: '/api/v1/webhooks', token: owner })).json()
        .webhooks;
      expect(JSON.stringify(listed)).not.toContain(hook.secret);

      await h.request({
        method: 'PATCH',
        url: '/api/v1/items/MH-002',
        token: owner,
        body: { status: 'done' },
        headers: { 'if-match': '*' },
      });
      await h.request({
        method: 'POST',
        url: '/api/v1/items',
        token: owner,
        body: { project: 'ROADMAP.md', section: 'Later', title: 'Not a status change' },
      });
      expect(await h.ctx.webhooks.dispatch()).toBe(1);

      expect(target.received).toHaveLength(1);
      const [got] = target.received;
      expect(got!.headers['x-taskmark-event']).toBe('status_changed');
      expect(got!.headers['x-taskmark-signature']).toBe(signature(hook.secret, got!.body));
      expect(JSON.parse(got!.body)).toMatchObject({
        event: 'status_changed',
        item: { key: 'MH-002', from: 'todo', to: 'done' },
      });
      const log = await deliveries(hook.id);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ state: 'delivered', attempts: 1, responseStatus: 200, error: null });
      // Sent once: a second run has nothing due.
      expect(await h.ctx.webhooks.dispatch()).toBe(0);
    });

    it('retries a failing endpoint with backoff, then succeeds', async () => {
      const hook = (
        await h.request({ method: 'POST', url: '/api/v1/webhooks', token: owner, body: { url: target.url } })
      ).json();
      status = 503;
      await h.request({
        method: 'PATCH',
        url: '/api/v1/items/MH-003',
        token: owner,
        body: { status: 'done' },
        headers: { 'if-match': '*' },
      });
      await h.ctx.webhooks.dispatch();
      let log = (await deliveries(hook.id)).find(
        (d: { eventType: string }) => d.eventType === 'status_changed',
      );
      expect(log).toMatchObject({ state: 'pending', attempts: 1, responseStatus: 503 });
      expect(Date.parse(log.nextAttemptAt) - clock).toBe(10_000);
      expect(await h.ctx.webhooks.dispatch()).toBe(0);
      status = 200;
      clock += 11_000;
      await h.ctx.webhooks.dispatch();
      log = (await deliveries(hook.id)).find((d: { eventType: string }) => d.eventType === 'status_changed');
      expect(log).toMatchObject({ state: 'delivered', attempts: 2, responseStatus: 200 });
    });
  });
}

describe('webhooks to private addresses', () => {
  let h: Harness;
  let owner: string;
  beforeAll(async () => {
    h = await startHarness(sqliteBackend, { config: { webhookAllowPrivate: false } });
    owner = (await h.userWith('owner')).token;
  });
  afterAll(() => h.close());

  it('are refused at delivery, with the reason in the log', async () => {
    const hook = (
      await h.request({
        method: 'POST',
        url: '/api/v1/webhooks',
        token: owner,
        body: { url: 'http://127.0.0.1:9/metadata' },
      })
    ).json();
    await h.request({
      method: 'PATCH',
      url: '/api/v1/items/MH-002',
      token: owner,
      body: { status: 'done' },
      headers: { 'if-match': '*' },
    });
    await h.ctx.webhooks.dispatch();
    const log = (
      await h.request({ method: 'GET', url: `/api/v1/webhooks/${hook.id}/deliveries`, token: owner })
    ).json().deliveries;
    expect(log[0].error).toContain('private address');
    expect(log[0].responseStatus).toBeNull();
  });

  it('refuses URLs that are not http(s) or carry credentials', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.com/x',
      'https://user:pw@example.com/x',
      'javascript:alert(1)',
    ])
      expect(
        (await h.request({ method: 'POST', url: '/api/v1/webhooks', token: owner, body: { url } }))
          .statusCode,
        url,
      ).toBe(400);
  });
});
