/** What every route shares: the stores, the settings, the workspace, and the server's own services. */
import type { ResolvedConfig } from '../config/config.js';
import type { ServerConfig } from '../config/server.js';
import type { Plan } from '../core/model.js';
import type { AccountStore } from '../core/store/accounts.js';
import type { Store } from '../core/store/port.js';
import type { TeamStore } from '../core/store/team.js';
import type { WebhookStore } from '../core/store/webhooks.js';
import type { ImportResult, ImportSettings } from '../workspace/import.js';
import type { EventHub } from './events.js';
import type { Metrics } from './metrics.js';
import type { Webhooks } from './webhooks.js';

/** What the composition root hands to `buildServer`. */
export interface ServerDeps {
  readonly store: Store;
  readonly accounts: AccountStore;
  readonly team: TeamStore;
  readonly webhookStore: WebhookStore;
  readonly config: ServerConfig;
  /** The workspace the server serves: its root and plan discovery settings. */
  readonly workspace: ImportSettings & {
    readonly today: string | null;
    /** Lint settings from `.taskmark.yml` (defaults when absent). */
    readonly lint?: ResolvedConfig['lint'];
  };
  /** pino logger options (false: no logging, the default in tests). */
  readonly logger?: boolean | { readonly level?: string; readonly stream?: NodeJS.WritableStream };
  readonly now?: () => Date;
  /** The database pool's connections, for /metrics (null or absent: no pool, as with SQLite). */
  readonly poolStats?: () => { total: number; idle: number; waiting: number } | null;
}

export interface AppContext {
  readonly deps: ServerDeps;
  readonly store: Store;
  readonly accounts: AccountStore;
  readonly team: TeamStore;
  readonly webhooks: Webhooks;
  readonly config: ServerConfig;
  /** The workspace's id in memberships (one workspace per server). */
  readonly workspaceId: string;
  readonly jwtSecret: Uint8Array;
  readonly events: EventHub;
  readonly metrics: Metrics;
  now(): Date;
  /** YYYY-MM-DD: the configured date or today's. */
  today(): string;
  /** Imports the workspace's plans (serialised: one import at a time) and publishes new events. */
  sync(): Promise<ImportResult>;
  /** Records a plan the server has just written as its new revision (in the same queue) and publishes its events. */
  record(plan: Plan): Promise<void>;
  /** True once the first import and the bootstrap are done. */
  started: boolean;
}
