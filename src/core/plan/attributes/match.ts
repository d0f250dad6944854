/**
 * What the readers of an item line's fields share: a regex's match as a field, the first match of a
 * global regex.
 */
import type { Field, FieldStyle } from '../../model.js';

/** The first match of a global regex from the start; call `re.exec(s)` for the next ones (no iterator per call). */
export function first(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(s);
}

export function tok(
  key: string,
  rawKey: string,
  value: string,
  base: number,
  index: number,
  full: string,
  valueOffset: number,
  style: FieldStyle,
): Field {
  const start = base + index;
  return {
    key,
    rawKey,
    value,
    span: { start, end: start + full.length },
    valueSpan: { start: start + valueOffset, end: start + valueOffset + value.length },
    style,
  };
}
