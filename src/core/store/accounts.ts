/**
 * The server's port: users, memberships, tokens, idempotency records, the audit log, rate-limit
 * counters and paged item reads. Declared in core as plain types; implemented in src/store for
 * SQLite and PostgreSQL over the same database as the Store, so several server instances on one
 * PostgreSQL share sessions, replays and rate limits.
 */
import type { QueryAst } from '../query/ast.js';
import type { ItemRecord, JsonValue } from './port.js';

export const ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  /** `scrypt$N$r$p$salt$hash` (base64url parts). */
  readonly passwordHash: string;
  readonly failedLogins: number;
  /** ISO time until which logins are refused, or null. */
  readonly lockedUntil: string | null;
  readonly createdAt: string;
}

export interface MembershipRecord {
  readonly workspace: string;
  readonly userId: string;
  readonly role: Role;
  readonly createdAt: string;
}

export interface RefreshTokenRecord {
  readonly id: string;
  readonly userId: string;
  /** Every token rotated from one login shares a family; reuse of a spent token revokes it. */
  readonly family: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
  readonly revokedAt: string | null;
}

export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  /** The first characters of the token, shown so a person can tell tokens apart. */
  readonly prefix: string;
  readonly scopes: readonly Scope[];
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface IdempotencyRecord {
  /** Whose request (user id), so one client cannot replay another's. */
  readonly principal: string;
  readonly key: string;
  /** SHA-256 of method, path and body: a key reused for a different request is refused. */
  readonly requestHash: string;
  /** Null while the first request is still running. */
  readonly status: number | null;
  readonly body: string | null;
  readonly createdAt: string;
}

export interface AuditRecord {
  readonly id: number;
  readonly at: string;
  readonly workspace: string;
  /** User id, or null for the system (bootstrap). */
  readonly actor: string | null;
  readonly action: string;
  readonly target: string | null;
  readonly details: JsonValue;
  readonly requestId: string | null;
}

export type AuditDraft = Omit<AuditRecord, 'id' | 'at'>;

export interface ItemPageRequest {
  readonly query: QueryAst;
  readonly today: string;
  /** Keyset position: items after this (file, position) in file then document order. */
  readonly after: { readonly file: string; readonly position: number } | null;
  readonly limit: number;
  /** Only items with an event recorded after this ISO time. */
  readonly changedSince: string | null;
}

export interface ItemPage {
  readonly items: readonly ItemRecord[];
  /** True when more items follow the page. */
  readonly more: boolean;
}

export interface AccountStore {
  /** Round trip to the database (health checks). */
  ping(): Promise<void>;
  getSetting(key: string): Promise<string | null>;
  /** Sets `key` unless it is set already; returns the value it holds (the first writer's wins). */
  initSetting(key: string, value: string): Promise<string>;
  /** Deletes `key`; false when it was not there (so of two deleters only one gets true). */
  deleteSetting(key: string): Promise<boolean>;

  countUsers(): Promise<number>;
  /** Creates a user; null when the e-mail is taken. */
  createUser(user: Omit<UserRecord, 'failedLogins' | 'lockedUntil'>): Promise<UserRecord | null>;
  getUser(id: string): Promise<UserRecord | null>;
  getUserByEmail(email: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  recordLogin(id: string, outcome: { failedLogins: number; lockedUntil: string | null }): Promise<void>;
  setPassword(id: string, passwordHash: string): Promise<void>;

  getMembership(workspace: string, userId: string): Promise<MembershipRecord | null>;
  listMemberships(workspace: string): Promise<MembershipRecord[]>;
  setMembership(workspace: string, userId: string, role: Role): Promise<MembershipRecord>;
  deleteMembership(workspace: string, userId: string): Promise<boolean>;

  createRefreshToken(token: RefreshTokenRecord & { hash: string }): Promise<void>;
  getRefreshToken(hash: string): Promise<RefreshTokenRecord | null>;
  /** Marks the token spent; false when it was spent already (someone else rotated it first). */
  spendRefreshToken(id: string, at: string): Promise<boolean>;
  revokeRefreshFamily(family: string, at: string): Promise<void>;
  revokeUserRefreshTokens(userId: string, at: string): Promise<void>;

  createApiToken(token: ApiTokenRecord & { hash: string }): Promise<void>;
  getApiTokenByHash(hash: string): Promise<ApiTokenRecord | null>;
  listApiTokens(userId?: string): Promise<ApiTokenRecord[]>;
  getApiToken(id: string): Promise<ApiTokenRecord | null>;
  revokeApiToken(id: string, at: string): Promise<boolean>;
  touchApiToken(id: string, at: string): Promise<void>;

  /** Claims `key` for a request; returns the existing record instead when there is one. */
  claimIdempotencyKey(record: IdempotencyRecord): Promise<IdempotencyRecord | null>;
  completeIdempotencyKey(principal: string, key: string, status: number, body: string): Promise<void>;
  releaseIdempotencyKey(principal: string, key: string): Promise<void>;
  /** Drops records created before `before` (ISO time). */
  expireIdempotencyKeys(before: string): Promise<number>;

  appendAudit(entry: AuditDraft): Promise<AuditRecord>;
  /** Newest first; `before` is an id for keyset paging. */
  listAudit(workspace: string, options: { before?: number; limit: number }): Promise<AuditRecord[]>;

  /** Counts a hit in the fixed window starting at `windowStart` (epoch seconds); returns the count so far. */
  hitRateLimit(key: string, windowStart: number): Promise<number>;
  /** Drops counters of windows before `windowStart`. */
  expireRateLimits(windowStart: number): Promise<void>;

  listItemsPage(request: ItemPageRequest): Promise<ItemPage>;
  /** The time of each item's latest event, for the items of a page. */
  itemUpdatedAt(items: readonly { file: string; key: string }[]): Promise<Map<string, string>>;
}
