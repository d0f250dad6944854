/**
 * The Store port: what taskmark keeps about a workspace in its database. Declared here in core as
 * plain types so operations can depend on it; implemented in src/store for SQLite and PostgreSQL,
 * both held to the same contract suite.
 */
import type { ItemKind, Status } from '../model.js';
import type { QueryAst } from '../query/ast.js';

/** A JSON value as stored in event payloads and saved views. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One item as the store materialises it from a document's latest revision: flat, JSON-friendly. */
export interface ItemRecord {
  /** The plan's path relative to the workspace root, with `/` separators. */
  readonly file: string;
  readonly key: string;
  readonly id: string | null;
  readonly title: string;
  readonly kind: ItemKind;
  readonly status: Status;
  readonly checkbox: string | null;
  /** 1-based line in the revision it was read from. */
  readonly line: number;
  /** Index in document order (0-based). */
  readonly position: number;
  readonly depth: number;
  readonly parent: string | null;
  /** Titles of the enclosing headings, outermost first. */
  readonly section: readonly string[];
  readonly priorityRank: number | null;
  readonly priorityLabel: string | null;
  readonly owner: string | null;
  /** Everyone the item names as its owner, `owner` first (Item.owners). */
  readonly owners: readonly string[];
  /** YYYY-MM-DD or null. */
  readonly due: string | null;
  readonly effortMinutes: number | null;
  readonly category: string | null;
  readonly phase: string | null;
  readonly tags: readonly string[];
  readonly dependsOn: readonly string[];
}

export const ITEM_EVENT_TYPES = [
  'created',
  'status_changed',
  'attribute_changed',
  'moved',
  'renamed',
  'removed',
] as const;
export type ItemEventType = (typeof ITEM_EVENT_TYPES)[number];

/** An event as derived from two revisions, before the store gives it an id and a time. */
export interface ItemEventDraft {
  readonly type: ItemEventType;
  /** The item's key after the change (its last key for `removed`). */
  readonly key: string;
  /** The key the item had before, for `renamed` and `moved` items whose key changed; else null. */
  readonly previousKey: string | null;
  /** The attribute that changed (`status`, `title`, `owner`, `section` …), or null for created/removed. */
  readonly field: string | null;
  readonly from: JsonValue;
  readonly to: JsonValue;
}

export interface ItemEvent extends ItemEventDraft {
  /** Increases with every event the store records. */
  readonly id: number;
  readonly file: string;
  /** SHA-256 of the revision the event was derived from, or null when its document was removed. */
  readonly revision: string | null;
  /** ISO 8601 time the event was recorded. */
  readonly at: string;
}

export interface DocumentRecord {
  readonly path: string;
  /** SHA-256 (hex) of the latest revision's text, or null when the document has been removed. */
  readonly hash: string | null;
  /** Number of revisions recorded. */
  readonly revisions: number;
  readonly itemCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RevisionRecord {
  readonly path: string;
  /** 1 for a document's first revision, then 2, 3 … */
  readonly seq: number;
  readonly hash: string;
  readonly size: number;
  readonly at: string;
}

/** A new revision of a document: its text, its hash, and what was derived from it. */
export interface RevisionInput {
  readonly path: string;
  readonly text: string;
  /** SHA-256 (hex) of `text` as UTF-8; the caller computes it (core has no crypto). */
  readonly hash: string;
  readonly items: readonly ItemRecord[];
  readonly events: readonly ItemEventDraft[];
}

export interface CommitResult {
  /** False when the document's latest revision already had this hash: nothing was written. */
  readonly changed: boolean;
  readonly events: number;
}

export interface SavedView {
  readonly name: string;
  /** The query AST, as JSON (the store keeps it verbatim). */
  readonly query: JsonValue;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface EventQuery {
  readonly file?: string;
  /** Events of this item (renames carry its history to its current key). */
  readonly key?: string;
  /** Only events with an id greater than this. */
  readonly after?: number;
  readonly limit?: number;
}

export const FACETS = ['status', 'priority', 'owner', 'section', 'category', 'tag', 'due', 'file'] as const;
export type Facet = (typeof FACETS)[number];

export interface FacetCount {
  /** The value; null counts items without one. `due` buckets: overdue, week, month, later, none. */
  readonly value: string | null;
  readonly count: number;
}

export interface SearchRequest {
  /** A query AST (src/core/query), compiled to SQL by each store with `matchesItem`'s semantics. */
  readonly query: QueryAst;
  /** The date `due` comparisons and buckets are measured against (YYYY-MM-DD). */
  readonly today: string;
  readonly limit?: number;
  readonly offset?: number;
  /** Facets to count over all matches (not only the returned page); none when omitted. */
  readonly facets?: readonly Facet[];
}

export interface SearchHit {
  readonly item: ItemRecord;
  /** Relevance: higher is better; 0 when the query has no text terms. */
  readonly score: number;
}

export interface SearchResult {
  readonly total: number;
  readonly hits: readonly SearchHit[];
  readonly facets: Partial<Record<Facet, readonly FacetCount[]>>;
}

/** A table's rows in a backup, in a backend-neutral form (text, numbers and nulls only). */
export interface TableDump {
  readonly table: string;
  readonly rows: readonly Record<string, string | number | null>[];
}

/** The workspace database. Every write is one transaction. */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  listDocuments(): Promise<DocumentRecord[]>;
  getDocument(path: string): Promise<DocumentRecord | null>;
  /** Latest hash of every live document, for a fast "did it change" check on import. */
  documentHashes(): Promise<Map<string, string>>;
  /**
   * Records a revision and replaces the document's items, appending `events`, in one transaction.
   * Nothing is written when the latest revision already has `hash`.
   */
  commitRevision(input: RevisionInput): Promise<CommitResult>;
  /**
   * commitRevision for each input, in order, all in one transaction (an import writes its documents
   * a batch at a time); a path given twice is compared with its earlier revision, as in two calls.
   */
  commitRevisions(inputs: readonly RevisionInput[]): Promise<CommitResult[]>;
  /** Marks a document removed (its file is gone): its items are dropped with `removed` events. */
  removeDocument(path: string): Promise<CommitResult>;
  listRevisions(path: string): Promise<RevisionRecord[]>;
  /** A revision's full text by its hash, or null. */
  getText(hash: string): Promise<string | null>;
  /** The materialised items of live documents, in file then document order. */
  listItems(file?: string): Promise<ItemRecord[]>;
  getItem(file: string, key: string): Promise<ItemRecord | null>;
  listEvents(query?: EventQuery): Promise<ItemEvent[]>;
  saveView(name: string, query: JsonValue): Promise<SavedView>;
  getView(name: string): Promise<SavedView | null>;
  listViews(): Promise<SavedView[]>;
  deleteView(name: string): Promise<boolean>;
  /** Items matching the query: the best first when it has text, else in file and document order. */
  search(request: SearchRequest): Promise<SearchResult>;
  /** Every table's rows in one consistent snapshot, in a stable order. */
  exportTables(): Promise<TableDump[]>;
  /** Replaces the whole content with `tables` (as exportTables gives them), in one transaction. */
  importTables(tables: readonly TableDump[]): Promise<void>;
  close(): Promise<void>;
}
