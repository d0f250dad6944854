/** Effort values in queries: a number with a unit, in minutes. */
import { DEFAULT_HOURS_PER_DAY } from '../plan/attributes/effort.js';

/** Larger efforts are refused (no plan estimates millennia, and the number stays an exact integer). */
export const MAX_EFFORT_MINUTES = 1_000_000_000;

const UNIT_MINUTES: readonly [RegExp, number][] = [
  [/^(?:m|mins?|minutes?)$/, 1],
  [/^(?:h|hrs?|hours?)$/, 60],
  [/^(?:d|days?)$/, DEFAULT_HOURS_PER_DAY * 60],
  [/^(?:w|wks?|weeks?)$/, 5 * DEFAULT_HOURS_PER_DAY * 60],
];

/** Minutes of `30m`, `1.5h`, `2d`, `1w` (a bare number is minutes), or null when it is not an effort. */
export function parseEffort(text: string): number | null {
  const m = /^(\d{1,12}(?:\.\d{1,6})?)([a-z]*)$/.exec(text.trim().toLowerCase());
  if (!m) return null;
  const unit = m[2]! === '' ? 1 : UNIT_MINUTES.find(([re]) => re.test(m[2]!))?.[1];
  if (unit === undefined) return null;
  const minutes = Math.round(Number(m[1]) * unit);
  return minutes <= MAX_EFFORT_MINUTES ? minutes : null;
}
