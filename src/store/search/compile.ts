/**
 * The query AST compiled to SQL conditions over `items i`, with the semantics of the reference
 * matcher (src/core/query/match.ts): terms and-ed, values or-ed, negation as `not coalesce(c, false)`
 * so items without a value pass a negated comparison, string fields compared in their folded form,
 * free text as phrases of folded words. What differs by backend comes in through `SearchDialect`.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { addDays } from '../../core/plan/attributes/dates.js';
import type { FieldTerm, QueryAst, StringField, TextTerm } from '../../core/query/ast.js';
import { foldValue, tokenize } from '../../core/query/fold.js';

type Cond = RawBuilder<SqlBool>;

export interface SearchDialect {
  /** Full-text query: all of the `terms` match and none of the `without` terms does. */
  textQuery(terms: readonly TextTerm[], without?: readonly TextTerm[]): string;
  /**
   * Whether negated text terms may go into the full-text query beside positive ones: true where that
   * leaves the relevance score unchanged (bm25 sums over the words a row contains; ts_rank does not).
   */
  readonly negationInText: boolean;
  /** Condition: item `i` matches a full-text query. */
  textMatch(query: string): Cond;
  /** Condition: `haystack` contains `needle` (both folded already). */
  contains(haystack: RawBuilder<unknown>, needle: string): Cond;
  /** The due column, compared as YYYY-MM-DD text in code point order. */
  due: RawBuilder<unknown>;
}

export interface CompiledQuery {
  /** Conditions besides the full-text query. */
  readonly filters: readonly Cond[];
  /**
   * The full-text query of the text terms, or null when no term is positive. Negated terms go into
   * it when there is one (answered by the text index alone), else into `filters`.
   */
  readonly text: string | null;
}

const STRING_COLUMNS: Record<Exclude<StringField, 'tag' | 'owner'>, string> = {
  category: 'category_f',
  key: 'key_f',
  id: 'id_f',
  file: 'file_f',
  phase: 'phase_f',
  section: 'section_f',
};

const DUE_WEEK_DAYS = 7;
const DUE_MONTH_DAYS = 30;

/**
 * The query as SQL conditions. `coOwners`: whether any item has an owner after its first; when none
 * has (most stores), an owner is matched on the items' rows alone.
 */
export function compileQuery(
  ast: QueryAst,
  today: string,
  dialect: SearchDialect,
  coOwners = true,
): CompiledQuery {
  const filters: Cond[] = [];
  const positive: TextTerm[] = [];
  const negative: TextTerm[] = [];
  for (const term of ast.terms) {
    if (term.field === 'text') {
      // A term without words matches every item, negated or not (the schema refuses it anyway).
      if (tokenize(term.text).length === 0) continue;
      if (term.negated) negative.push({ ...term, negated: false });
      else positive.push(term);
      continue;
    }
    const c = fieldCondition(term, today, dialect, coOwners);
    filters.push(term.negated ? not(c) : c);
  }
  if (positive.length === 0 || !dialect.negationInText) {
    for (const term of negative) filters.push(not(dialect.textMatch(dialect.textQuery([term]))));
    return { filters, text: positive.length === 0 ? null : dialect.textQuery(positive) };
  }
  return { filters, text: dialect.textQuery(positive, negative) };
}

/** Every condition of a compiled query, positive text included, and-ed (true when there are none). */
export function whereAll(q: CompiledQuery, dialect: SearchDialect): Cond {
  const all = q.text === null ? [...q.filters] : [...q.filters, dialect.textMatch(q.text)];
  return and(all);
}

export function and(conds: readonly Cond[]): Cond {
  return conds.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`(${sql.join(conds, sql` and `)})`;
}

