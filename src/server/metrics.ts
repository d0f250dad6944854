/** Prometheus metrics: HTTP traffic, and business metrics from the item events and the store. */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ItemEvent, Store } from '../core/store/port.js';

export interface Metrics {
  readonly registry: Registry;
  readonly requests: Counter<'route' | 'method' | 'status'>;
  readonly duration: Histogram<'route' | 'method' | 'status'>;
  readonly inFlight: Gauge;
  /** Counts what the events say: items created, completed, status transitions. */
  recordEvents(events: readonly ItemEvent[]): void;
}

/** A registry of this server's own (tests build several servers in one process). */
export function createMetrics(
  store: Store,
  poolStats: () => { total: number; idle: number; waiting: number } | null = () => null,
): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'taskmark_process_' });
  const requests = new Counter({
    name: 'taskmark_http_requests_total',
    help: 'HTTP requests by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'taskmark_http_request_duration_seconds',
    help: 'HTTP request duration by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'taskmark_http_requests_in_flight',
    help: 'HTTP requests being served',
    registers: [registry],
  });
  const created = new Counter({
    name: 'taskmark_items_created_total',
    help: 'Items created (from recorded item events)',
    registers: [registry],
  });
  const completed = new Counter({
    name: 'taskmark_items_completed_total',
    help: 'Items whose status became done',
    registers: [registry],
  });
  const transitions = new Counter({
    name: 'taskmark_status_transitions_total',
    help: 'Status changes by from and to status',
    labelNames: ['from', 'to'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'taskmark_db_pool_connections',
    help: 'Database pool connections by state (total, idle, waiting); absent with SQLite',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const s = poolStats();
      this.reset();
      if (s) for (const state of ['total', 'idle', 'waiting'] as const) this.set({ state }, s[state]);
    },
  });
  new Gauge({
    name: 'taskmark_open_items',
    help: 'Open items (todo, doing, blocked) by priority rank',
    labelNames: ['priority'] as const,
    registers: [registry],
    async collect() {
      const result = await store.search({
        query: {
          terms: [{ field: 'status', op: '=', values: ['todo', 'doing', 'blocked'], negated: false }],
        },
        today: new Date().toISOString().slice(0, 10),
        limit: 0,
        facets: ['priority'],
      });
      this.reset();
      for (const f of result.facets.priority ?? []) this.set({ priority: f.value ?? 'none' }, f.count);
    },
  });
  return {
    registry,
    requests,
    duration,
    inFlight,
    recordEvents(events) {
      for (const e of events) {
        if (e.type === 'created') created.inc();
        if (e.type === 'status_changed') {
          transitions.inc({ from: String(e.from), to: String(e.to) });
          if (e.to === 'done') completed.inc();
        }
      }
    },
  };
}
