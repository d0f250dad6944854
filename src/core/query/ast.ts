/**
 * The query AST: the JSON form of a search, equal in power to the text form (`parseQuery` and
 * `formatQuery` convert between them). A query is the conjunction of its terms; a field term matches
 * when the item's value is any of the term's values (or, for a comparison, compares true).
 *
 * Values are kept as the user wrote them (`owner:Alice` stays `Alice`); matching folds case and
 * diacritics (see fold.ts). Statuses, kinds, priorities, dates and efforts are kept normalised, since
 * they are compared, not searched.
 */
import { z } from 'zod';
import { STATUSES } from '../model.js';
import { MAX_EFFORT_MINUTES } from './units.js';

export const ITEM_KINDS = ['checkbox', 'heading', 'status-bullet', 'file', 'table-row'] as const;

/** Fields whose values are strings compared after folding; `none` (null) matches items without one. */
export const STRING_FIELDS = ['owner', 'section', 'category', 'tag', 'file', 'key', 'id', 'phase'] as const;
export type StringField = (typeof STRING_FIELDS)[number];

/** String fields that match when the item's value contains the query value, not only when it equals it. */
export const CONTAINS_FIELDS: ReadonlySet<StringField> = new Set(['section', 'file', 'phase']);

export const COMPARISONS = ['<', '<=', '>', '>='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/**
 * Due-date buckets, relative to `today`: overdue (before today), today, week (today to 7 days on),
 * month (8 to 30 days on), later (over 30 days on). All but `today` partition the dated items, and
 * are the due facet's values.
 */
export const DUE_BUCKETS = ['overdue', 'today', 'week', 'month', 'later'] as const;
export type DueBucket = (typeof DUE_BUCKETS)[number];

/** Highest priority rank (0 = critical … 4 = lowest), as the plan model has it. */
export const MAX_PRIORITY_RANK = 4;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** True when the text holds something to search for: a letter or a digit. */
export function hasSearchableText(s: string): boolean {
  return /[\p{L}\p{N}]/u.test(s);
}

const negated = z.boolean().describe('true when the term is excluded (`-term`)');

const textTerm = z
  .object({
    field: z.literal('text'),
    text: z
      .string()
      .refine(hasSearchableText, 'a text term needs a letter or a digit')
      .describe('a word or a phrase; its words must appear in this order'),
    prefix: z.boolean().describe('the last word matches as a prefix (`dock*`)'),
    negated,
  })
  .describe('free text: words in the title, ID, sections, owner, category, phase, priority and tags');

const equality = z.literal('=');

const statusTerm = z.object({
  field: z.literal('status'),
  op: equality,
  values: z.array(z.enum(STATUSES)).min(1),
  negated,
});

const kindTerm = z.object({
  field: z.literal('kind'),
  op: equality,
  values: z.array(z.enum(ITEM_KINDS)).min(1),
  negated,
});

const stringTerm = z.object({
  field: z.enum(STRING_FIELDS),
  op: equality,
  values: z
    .array(z.string().min(1).nullable())
    .min(1)
    .describe('null matches items without a value (`owner:none`)'),
  negated,
});

const rank = z.number().int().min(0).max(MAX_PRIORITY_RANK);
const date = z.string().refine(isIsoDate, 'a date written YYYY-MM-DD');
const minutes = z.number().int().min(0).max(MAX_EFFORT_MINUTES);

const priorityTerm = z.union([
  z.object({ field: z.literal('priority'), op: equality, values: z.array(rank.nullable()).min(1), negated }),
  z.object({ field: z.literal('priority'), op: z.enum(COMPARISONS), values: z.tuple([rank]), negated }),
]);

const dueTerm = z.union([
  z.object({
    field: z.literal('due'),
    op: equality,
    values: z.array(z.union([date, z.enum(DUE_BUCKETS)]).nullable()).min(1),
    negated,
  }),
  z.object({ field: z.literal('due'), op: z.enum(COMPARISONS), values: z.tuple([date]), negated }),
]);

const effortTerm = z.union([
  z.object({ field: z.literal('effort'), op: equality, values: z.array(minutes.nullable()).min(1), negated }),
  z.object({ field: z.literal('effort'), op: z.enum(COMPARISONS), values: z.tuple([minutes]), negated }),
]);

export const queryTermSchema = z.union([
  textTerm,
  statusTerm,
  kindTerm,
  stringTerm,
  priorityTerm,
  dueTerm,
  effortTerm,
]);

/** The JSON form of a query: the items matching every term. No terms: every item. */
export const queryAstSchema = z
  .object({ terms: z.array(queryTermSchema).describe('all must match') })
  .describe('a taskmark search query');

export type QueryAst = z.infer<typeof queryAstSchema>;
export type QueryTerm = z.infer<typeof queryTermSchema>;
export type TextTerm = z.infer<typeof textTerm>;
export type FieldTerm = Exclude<QueryTerm, TextTerm>;
export type QueryField = QueryTerm['field'];

/** Fields that take `<`, `<=`, `>` and `>=`. */
export const ORDERED_FIELDS: ReadonlySet<QueryField> = new Set(['priority', 'due', 'effort']);
