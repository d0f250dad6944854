/**
 * The database's tables as Kysely sees them, and the column lists backups copy. Every column is
 * text, an integer, a float or null, so a table's rows read the same from SQLite and PostgreSQL
 * and a backup restores into either backend unchanged.
 */

import type { Generated } from 'kysely';
import type { AccountTables, TeamTables, WebhookTables } from './accounts-schema.js';

export interface DocumentsTable {
  id: Generated<number>;
  path: string;
  /** SHA-256 of the latest revision's text; null when the file is gone. */
  hash: string | null;
  revision_count: number;
  item_count: number;
  created_at: string;
  updated_at: string;
}

/** Revision texts, content-addressed: one row per distinct text, however many revisions share it. */
export interface BlobsTable {
  hash: string;
  text: string;
  size: number;
}

export interface RevisionsTable {
  id: Generated<number>;
  document_id: number;
  seq: number;
  hash: string;
  at: string;
}

export interface ItemsTable {
  item_id: Generated<number>;
  document_id: number;
  file: string;
  key: string;
  position: number;
  id: string | null;
  title: string;
  kind: string;
  status: string;
  checkbox: string | null;
  line: number;
  depth: number;
  parent: string | null;
  /** JSON array of heading titles. */
  section: string;
  /** The innermost heading's title, for the section facet. */
  section_title: string | null;
  priority_rank: number | null;
  priority_label: string | null;
  owner: string | null;
  /** JSON array of everyone the item names as its owner, when more than its owner; null for the owner alone. */
  owners: string | null;
  due: string | null;
  effort_minutes: number | null;
  category: string | null;
  phase: string | null;
  /** JSON arrays. */
  tags: string;
  depends_on: string;
  /** String fields folded as queries compare them (src/core/query/fold.ts). */
  key_f: string;
  id_f: string | null;
  file_f: string;
  owner_f: string | null;
  category_f: string | null;
  phase_f: string | null;
  /** Folded section titles joined by U+001F, for "contains" matches that never span two titles. */
  section_f: string;
  /** Folded words of the title, space-separated: what full-text search indexes. */
  fts_title: string;
  /** Folded words of the other search texts, each text ended by FTS_SEPARATOR so phrases stay inside one. */
  fts_text: string;
}

/**
 * A word between two search texts in the full-text index, so a phrase cannot match across them. A
 * letter (both backends index it as a word) that no query in practice contains.
 */
export const FTS_SEPARATOR = '\u01c0';

export interface ItemTagsTable {
  item_id: number;
  tag: string;
  /** The tag folded as queries compare it. */
  tag_f: string;
}

/** An item's owners after its first (`owner`, on its row): most items have none, so most rows write none. */
export interface ItemCoOwnersTable {
  item_id: number;
  owner: string;
  /** The owner folded as queries compare it. */
  owner_f: string;
}

export interface EventsTable {
  id: Generated<number>;
  document_id: number;
  revision_id: number | null;
  item_key: string;
  previous_key: string | null;
  type: string;
  field: string | null;
  /** JSON. */
  from_value: string;
  to_value: string;
  at: string;
}

export interface ViewsTable {
  name: string;
  /** The query AST as JSON. */
  query: string;
  created_at: string;
  updated_at: string;
}

export interface Database {
  documents: DocumentsTable;
  blobs: BlobsTable;
  revisions: RevisionsTable;
  items: ItemsTable;
  item_tags: ItemTagsTable;
  item_co_owners: ItemCoOwnersTable;
  events: EventsTable;
  views: ViewsTable;
}

/** Every table a backup holds: the store's and the server's. */
type TableName = keyof Database | keyof AccountTables | keyof TeamTables | keyof WebhookTables;

/**
 * taskmark's tables in dependency order (a table after those it refers to), each with its columns
 * and the key rows are ordered by. Derived search structures (FTS5 table, tsvector column) are not
 * listed: they are rebuilt from these rows.
 */
