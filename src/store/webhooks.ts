/** The WebhookStore port over Kysely, on the Store's connection. */
import type { Kysely } from 'kysely';
import type { DeliveryRecord, DeliveryState, WebhookRecord, WebhookStore } from '../core/store/webhooks.js';
import type { WebhookTables } from './accounts-schema.js';
import type { Database } from './schema.js';

type Db = Kysely<Database & WebhookTables>;

export class KyselyWebhookStore implements WebhookStore {
  private readonly db: Db;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<WebhookTables>();
  }

  async createWebhook(h: WebhookRecord): Promise<void> {
    await this.db
      .insertInto('webhooks')
      .values({
        id: h.id,
        workspace: h.workspace,
        url: h.url,
        events: JSON.stringify(h.events),
        secret: h.secret,
        active: h.active ? 1 : 0,
        created_at: h.createdAt,
        created_by: h.createdBy,
      })
      .execute();
  }

  async listWebhooks(workspace: string): Promise<WebhookRecord[]> {
    const rows = await this.db
      .selectFrom('webhooks')
      .selectAll()
      .where('workspace', '=', workspace)
      .orderBy('created_at')
      .execute();
    return rows.map(hookRecord);
  }

  async getWebhook(workspace: string, id: string): Promise<WebhookRecord | null> {
    const row = await this.db
      .selectFrom('webhooks')
      .selectAll()
      .where('workspace', '=', workspace)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? hookRecord(row) : null;
  }

  async deleteWebhook(workspace: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('webhooks')
      .where('workspace', '=', workspace)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async enqueueDelivery(
    d: Omit<DeliveryRecord, 'id' | 'state' | 'attempts' | 'responseStatus' | 'error' | 'lastAttemptAt'>,
  ): Promise<boolean> {
    const rows = await this.db
      .insertInto('webhook_deliveries')
      .values({
        webhook_id: d.webhookId,
        event_id: d.eventId,
        event_type: d.eventType,
        state: 'pending',
        attempts: 0,
        response_status: null,
        error: null,
        created_at: d.createdAt,
        last_attempt_at: null,
        next_attempt_at: d.nextAttemptAt,
        payload: d.payload,
      })
      .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
      .returning('id')
      .execute();
    return rows.length > 0;
  }

  async dueDeliveries(now: string, limit: number): Promise<DeliveryRecord[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(deliveryRecord);
  }

  async claimDelivery(id: number, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('webhook_deliveries')
      .set({ state: 'sending', last_attempt_at: now })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async finishDelivery(
    id: number,
    o: {
      state: DeliveryState;
      attempts: number;
      responseStatus: number | null;
      error: string | null;
      nextAttemptAt: string;
    },
  ): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({
        state: o.state,
        attempts: o.attempts,
        response_status: o.responseStatus,
        error: o.error,
        next_attempt_at: o.nextAttemptAt,
      })
      .where('id', '=', id)
      .execute();
  }

  async listDeliveries(
    webhookId: string,
    options: { before?: number; limit: number },
  ): Promise<DeliveryRecord[]> {
    let q = this.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId);
    if (options.before !== undefined) q = q.where('id', '<', options.before);
    return (await q.orderBy('id', 'desc').limit(options.limit).execute()).map(deliveryRecord);
  }
}

function hookRecord(r: WebhookTables['webhooks']): WebhookRecord {
  return {
    id: r.id,
    workspace: r.workspace,
    url: r.url,
    events: JSON.parse(r.events) as string[],
    secret: r.secret,
    active: Number(r.active) === 1,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

function deliveryRecord(r: {
  id: number;
  webhook_id: string;
  event_id: number;
  event_type: string;
  state: string;
  attempts: number;
  response_status: number | null;
  error: string | null;
  created_at: string;
  last_attempt_at: string | null;
  next_attempt_at: string;
  payload: string;
}): DeliveryRecord {
  return {
    id: Number(r.id),
    webhookId: r.webhook_id,
    eventId: Number(r.event_id),
    eventType: r.event_type,
    state: r.state as DeliveryState,
    attempts: Number(r.attempts),
    responseStatus: r.response_status === null ? null : Number(r.response_status),
    error: r.error,
    createdAt: r.created_at,
    lastAttemptAt: r.last_attempt_at,
    nextAttemptAt: r.next_attempt_at,
    payload: r.payload,
  };
}
