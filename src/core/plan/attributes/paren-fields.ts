/** Parenthesised lists of fields on an item line: `(owner: Bob, due: 2026-12-01)`, `[est: 2h]`, `{owner: kim}`. */
import type { Field } from '../../model.js';
import { namesDate } from './dates.js';
import { FOREIGN_KEYS, normaliseKey } from './keys.js';
import { first, tok } from './match.js';

/**
 * A priority or an estimate standing alone as a piece of a parenthesised list: it ends the piece before
 * it, as a mention or a tag opening a piece does (`(due: Friday, @kim)`).
 */
const PAREN_MARK = String.raw`(?:P[0-4]|~?\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?\s*(?:minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo))`;
/** The keys that open a parenthesised list of fields: `(owner: Kim, due: Fri)`, `(fällig: 05.12.2026)`. */
const PAREN_OPENERS = [
  ...'owner owners assignee assignees due deadline eta priority prio effort estimate est status state points sp target size'.split(
    ' ',
  ),
  'assigned to',
  'due date',
  'target date',
  'story points',
  't-shirt size',
  ...FOREIGN_KEYS.map(([w]) => w),
];
/**
 * In square brackets too (`[owner: Omar]`, `[est: 2h]`), as agents write them, not a Dataview field
 * (`[due:: …]`), whose reader reads it; and in braces, as a mapping is written inline (`{owner: kim}`).
 */
const PAREN_OPEN_RE = new RegExp(
  String.raw`\(\s*(?=(?:${PAREN_OPENERS.join('|')})\s*:)|[[{]\s*(?=(?:${PAREN_OPENERS.join('|')})\s*:(?!:))`,
  'giu',
);
/** The first characters of PAREN_OPENERS, lower case: a list opens only where one follows `(` or `[`. */
const PAREN_FIRST = new Set(PAREN_OPENERS.map((k) => k.charAt(0)));
const pieceSource = (close: string) =>
  String.raw`([\p{L}][\p{L} _-]{0,20}?)\s*:\s*((?:(?![,;]\s*(?:\p{L}[\p{L} _-]{0,20}:|${PAREN_MARK}\s*[,;${close}]|[@#][\p{L}_]))[^${close}])*)`;
// A value stops before a bracket of its list's kind opening inside it (`(owner: Bo (infra), P1)`): the
// list is not one of fields, and its text stays whole.
const PAREN_PIECE_RE = new RegExp(pieceSource('()'), 'uy');
const BRACKET_PIECE_RE = new RegExp(pieceSource('\\[\\]'), 'uy');
const BRACE_PIECE_RE = new RegExp(pieceSource('{}'), 'uy');

/** The keys a parenthesised list gives its item; other pieces (`note: call first`) stay text. */
const PAREN_KEYS: ReadonlySet<string> = new Set([
  'owner',
  'due',
  'priority',
  'effort',
  'status',
  'points',
  'target',
  'size',
]);

/**
 * Whether PAREN_OPEN_RE can match: an opening parenthesis before one of its keys, in any case. `ſ` and
 * the Kelvin sign are the characters its case folding maps onto a key's letters that lower-casing keeps.
 */
export function mayOpenParenFields(s: string): boolean {
  if (s.includes('\u017f') || s.includes('\u212a')) return true;
  const lower = s.toLowerCase();
  for (const opener of ['(', '[', '{']) {
    for (let i = lower.indexOf(opener); i >= 0; i = lower.indexOf(opener, i + 1)) {
      let k = i + 1;
      while (lower.charCodeAt(k) === 32 || lower.charCodeAt(k) === 9) k++;
      if (PAREN_FIRST.has(lower.charAt(k))) return true;
    }
  }
  return false;
}

/**
 * The fields of every parenthesised list in `s` that opens with an item's key (see PAREN_OPEN_RE):
 * `(owner: Bob)`, `(owner: Priya, due: 2026-12-01)`, `(due: Friday; priority: high)`. Each piece runs
 * to the next `, key:` or `; key:`. A field spans its `key: value`; the parentheses and separators
 * stay, and go with the fields when an edit removes them.
 */
export function readParenFields(s: string, base: number): Field[] {
  const out: Field[] = [];
  for (let m = first(PAREN_OPEN_RE, s); m; m = PAREN_OPEN_RE.exec(s)) {
    let pos = m.index + m[0].length;
    const opened = pos;
    const opener = s.charCodeAt(m.index);
    // A link's or an image's text, a wiki link, an escaped bracket, a template's braces: no list.
    if ((opener === 91 && !isOwnBracket(s, m.index)) || (opener === 123 && !isOwnBrace(s, m.index))) {
      PAREN_OPEN_RE.lastIndex = m.index + 1;
      continue;
    }
    const pieceRe = opener === 91 ? BRACKET_PIECE_RE : opener === 123 ? BRACE_PIECE_RE : PAREN_PIECE_RE;
    const before = out.length;
    for (;;) {
      pieceRe.lastIndex = pos;
      const p = pieceRe.exec(s);
      if (!p) break;
      const key = normaliseKey(p[1]!);
      const value = p[2]!.trimEnd();
      // A target opens a list where it is a date (`(target: Dec 2026)`), a deadline: `(target: 100
      // req/s)` is what the work aims at, and the title's.
      if (key === 'target' && pos === opened && !namesDate(value)) break;
      if (PAREN_KEYS.has(key) && value !== '') {
        const valueAt = p[0].indexOf(value, p[1]!.length + 1);
        out.push(tok(key, p[1]!, value, base, p.index, p[0].slice(0, valueAt + value.length), valueAt, 'kv'));
      }
      pos = p.index + p[0].length;
      const c = s.charCodeAt(pos);
      if (c === opener) {
        out.length = before;
        break;
      }
      if (c !== 44 && c !== 59) break;
      pos++;
      while (s.charCodeAt(pos) === 32 || s.charCodeAt(pos) === 9) pos++;
    }
    PAREN_OPEN_RE.lastIndex = Math.max(pos, m.index + 1);
  }
  return out;
}

/**
 * Whether the square bracket at `open` opens a group of its own, closed on the line: not a link's or
 * an image's text (`[owner: Bo](…)`, `![…]`), a reference (`[…]: url`), a wiki link or an escape.
 */
function isOwnBracket(s: string, open: number): boolean {
  const before = s.charCodeAt(open - 1);
  if (before === 91 || before === 33 || before === 92) return false;
  const close = s.indexOf(']', open);
  if (close < 0) return false;
  const after = s.charCodeAt(close + 1);
  return after !== 40 && after !== 91 && after !== 93 && after !== 58;
}

/**
 * Whether the brace at `open` opens a group of its own, closed on the line: not a template's (`{{
 * owner: kim }}`) or an escaped or TeX one (`\\{`, `$x_{a}$`).
 */
function isOwnBrace(s: string, open: number): boolean {
  const before = s.charCodeAt(open - 1);
  if (before === 123 || before === 92 || before === 36 || before === 94 || before === 95) return false;
  const close = s.indexOf('}', open);
  return close >= 0 && s.charCodeAt(close + 1) !== 125;
}
