/**
 * Lexical rules the parser and the formatter share, so that whatever `formatQuery` writes bare,
 * `parseQuery` reads back as the same token.
 */

/** Whitespace separates terms (Unicode white space, as JavaScript's `\s` has it). */
export function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

/** A field name followed by its operator: `status:`, `due<=`, `priority>`, `owner=`. */
export const FIELD_START = /([A-Za-z]+)(<=|>=|:|=|<|>)/y;

/** Words that are not text but a field name with an operator; formatted in quotes to stay text. */
function looksLikeField(word: string): boolean {
  FIELD_START.lastIndex = 0;
  return FIELD_START.test(word);
}

/** A field value that reads back unquoted as itself. */
export function isBareValue(value: string): boolean {
  return /^[^\s",]+$/u.test(value) && !/^none$/i.test(value) && !/^[<>=]/.test(value);
}

/** Free text that reads back unquoted as itself (with no trailing `*`, which would make it a prefix). */
export function isBareText(text: string): boolean {
  return /^[^\s"]+$/u.test(text) && !text.startsWith('-') && !text.endsWith('*') && !looksLikeField(text);
}

/** A double-quoted string; `"` and `\` are escaped with a backslash. */
export function quote(s: string): string {
  return `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