function or(conds: readonly Cond[]): Cond {
  return conds.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(conds, sql` or `)})`;
}

function not(c: Cond): Cond {
  return sql<SqlBool>`not coalesce(${c}, false)`;
}

/** `col in (values)`, or-ed with `col is null` when the values hold null. */
function anyOf(col: RawBuilder<unknown>, values: readonly (string | number | null)[]): Cond {
  const some = values.filter((v) => v !== null);
  const conds: Cond[] = [];
  if (some.length > 0) conds.push(sql<SqlBool>`${col} in (${sql.join(some)})`);
  if (some.length < values.length) conds.push(sql<SqlBool>`${col} is null`);
  return or(conds);
}

function fieldCondition(term: FieldTerm, today: string, dialect: SearchDialect, coOwners: boolean): Cond {
  switch (term.field) {
    case 'status':
      return anyOf(sql.ref('i.status'), term.values);
    case 'kind':
      return anyOf(sql.ref('i.kind'), term.values);
    case 'priority':
      return term.op === '='
        ? anyOf(sql.ref('i.priority_rank'), term.values)
        : sql<SqlBool>`${sql.ref('i.priority_rank')} ${sql.raw(term.op)} ${term.values[0]}`;
    case 'effort':
      return term.op === '='
        ? anyOf(sql.ref('i.effort_minutes'), term.values)
        : sql<SqlBool>`${sql.ref('i.effort_minutes')} ${sql.raw(term.op)} ${term.values[0]}`;
    case 'due':
      if (term.op !== '=') return sql<SqlBool>`${dialect.due} ${sql.raw(term.op)} ${term.values[0]}`;
      return or(term.values.map((v) => dueCondition(v, today, dialect)));
    case 'tag': {
      const folded = term.values.filter((v) => v !== null).map((v) => foldValue('tag', v));
      const conds: Cond[] = [];
      if (folded.length > 0)
        conds.push(
          // As a list of ids (not a probe per item): one pass over the tag's index entries.
          sql<SqlBool>`i.item_id in (select t.item_id from item_tags t where t.tag_f in (${sql.join(folded)}))`,
        );
      if (folded.length < term.values.length)
        conds.push(sql<SqlBool>`not exists (select 1 from item_tags t where t.item_id = i.item_id)`);
      return or(conds);
    }
    case 'owner': {
      // Any of the item's owners: the first on its row, the others (few items have any) among its
      // co-owners. An item without an owner has none at all.
      const folded = term.values.filter((v) => v !== null).map((v) => foldValue('owner', v));
      const conds: Cond[] = [];
      if (folded.length > 0) conds.push(sql<SqlBool>`i.owner_f in (${sql.join(folded)})`);
      if (folded.length > 0 && coOwners)
        conds.push(
          sql<SqlBool>`i.item_id in (select o.item_id from item_co_owners o where o.owner_f in (${sql.join(folded)}))`,
        );
      if (folded.length < term.values.length) conds.push(sql<SqlBool>`i.owner is null`);
      return or(conds);
    }
    default:
      return stringCondition(term.field, term.values, dialect);
  }
}

function stringCondition(
  field: Exclude<StringField, 'tag' | 'owner'>,
  values: readonly (string | null)[],
  dialect: SearchDialect,
): Cond {
  const col = sql.ref(`i.${STRING_COLUMNS[field]}`);
  if (field === 'section') {
    return or(
      values.map((v) =>
        v === null
          ? sql<SqlBool>`i.section = '[]'`
          : sql<SqlBool>`(i.section <> '[]' and ${dialect.contains(col, foldValue(field, v))})`,
      ),
    );
  }
  if (field === 'file' || field === 'phase') {
    return or(
      values.map((v) =>
        v === null ? sql<SqlBool>`${col} is null` : dialect.contains(col, foldValue(field, v)),
      ),
    );
  }
  return anyOf(
    col,
    values.map((v) => (v === null ? null : foldValue(field, v))),
  );
}

function dueCondition(value: string | null, today: string, dialect: SearchDialect): Cond {
  const due = dialect.due;
  const week = addDays(today, DUE_WEEK_DAYS);
  const month = addDays(today, DUE_MONTH_DAYS);
  switch (value) {
    case null:
      return sql<SqlBool>`i.due is null`;
    case 'overdue':
      return sql<SqlBool>`${due} < ${today}`;
    case 'today':
      return sql<SqlBool>`${due} = ${today}`;
    case 'week':
      return sql<SqlBool>`(${due} >= ${today} and ${due} <= ${week})`;
    case 'month':
      return sql<SqlBool>`(${due} > ${week} and ${due} <= ${month})`;
    case 'later':
      return sql<SqlBool>`${due} > ${month}`;
    default:
      return sql<SqlBool>`${due} = ${value}`;
  }
}

/** The due facet's bucket of each item, as matchesItem's `dueBucket` gives it. */
export function dueBucketExpr(today: string, dialect: SearchDialect): RawBuilder<string> {
  const due = dialect.due;
  return sql<string>`case when i.due is null then 'none' when ${due} < ${today} then 'overdue'
    when ${due} <= ${addDays(today, DUE_WEEK_DAYS)} then 'week'
    when ${due} <= ${addDays(today, DUE_MONTH_DAYS)} then 'month' else 'later' end`;
}

/** The folded words of a text term, for the dialects' phrase syntax. */
export function termWords(term: TextTerm): string[] {
  return tokenize(term.text);
}
