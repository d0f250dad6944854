/**
 * The Store port over Kysely: one implementation for both backends. What differs between SQLite and
 * PostgreSQL (row locks, full-text search, restoring generated keys, snapshot isolation) comes in
 * through `BackendHooks`; every other statement is the same query built once.
 */
import type { Kysely, Transaction } from 'kysely';
import { foldValue } from '../core/query/fold.js';
import type {
  CommitResult,
  DocumentRecord,
  EventQuery,
  ItemEvent,
  ItemRecord,
  JsonValue,
  RevisionInput,
  RevisionRecord,
  SavedView,
  SearchRequest,
  SearchResult,
  Store,
  TableDump,
} from '../core/store/port.js';
import { exportTables, importTables } from './dump.js';
import type { Backend } from './migrations.js';
import { eventRecord, itemRecord, itemRow } from './rows.js';
import type { Database } from './schema.js';

export type Tx = Transaction<Database>;

export interface BackendHooks {
  readonly backend: Backend;
  /** Locks a document's row for the rest of the transaction (PostgreSQL; SQLite locks the file). */
  lockDocument(trx: Tx, path: string): Promise<void>;
  search(db: Kysely<Database>, request: SearchRequest): Promise<SearchResult>;
  /** Runs `fn` in a read transaction that sees one consistent snapshot. */
  snapshot<T>(db: Kysely<Database>, fn: (trx: Tx) => Promise<T>): Promise<T>;
  /** After rows with explicit keys were restored: moves generated keys past them. */
  afterRestore(trx: Tx): Promise<void>;
  close(): Promise<void>;
  /** Connections of the pool (PostgreSQL); absent for SQLite's single connection. */
  poolStats?(): PoolStats;
}

export interface PoolStats {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

/** Rows per multi-row INSERT: well under both backends' limit on bound parameters. */
const CHUNK = 400;

export class KyselyStore implements Store {
  readonly backend: Backend;

  constructor(
    /** The connection, shared with the server's AccountStore (src/store/accounts.ts). */
    readonly db: Kysely<Database>,
    private readonly hooks: BackendHooks,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.backend = hooks.backend;
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    const rows = await this.db.selectFrom('documents').selectAll().orderBy('path').execute();
    return rows.map(documentRecord);
  }

  async getDocument(path: string): Promise<DocumentRecord | null> {
    const row = await this.db.selectFrom('documents').selectAll().where('path', '=', path).executeTakeFirst();
    return row ? documentRecord(row) : null;
  }

  async documentHashes(): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('documents')
      .select(['path', 'hash'])
      .where('hash', 'is not', null)
      .execute();
    return new Map(rows.map((r) => [r.path, r.hash!]));
  }

