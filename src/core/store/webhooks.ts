/** The server's webhook port: subscriptions and the log of every delivery attempt. */

export interface WebhookRecord {
  readonly id: string;
  readonly workspace: string;
  readonly url: string;
  /** Item event types to send, or ['*'] for all. */
  readonly events: readonly string[];
  /** HMAC-SHA256 key for the X-Taskmark-Signature header (kept, since every delivery is signed with it). */
  readonly secret: string;
  readonly active: boolean;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

export type DeliveryState = 'pending' | 'sending' | 'delivered' | 'failed';

export interface DeliveryRecord {
  readonly id: number;
  readonly webhookId: string;
  readonly eventId: number;
  readonly eventType: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly responseStatus: number | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly lastAttemptAt: string | null;
  readonly nextAttemptAt: string;
  /** The JSON body sent. */
  readonly payload: string;
}

export interface WebhookStore {
  createWebhook(hook: WebhookRecord): Promise<void>;
  listWebhooks(workspace: string): Promise<WebhookRecord[]>;
  getWebhook(workspace: string, id: string): Promise<WebhookRecord | null>;
  deleteWebhook(workspace: string, id: string): Promise<boolean>;
  /** Queues a delivery; a (webhook, event) pair is queued once, whichever instance sees the event first. */
  enqueueDelivery(
    d: Omit<DeliveryRecord, 'id' | 'state' | 'attempts' | 'responseStatus' | 'error' | 'lastAttemptAt'>,
  ): Promise<boolean>;
  /** Deliveries due at `now`, oldest first. */
  dueDeliveries(now: string, limit: number): Promise<DeliveryRecord[]>;
  /** Takes a pending delivery for sending; false when another instance took it first. */
  claimDelivery(id: number, now: string): Promise<boolean>;
  finishDelivery(
    id: number,
    outcome: {
      state: DeliveryState;
      attempts: number;
      responseStatus: number | null;
      error: string | null;
      nextAttemptAt: string;
    },
  ): Promise<void>;
  listDeliveries(webhookId: string, options: { before?: number; limit: number }): Promise<DeliveryRecord[]>;
}