export const TABLES: readonly {
  name: TableName;
  columns: readonly string[];
  order: readonly string[];
}[] = [
  {
    name: 'documents',
    columns: ['id', 'path', 'hash', 'revision_count', 'item_count', 'created_at', 'updated_at'],
    order: ['id'],
  },
  { name: 'blobs', columns: ['hash', 'text', 'size'], order: ['hash'] },
  { name: 'revisions', columns: ['id', 'document_id', 'seq', 'hash', 'at'], order: ['id'] },
  {
    name: 'items',
    columns: [
      'item_id',
      'document_id',
      'file',
      'key',
      'position',
      'id',
      'title',
      'kind',
      'status',
      'checkbox',
      'line',
      'depth',
      'parent',
      'section',
      'section_title',
      'priority_rank',
      'priority_label',
      'owner',
      'owners',
      'due',
      'effort_minutes',
      'category',
      'phase',
      'tags',
      'depends_on',
      'key_f',
      'id_f',
      'file_f',
      'owner_f',
      'category_f',
      'phase_f',
      'section_f',
      'fts_title',
      'fts_text',
    ],
    order: ['item_id'],
  },
  { name: 'item_tags', columns: ['item_id', 'tag', 'tag_f'], order: ['item_id', 'tag'] },
  { name: 'item_co_owners', columns: ['item_id', 'owner', 'owner_f'], order: ['item_id', 'owner'] },
  {
    name: 'events',
    columns: [
      'id',
      'document_id',
      'revision_id',
      'item_key',
      'previous_key',
      'type',
      'field',
      'from_value',
      'to_value',
      'at',
    ],
    order: ['id'],
  },
  { name: 'views', columns: ['name', 'query', 'created_at', 'updated_at'], order: ['name'] },
  // The server's tables (accounts, tokens, audit, sprints, lists, webhooks): a backup restores a
  // team's server exactly, not just its plans.
  { name: 'settings', columns: ['key', 'value'], order: ['key'] },
  {
    name: 'users',
    columns: ['id', 'email', 'name', 'password_hash', 'failed_logins', 'locked_until', 'created_at'],
    order: ['id'],
  },
  {
    name: 'memberships',
    columns: ['workspace', 'user_id', 'role', 'created_at'],
    order: ['workspace', 'user_id'],
  },
  {
    name: 'refresh_tokens',
    columns: ['id', 'user_id', 'family', 'hash', 'expires_at', 'used_at', 'revoked_at'],
    order: ['id'],
  },
  {
    name: 'api_tokens',
    columns: [
      'id',
      'user_id',
      'name',
      'prefix',
      'hash',
      'scopes',
      'expires_at',
      'last_used_at',
      'created_at',
      'revoked_at',
    ],
    order: ['id'],
  },
  {
    name: 'idempotency_keys',
    columns: ['principal', 'key', 'request_hash', 'status', 'body', 'created_at'],
    order: ['principal', 'key'],
  },
  {
    name: 'audit_log',
    columns: ['id', 'at', 'workspace', 'actor', 'action', 'target', 'details', 'request_id'],
    order: ['id'],
  },
  { name: 'rate_limits', columns: ['key', 'window_start', 'count'], order: ['key'] },
  {
    name: 'sprints',
    columns: ['id', 'workspace', 'name', 'goal', 'starts_on', 'ends_on', 'state', 'created_at', 'closed_at'],
    order: ['id'],
  },
  {
    name: 'sprint_items',
    columns: ['sprint_id', 'file', 'key', 'added_at'],
    order: ['sprint_id', 'file', 'key'],
  },
  {
    name: 'action_lists',
    columns: ['id', 'workspace', 'name', 'description', 'created_at', 'updated_at'],
    order: ['id'],
  },
  {
    name: 'action_list_items',
    columns: ['list_id', 'position', 'file', 'key'],
    order: ['list_id', 'position'],
  },
  {
    name: 'webhooks',
    columns: ['id', 'workspace', 'url', 'events', 'secret', 'active', 'created_at', 'created_by'],
    order: ['id'],
  },
  {
    name: 'webhook_deliveries',
    columns: [
      'id',
      'webhook_id',
      'event_id',
      'event_type',
      'state',
      'attempts',
      'response_status',
      'error',
      'created_at',
      'last_attempt_at',
      'next_attempt_at',
      'payload',
    ],
    order: ['id'],
  },
];

/** Tables whose integer key is generated (PostgreSQL's identity must be moved past restored rows). */
export const IDENTITY_COLUMNS: readonly [TableName, string][] = [
  ['documents', 'id'],
  ['revisions', 'id'],
  ['items', 'item_id'],
  ['events', 'id'],
  ['audit_log', 'id'],
  ['webhook_deliveries', 'id'],
];
