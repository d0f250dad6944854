/**
 * Item events to listeners of /api/v1/events. Each instance polls the store for events after the
 * last one it saw, so with PostgreSQL every instance streams what any of them (or an import) wrote.
 */
import type { ItemEvent, Store } from '../core/store/port.js';

export type Listener = (event: ItemEvent) => void;

export class EventHub {
  private lastId = 0;
  private readonly listeners = new Set<Listener>();
  private polling: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly onEvents: (events: readonly ItemEvent[]) => Promise<void>,
  ) {}

  /** Starts after the newest event already recorded (listeners replay older ones with Last-Event-ID). */
  async start(pollMs: number): Promise<void> {
    const all = await this.store.listEvents({});
    this.lastId = all.length > 0 ? all[all.length - 1]!.id : 0;
    if (pollMs > 0) {
      this.timer = setInterval(() => void this.poll().catch(() => {}), pollMs);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.listeners.clear();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  /** Publishes events recorded since the last poll; concurrent calls share one round trip. */
  poll(): Promise<void> {
    this.polling ??= (async () => {
      try {
        for (;;) {
          const batch = await this.store.listEvents({ after: this.lastId, limit: 500 });
          if (batch.length === 0) return;
          this.lastId = batch[batch.length - 1]!.id;
          await this.onEvents(batch);
          for (const e of batch) for (const l of this.listeners) l(e);
        }
      } finally {
        this.polling = null;
      }
    })();
    return this.polling;
  }
}
