/**
 * Readiness: the database (round trip within 5 s, with its latency), free disk space where the plans
 * live, and heap use, each healthy, degraded or unhealthy; the worst decides. Results are cached for
 * 10 s so a busy load balancer does not load the database.
 */
import { statfs } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import type { AccountStore } from '../core/store/accounts.js';

export type HealthState = 'healthy' | 'degraded' | 'unhealthy';

export interface Check {
  readonly status: HealthState;
  readonly latencyMs?: number;
  readonly detail: string;
}

export interface Readiness {
  readonly status: HealthState;
  readonly checkedAt: string;
  readonly checks: { readonly database: Check; readonly disk: Check; readonly memory: Check };
}

const DB_TIMEOUT_MS = 5000;
const DB_SLOW_MS = 1000;
const CACHE_MS = 10_000;
const RANK: Record<HealthState, number> = { healthy: 0, degraded: 1, unhealthy: 2 };

export class HealthChecker {
  private cached: { at: number; value: Promise<Readiness> } | null = null;

  constructor(
    private readonly accounts: AccountStore,
    private readonly root: string,
    private readonly now: () => Date,
  ) {}

  readiness(): Promise<Readiness> {
    const t = this.now().getTime();
    if (this.cached && t - this.cached.at < CACHE_MS) return this.cached.value;
    const value = this.check();
    this.cached = { at: t, value };
    return value;
  }

  private async check(): Promise<Readiness> {
    const [database, disk] = await Promise.all([this.database(), this.disk()]);
    const memory = this.memory();
    const worst = [database, disk, memory].reduce((a, c) => (RANK[c.status] > RANK[a.status] ? c : a));
    return { status: worst.status, checkedAt: this.now().toISOString(), checks: { database, disk, memory } };
  }

  private async database(): Promise<Check> {
    const start = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.accounts.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS);
        }),
      ]);
      const latencyMs = Math.round((performance.now() - start) * 100) / 100;
      return latencyMs > DB_SLOW_MS
        ? { status: 'degraded', latencyMs, detail: `slow: ${latencyMs} ms` }
        : { status: 'healthy', latencyMs, detail: 'ok' };
    } catch (e) {
      return {
        status: 'unhealthy',
        latencyMs: Math.round(performance.now() - start),
        detail: `database unreachable: ${(e as Error).message}`,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  private async disk(): Promise<Check> {
    try {
      const s = await statfs(this.root);
      const free = s.bavail / s.blocks;
      const pct = `${Math.round(free * 1000) / 10}% free`;
      if (free < 0.02) return { status: 'unhealthy', detail: pct };
      if (free < 0.1) return { status: 'degraded', detail: pct };
      return { status: 'healthy', detail: pct };
    } catch (e) {
      return { status: 'unhealthy', detail: `cannot stat the workspace: ${(e as Error).message}` };
    }
  }

  private memory(): Check {
    const h = getHeapStatistics();
    const used = h.used_heap_size / h.heap_size_limit;
    const pct = `heap ${Math.round(used * 1000) / 10}% of its limit`;
    if (used > 0.95) return { status: 'unhealthy', detail: pct };
    if (used > 0.85) return { status: 'degraded', detail: pct };
    return { status: 'healthy', detail: pct };
  }
}
