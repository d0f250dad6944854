/**
 * The text form of a query: `priority:P0 status:todo,doing owner:alice due<2026-01-01 tag:docker
 * "exact phrase" dock* -word -status:done`. A hand-written scanner (no backtracking regular
 * expressions over user input); every error names the bad token with its column and a caret line.
 */
import { TmError } from '../errors.js';
import { STATUSES, type Status } from '../model.js';
import { readPriorityValue } from '../plan/attributes/priority.js';
import { readStatusValue } from '../plan/attributes/status.js';
import {
  type Comparison,
  DUE_BUCKETS,
  type DueBucket,
  hasSearchableText,
  ITEM_KINDS,
  isIsoDate,
  MAX_PRIORITY_RANK,
  ORDERED_FIELDS,
  type QueryAst,
  type QueryField,
  type QueryTerm,
  type StringField,
} from './ast.js';
import { FIELD_START, isSpace } from './syntax.js';
import { parseEffort } from './units.js';

/** Longer queries are refused: no one types them, and they bound the work a request can cause. */
export const MAX_QUERY_CHARS = 4096;

/** Field names as typed, with their aliases. */
const FIELD_NAMES: ReadonlyMap<string, Exclude<QueryField, 'text'>> = new Map([
  ['status', 'status'],
  ['is', 'status'],
  ['priority', 'priority'],
  ['prio', 'priority'],
  ['owner', 'owner'],
  ['assignee', 'owner'],
  ['section', 'section'],
  ['category', 'category'],
  ['tag', 'tag'],
  ['tags', 'tag'],
  ['file', 'file'],
  ['path', 'file'],
  ['kind', 'kind'],
  ['type', 'kind'],
  ['id', 'id'],
  ['key', 'key'],
  ['due', 'due'],
  ['effort', 'effort'],
  ['estimate', 'effort'],
  ['phase', 'phase'],
]);

const FIELD_LIST = [...new Set(FIELD_NAMES.values())].join(', ');

const KIND_NAMES: ReadonlyMap<string, (typeof ITEM_KINDS)[number]> = new Map([
  ['checkbox', 'checkbox'],
  ['task', 'checkbox'],
  ['heading', 'heading'],
  ['status-bullet', 'status-bullet'],
  ['bullet', 'status-bullet'],
  ['file', 'file'],
  ['table-row', 'table-row'],
  ['row', 'table-row'],
]);

/** A value as written, with where it was written (for errors). */
interface RawValue {
  readonly text: string;
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
}

/** Parses the text form of a query; throws TM_USAGE (or TM_TOO_LARGE) pointing at the bad token. */
export function parseQuery(source: string): QueryAst {
  if (source.length > MAX_QUERY_CHARS) {
    throw new TmError(
      'TM_TOO_LARGE',
      `The query is ${source.length} characters long, over the ${MAX_QUERY_CHARS} limit; shorten it.`,
      { length: source.length },
    );
  }
  return new Parser(source).parse();
}

class Parser {
  private pos = 0;
  private readonly terms: QueryTerm[] = [];

  constructor(private readonly src: string) {}

  parse(): QueryAst {
    const { src } = this;
    while (this.skipSpace() < src.length) {
      const start = this.pos;
      let negated = false;
      if (src[this.pos] === '-') {
        negated = true;
        this.pos++;
        // A lone `-` has nothing to exclude.
        if (this.atBoundary()) continue;
      }
      if (src[this.pos] === '"') this.quotedText(negated);
      else {
        FIELD_START.lastIndex = this.pos;
        const m = FIELD_START.exec(src);
        if (m) this.fieldTerm(m[1]!, m[2]!, negated, start);
        else this.bareText(negated);
      }
    }
    return { terms: this.terms };
  }

  private skipSpace(): number {
    while (this.pos < this.src.length && isSpace(this.src[this.pos]!)) this.pos++;
    return this.pos;
  }

  private atBoundary(): boolean {
    return this.pos >= this.src.length || isSpace(this.src[this.pos]!);
  }

  private expectBoundary(what: string): void {
    if (this.atBoundary()) return;
    const ch = String.fromCodePoint(this.src.codePointAt(this.pos)!);
    this.fail(
      this.pos,
      this.pos + ch.length,
      `unexpected ${JSON.stringify(ch)} after ${what}; put a space between terms`,
    );
  }

