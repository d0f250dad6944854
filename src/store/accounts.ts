/**
 * The AccountStore port over Kysely, sharing the Store's connection. Statements are the same on
 * both backends (upserts via ON CONFLICT, RETURNING), so instances on one PostgreSQL share state.
 */
import { type Kysely, type SqlBool, sql } from 'kysely';
import { TmError } from '../core/errors.js';
import { queryAstSchema } from '../core/query/ast.js';
import type {
  AccountStore,
  ApiTokenRecord,
  AuditDraft,
  AuditRecord,
  IdempotencyRecord,
  ItemPage,
  ItemPageRequest,
  MembershipRecord,
  RefreshTokenRecord,
  Role,
  Scope,
  UserRecord,
} from '../core/store/accounts.js';
import type { JsonValue } from '../core/store/port.js';
import type { AccountTables } from './accounts-schema.js';
import { itemRecord } from './rows.js';
import type { Database } from './schema.js';
import { and, compileQuery, whereAll } from './search/compile.js';
import { hasCoOwners, ITEM_COLUMNS, type SearchBackend } from './search/run.js';

type Db = Kysely<Database & AccountTables>;
type ItemRow = Parameters<typeof itemRecord>[0];

const MAX_PAGE = 1000;

export class KyselyAccountStore implements AccountStore {
  private readonly db: Db;