  async commitRevision(input: RevisionInput): Promise<CommitResult> {
    const at = this.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      // Writing first takes SQLite's write lock at once, so two importers queue instead of failing.
      await trx
        .insertInto('documents')
        .values({
          path: input.path,
          hash: null,
          revision_count: 0,
          item_count: 0,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column('path').doNothing())
        .execute();
      await this.hooks.lockDocument(trx, input.path);
      const doc = await trx
        .selectFrom('documents')
        .selectAll()
        .where('path', '=', input.path)
        .executeTakeFirstOrThrow();
      if (doc.hash === input.hash) return { changed: false, events: 0 };

      await trx
        .insertInto('blobs')
        .values({ hash: input.hash, text: input.text, size: Buffer.byteLength(input.text, 'utf8') })
        .onConflict((oc) => oc.column('hash').doNothing())
        .execute();
      const seq = Number(doc.revision_count) + 1;
      const revision = await trx
        .insertInto('revisions')
        .values({ document_id: doc.id, seq, hash: input.hash, at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.replaceItems(trx, doc.id, input.items);
      await this.appendEvents(trx, doc.id, revision.id, input.events, at);
      await trx
        .updateTable('documents')
        .set({ hash: input.hash, revision_count: seq, item_count: input.items.length, updated_at: at })
        .where('id', '=', doc.id)
        .execute();
      return { changed: true, events: input.events.length };
    });
  }

  async removeDocument(path: string): Promise<CommitResult> {
    const at = this.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      await this.hooks.lockDocument(trx, path);
      const doc = await trx.selectFrom('documents').selectAll().where('path', '=', path).executeTakeFirst();
      if (!doc || doc.hash === null) return { changed: false, events: 0 };
      const items = await trx
        .selectFrom('items')
        .select(['key', 'title'])
        .where('document_id', '=', doc.id)
        .orderBy('position')
        .execute();
      const events = items.map((i) => ({
        type: 'removed' as const,
        key: i.key,
        previousKey: null,
        field: null,
        from: i.title,
        to: null,
      }));
      await trx.deleteFrom('items').where('document_id', '=', doc.id).execute();
      await this.appendEvents(trx, doc.id, null, events, at);
      await trx
        .updateTable('documents')
        .set({ hash: null, item_count: 0, updated_at: at })
        .where('id', '=', doc.id)
        .execute();
      return { changed: true, events: events.length };
    });
  }

  private async replaceItems(trx: Tx, documentId: number, items: readonly ItemRecord[]): Promise<void> {
    await trx.deleteFrom('items').where('document_id', '=', documentId).execute();
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK);
      const ids = await trx
        .insertInto('items')
        .values(chunk.map((item) => itemRow(documentId, item)))
        .returning(['item_id', 'key'])
        .execute();
      const idOf = new Map(ids.map((r) => [r.key, r.item_id]));
      const tags = chunk.flatMap((item) =>
        [...new Set(item.tags)].map((tag) => ({
          item_id: idOf.get(item.key)!,
          tag,
          tag_f: foldValue('tag', tag),
        })),
      );
      for (let t = 0; t < tags.length; t += CHUNK)
        await trx
          .insertInto('item_tags')
          .values(tags.slice(t, t + CHUNK))
          .execute();
    }
  }

  private async appendEvents(
    trx: Tx,
    documentId: number,
    revisionId: number | null,
    events: RevisionInput['events'],
    at: string,
  ): Promise<void> {
    // An item that changed key brings its earlier events along, so its history stays whole.
    for (const e of events) {
      if (e.previousKey === null || e.previousKey === e.key) continue;
      await trx
        .updateTable('events')
        .set({ item_key: e.key })
        .where('document_id', '=', documentId)
        .where('item_key', '=', e.previousKey)
        .execute();
    }
    for (let i = 0; i < events.length; i += CHUNK) {
      await trx
        .insertInto('events')
        .values(
          events.slice(i, i + CHUNK).map((e) => ({
            document_id: documentId,
            revision_id: revisionId,
            item_key: e.key,
            previous_key: e.previousKey,
            type: e.type,
            field: e.field,
            from_value: JSON.stringify(e.from ?? null),
            to_value: JSON.stringify(e.to ?? null),
            at,
          })),
        )
        .execute();
    }
  }

  async listRevisions(path: string): Promise<RevisionRecord[]> {
    const rows = await this.db
      .selectFrom('revisions as r')
      .innerJoin('documents as d', 'd.id', 'r.document_id')
      .innerJoin('blobs as b', 'b.hash', 'r.hash')
      .select(['d.path', 'r.seq', 'r.hash', 'b.size', 'r.at'])
      .where('d.path', '=', path)
      .orderBy('r.seq')
      .execute();
    return rows.map((r) => ({
      path: r.path,
      seq: Number(r.seq),
      hash: r.hash,
      size: Number(r.size),
      at: r.at,
    }));
  }

  async getText(hash: string): Promise<string | null> {
    const row = await this.db.selectFrom('blobs').select('text').where('hash', '=', hash).executeTakeFirst();
    return row?.text ?? null;
  }

  async listItems(file?: string): Promise<ItemRecord[]> {
    let q = this.db.selectFrom('items').selectAll();
    if (file !== undefined) q = q.where('file', '=', file);
    const rows = await q.orderBy('file').orderBy('position').execute();
    return rows.map(itemRecord);
  }

  async getItem(file: string, key: string): Promise<ItemRecord | null> {
    const row = await this.db
      .selectFrom('items')
      .selectAll()
      .where('file', '=', file)
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? itemRecord(row) : null;
  }

  async listEvents(query: EventQuery = {}): Promise<ItemEvent[]> {
    let q = this.db
      .selectFrom('events as e')
      .innerJoin('documents as d', 'd.id', 'e.document_id')
      .leftJoin('revisions as r', 'r.id', 'e.revision_id')
      .selectAll('e')
      .select(['d.path as file', 'r.hash as revision']);
    if (query.file !== undefined) q = q.where('d.path', '=', query.file);
    if (query.key !== undefined) q = q.where('e.item_key', '=', query.key);
    if (query.after !== undefined) q = q.where('e.id', '>', query.after);
    q = q.orderBy('e.id');
    if (query.limit !== undefined) q = q.limit(query.limit);
    return (await q.execute()).map(eventRecord);
  }

  async saveView(name: string, query: JsonValue): Promise<SavedView> {
    const at = this.now().toISOString();
    const json = JSON.stringify(query);
    await this.db
      .insertInto('views')
      .values({ name, query: json, created_at: at, updated_at: at })
      .onConflict((oc) => oc.column('name').doUpdateSet({ query: json, updated_at: at }))
      .execute();
    return (await this.getView(name))!;
  }

  async getView(name: string): Promise<SavedView | null> {
    const row = await this.db.selectFrom('views').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? viewRecord(row) : null;
  }

  async listViews(): Promise<SavedView[]> {
    const rows = await this.db.selectFrom('views').selectAll().orderBy('name').execute();
    return rows.map(viewRecord);
  }

  async deleteView(name: string): Promise<boolean> {
    const r = await this.db.deleteFrom('views').where('name', '=', name).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  search(request: SearchRequest): Promise<SearchResult> {
    return this.hooks.search(this.db, request);
  }

  exportTables(): Promise<TableDump[]> {
    return this.hooks.snapshot(this.db, exportTables);
  }

  async importTables(tables: readonly TableDump[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await importTables(trx, tables);
      await this.hooks.afterRestore(trx);
    });
  }

  /** The connection pool's state, or null without a pool (SQLite). */
  poolStats(): PoolStats | null {
    return this.hooks.poolStats?.() ?? null;
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.hooks.close();
  }
}

function documentRecord(row: {
  path: string;
  hash: string | null;
  revision_count: number;
  item_count: number;
  created_at: string;
  updated_at: string;
}): DocumentRecord {
  return {
    path: row.path,
    hash: row.hash,
    revisions: Number(row.revision_count),
    itemCount: Number(row.item_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function viewRecord(row: { name: string; query: string; created_at: string; updated_at: string }): SavedView {
  return {
    name: row.name,
    query: JSON.parse(row.query) as JsonValue,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
