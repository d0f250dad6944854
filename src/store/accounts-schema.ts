/** The server's tables (migration 0003_server) as Kysely sees them. */
import type { Generated } from 'kysely';

export type AccountTables = {
  settings: { key: string; value: string };
  users: {
    id: string;
    email: string;
    name: string;
    password_hash: string;
    failed_logins: number;
    locked_until: string | null;
    created_at: string;
  };
  memberships: { workspace: string; user_id: string; role: string; created_at: string };
  refresh_tokens: {
    id: string;
    user_id: string;
    family: string;
    hash: string;
    expires_at: string;
    used_at: string | null;
    revoked_at: string | null;
  };
  api_tokens: {
    id: string;
    user_id: string;
    name: string;
    prefix: string;
    hash: string;
    /** JSON array of scopes. */
    scopes: string;
    expires_at: string | null;
    last_used_at: string | null;
    created_at: string;
    revoked_at: string | null;
  };
  idempotency_keys: {
    principal: string;
    key: string;
    request_hash: string;
    status: number | null;
    body: string | null;
    created_at: string;
  };
  audit_log: {
    id: Generated<number>;
    at: string;
    workspace: string;
    actor: string | null;
    action: string;
    target: string | null;
    /** JSON. */
    details: string;
    request_id: string | null;
  };
  rate_limits: { key: string; window_start: number; count: number };
};

/** The planning tables (migration 0004_planning). */
export type TeamTables = {
  sprints: {
    id: string;
    workspace: string;
    name: string;
    goal: string | null;
    starts_on: string;
    ends_on: string;
    state: string;
    created_at: string;
    closed_at: string | null;
  };
  sprint_items: { sprint_id: string; file: string; key: string; added_at: string };
  action_lists: {
    id: string;
    workspace: string;
    name: string;
    description: string | null;
    created_at: string;
    updated_at: string;
  };
  action_list_items: { list_id: string; position: number; file: string; key: string };
};

/** Webhooks and their deliveries (migration 0005_webhooks). */
export type WebhookTables = {
  webhooks: {
    id: string;
    workspace: string;
    url: string;
    /** JSON array. */
    events: string;
    secret: string;
    active: number;
    created_at: string;
    created_by: string | null;
  };
  webhook_deliveries: {
    id: Generated<number>;
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
  };
};
