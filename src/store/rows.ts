/** Conversions between the port's records and table rows. */
import type { Selectable } from 'kysely';
import type { ItemKind, Status } from '../core/model.js';
import type { StringField } from '../core/query/ast.js';
import { foldValue as foldStringValue, foldText, tokenize } from '../core/query/fold.js';
import type { ItemEvent, ItemEventType, ItemRecord, JsonValue } from '../core/store/port.js';
import { type EventsTable, FTS_SEPARATOR, type ItemsTable } from './schema.js';

export type ItemRow = Omit<Selectable<ItemsTable>, 'item_id'>;

/**
 * The row of one item. Besides the record's fields it holds what queries compare: string fields
 * folded, and the search texts as folded words, made by the same functions the reference matcher
 * uses, so SQL compares exactly what `matchesItem` compares.
 */
export function itemRow(documentId: number, item: ItemRecord): ItemRow {
  return {
    document_id: documentId,
    file: item.file,
    key: item.key,
    position: item.position,
    id: item.id,
    title: item.title,
    kind: item.kind,
    status: item.status,
    checkbox: item.checkbox,
    line: item.line,
    depth: item.depth,
    parent: item.parent,
    section: JSON.stringify(item.section),
    section_title: item.section.at(-1) ?? null,
    priority_rank: item.priorityRank,
    priority_label: item.priorityLabel,
    owner: item.owner,
    // Most items have one owner or none: the list is written only when it says more than `owner`.
    owners: item.owners.length > 1 ? JSON.stringify(item.owners) : null,
    due: item.due,
    effort_minutes: item.effortMinutes,
    category: item.category,
    phase: item.phase,
    tags: JSON.stringify(item.tags),
    depends_on: JSON.stringify(item.dependsOn),
    key_f: foldValueOnce('key', item.key),
    id_f: item.id === null ? null : foldValueOnce('id', item.id),
    file_f: foldValue('file', item.file),
    owner_f: item.owner === null ? null : foldValue('owner', item.owner),
    category_f: item.category === null ? null : foldValue('category', item.category),
    phase_f: item.phase === null ? null : foldValue('phase', item.phase),
    section_f: sectionFolded(item.section),
    fts_title: wordsOnce(item.title),
    fts_text: ftsText(item),
  };
}

/*
 * Folding is most of the cost of a row (Unicode normalisation and property regexes, some ten strings
 * an item). ASCII text, whose NFKD form is itself and which holds no combining marks, is folded by
 * lower-casing alone. Values that repeat (files, owners, section titles, tags) are memoised; values
 * that rarely do (keys, IDs, titles) are not, since remembering them would only fill and churn the
 * memo. Both give exactly what src/core/query/fold.ts gives (rows.test.ts checks).
 */
const ASCII = /^[\x00-\x7f]*$/;
const NOT_ASCII_WORD = /[^a-z0-9]+/g;
const MEMO_LIMIT = 50_000;
const folded = new Map<string, string>();
const wordsMemo = new Map<string, string>();
const sectionsMemo = new Map<string, string>();

function memo(cache: Map<string, string>, s: string, make: (s: string) => string): string {
  let v = cache.get(s);
  if (v === undefined) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    v = make(s);
    cache.set(s, v);
  }
  return v;
}

const foldOnce = (s: string): string => (ASCII.test(s) ? s.toLowerCase() : foldText(s));
const fold = (s: string): string => memo(folded, s, foldOnce);

/** `foldValue` of src/core/query/fold.ts, memoised. */
export function foldValue(field: StringField, value: string): string {
  return foldStringValue(field, value, fold);
}

/** `foldValue` of src/core/query/fold.ts, for a value that seldom repeats. */
export function foldValueOnce(field: StringField, value: string): string {
  return foldStringValue(field, value, foldOnce);
}

/** `tokenize(s).join(' ')`, for a text that seldom repeats. */
export function wordsOnce(s: string): string {
  const f = foldOnce(s);
  // In ASCII the words are the runs of letters and digits, so the runs of anything else are spaces.
  return ASCII.test(f) ? f.replace(NOT_ASCII_WORD, ' ').trim() : tokenize(s).join(' ');
}

/** `tokenize(s).join(' ')`, memoised. */
export function words(s: string): string {
  return memo(wordsMemo, s, wordsOnce);
}

const SECTION_JOINER = '\u001f';

function sectionFolded(section: readonly string[]): string {
  if (section.length === 0) return '';
  if (section.length === 1) return foldValue('section', section[0]!);
  // Keyed by the JSON of the path: joined titles would make ['a\u001f b', 'c'] and ['a', ' b\u001fc'] one key.
  return memo(sectionsMemo, JSON.stringify(section), () =>
    section.map((s) => foldValue('section', s)).join(SECTION_JOINER),
  );
}

/**
 * The search texts after the title (`searchTexts` of src/core/query/fold.ts, in its order), each as
 * its words followed by the separator that keeps a phrase from spanning two of them.
 */
export function ftsText(item: ItemRecord): string {
  let out = '';
  const add = (w: string) => {
    if (w !== '') out = out === '' ? `${w} ${FTS_SEPARATOR}` : `${out} ${w} ${FTS_SEPARATOR}`;
  };
  if (item.id !== null) add(wordsOnce(item.id));
  for (const s of item.section) add(words(s));
  for (const o of item.owners) add(words(o));
  if (item.category !== null) add(words(item.category));
  if (item.phase !== null) add(words(item.phase));
  if (item.priorityLabel !== null) add(words(item.priorityLabel));
  for (const t of item.tags) add(words(t));
  return out;
}

export function itemRecord(row: ItemRow): ItemRecord {
  return {
    file: row.file,
    key: row.key,
    id: row.id,
    title: row.title,
    kind: row.kind as ItemKind,
    status: row.status as Status,
    checkbox: row.checkbox,
    line: Number(row.line),
    position: Number(row.position),
    depth: Number(row.depth),
    parent: row.parent,
    section: JSON.parse(row.section) as string[],
    priorityRank: row.priority_rank === null ? null : Number(row.priority_rank),
    priorityLabel: row.priority_label,
    owner: row.owner,
    // Null for the owner alone (and in rows written before items kept their several owners).
    owners:
      row.owners === null ? (row.owner === null ? [] : [row.owner]) : (JSON.parse(row.owners) as string[]),
    due: row.due,
    effortMinutes: row.effort_minutes === null ? null : Number(row.effort_minutes),
    category: row.category,
    phase: row.phase,
    tags: JSON.parse(row.tags) as string[],
    dependsOn: JSON.parse(row.depends_on) as string[],
  };
}

export function eventRecord(
  row: Selectable<EventsTable> & { file: string; revision: string | null },
): ItemEvent {
  return {
    id: Number(row.id),
    file: row.file,
    revision: row.revision,
    at: row.at,
    type: row.type as ItemEventType,
    key: row.item_key,
    previousKey: row.previous_key,
    field: row.field,
    from: JSON.parse(row.from_value) as JsonValue,
    to: JSON.parse(row.to_value) as JsonValue,
  };
}
