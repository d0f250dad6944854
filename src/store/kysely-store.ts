/**
 * The Store port over Kysely: one implementation for both backends. What differs between SQLite and
 * PostgreSQL (row locks, full-text search, restoring generated keys, snapshot isolation) comes in
 * through `BackendHooks`; every other statement is the same query built once.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
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
import { eventRecord, foldValue, itemRecord, itemRow } from './rows.js';
import type { Database, DocumentsTable } from './schema.js';
import type { BulkWrites } from './writes.js';

export type Tx = Transaction<Database>;

export interface BackendHooks {
  readonly backend: Backend;
  /** Locks documents' rows for the rest of the transaction (PostgreSQL; SQLite locks the file). */
  lockDocuments(trx: Tx, paths: readonly string[]): Promise<void>;
  /** The import's bulk writes (items, tags, co-owners, events), on the backend's driver. */
  readonly writes: BulkWrites;
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

type DocumentRow = Selectable<DocumentsTable>;

interface Stamped {
  readonly input: RevisionInput;
  /** The time the revision is recorded at (one reading of the clock per revision). */
  readonly at: string;
}

interface EventBatch {
  readonly documentId: number;
  readonly revisionId: number | null;
  readonly events: RevisionInput['events'];
  readonly at: string;
}

/** Splits revisions into runs of distinct paths, in order. */
function distinctRuns(stamped: readonly Stamped[]): Stamped[][] {
  const runs: Stamped[][] = [[]];
  let seen = new Set<string>();
  for (const s of stamped) {
    if (seen.has(s.input.path)) {
      runs.push([]);
      seen = new Set();
    }
    seen.add(s.input.path);
    runs.at(-1)!.push(s);
  }
  return runs;
}

export class KyselyStore implements Store {
  readonly backend: Backend;
  private readonly writes: BulkWrites;

