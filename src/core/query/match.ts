/**
 * The reference semantics of a query, over one item in memory. The SQL stores compile the same AST
 * and are tested against this function, so every rule is spelled out here:
 *
 * - terms are and-ed; a field term's values are or-ed; `negated` is plain boolean negation, so an
 *   item without a value (null owner, no due date) fails a comparison and passes its negation
 *   (SQL must write `NOT coalesce(cond, false)`, not `NOT cond`);
 * - string fields compare folded values (fold.ts); section, file and phase match when the item's
 *   value contains the query value, the others when it equals it; `none` (null) matches no value;
 * - priority compares ranks (0 highest), due compares YYYY-MM-DD dates, effort compares minutes;
 * - free text matches when its words appear consecutively in one of the item's search texts, the
 *   last word as a prefix when `prefix` is set.
 */
import { addDays } from '../plan/attributes/dates.js';
import type { ItemRecord } from '../store/port.js';
import type { Comparison, DueBucket, FieldTerm, QueryAst, QueryTerm, TextTerm } from './ast.js';
import { CONTAINS_FIELDS } from './ast.js';
import { foldValue, searchTexts, stringValues, tokenize } from './fold.js';

/** Days ahead, counting today as 0, that each bucket ends on. */
const WEEK_DAYS = 7;
const MONTH_DAYS = 30;

/** True when `item` matches every term of `ast`; `today` (YYYY-MM-DD) anchors the due buckets. */
export function matchesItem(ast: QueryAst, item: ItemRecord, today: string): boolean {
  return ast.terms.every((t) => matchesTerm(t, item, today) !== t.negated);
}

function matchesTerm(term: QueryTerm, item: ItemRecord, today: string): boolean {
  if (term.field === 'text') return matchesText(term, item);
  return matchesField(term, item, today);
}

function matchesField(term: FieldTerm, item: ItemRecord, today: string): boolean {
  switch (term.field) {
    case 'status':
      return term.values.includes(item.status);
    case 'kind':
      return term.values.includes(item.kind);
    case 'priority':
      return term.op === '='
        ? term.values.includes(item.priorityRank)
        : item.priorityRank !== null && compare(item.priorityRank, term.op, term.values[0]);
    case 'effort':
      return term.op === '='
        ? term.values.includes(item.effortMinutes)
        : item.effortMinutes !== null && compare(item.effortMinutes, term.op, term.values[0]);
    case 'due':
      if (term.op !== '=') return item.due !== null && compare(item.due, term.op, term.values[0]);
      return term.values.some((v) =>
        v === null ? item.due === null : item.due !== null && dueIs(item.due, v, today),
      );
    default: {
      const field = term.field;
      const have = stringValues(item, field).map((v) => foldValue(field, v));
      const contains = CONTAINS_FIELDS.has(field);
      return term.values.some((v) => {
        if (v === null) return have.length === 0;
        const want = foldValue(field, v);
        return have.some((h) => (contains ? h.includes(want) : h === want));
      });
    }
  }
}

function compare<T extends number | string>(a: T, op: Comparison, b: T): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/** True when `due` is the date `value`, or falls in the bucket `value`. */
function dueIs(due: string, value: string, today: string): boolean {
  const bucket = value as DueBucket;
  switch (bucket) {
    case 'overdue':
      return due < today;
    case 'today':
      return due === today;
    case 'week':
      return due >= today && due <= addDays(today, WEEK_DAYS);
    case 'month':
      return due > addDays(today, WEEK_DAYS) && due <= addDays(today, MONTH_DAYS);
    case 'later':
      return due > addDays(today, MONTH_DAYS);
    default:
      return due === value;
  }
}

/** The partition bucket of a due date (`today` is part of `week`), for the due facet. */
export function dueBucket(due: string | null, today: string): Exclude<DueBucket, 'today'> | 'none' {
  if (due === null) return 'none';
  if (due < today) return 'overdue';
  if (due <= addDays(today, WEEK_DAYS)) return 'week';
  if (due <= addDays(today, MONTH_DAYS)) return 'month';
  return 'later';
}

function matchesText(term: TextTerm, item: ItemRecord): boolean {
  const want = tokenize(term.text);
  // A term with nothing to search for (the schema refuses it) excludes nothing.
  if (want.length === 0) return !term.negated;
  return searchTexts(item).some((text) => containsRun(tokenize(text), want, term.prefix));
}

/** True when `want` occurs as consecutive words of `words`, its last word as a prefix if asked. */
function containsRun(words: readonly string[], want: readonly string[], prefix: boolean): boolean {
  const last = want.length - 1;
  for (let i = 0; i + last < words.length; i++) {
    let k = 0;
    while (k < last && words[i + k] === want[k]) k++;
    if (k < last) continue;
    const w = words[i + last]!;
    if (prefix ? w.startsWith(want[last]!) : w === want[last]) return true;
  }
  return false;
}
