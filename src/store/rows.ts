/** Conversions between the port's records and table rows. */
import type { Selectable } from 'kysely';
import type { ItemKind, Status } from '../core/model.js';
import type { ItemEvent, ItemEventType, ItemRecord, JsonValue } from '../core/store/port.js';
import type { EventsTable, ItemsTable } from './schema.js';

type ItemRow = Omit<Selectable<ItemsTable>, 'item_id'>;

/** The row of one item; `search_text` holds what full-text search reads besides the title. */
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
    due: item.due,
    effort_minutes: item.effortMinutes,
    category: item.category,
    phase: item.phase,
    tags: JSON.stringify(item.tags),
    depends_on: JSON.stringify(item.dependsOn),
    search_text: [
      item.id,
      item.section.join(' '),
      item.owner,
      item.category,
      item.phase,
      item.priorityLabel,
      item.tags.join(' '),
    ]
      .filter((s) => s !== null && s !== '')
      .join(' '),
  };
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
