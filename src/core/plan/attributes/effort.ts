/** Effort estimates normalised to minutes, ranges kept. */
import type { Effort } from '../../model.js';

export const DEFAULT_HOURS_PER_DAY = 8;
const DAYS_PER_WEEK = 5;

/**
 * The units of other languages, by the English unit they stand for: Chinese, Japanese and Korean
 * after the number (`2天`, `4小时`, `3日間`, `2시간`), and the words of the languages status words are
 * read in (`3 días`, `2 Tage`, `4 heures`, `2 недели`). Not `日` alone: after a number it as often
 * ends a date (`12月5日`).
 */
const FOREIGN_UNITS: ReadonlyMap<string, string> = new Map(
  [
    ['m', '分钟 分鐘 minutos minuten minuti минут минуты минута'],
    ['h', '小时 小時 時間 시간 horas hora heures heure stunden stunde std ore ora uur часов часа час'],
    ['d', '天 日間 días dias día dia jours jour tagen tage tag giorni giorno dagen dag дней дня день'],
    [
      'w',
      '周 週 semanas semana semaines semaine wochen woche settimane settimana weken недель недели неделя',
    ],
    ['mo', 'meses mes mois monate monat mesi mese maanden месяцев месяца месяц'],
  ].flatMap(([unit, words]) => words!.split(' ').map((w) => [w, unit!] as const)),
);
/** The units of an estimate, English and others, as a regex group. */
export const UNIT = `(minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo|${[...FOREIGN_UNITS.keys()].join('|')})`;
const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const effortSource = (notLetter: string) =>
  `${NUM}(?:\\s*(?:-|–|—|to)\\s*${NUM})?\\s*${UNIT}(?!${notLetter})`;
/**
 * `(2h)`, `[2h]`, `(~2h)`, `(≈30 min)`, `~3d`, `~ 2 days`, and after a word for it, in brackets or not:
 * `(est. 3d)`, `(estimate 2-3 days)`, `(est ~4h)`, `est. 3h`; an abbreviated unit's period before the
 * closing bracket (`(2 Std.)`). No two runs of white space meet in it
 * (`\s*~?\s*` would be): the regex would try every split of a long run, quadratic in its length.
 */
const inlineSource = (notLetter: string) =>
  `(?:[([]\\s*(?:est(?:imated?)?\\.?\\s+(?:[~≈]\\s*)?|[~≈]\\s*)?|(?<!${notLetter})est(?:imated?)?\\.?\\s+[~≈]?|[~≈]\\s*)${effortSource(notLetter)}(?:\\.(?=\\s*[)\\]]))?\\s*[)\\]]?`;
/**
 * The unit must not run on into a letter. The regexes test only ASCII after it, without the `u` flag;
 * the exact forms (`(?![\p{L}])`, `iu`) read the rare text where that is not the same: a non-ASCII
 * character after the unit, or `ſ` or the Kelvin sign, which Unicode case folding matches to `s` and `k`.
 * Unicode classes and case folding cost milliseconds to compile for two-byte text; these are compiled
 * only when such text comes. `(?<!\d)`: a number starts where its digits do. The leftmost match is
 * the same (a match inside a run of digits is one from the run's start too), and a long run of digits
 * is not tried again from each of them, quadratic in its length.
 */
const EFFORT_RE = new RegExp(`(?<!\\d)${effortSource('[a-z]')}`, 'i');
const INLINE_EFFORT_RE = new RegExp(inlineSource('[a-z]'), 'i');
let effortExact: RegExp | null = null;
let inlineExact: RegExp | null = null;
const HAS_DIGIT_RE = /\d/;

/**
 * Whether a match of a regex without Unicode folding is what its exact form finds in `text`: `end` is
 * where the match ends (null: no match). A non-ASCII letter after the unit ends the match there.
 */
function sameAsExact(text: string, end: number | null): boolean {
  if (text.includes('\u017f') || text.includes('\u212a')) return false;
  return end === null || !(text.charCodeAt(end) >= 128);
}

function effortMatch(text: string): RegExpExecArray | null {
  const m = EFFORT_RE.exec(text);
  if (sameAsExact(text, m ? m.index + m[0].length : null)) return m;
  effortExact ??= new RegExp(`(?<!\\d)${effortSource('[\\p{L}]')}`, 'iu');
  return effortExact.exec(text);
}