  constructor(
    db: Kysely<Database>,
    private readonly search: SearchBackend,
  ) {
    this.db = db.withTables<AccountTables>();
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async getSetting(key: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value ?? null;
  }

  async initSetting(key: string, value: string): Promise<string> {
    await this.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return (await this.getSetting(key))!;
  }

  async deleteSetting(key: string): Promise<boolean> {
    const r = await this.db.deleteFrom('settings').where('key', '=', key).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async createUser(user: Omit<UserRecord, 'failedLogins' | 'lockedUntil'>): Promise<UserRecord | null> {
    const rows = await this.db
      .insertInto('users')
      .values({
        id: user.id,
        email: user.email,
        name: user.name,
        password_hash: user.passwordHash,
        failed_logins: 0,
        locked_until: null,
        created_at: user.createdAt,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returningAll()
      .execute();
    return rows[0] ? userRecord(rows[0]) : null;
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? userRecord(row) : null;
  }

  async getUserByEmail(email: string): Promise<UserRecord | null> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? userRecord(row) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').execute()).map(
      userRecord,
    );
  }

  async recordLogin(
    id: string,
    outcome: { failedLogins: number; lockedUntil: string | null },
  ): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ failed_logins: outcome.failedLogins, locked_until: outcome.lockedUntil })
      .where('id', '=', id)
      .execute();
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null })
      .where('id', '=', id)
      .execute();
  }

  async getMembership(workspace: string, userId: string): Promise<MembershipRecord | null> {
    const row = await this.db
      .selectFrom('memberships')
      .selectAll()
      .where('workspace', '=', workspace)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? membershipRecord(row) : null;
  }

  async listMemberships(workspace: string): Promise<MembershipRecord[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .selectAll()
      .where('workspace', '=', workspace)
      .orderBy('created_at')
      .orderBy('user_id')
      .execute();
    return rows.map(membershipRecord);
  }

  async setMembership(workspace: string, userId: string, role: Role): Promise<MembershipRecord> {
    const createdAt = new Date().toISOString();
    await this.db
      .insertInto('memberships')
      .values({ workspace, user_id: userId, role, created_at: createdAt })
      .onConflict((oc) => oc.columns(['workspace', 'user_id']).doUpdateSet({ role }))
      .execute();
    return (await this.getMembership(workspace, userId))!;
  }

  async deleteMembership(workspace: string, userId: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('memberships')
      .where('workspace', '=', workspace)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async createRefreshToken(t: RefreshTokenRecord & { hash: string }): Promise<void> {
    await this.db
      .insertInto('refresh_tokens')
      .values({
        id: t.id,
        user_id: t.userId,
        family: t.family,
        hash: t.hash,
        expires_at: t.expiresAt,
        used_at: t.usedAt,
        revoked_at: t.revokedAt,
      })
      .execute();
  }

  async getRefreshToken(hash: string): Promise<RefreshTokenRecord | null> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('hash', '=', hash)
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          userId: row.user_id,
          family: row.family,
          expiresAt: row.expires_at,
          usedAt: row.used_at,
          revokedAt: row.revoked_at,
        }
      : null;
  }

  async spendRefreshToken(id: string, at: string): Promise<boolean> {
    // One conditional update: of two requests racing with the same token, only one spends it.
    const r = await this.db
      .updateTable('refresh_tokens')
      .set({ used_at: at })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async revokeRefreshFamily(family: string, at: string): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: at })
      .where('family', '=', family)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async revokeUserRefreshTokens(userId: string, at: string): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async createApiToken(t: ApiTokenRecord & { hash: string }): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: t.id,
        user_id: t.userId,
        name: t.name,
        prefix: t.prefix,
        hash: t.hash,
        scopes: JSON.stringify(t.scopes),
        expires_at: t.expiresAt,
        last_used_at: t.lastUsedAt,
        created_at: t.createdAt,
        revoked_at: t.revokedAt,
      })
      .execute();
  }

  async getApiTokenByHash(hash: string): Promise<ApiTokenRecord | null> {
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('hash', '=', hash)
      .executeTakeFirst();
    return row ? apiTokenRecord(row) : null;
  }

  async getApiToken(id: string): Promise<ApiTokenRecord | null> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? apiTokenRecord(row) : null;
  }

  async listApiTokens(userId?: string): Promise<ApiTokenRecord[]> {
    let q = this.db.selectFrom('api_tokens').selectAll();
    if (userId !== undefined) q = q.where('user_id', '=', userId);
    return (await q.orderBy('created_at').orderBy('id').execute()).map(apiTokenRecord);
  }

  async revokeApiToken(id: string, at: string): Promise<boolean> {
    const r = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async touchApiToken(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async claimIdempotencyKey(record: IdempotencyRecord): Promise<IdempotencyRecord | null> {
    const inserted = await this.db
      .insertInto('idempotency_keys')
      .values({
        principal: record.principal,
        key: record.key,
        request_hash: record.requestHash,
        status: record.status,
        body: record.body,
        created_at: record.createdAt,
      })
      .onConflict((oc) => oc.columns(['principal', 'key']).doNothing())
      .returning('key')
      .execute();
    if (inserted.length > 0) return null;
    const row = await this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('principal', '=', record.principal)
      .where('key', '=', record.key)
      .executeTakeFirstOrThrow();
    return {
      principal: row.principal,
      key: row.key,
      requestHash: row.request_hash,
      status: row.status === null ? null : Number(row.status),
      body: row.body,
      createdAt: row.created_at,
    };
  }

  async completeIdempotencyKey(principal: string, key: string, status: number, body: string): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ status, body })
      .where('principal', '=', principal)
      .where('key', '=', key)
      .execute();
  }

  async releaseIdempotencyKey(principal: string, key: string): Promise<void> {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('principal', '=', principal)
      .where('key', '=', key)
      .execute();
  }

  async expireIdempotencyKeys(before: string): Promise<number> {
    const r = await this.db
      .deleteFrom('idempotency_keys')
      .where('created_at', '<', before)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async appendAudit(entry: AuditDraft): Promise<AuditRecord> {
    const at = new Date().toISOString();
    const row = await this.db
      .insertInto('audit_log')
      .values({
        at,
        workspace: entry.workspace,
        actor: entry.actor,
        action: entry.action,
        target: entry.target,
        details: JSON.stringify(entry.details),
        request_id: entry.requestId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...entry, id: Number(row.id), at };
  }

  async listAudit(workspace: string, options: { before?: number; limit: number }): Promise<AuditRecord[]> {
    let q = this.db.selectFrom('audit_log').selectAll().where('workspace', '=', workspace);
    if (options.before !== undefined) q = q.where('id', '<', options.before);
    const rows = await q.orderBy('id', 'desc').limit(options.limit).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      workspace: r.workspace,
      actor: r.actor,
      action: r.action,
      target: r.target,
      details: JSON.parse(r.details) as JsonValue,
      requestId: r.request_id,
    }));
  }

  async hitRateLimit(key: string, windowStart: number): Promise<number> {
    // One statement: a new window resets the count, so no instance reads a stale counter first.
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, window_start: windowStart, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql`case when rate_limits.window_start = ${windowStart} then rate_limits.count + 1 else 1 end`,
          window_start: windowStart,
        }),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async expireRateLimits(windowStart: number): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('window_start', '<', windowStart).execute();
  }

  async listItemsPage(request: ItemPageRequest): Promise<ItemPage> {
    const parsed = queryAstSchema.safeParse(request.query);
    if (!parsed.success) throw new TmError('TM_BAD_INPUT', 'The filter is not a valid query.');
    const coOwners = parsed.data.terms.some((t) => t.field === 'owner') && (await hasCoOwners(this.db));
    const q = compileQuery(parsed.data, request.today, this.search, coOwners);
    const conds = [whereAll(q, this.search)];
    if (request.after) {
      const f = this.search.fileOrder;
      conds.push(
        sql<SqlBool>`(${f} > ${request.after.file} or (i.file = ${request.after.file} and i.position > ${request.after.position}))`,
      );
    }
    if (request.changedSince !== null) {
      conds.push(sql<SqlBool>`exists (select 1 from events e join documents d on d.id = e.document_id
        where d.path = i.file and e.item_key = i.key and e.at > ${request.changedSince})`);
    }
    const limit = Math.min(Math.max(request.limit, 1), MAX_PAGE);
    const { rows } = await sql<ItemRow>`select ${ITEM_COLUMNS} from items i where ${and(conds)}
      order by ${this.search.fileOrder}, i.position limit ${limit + 1}`.execute(this.db);
    return { items: rows.slice(0, limit).map(itemRecord), more: rows.length > limit };
  }

  async itemUpdatedAt(items: readonly { file: string; key: string }[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (items.length === 0) return out;
    const files = [...new Set(items.map((i) => i.file))];
    const keys = [...new Set(items.map((i) => i.key))];
    // By the events index (document, key): only the page's items are looked at.
    const { rows } = await sql<{ path: string; item_key: string; at: string }>`
      select d.path, e.item_key, max(e.at) as at from events e join documents d on d.id = e.document_id
      where d.path in (${sql.join(files)}) and e.item_key in (${sql.join(keys)})
      group by d.path, e.item_key`.execute(this.db);
    for (const r of rows) out.set(`${r.path}\u0000${r.item_key}`, r.at);
    return out;
  }
}

function userRecord(row: AccountTables['users']): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    failedLogins: Number(row.failed_logins),
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

function membershipRecord(row: AccountTables['memberships']): MembershipRecord {
  return { workspace: row.workspace, userId: row.user_id, role: row.role as Role, createdAt: row.created_at };
}

function apiTokenRecord(row: AccountTables['api_tokens']): ApiTokenRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    scopes: JSON.parse(row.scopes) as Scope[],
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
