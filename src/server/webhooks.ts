/**
 * Webhook delivery. Each new item event is queued once per matching webhook (the database's unique
 * key makes instances sharing PostgreSQL agree), then sent as a signed POST and retried with backoff.
 * Targets on private, loopback or link-local addresses are refused unless allowed, so a webhook cannot
 * be used to reach the server's own network; redirects are not followed, for the same reason.
 */
import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { ItemEvent } from '../core/store/port.js';
import type { DeliveryRecord, WebhookStore } from '../core/store/webhooks.js';

const MAX_ATTEMPTS = 5;
const BASE_RETRY_SECONDS = 10;
const TIMEOUT_MS = 5000;

/** True for addresses a webhook must not reach: private, loopback, link-local, unspecified, CGNAT. */
export function isPrivateAddress(address: string): boolean {
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.(\d+)$/i.exec(address);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const v6 = address.toLowerCase();
  return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export class Webhooks {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;

  constructor(
    private readonly store: WebhookStore,
    private readonly workspace: string,
    private readonly now: () => Date,
    private readonly allowPrivate: boolean,
    private readonly onError: (e: unknown) => void,
  ) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => void this.dispatch().catch(this.onError), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Queues a delivery of each event to each active webhook that wants it. */
  async enqueue(events: readonly ItemEvent[]): Promise<void> {
    const hooks = (await this.store.listWebhooks(this.workspace)).filter((h) => h.active);
    if (hooks.length === 0) return;
    const at = this.now().toISOString();
    for (const e of events)
      for (const h of hooks) {
        if (!h.events.includes('*') && !h.events.includes(e.type)) continue;
        const payload = JSON.stringify({ event: e.type, webhook: h.id, item: e });
        await this.store.enqueueDelivery({
          webhookId: h.id,
          eventId: e.id,
          eventType: e.type,
          createdAt: at,
          nextAttemptAt: at,
          payload,
        });
      }
  }

  /** Sends the deliveries that are due; returns how many were attempted. */
  dispatch(): Promise<number> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<number> {
    let n = 0;
    for (const d of await this.store.dueDeliveries(this.now().toISOString(), 50)) {
      if (!(await this.store.claimDelivery(d.id, this.now().toISOString()))) continue;
      n++;
      await this.attempt(d);
    }
    return n;
  }

  private async attempt(d: DeliveryRecord): Promise<void> {
    const hook = await this.store.getWebhook(this.workspace, d.webhookId);
    const attempts = d.attempts + 1;
    let status: number | null = null;
    let error: string | null = null;
    if (!hook) error = 'the webhook was deleted';
    else {
      try {
        await this.checkTarget(hook.url);
        const res = await fetch(hook.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'taskmark-webhooks',
            'x-taskmark-event': d.eventType,
            'x-taskmark-delivery': String(d.id),
            'x-taskmark-signature': signature(hook.secret, d.payload),
          },
          body: d.payload,
        });
        status = res.status;
        await res.body?.cancel();
        if (status < 200 || status >= 300) error = `the endpoint answered ${status}`;
      } catch (e) {
        error = (e as Error).message;
      }
    }
    const delivered = error === null;
    const giveUp = !delivered && (attempts >= MAX_ATTEMPTS || !hook);
    const retryIn = BASE_RETRY_SECONDS * 2 ** (attempts - 1);
    await this.store.finishDelivery(d.id, {
      state: delivered ? 'delivered' : giveUp ? 'failed' : 'pending',
      attempts,
      responseStatus: status,
      error,
      nextAttemptAt: new Date(
        this.now().getTime() + (delivered || giveUp ? 0 : retryIn * 1000),
      ).toISOString(),
    });
  }

  private async checkTarget(url: string): Promise<void> {
    if (this.allowPrivate) return;
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
    if (addresses.some(isPrivateAddress))
      throw new Error(
        `refused: ${host} resolves to a private address (set TASKMARK_WEBHOOK_ALLOW_PRIVATE=1 to allow)`,
      );
  }
}