function inlineEffortMatch(text: string): RegExpExecArray | null {
  const m = INLINE_EFFORT_RE.exec(text);
  // `est` must not follow a letter either: the regex tests only ASCII before it.
  const afterLetter = m !== null && text.charCodeAt(m.index - 1) >= 128 && /^e/i.test(m[0]);
  if (!afterLetter && sameAsExact(text, m ? m.index + m[0].length : null)) return m;
  inlineExact ??= new RegExp(inlineSource('[\\p{L}]'), 'iu');
  return inlineExact.exec(text);
}

function unitMinutes(unit: string, hoursPerDay: number): number {
  const lower = unit.toLowerCase();
  const u = FOREIGN_UNITS.get(lower) ?? lower;
  if (u.startsWith('mo')) return 20 * hoursPerDay * 60;
  if (u.startsWith('m')) return 1;
  if (u.startsWith('h')) return 60;
  if (u.startsWith('d')) return hoursPerDay * 60;
  return DAYS_PER_WEEK * hoursPerDay * 60;
}

/** Reads the first effort in `text` (`0.5 days`, `3-5 days`, `30 min`, `18h`, `2-3 hours`). */
export function readEffort(text: string, hoursPerDay = DEFAULT_HOURS_PER_DAY): Effort | null {
  const m = effortMatch(text);
  return m ? toEffort(m, unitMinutes(m[3]!, hoursPerDay)) : null;
}

/** The estimate a match gives (`m[1]`, to `m[2]` when a range, its text `m[0]`), at `per` minutes a unit. */
function toEffort(m: RegExpExecArray, per: number): Effort {
  const low = Number(m[1]!.replace(',', '.')) * per;
  const high = m[2] ? Number(m[2].replace(',', '.')) * per : null;
  return { minutes: Math.round(low), maxMinutes: high === null ? null : Math.round(high), text: m[0] };
}

/**
 * Units a value read under an estimate's key may end with, which alone after a number may be a date
 * or a time of day elsewhere (`12月5日`, `3시 30분`): `見積：3日`, `공수: 2일`, `예상: 30분`.
 */
const KEYED_UNITS: ReadonlyMap<string, string> = new Map([
  ['日', 'd'],
  ['일', 'd'],
  ['주', 'w'],
  ['분', 'm'],
  ['개월', 'mo'],
  ['ヶ月', 'mo'],
  ['か月', 'mo'],
  ['カ月', 'mo'],
]);
const KEYED_EFFORT_RE =
  /^(\d+(?:[.,]\d+)?)(?:\s*[-–~〜～]\s*(\d+(?:[.,]\d+)?))?\s*(日|일|주|분|개월|ヶ月|か月|カ月)$/;

/** The estimate that is the value of an estimate's field (`3-5 days`, `見積：3日`), or null. */
export function readEffortValue(value: string, hoursPerDay = DEFAULT_HOURS_PER_DAY): Effort | null {
  const effort = readEffort(value, hoursPerDay);
  if (effort !== null) return effort;
  const m = KEYED_EFFORT_RE.exec(value.trim());
  return m ? toEffort(m, unitMinutes(KEYED_UNITS.get(m[3]!)!, hoursPerDay)) : null;
}

/** An effort written inline on an item line: `(2h)`, `[2h]`, `~3d`, `(30 min)`, `est. 3h`. */
export function readInlineEffort(
  text: string,
  hoursPerDay = DEFAULT_HOURS_PER_DAY,
): { effort: Effort; index: number; length: number } | null {
  // Every inline effort has a digit; most titles have none, so skip the Unicode regex for them.
  if (!HAS_DIGIT_RE.test(text)) return null;
  const m = inlineEffortMatch(text);
  if (!m) return null;
  const close = closingOf(m[0]);
  if (close === null) return null;
  const effort = readEffort(m[0], hoursPerDay);
  return effort ? { effort, index: m.index, length: close } : null;
}

/**
 * The length of an inline estimate as read: one opened by a bracket must close with its own (`(2h)`,
 * `[2h]`; null otherwise); one opened by a word or a tilde does not take a bracket after it (`(see
 * est. 3h)`, `(about ~3d)`): that bracket closes what opened before it.
 */
function closingOf(match: string): number | null {
  const open = match.charCodeAt(0);
  const last = match.charCodeAt(match.length - 1);
  if (open === 40) return last === 41 ? match.length : null;
  if (open === 91) return last === 93 ? match.length : null;
  if (last === 41 || last === 93) return match.length - 1;
  return match.length;
}