  constructor(
    /** The connection, shared with the server's AccountStore (src/store/accounts.ts). */
    readonly db: Kysely<Database>,
    private readonly hooks: BackendHooks,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.backend = hooks.backend;
    this.writes = hooks.writes;
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

  commitRevision(input: RevisionInput): Promise<CommitResult> {
    return this.commitRevisions([input]).then((r) => r[0]!);
  }

  async commitRevisions(inputs: readonly RevisionInput[]): Promise<CommitResult[]> {
    if (inputs.length === 0) return [];
    const stamped = inputs.map((input) => ({ input, at: this.now().toISOString() }));
    return this.db.transaction().execute(async (trx) => {
      const out: CommitResult[] = [];
      // A path given twice: its later revision is measured against the earlier, as in two calls.
      for (const run of distinctRuns(stamped)) out.push(...(await this.commitRun(trx, run)));
      return out;
    });
  }

  /** Revisions of distinct documents, in one transaction: a handful of statements per batch. */
  private async commitRun(trx: Tx, run: readonly Stamped[]): Promise<CommitResult[]> {
    const paths = run.map((r) => r.input.path);
    // Writing first takes SQLite's write lock at once, so two importers queue instead of failing.
    for (let i = 0; i < run.length; i += CHUNK) {
      await trx
        .insertInto('documents')
        .values(
          run.slice(i, i + CHUNK).map(({ input, at }) => ({
            path: input.path,
            hash: null,
            revision_count: 0,
            item_count: 0,
            created_at: at,
            updated_at: at,
          })),
        )
        .onConflict((oc) => oc.column('path').doNothing())
        .execute();
    }
    await this.hooks.lockDocuments(trx, paths);
    const docs = new Map<string, DocumentRow>();
    for (let i = 0; i < paths.length; i += CHUNK) {
      const rows = await trx
        .selectFrom('documents')
        .selectAll()
        .where('path', 'in', paths.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) docs.set(row.path, row);
    }
    const changed = run
      .map((r) => ({ ...r, doc: docs.get(r.input.path)! }))
      .filter((r) => r.doc.hash !== r.input.hash);
    if (changed.length === 0) return run.map(() => ({ changed: false, events: 0 }));

    const blobs = new Map(changed.map(({ input }) => [input.hash, input.text]));
    const blobRows = [...blobs].map(([hash, text]) => ({
      hash,
      text,
      size: Buffer.byteLength(text, 'utf8'),
    }));
    for (let i = 0; i < blobRows.length; i += CHUNK)
      await trx
        .insertInto('blobs')
        .values(blobRows.slice(i, i + CHUNK))
        .onConflict((oc) => oc.column('hash').doNothing())
        .execute();
    const revisionOf = new Map<number, number>();
    for (let i = 0; i < changed.length; i += CHUNK) {
      const ids = await trx
        .insertInto('revisions')
        .values(
          changed.slice(i, i + CHUNK).map(({ input, doc, at }) => ({
            document_id: doc.id,
            seq: Number(doc.revision_count) + 1,
            hash: input.hash,
            at,
          })),
        )
        .returning(['id', 'document_id'])
        .execute();
      for (const r of ids) revisionOf.set(Number(r.document_id), Number(r.id));
    }

    await this.writes.deleteItems(
      trx,
      changed.filter((c) => Number(c.doc.revision_count) > 0).map((c) => c.doc.id),
    );
    // Rows are made as they are written (generators), so each dies young instead of a batch's worth
    // of them living on through the writes.
    const ids = await this.writes.insertItems(
      trx,
      (function* () {
        for (const { input, doc } of changed) for (const item of input.items) yield itemRow(doc.id, item);
      })(),
    );
    // Each item's rows of tags and co-owners, made as they are written, by the item's new id.
    const perItem = function* <R>(rows: (item: ItemRecord, id: number) => Iterable<R>): Generator<R> {
      let n = 0;
      for (const { input } of changed) for (const item of input.items) yield* rows(item, ids[n++]!);
    };
    await this.writes.insertTags(
      trx,
      perItem(function* (item, id) {
        for (const tag of new Set(item.tags)) yield { item_id: id, tag, tag_f: foldValue('tag', tag) };
      }),
    );
    await this.writes.insertCoOwners(
      trx,
      perItem(function* (item, id) {
        // The owner is on the item's row; the others, few items have any, here.
        for (let k = 1; k < item.owners.length; k++) {
          const owner = item.owners[k]!;
          yield { item_id: id, owner, owner_f: foldValue('owner', owner) };
        }
      }),
    );
    await this.appendEvents(
      trx,
      changed.map(({ input, doc, at }) => ({
        documentId: doc.id,
        revisionId: revisionOf.get(doc.id)!,
        events: input.events,
        at,
      })),
    );
    await this.writes.updateDocuments(
      trx,
      changed.map(({ input, doc, at }) => ({
        id: doc.id,
        hash: input.hash,
        revision_count: Number(doc.revision_count) + 1,
        item_count: input.items.length,
        updated_at: at,
      })),
    );
    return run.map(({ input }) => {
      const done = docs.get(input.path)!.hash !== input.hash;
      return { changed: done, events: done ? input.events.length : 0 };
    });
  }

  async removeDocument(path: string): Promise<CommitResult> {
    const at = this.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      await this.hooks.lockDocuments(trx, [path]);
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
      await this.writes.deleteItems(trx, [doc.id]);
      await this.appendEvents(trx, [{ documentId: doc.id, revisionId: null, events, at }]);
      await trx
        .updateTable('documents')
        .set({ hash: null, item_count: 0, updated_at: at })
        .where('id', '=', doc.id)
        .execute();
      return { changed: true, events: events.length };
    });
  }

  private async appendEvents(trx: Tx, batches: readonly EventBatch[]): Promise<void> {
    // An item that changed key brings its earlier events along, so its history stays whole. Every
    // rename is applied before the new events are written, so none of those is carried by mistake.
    for (const { documentId, events } of batches) {
      for (const e of events) {
        if (e.previousKey === null || e.previousKey === e.key) continue;
        await trx
          .updateTable('events')
          .set({ item_key: e.key })
          .where('document_id', '=', documentId)
          .where('item_key', '=', e.previousKey)
          .execute();
      }
    }
    await this.writes.insertEvents(
      trx,
      (function* () {
        for (const { documentId, revisionId, events, at } of batches)
          for (const e of events)
            yield {
              document_id: documentId,
              revision_id: revisionId,
              item_key: e.key,
              previous_key: e.previousKey,
              type: e.type,
              field: e.field,
              from_value: JSON.stringify(e.from ?? null),
              to_value: JSON.stringify(e.to ?? null),
              at,
            };
      })(),
    );
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