  private quotedText(negated: boolean): void {
    const value = this.quoted();
    let prefix = false;
    if (this.src[this.pos] === '*') {
      prefix = true;
      this.pos++;
    }
    this.expectBoundary('the closing quote');
    if (hasSearchableText(value.text)) this.terms.push({ field: 'text', text: value.text, prefix, negated });
  }

  private bareText(negated: boolean): void {
    const start = this.pos;
    while (!this.atBoundary()) {
      if (this.src[this.pos] === '"') {
        this.fail(this.pos, this.pos + 1, 'a quote can only start a term; put a space before it');
      }
      this.pos++;
    }
    let text = this.src.slice(start, this.pos);
    const prefix = text.endsWith('*');
    if (prefix) text = text.slice(0, -1);
    // Punctuation alone (`—`, `*`) has nothing to search for, so it restricts nothing.
    if (hasSearchableText(text)) this.terms.push({ field: 'text', text, prefix, negated });
  }

  /** Reads a double-quoted string at the current position. */
  private quoted(): RawValue {
    const { src } = this;
    const start = this.pos;
    let out = '';
    let i = start + 1;
    while (i < src.length && src[i] !== '"') {
      if (src[i] === '\\' && i + 1 < src.length) i++;
      out += src[i];
      i++;
    }
    if (i >= src.length) this.fail(start, start + 1, 'this quote is never closed; add the closing "');
    this.pos = i + 1;
    return { text: out, quoted: true, start, end: this.pos };
  }

  private fieldTerm(name: string, opText: string, negated: boolean, start: number): void {
    const nameStart = this.pos;
    const field = FIELD_NAMES.get(name.toLowerCase());
    if (!field) {
      this.fail(
        nameStart,
        nameStart + name.length,
        `unknown field "${name}"; fields are ${FIELD_LIST}. To search for the text, put it in quotes`,
      );
    }
    this.pos += name.length + opText.length;
    let op = opText === ':' || opText === '=' ? '=' : opText;
    // GitHub style `due:<2026-01-01` reads as `due<2026-01-01`.
    if (opText === ':') {
      const after = /<=|>=|<|>/y;
      after.lastIndex = this.pos;
      const m = after.exec(this.src);
      if (m && ORDERED_FIELDS.has(field)) {
        op = m[0];
        this.pos += m[0].length;
      }
    }
    if (op !== '=' && !ORDERED_FIELDS.has(field)) {
      this.fail(
        nameStart,
        this.pos,
        `${field} takes no comparison; compare priority, due or effort, or write ${field}:value`,
      );
    }
    const values = this.values(field, start);
    if (op !== '=' && values.length > 1) {
      this.fail(values[1]!.start - 1, this.pos, `a comparison takes one value, not a list`);
    }
    this.expectBoundary(`the value of ${field}`);
    this.terms.push(this.term(field, op as '=' | Comparison, values, negated));
  }

  /** Reads `value(,value)*`, each bare or quoted. */
  private values(field: string, termStart: number): RawValue[] {
    const out: RawValue[] = [];
    const { src } = this;
    for (;;) {
      const start = this.pos;
      let value: RawValue;
      if (src[this.pos] === '"') value = this.quoted();
      else {
        while (!this.atBoundary() && src[this.pos] !== ',' && src[this.pos] !== '"') this.pos++;
        value = { text: src.slice(start, this.pos), quoted: false, start, end: this.pos };
      }
      if (value.text === '') {
        const at = out.length === 0 ? termStart : start;
        this.fail(at, Math.max(this.pos, at + 1), `${field} needs a value here`);
      }
      out.push(value);
      if (src[this.pos] !== ',') return out;
      this.pos++;
    }
  }

  private term(
    field: Exclude<QueryField, 'text'>,
    op: '=' | Comparison,
    raw: readonly RawValue[],
    negated: boolean,
  ): QueryTerm {
    const none = (v: RawValue) => !v.quoted && v.text.toLowerCase() === 'none';
    switch (field) {
      case 'status':
        return { field, op: '=', values: raw.flatMap((v) => this.status(v)), negated };
      case 'kind':
        return { field, op: '=', values: raw.map((v) => this.kind(v)), negated };
      case 'priority': {
        const values = raw.map((v) => (none(v) && op === '=' ? null : this.priority(v)));
        return op === '='
          ? { field, op, values, negated }
          : { field, op, values: [values[0] as number], negated };
      }
      case 'due': {
        const values = raw.map((v) => (none(v) && op === '=' ? null : this.due(v, op)));
        return op === '='
          ? { field, op, values, negated }
          : { field, op, values: [values[0] as string], negated };
      }
      case 'effort': {
        const values = raw.map((v) => (none(v) && op === '=' ? null : this.effort(v)));
        return op === '='
          ? { field, op, values, negated }
          : { field, op, values: [values[0] as number], negated };
      }
      default:
        return {
          field: field satisfies StringField,
          op: '=',
          values: raw.map((v) => (none(v) ? null : v.text)),
          negated,
        };
    }
  }

