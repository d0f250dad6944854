/**
 * Event derivation: what happened to a plan's items between two revisions. Items are matched by
 * key first; items whose key disappeared are then paired with new items by explicit ID, by equal
 * title (a renamed section changes the keys under it), or by similar title in the same place, so an
 * edited title is a rename that keeps the item's history rather than a removal and a creation.
 */
import type { Plan } from '../model.js';
import type { ItemEventDraft, ItemRecord, JsonValue } from '../store/port.js';
import { itemRecords } from '../store/records.js';

/** Titles at least this similar (Dice coefficient of letter pairs) in the same place are one item renamed. */
const RENAME_SIMILARITY = 0.5;
/** Above this many fuzzy comparisons in one section, only exact matches are tried (restructures stay linear). */
const MAX_FUZZY_PAIRS = 200_000;

/** The events that turn the items of `before` into the items of `after` (before = null: a new plan). */
export function diffPlans(before: Plan | null, after: Plan, file: string): ItemEventDraft[] {
  return diffItems(before ? itemRecords(before, file) : [], itemRecords(after, file));
}

/** The events between two lists of one document's items, in the order of `after`, then removals. */
export function diffItems(before: readonly ItemRecord[], after: readonly ItemRecord[]): ItemEventDraft[] {
  const oldByKey = new Map(before.map((i) => [i.key, i]));
  const newKeys = new Set(after.map((i) => i.key));
  const gone = before.filter((i) => !newKeys.has(i.key));
  const added = after.filter((i) => !oldByKey.has(i.key));
  const previous = pairRenames(gone, added);
  const matchedOld = new Set([...previous.values()].map((i) => i.key));

  const events: ItemEventDraft[] = [];
  for (const item of after) {
    const old = oldByKey.get(item.key) ?? previous.get(item.key);
    if (!old) {
      events.push(event('created', item.key, null, null, null, item.title));
      continue;
    }
    changes(old, item, events);
  }
  for (const item of before) {
    if (!newKeys.has(item.key) && !matchedOld.has(item.key)) {
      events.push(event('removed', item.key, null, null, item.title, null));
    }
  }
  return events;
}

function event(
  type: ItemEventDraft['type'],
  key: string,
  previousKey: string | null,
  field: string | null,
  from: JsonValue,
  to: JsonValue,
): ItemEventDraft {
  return { type, key, previousKey, field, from, to };
}

/** The attributes compared field by field, each with how to read it from a record. */
const ATTRIBUTES: readonly [string, (i: ItemRecord) => JsonValue][] = [
  ['priority', (i) => i.priorityLabel],
  ['owner', (i) => i.owner],
  ['due', (i) => i.due],
  ['effort', (i) => i.effortMinutes],
  ['category', (i) => i.category],
  ['phase', (i) => i.phase],
  ['tags', (i) => [...i.tags]],
  ['dependsOn', (i) => [...i.dependsOn]],
  ['kind', (i) => i.kind],
  ['id', (i) => i.id],
];

/** Appends the events of one item that exists in both revisions (perhaps under another key). */
function changes(old: ItemRecord, item: ItemRecord, out: ItemEventDraft[]): void {
  const previousKey = old.key === item.key ? null : old.key;
  if (old.title !== item.title) {
    out.push(event('renamed', item.key, previousKey, 'title', old.title, item.title));
  }
  const placeBefore = { parent: old.parent, section: [...old.section] };
  const placeAfter = { parent: item.parent, section: [...item.section] };
  const moved = !sameJson(placeBefore, placeAfter);
  if (moved) {
    // A key that changed with the title is already carried by the rename event.
    const carried = old.title !== item.title ? null : previousKey;
    out.push(event('moved', item.key, carried, 'place', placeBefore, placeAfter));
  } else if (previousKey !== null && old.title === item.title) {
    out.push(event('renamed', item.key, previousKey, 'key', old.key, item.key));
  }
  if (old.status !== item.status) {
    out.push(event('status_changed', item.key, null, 'status', old.status, item.status));
  }
  for (const [field, read] of ATTRIBUTES) {
    const a = read(old);
    const b = read(item);
    if (!sameJson(a, b)) out.push(event('attribute_changed', item.key, null, field, a, b));
  }
  // Owners joining or leaving beside the owner (`@kim` → `@kim @ana`); a new owner alone is told above.
  if (!sameJson(old.owners.slice(1), item.owners.slice(1)))
    out.push(event('attribute_changed', item.key, null, 'owners', [...old.owners], [...item.owners]));
}

function sameJson(a: JsonValue, b: JsonValue): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Pairs removed items with added ones that are the same item under a new key: new key -> old item.
 * Explicit IDs first, then equal titles, then similar titles under the same parent or section.
 */
function pairRenames(gone: readonly ItemRecord[], added: readonly ItemRecord[]): Map<string, ItemRecord> {
  const pairs = new Map<string, ItemRecord>();
  if (gone.length === 0 || added.length === 0) return pairs;
  const used = new Set<ItemRecord>();
  const take = (a: ItemRecord, g: ItemRecord) => {
    pairs.set(a.key, g);
    used.add(g);
  };
  const free = (list: readonly ItemRecord[], by: (i: ItemRecord) => string | null) => {
    const m = new Map<string, ItemRecord[]>();
    for (const i of list) {
      const k = by(i);
      if (k === null || used.has(i)) continue;
      m.set(k, [...(m.get(k) ?? []), i]);
    }
    return m;
  };

  const goneById = free(gone, (i) => i.id);
  for (const a of added) {
    const g = a.id === null ? undefined : goneById.get(a.id)?.find((x) => !used.has(x));
    if (g) take(a, g);
  }
  const goneByTitle = free(gone, (i) => normalise(i.title));
  for (const a of added) {
    if (pairs.has(a.key)) continue;
    const g = goneByTitle.get(normalise(a.title))?.find((x) => !used.has(x));
    if (g) take(a, g);
  }

  const rest = added.filter((a) => !pairs.has(a.key));
  const goneBySection = free(gone, placeOf);
  const candidates: { a: ItemRecord; g: ItemRecord; score: number }[] = [];
  for (const a of rest) {
    const pool = goneBySection.get(placeOf(a)) ?? [];
    if (pool.length * rest.length > MAX_FUZZY_PAIRS) continue;
    const grams = bigrams(a.title);
    for (const g of pool) {
      const s = dice(grams, bigrams(g.title));
      if (s >= RENAME_SIMILARITY) {
        // Nearer positions win among equally similar titles.
        candidates.push({ a, g, score: s - Math.abs(a.position - g.position) * 1e-6 });
      }
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.a.position - y.a.position);
  for (const c of candidates) {
    if (pairs.has(c.a.key) || used.has(c.g)) continue;
    take(c.a, c.g);
  }
  return pairs;
}

/** Where an item sits: its parent, or its innermost section for top-level items. */
function placeOf(i: ItemRecord): string {
  return i.parent !== null ? `p:${i.parent}` : `s:${i.section.join('\u0000')}`;
}

function normalise(title: string): string {
  return title.toLowerCase().replace(/\s+/g, ' ').trim();
}

function bigrams(title: string): Map<string, number> {
  const s = normalise(title);
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of two bigram multisets: 1 for equal strings, 0 for nothing in common. */
function dice(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let common = 0;
  for (const n of a.values()) sizeA += n;
  for (const [g, n] of b) {
    sizeB += n;
    common += Math.min(n, a.get(g) ?? 0);
  }
  return sizeA + sizeB === 0 ? 0 : (2 * common) / (sizeA + sizeB);
}
