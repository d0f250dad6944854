/** The query language: text and JSON forms, and the reference semantics the stores are tested against. */
export {
  COMPARISONS,
  CONTAINS_FIELDS,
  DUE_BUCKETS,
  type DueBucket,
  type FieldTerm,
  ITEM_KINDS,
  type QueryAst,
  type QueryField,
  type QueryTerm,
  queryAstSchema,
  queryTermSchema,
  STRING_FIELDS,
  type StringField,
  type TextTerm,
} from './ast.js';
export { facetCounts } from './facets.js';
export { foldText, foldValue, searchTexts, stringValues, tokenize } from './fold.js';
export { formatQuery } from './format.js';
export { dueBucket, matchesItem } from './match.js';
export { MAX_QUERY_CHARS, parseQuery } from './parse.js';
