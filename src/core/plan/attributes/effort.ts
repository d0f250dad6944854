/** Effort estimates normalised to minutes, ranges kept. */
import type { Effort } from '../../model.js';

export const DEFAULT_HOURS_PER_DAY = 8;
const DAYS_PER_WEEK = 5;

const UNIT = `(minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo)`;
const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const EFFORT_RE = new RegExp(`${NUM}(?:\\s*(?:-|–|—|to)\\s*${NUM})?\\s*${UNIT}(?![\\p{L}])`, 'iu');

const INLINE_EFFORT_RE = new RegExp(`(?:\\(\\s*|~)${EFFORT_RE.source}\\s*\\)?`, 'iu');
const HAS_DIGIT_RE = /\d/;

function unitMinutes(unit: string, hoursPerDay: number): number {
  const u = unit.toLowerCase();
  if (u.startsWith('mo')) return 20 * hoursPerDay * 60;
  if (u.startsWith('m')) return 1;
  if (u.startsWith('h')) return 60;
  if (u.startsWith('d')) return hoursPerDay * 60;
  return DAYS_PER_WEEK * hoursPerDay * 60;
}

/** Reads the first effort in `text` (`0.5 days`, `3-5 days`, `30 min`, `18h`, `2-3 hours`). */
export function readEffort(text: string, hoursPerDay = DEFAULT_HOURS_PER_DAY): Effort | null {
  const m = EFFORT_RE.exec(text);
  if (!m) return null;
  const per = unitMinutes(m[3]!, hoursPerDay);
  const low = Number(m[1]!.replace(',', '.')) * per;
  const high = m[2] ? Number(m[2].replace(',', '.')) * per : null;
  return { minutes: Math.round(low), maxMinutes: high === null ? null : Math.round(high), text: m[0] };
}

/** An effort written inline on an item line: `(2h)`, `~3d`, `(30 min)`. */
export function readInlineEffort(
  text: string,
  hoursPerDay = DEFAULT_HOURS_PER_DAY,
): { effort: Effort; index: number; length: number } | null {
  // Every inline effort has a digit; most titles have none, so skip the Unicode regex for them.
  if (!HAS_DIGIT_RE.test(text)) return null;
  const m = INLINE_EFFORT_RE.exec(text);
  if (!m) return null;
  if (m[0].startsWith('(') && !m[0].endsWith(')')) return null;
  const effort = readEffort(m[0], hoursPerDay);
  return effort ? { effort, index: m.index, length: m[0].length } : null;
}
