/** The text form of a query AST: what `parseQuery` reads back as the same AST. */
import type { FieldTerm, QueryAst, QueryTerm } from './ast.js';
import { isBareText, isBareValue, quote } from './syntax.js';

/** Writes `ast` as query text; `parseQuery(formatQuery(ast))` deep-equals `ast`. */
export function formatQuery(ast: QueryAst): string {
  return ast.terms.map(formatTerm).join(' ');
}

function formatTerm(term: QueryTerm): string {
  const sign = term.negated ? '-' : '';
  if (term.field === 'text') {
    const text = isBareText(term.text) ? term.text : quote(term.text);
    return `${sign}${text}${term.prefix ? '*' : ''}`;
  }
  const op = term.op === '=' ? ':' : term.op;
  return `${sign}${term.field}${op}${formatValues(term).join(',')}`;
}

function formatValues(term: FieldTerm): string[] {
  switch (term.field) {
    case 'status':
    case 'kind':
      return term.values;
    case 'priority':
      return term.values.map((v) => (v === null ? 'none' : `P${v}`));
    case 'effort':
      return term.values.map((v) => (v === null ? 'none' : `${v}m`));
    case 'due':
      return term.values.map((v) => v ?? 'none');
    default:
      return term.values.map((v) => (v === null ? 'none' : isBareValue(v) ? v : quote(v)));
  }
}