  private status(v: RawValue): Status[] {
    const word = v.text.trim().toLowerCase();
    if ((STATUSES as readonly string[]).includes(word)) return [word as Status];
    if (word === 'open') return ['todo', 'doing', 'blocked'];
    if (word === 'closed') return ['done', 'cancelled'];
    const read = readStatusValue(v.text);
    if (read && read.text.trim().length === v.text.trim().length) return [read.status];
    return this.fail(
      v.start,
      v.end,
      `"${v.text}" is not a status; use ${STATUSES.join(', ')}, open or closed`,
    );
  }

  private kind(v: RawValue): (typeof ITEM_KINDS)[number] {
    const kind = KIND_NAMES.get(v.text.trim().toLowerCase());
    if (kind) return kind;
    return this.fail(v.start, v.end, `"${v.text}" is not an item kind; use ${ITEM_KINDS.join(', ')}`);
  }

  private priority(v: RawValue): number {
    const p = /^p([0-9]+)$/i.exec(v.text.trim());
    const rank = p ? Number(p[1]) : (readPriorityValue(v.text)?.rank ?? -1);
    if (rank >= 0 && rank <= MAX_PRIORITY_RANK) return rank;
    return this.fail(
      v.start,
      v.end,
      `"${v.text}" is not a priority; use P0 (highest) to P${MAX_PRIORITY_RANK}, a MoSCoW word (must, should, could, won't), high, medium, low or none`,
    );
  }

  private due(v: RawValue, op: '=' | Comparison): string {
    const text = v.text.trim();
    if (isIsoDate(text)) return text;
    const bucket = text.toLowerCase();
    if (op === '=' && (DUE_BUCKETS as readonly string[]).includes(bucket)) return bucket as DueBucket;
    const hint =
      op === '=' ? `a date like 2026-01-31, or ${DUE_BUCKETS.join(', ')} or none` : 'a date like 2026-01-31';
    return this.fail(v.start, v.end, `"${v.text}" is not a due date here; use ${hint}`);
  }

  private effort(v: RawValue): number {
    const minutes = parseEffort(v.text);
    if (minutes !== null) return minutes;
    return this.fail(
      v.start,
      v.end,
      `"${v.text}" is not an effort; use a number with a unit: 30m, 4h, 2d (8 hours), 1w (5 days)`,
    );
  }

  private fail(start: number, end: number, message: string): never {
    throw queryError(this.src, start, end, message);
  }
}

/** Columns of the caret line shown around the error, at most. */
const WINDOW = 72;

/** A TM_USAGE error naming the column of `[start, end)` and showing the query with a caret line under it. */
function queryError(src: string, start: number, end: number, message: string): TmError {
  // Columns count code points; control characters (a pasted newline) show as spaces.
  const before = [...src.slice(0, start)].map(printable);
  const token = [...src.slice(start, Math.max(end, start + 1))].map(printable);
  const after = [...src.slice(Math.max(end, start + 1))].map(printable);
  const column = before.length + 1;
  const keep = Math.max(0, Math.min(before.length, WINDOW - Math.min(token.length, WINDOW) - 8));
  const shownBefore = before.length > keep ? ['…', ...before.slice(before.length - keep)] : before;
  const shownToken = token.slice(0, WINDOW);
  const room = Math.max(0, WINDOW - shownBefore.length - shownToken.length);
  const shownAfter = after.length > room ? [...after.slice(0, room), '…'] : after;
  const line = [...shownBefore, ...shownToken, ...shownAfter].join('');
  const caret = `${shownBefore.map((c) => (c === '\t' ? '\t' : ' ')).join('')}${'^'.repeat(Math.max(1, shownToken.length))}`;
  return new TmError('TM_USAGE', `Invalid query at column ${column}: ${message}.\n  ${line}\n  ${caret}`, {
    column,
    token: src.slice(start, end),
  });
}

function printable(ch: string): string {
  return /[\p{Cc}\p{Zl}\p{Zp}]/u.test(ch) && ch !== '\t' ? ' ' : ch;
}
