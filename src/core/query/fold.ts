/**
 * How queries compare text: case and diacritics folded, words split on anything that is not a letter
 * or a digit. Exported so the SQL stores index and bind exactly what the reference matcher compares.
 */
import type { ItemRecord } from '../store/port.js';
import type { StringField } from './ast.js';

/** Lower case without diacritics (`Ünïcode` -> `unicode`), compatibility forms unified (`ﬁ` -> `fi`). */
export function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of a text, in order. */
export function tokenize(s: string): string[] {
  return foldText(s).match(WORD) ?? [];
}

/**
 * The texts free words are searched in, each matched on its own (a phrase never spans two of them):
 * the title, then the ID, the section path, owners, category, phase, priority label and tags.
 */
export function searchTexts(item: ItemRecord): string[] {
  const out = [item.title];
  if (item.id !== null) out.push(item.id);
  out.push(...item.section);
  for (const o of item.owners) out.push(o);
  for (const v of [item.category, item.phase, item.priorityLabel]) if (v !== null) out.push(v);
  for (const t of item.tags) out.push(t);
  return out;
}

/**
 * The form in which a string field's values are compared, on both sides: folded and trimmed, an
 * owner's leading `@` and a tag's leading `#` dropped (`@Alice` is owner `alice`, `#Docker` tag `docker`).
 */
export function foldValue(field: StringField, value: string, fold: (s: string) => string = foldText): string {
  const v = fold(value).trim();
  if (field === 'owner') return v.replace(/^@/, '');
  if (field === 'tag') return v.replace(/^#/, '');
  return v;
}

/** The item's values for a string field, as written: none (empty list) when it has none. */
export function stringValues(item: ItemRecord, field: StringField): readonly string[] {
  switch (field) {
    case 'owner':
      return item.owners;
    case 'section':
      return item.section;
    case 'category':
      return item.category === null ? [] : [item.category];
    case 'tag':
      return item.tags;
    case 'file':
      return [item.file];
    case 'key':
      return [item.key];
    case 'id':
      return item.id === null ? [] : [item.id];
    case 'phase':
      return item.phase === null ? [] : [item.phase];
  }
}
