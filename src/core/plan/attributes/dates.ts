/** Dates: absolute forms to YYYY-MM-DD, relative plan days and weeks against the plan's own date. */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_NAMES =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH = String.raw`(${MONTH_NAMES})\.?`;
/** A month's name or abbreviation as the date reader takes it, for regexes that find dates in text. */
export const MONTH_NAME = String.raw`(?:${MONTH_NAMES})\.?`;
const ISO_RE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const MDY_RE = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DMY_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');
/** `Week 4`, `Day 2`, `Weeks 4-6`, in the languages plans are written in (`Semana 2`, `Woche 3`, `Jour 5`). */
const RELATIVE_RE =
  /\b(days?|weeks?|d[ií]as?|semanas?|semaines?|wochen?|settiman[ae]|jours?|giorn[oi])\s+(\d+)(?:\s*(?:-|–|to)\s*(\d+))?\b/i;
/** The same in Chinese and Japanese: `第2周`, `第1-2週`, `第3天`. */
const CJK_RELATIVE_RE = /第\s*(\d+)(?:\s*[-–~～]\s*(\d+))?\s*(周|週|天|日)/;
/** RELATIVE_RE's units that count days; the others count weeks. */
const DAY_UNIT_RE = /^(?:day|d[ií]a|jour|giorn)/i;

const MONTH_PREFIXES = MONTHS.map((m) => m.slice(0, 3));

/** A weekday's name or abbreviation (`Friday`, `Fri`, `Thurs.`), for regexes that find dates in text. */
export const WEEKDAY_NAME = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?`;
/** A value that is a weekday and nothing else, `this` or `next` before it or not: `Friday`, `next Thu`. */
const WEEKDAY_RE = new RegExp(String.raw`^(?:this\s+|(next)\s+)?(${WEEKDAY_NAME})$`, 'i');
const WEEKDAY_PREFIXES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** A date given as a distance from the plan's: `in 3 days`, `in 2 weeks`, `today`, `tomorrow`. */
const AHEAD_RE = /(?<![\p{L}\p{N}])(?:in\s+(\d{1,3})\s+(days?|weeks?)|(today)|tomorrow)(?![\p{L}\p{N}'’])/iu;

function namesMonth(text: string): boolean {
  const lower = text.toLowerCase();
  for (let i = 0; i < MONTH_PREFIXES.length; i++) if (lower.includes(MONTH_PREFIXES[i]!)) return true;
  return false;
}

function monthIndex(name: string): number {
  const n = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(n));
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function valid(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]!) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function toIso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export interface DateMatch {
  readonly date: string;
  readonly index: number;
  readonly length: number;
}

/** The first absolute date in `text`: ISO `2025-11-03` (times ignored), `November 26, 2025`, `26 Nov 2025`. */
export function readAbsoluteDate(text: string): DateMatch | null {
  const iso = ISO_RE.exec(text);
  if (iso) {
    const date = valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) return { date, index: iso.index, length: iso[0].length };
  }
  // Both named-month forms need a month's first three letters: most values have none.
  if (namesMonth(text)) {
    const mdy = MDY_RE.exec(text);
    if (mdy) {
      const date = valid(Number(mdy[3]), monthIndex(mdy[1]!) + 1, Number(mdy[2]));
      if (date) return { date, index: mdy.index, length: mdy[0].length };
    }
    const dmy = DMY_RE.exec(text);
    if (dmy) {
      const date = valid(Number(dmy[3]), monthIndex(dmy[2]!) + 1, Number(dmy[1]));
      if (date) return { date, index: dmy.index, length: dmy[0].length };
    }
  }
  return text.includes('.') || text.includes('/') ? readNumericDate(text) : null;
}

const YMD_NUMERIC_RE = /(?<![\d./])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d/]|\.\d)/;
const DOTTED_RE = /(?<![\d./])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d/]|\.\d)/;
const SLASHED_RE = /(?<![\d./])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/]|\.\d)/;

/**
 * A date in digits with dots or slashes: `2026/03/15`, `15.03.2026` (dots put the day first, as the
 * languages that write them do), `03/15/2026` or `15/03/2026` where the numbers decide which is the
 * month. `03/04/2026` could be either, and is not read.
 */
function readNumericDate(text: string): DateMatch | null {
  const ymd = YMD_NUMERIC_RE.exec(text);
  if (ymd) {
    const date = valid(Number(ymd[1]), Number(ymd[3]), Number(ymd[4]));
    return date ? { date, index: ymd.index, length: ymd[0].length } : null;
  }
  const dotted = DOTTED_RE.exec(text);
  const slashed = SLASHED_RE.exec(text);
  const m = dotted && (!slashed || dotted.index < slashed.index) ? dotted : slashed;
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const [day, month] = m === dotted || a > 12 ? [a, b] : b > 12 ? [b, a] : [0, 0];
  const date = valid(Number(m[3]), month, day);
  return date ? { date, index: m.index, length: m[0].length } : null;
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(iso: string, days: number): string {
  return toIso(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * A calendar week, as German and business plans number them (`KW 52`, `CW 50-51`, `KW 3/2027`), or
 * ISO's (`2026-W52`): the week's number, the last of a range, and its year when stated.
 */
const CALENDAR_WEEK_RE =
  /(?<![A-Za-z0-9])(?:(?:KW|CW)[ \t]*(\d{1,2})(?:[ \t]*[-–][ \t]*(?:(?:KW|CW)[ \t]*)?(\d{1,2}))?(?:[ \t]*\/[ \t]*(\d{4}))?|(\d{4})-?W(\d{2}))(?![A-Za-z0-9])/i;

/** Whether `text` is a calendar week and nothing else (`KW 52`, `2026-W52`). */
export function isCalendarWeek(text: string): boolean {
  const m = CALENDAR_WEEK_RE.exec(text);
  return m !== null && m.index === 0 && m[0].length === text.length;
}

/**
 * The Friday (the end of a working week, as EOW is) of the calendar week `text` names (see
 * CALENDAR_WEEK_RE): ISO weeks, the first holding January 4th. Without its year, in `anchor`'s year,
 * or the next when that would end it more than half a year before `anchor`, as a month and day is
 * placed; null without either.
 */
function calendarWeek(text: string, anchor: string | null): DateMatch | null {
  if (!/[KCW]/i.test(text)) return null;
  const m = CALENDAR_WEEK_RE.exec(text);
  if (m === null) return null;
  const week = Number(m[5] ?? m[2] ?? m[1]);
  const stated = m[4] ?? m[3];
  if (week < 1 || week > 53 || (stated === undefined && anchor === null)) return null;
  const fridayOf = (year: number) => {
    const jan4 = Date.UTC(year, 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
    return toIso(monday + ((week - 1) * 7 + 4) * 86_400_000);
  };
  let date = fridayOf(Number(stated ?? anchor!.slice(0, 4)));
  if (stated === undefined && daysBetween(date, anchor!) > 183)
    date = fridayOf(Number(anchor!.slice(0, 4)) + 1);
  return { date, index: m.index, length: m[0].length };
}

/** A month and day without a year: `Mar 18`, `March 3rd`. */
const MONTH_DAY_RE = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d)`, 'i');

/** Whether `text` is a month and day without a year and nothing else (`Dec 18`, `March 3rd`). */
export function isMonthDay(text: string): boolean {
  if (text.length > 16 || !namesMonth(text)) return false;
  const m = MONTH_DAY_RE.exec(text);
  return m !== null && m.index === 0 && m[0].length === text.length;
}

/**
 * Resolves a date value: absolute, a calendar week (`KW 52`: its Friday), or relative to the plan's
 * date (`Day 1` is the plan date, `Week 2` ends 13 days after it, `Week 4-6` ends with week 6; `Mar
 * 18` is in the plan date's year, or the next when that would put it more than half a year before
 * the plan date; `Friday` is the first Friday on or after it). Null when relative and the plan
 * states no date. Without a plan date, a month and day is placed by `yearAnchor` as it would be by
 * one (a date the section's schedule names), which says nothing of where `Day 1` or a weekday is.
 */
export function resolveDate(
  text: string,
  planDate: string | null,
  yearAnchor: string | null = null,
): DateMatch | null {
  const abs = readAbsoluteDate(text);
  if (abs) return abs;
  const anchor = planDate ?? yearAnchor;
  const week = calendarWeek(text, anchor);
  if (week) return week;
  if (anchor && namesMonth(text)) {
    const md = MONTH_DAY_RE.exec(text);
    const year = Number(anchor.slice(0, 4));
    const month = md ? monthIndex(md[1]!) + 1 : 0;
    let date = md ? valid(year, month, Number(md[2])) : null;
    if (date && daysBetween(date, anchor) > 183) date = valid(year + 1, month, Number(md![2]));
    if (date) return { date, index: md!.index, length: md![0].length };
  }
  // A weekday is the first such day on or after the plan's date: `due Friday` in a plan of Wednesday
  // 2026-03-04 is due 2026-03-06. `next Friday` is the Friday of the week after the plan's (weeks from
  // Monday): 2026-03-13.
  const weekday = planDate ? WEEKDAY_RE.exec(text.trim()) : null;
  if (weekday && planDate) {
    const want = WEEKDAY_PREFIXES.indexOf(weekday[2]!.slice(0, 3).toLowerCase());
    const from = new Date(`${planDate}T00:00:00Z`).getUTCDay();
    const ahead = weekday[1] ? 7 - ((from + 6) % 7) + ((want + 6) % 7) : (want - from + 7) % 7;
    return {
      date: addDays(planDate, ahead),
      index: text.indexOf(weekday[0]),
      length: weekday[0].length,
    };
  }
  // `in 3 days`, `in 2 weeks`, `today`, `tomorrow`: counted from the plan's date.
  const ahead = planDate ? AHEAD_RE.exec(text) : null;
  if (ahead && planDate) {
    const days = ahead[1] ? Number(ahead[1]) * (/^w/i.test(ahead[2]!) ? 7 : 1) : ahead[3] ? 0 : 1;
    return { date: addDays(planDate, days), index: ahead.index, length: ahead[0].length };
  }
  const rel = planDate ? readRelative(text) : null;
  if (!rel || !planDate) return null;
  const offset = rel.days ? rel.last - 1 : rel.last * 7 - 1;
  return { date: addDays(planDate, Math.max(0, offset)), index: rel.index, length: rel.length };
}

/** `Week 4`, `Days 2-3`, `第2週`: where it stands, the last day or week it names, and which it counts. */
function readRelative(text: string): { index: number; length: number; last: number; days: boolean } | null {
  const rel = RELATIVE_RE.exec(text);
  if (rel)
    return {
      index: rel.index,
      length: rel[0].length,
      last: Number(rel[3] ?? rel[2]),
      days: DAY_UNIT_RE.test(rel[1]!),
    };
  const cjk = text.includes('第') ? CJK_RELATIVE_RE.exec(text) : null;
  if (cjk === null) return null;
  return {
    index: cjk.index,
    length: cjk[0].length,
    last: Number(cjk[2] ?? cjk[1]),
    days: /[天日]/.test(cjk[3]!),
  };
}

/**
 * A value that is a period and nothing else: `Q1 2027`, `2026-H2`, `December 2026`, `end of Q3 2026`,
 * `the end of March 2027`.
 */
const WHOLE_PERIOD_RE =
  /^(?:(?:(?:the\s+)?end\s+of|by|before)\s+)?(?:[QH][1-4]\s*[-/]?\s*\d{4}|\d{4}\s*[-/]?\s*[QH][1-4]|\p{L}{3,9}\.?\s+\d{4})$/iu;

/**
 * The date a due field's value names (`2026-03-01`, `Mar 18`, `Week 4`), or the last day of the
 * period it names whole (`Q1 2027`, `December 2026`): work due in a quarter is due by its end. A
 * month or quarter without its year (`ETA: March`, `target: Q1`) is placed against the plan's date as
 * a month and day is: a key says it is a date, where in a sentence (`by March`) readDuePhrase does not
 * read one.
 */
export function readDueValue(
  given: string,
  planDate: string | null,
  yearAnchor: string | null = null,
): string | null {
  // A deadline's word before the date (`by Friday`, `by EOW`, `before Dec 18`), as a tracker's When
  // column writes it, says what the key says.
  const by = BY_RE.exec(given);
  // The end of the working day on a day is that day (`EOD Friday`, `Dec 12 COB`).
  const value = withoutEndOfDay(by === null ? given : given.slice(by[0].length));
  // Work scheduled over a range of days is due by its last (`Dec 14–18`, `2026-12-14 → 2026-12-18`).
  const range = wholeDateRange(value);
  const r = resolveDate(range === null ? value : range.date, planDate, yearAnchor);
  if (r) return r.date;
  if (range !== null) return null;
  if (value.length > 32) return null;
  if (WHOLE_PERIOD_RE.test(value)) return periodEnd(value);
  // A year and month in ISO's order (`2026-10`), as roadmaps' target columns give them.
  const ym = YEAR_MONTH_RE.exec(value);
  if (ym !== null)
    return Number(ym[2]) >= 1 && Number(ym[2]) <= 12 ? lastDayOfMonth(Number(ym[1]), Number(ym[2])) : null;
  const anchor = planDate ?? yearAnchor;
  const alone = anchor === null ? null : periodAloneEnd(value, anchor);
  if (alone !== null) return alone;
  return planDate === null ? null : endOfPlanPeriod(value, planDate);
}

/** `EOD`, `COB` or `end of (business) day` before a day (`EOD Friday`, `end of day on Dec 12`). */
const END_OF_DAY_BEFORE_RE =
  /^[ \t]*(?:EOD|COB|EOB|end[ \t]+of[ \t]+(?:the[ \t]+)?(?:business[ \t]+)?day)[ \t]+(?:on[ \t]+)?(?=\S)/i;
/** `EOD` or `COB` after a day (`Friday EOD`, `Dec 12, COB`). */
const END_OF_DAY_AFTER_RE = /(?<=\S),?[ \t]+(?:EOD|COB|EOB)[ \t]*$/i;

/** A due value without the end of the working day said before or after its day: the day is the date. */
function withoutEndOfDay(value: string): string {
  if (!/eod|cob|eob|end/i.test(value)) return value;
  return value.replace(END_OF_DAY_BEFORE_RE, '').replace(END_OF_DAY_AFTER_RE, '');
}

/** `by` or `before` opening a due value, and the white space after it. */
const BY_RE = /^[ \t]*(?:by|before)[ \t]+(?=\S)/i;

/** A year and a month and nothing else: `2026-10`, `2026/10`. */
const YEAR_MONTH_RE = /^\s*(\d{4})[-/](\d{2})\s*$/;

/** A month or a quarter or half without its year, and nothing else: `March`, `Mar`, `end of Q1`, `H2`. */
const PERIOD_ALONE_RE = new RegExp(
  String.raw`^(?:(?:the\s+)?end\s+of\s+|by\s+|before\s+)?(?:${MONTH}|([QH])([1-4]))$`,
  'i',
);

/**
 * The last day of the month, quarter or half that `value` names without its year (see
 * PERIOD_ALONE_RE), in the year of `anchor` (the plan's date), or the next when that would end it more
 * than half a year before the anchor, as a month and day without a year is placed (resolveDate).
 */
function periodAloneEnd(value: string, anchor: string): string | null {
  const m = PERIOD_ALONE_RE.exec(value.trim());
  if (m === null) return null;
  const n = Number(m[3]);
  const month = m[1] !== undefined ? monthIndex(m[1]) + 1 : m[2]!.toUpperCase() === 'Q' ? n * 3 : n * 6;
  if (month < 1 || month > 12) return null;
  const year = Number(anchor.slice(0, 4));
  const end = lastDayOfMonth(year, month);
  return daysBetween(end, anchor) > 183 ? lastDayOfMonth(year + 1, month) : end;
}

/**
 * A plan date for namesDate to read a value that counts from one against (`Week 4`, `Friday`): which
 * date does not matter, only whether the value names one.
 */
const PROBE_DATE = '2000-01-03';

/**
 * Whether a value names a date or a period (`2026-03-01`, `Dec 3`, `Week 4`, `Q1 2027`, `EOW`): a
 * target so is a deadline, where other targets (`100 req/s`) say what the work aims at.
 */
export function namesDate(value: string): boolean {
  return readDueValue(value, PROBE_DATE) !== null;
}

/** `EOD`, `EOW`, `EOM`, `EOQ` and `end of (the) day / week / month / quarter`: the period's unit. */
const PLAN_PERIOD_END_RE = /^(?:EO([DWMQ])|(?:the\s+)?end\s+of\s+(?:the\s+)?(day|week|month|quarter))$/i;

/** Whether a value names the end of the plan's day, week, month or quarter (`EOW`, `end of month`). */
export function namesPlanPeriodEnd(value: string): boolean {
  return PLAN_PERIOD_END_RE.test(value.trim());
}

/**
 * The last day of the plan's day, week (its Friday, the end of a working week), month or quarter
 * that `value` names (`EOW`, `end of month`), against the plan's date; null for other values.
 */
function endOfPlanPeriod(value: string, planDate: string): string | null {
  const m = PLAN_PERIOD_END_RE.exec(value.trim());
  if (m === null) return null;
  const unit = (m[1] ?? m[2]!.charAt(0)).toUpperCase();
  const year = Number(planDate.slice(0, 4));
  const month = Number(planDate.slice(5, 7));
  if (unit === 'D') return planDate;
  if (unit === 'M') return lastDayOfMonth(year, month);
  if (unit === 'Q') return lastDayOfMonth(year, Math.ceil(month / 3) * 3);
  // The Friday of the plan date's week (weeks from Monday); a weekend date's week is over: its Friday.
  const day = new Date(`${planDate}T00:00:00Z`).getUTCDay();
  return addDays(planDate, 5 - (day === 0 ? 7 : day));
}

/** A deadline a heading states in words before a date: `(target: 2026-03-01)`, `— due May 15, 2026`. */
// One run of white space before the separator, one after it: `\s*[:=]?\s*` splits a long run of
// white space between its two halves in every way when what follows fails.
const DEADLINE_RE = /\b(?:due(?: by| on)?|target(?: date)?|deadline|by|eta)\s*(?:[:=]\s*)?(?=\d|[a-z])/gi;

/**
 * A schedule window named in a heading: `(Week 4-6)`, `Week 3 -`, `Day 2`, or a deadline stated
 * before an absolute date (`## v1.2 (target: 2026-03-01)`, `## Beta — due May 15, 2026`). A date
 * without such a word (`## 2026-03-01 review`) is the heading's subject, not its deadline.
 */
export function readWindow(title: string): string | null {
  // The calendar's days before the plan's weeks: `Week 50 (Dec 7–11, 2026)` ends on Dec 11.
  const range = readDateRange(title);
  if (range) return range.date;
  const deadline = /\d{4}/.test(title) ? readDeadline(title) : null;
  if (deadline) return deadline;
  // A calendar week (`Sprint 51 (KW 51-52)`) before the plan's own weeks.
  const cw = /[KCW]/i.test(title) ? CALENDAR_WEEK_RE.exec(title) : null;
  if (cw) return cw[0];
  const m = readRelative(title);
  if (m) return title.slice(m.index, m.index + m.length);
  return /\d{4}/.test(title) ? periodEnd(title) : null;
}

/** An absolute date after a deadline's word (`(target: 2026-03-01)`, `— due May 15, 2026`), or null. */
function readDeadline(title: string): string | null {
  DEADLINE_RE.lastIndex = 0;
  for (let d = DEADLINE_RE.exec(title); d; d = DEADLINE_RE.exec(title)) {
    // A date is at most 20 characters (`September 30th, 2026`): look no further, so a long heading
    // of many such words stays linear.
    const rest = title.slice(d.index + d[0].length, d.index + d[0].length + 24);
    const date = readAbsoluteDate(rest);
    if (date && date.index === 0) return rest.slice(0, date.length);
  }
  return null;
}

/** A day of a month (`Dec 12`, `12 Dec`, `Dec 12th, 2026`), or an ISO date. */
const DAY_OF = String.raw`\d{4}-\d{2}-\d{2}|${MONTH_NAME}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_NAME}(?:,?\s+\d{4})?`;

/**
 * A heading that is a day of a planner and nothing more: a weekday, a weekday and its date, or a date
 * and its weekday (`## Monday`, `## Tuesday (Dec 8)`, `### Wed, Dec 9`, `## 2026-12-10 (Thursday)`).
 */
const DAY_HEADING_RE = new RegExp(
  String.raw`^(?:(${WEEKDAY_NAME})(?:,?[ \t]*\(?[ \t]*(${DAY_OF})[ \t]*\)?)?|(${DAY_OF})[ \t]*(?:[(—–-]|,)?[ \t]*${WEEKDAY_NAME}[ \t]*\)?)$`,
  'i',
);
/** The longest day heading: a weekday and a date with its year. */
const MAX_DAY_HEADING = 40;

/**
 * The day a heading names when it is a day of a planner (DAY_HEADING_RE), as a date to resolve against
 * the plan's date: its date when it states one, else its weekday. Null for other headings (`Friday
 * demo`, `Mondays`).
 */
export function dayOfHeading(title: string): string | null {
  if (title.length > MAX_DAY_HEADING) return null;
  const m = DAY_HEADING_RE.exec(title.trim());
  return m === null ? null : (m[2] ?? m[3] ?? m[1]!);
}
/**
 * Two days with a range's dash, arrow, dots or word between them (`Dec 1 – Dec 12`, `2026-12-15 →
 * 2026-12-26`, `2026-12-15..2026-12-26`, `Jan 6 - Jan 17, 2027`), or a month's days (`Jan 6-17`): the
 * start's month, the end, and where the end starts (the `d` flag).
 */
const DATE_RANGE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?<start>${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?|${DAY_OF})[ \t]*(?:[-–—→]|->|\.\.|\b(?:to|until|through|thru)\b)[ \t]*(?<end>(?<date>${DAY_OF})|(?<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<year>\d{4}))?)(?![\p{L}\p{N}])`,
  'iud',
);

/** A range of dates: its first and last day as dates the plan's date resolves, and where it is written. */
export interface DateRange {
  /** The first day as a date to resolve (`Dec 14` for `14 Dec – 18 Dec`). */
  readonly start: string;
  /** The last day as a date to resolve (`Dec 18` for `Dec 14–18`). */
  readonly date: string;
  /** Offsets of the range in the text read. */
  readonly index: number;
  readonly length: number;
  /** Offsets of the last day as written (`18` of `Dec 14–18`). */
  readonly endIndex: number;
  readonly endLength: number;
}

/** `12 Dec` without a year written month first (`Dec 12`), as the plan's date resolves a month and a day. */
export function monthFirst(day: string): string {
  const dm = /^(\d{1,2})(?:st|nd|rd|th)?\s+(\p{L}+\.?)$/u.exec(day);
  return dm ? `${dm[2]} ${dm[1]}` : day;
}

/** The first range of dates in `text` (see DATE_RANGE_RE), or null. */
function readDateRange(text: string): DateRange | null {
  if (!namesMonth(text) && !/\d{4}-\d\d-\d\d/.test(text)) return null;
  const r = DATE_RANGE_RE.exec(text);
  if (r === null) return null;
  const g = r.groups!;
  const [endIndex, endEnd] = r.indices!.groups!.end!;
  const at = { index: r.index, length: r[0].length, endIndex, endLength: endEnd - endIndex };
  const start = monthFirst(g.start!);
  if (g.date !== undefined) return { ...at, start, date: monthFirst(g.date) };
  // `Jan 6-17`: the days of the start's month.
  const month = /^(\p{L}+\.?)\s/u.exec(start);
  if (month === null) return null;
  return { ...at, start, date: `${month[1]} ${g.day}${g.year ? `, ${g.year}` : ''}` };
}

/**
 * The first day of a range that ends on `end`: its date as written, or a month and day without a
 * year in the year before the end's when it would fall after the end in the end's year (`Dec 28 –
 * Jan 3, 2027`). Null when the start is no date.
 */
export function rangeStart(range: DateRange, end: string): string | null {
  const abs = readAbsoluteDate(range.start);
  if (abs !== null) return abs.date;
  const md = isMonthDay(range.start) ? MONTH_DAY_RE.exec(range.start) : null;
  if (md === null) return null;
  const year = Number(end.slice(0, 4));
  const month = monthIndex(md[1]!) + 1;
  const date = valid(year, month, Number(md[2]));
  return date !== null && date > end ? valid(year - 1, month, Number(md[2])) : date;
}

/** The range of dates `value` is, but for white space around it (`Dec 14–18`), or null. */
export function wholeDateRange(value: string): DateRange | null {
  if (value.length > MAX_RANGE) return null;
  const r = readDateRange(value);
  if (r === null) return null;
  const lead = value.length - value.trimStart().length;
  return r.index === lead && r.index + r.length === value.trimEnd().length ? r : null;
}
/** The longest range wholeDateRange reads: `September 30th, 2026 – December 31st, 2026`. */
const MAX_RANGE = 48;

const QUARTER_RE = /\b(?:([QH])([1-4])\s*[-/]?\s*(\d{4})|(\d{4})\s*[-/]?\s*([QH])([1-4]))\b/i;
const MONTH_YEAR_RE = new RegExp(String.raw`(?<![\d.,/-]\s*)\b${MONTH}\s+(\d{4})\b`, 'i');

/**
 * The last day of a period a heading is named for: a quarter or half (`Q2 2026`, `2026-Q3`, `H1
 * 2027`), or a month (`March 2026`), as an ISO date; null when it names none.
 */
function periodEnd(title: string): string | null {
  const q = QUARTER_RE.exec(title);
  if (q) {
    const year = Number(q[3] ?? q[4]);
    const kind = (q[1] ?? q[5])!.toUpperCase();
    const n = Number(q[2] ?? q[6]);
    if (kind === 'H' && n > 2) return null;
    return lastDayOfMonth(year, kind === 'Q' ? n * 3 : n * 6);
  }
  if (!namesMonth(title)) return null;
  const my = MONTH_YEAR_RE.exec(title);
  return my ? lastDayOfMonth(Number(my[2]), monthIndex(my[1]!) + 1) : null;
}

function lastDayOfMonth(year: number, month: number): string {
  return toIso(Date.UTC(year, month, 0));
}

/**
 * `iso` written in the shape of the whole date `old` is (`Dec 14, 2026` → `Jan 5, 2027`, `14th
 * December 2026`, `14.12.2026` → `05.01.2027`, `2026/12/14`), so that an edit keeps the plan's way
 * of writing its dates; `iso` itself when `old` is no such date, or is ISO, or the date written
 * would not read back as `iso`.
 */
export function dateLike(old: string, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return iso;
  const year = m[1]!;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const t = old.trim();
  // An org timestamp (`<2026-12-12 Sat>`, inactive `[2026-12-12 Sat]`) stays one, its weekday the date's.
  const org = ORG_STAMP_RE.exec(t);
  if (org !== null) {
    const weekday = WEEKDAYS[new Date(Date.UTC(Number(year), month - 1, day)).getUTCDay()]!;
    return `${org[1]}${iso} ${org[2] === org[2]!.toUpperCase() ? weekday.toUpperCase() : weekday}${org[3]}`;
  }
  const out = writtenLike(t, year, month, day);
  if (out === null) return iso;
  // What is written must read back as the date asked for, whole.
  const back = readAbsoluteDate(out);
  return back !== null && back.date === iso && back.index === 0 && back.length === out.length ? out : iso;
}

/** The date of `year`, `month` and `day` in the shape of `t`, or null when `t` has none of the shapes. */
function writtenLike(t: string, year: string, month: number, day: number): string | null {
  const mdy = MDY_SHAPE_RE.exec(t);
  if (mdy !== null)
    return `${monthLike(mdy[1]!, month)}${mdy[2]}${mdy[3]}${day}${mdy[4] ? ordinal(day) : ''}${mdy[5]}${mdy[6]}${year}`;
  const dmy = DMY_SHAPE_RE.exec(t);
  if (dmy !== null)
    return `${day}${dmy[1] ? ordinal(day) : ''}${dmy[2]}${monthLike(dmy[3]!, month)}${dmy[4]}${dmy[5]}${dmy[6]}${year}`;
  const ymd = YMD_SHAPE_RE.exec(t);
  if (ymd !== null) return `${year}${ymd[1]}${padLike(month, ymd[2]!)}${ymd[1]}${padLike(day, ymd[3]!)}`;
  const dotted = DOTTED_SHAPE_RE.exec(t);
  if (dotted !== null) return `${padLike(day, dotted[1]!)}.${padLike(month, dotted[2]!)}.${year}`;
  return null;
}

/** An org timestamp of a day: `<2026-12-12 Sat>`, `[2026-12-12 Sat]`. */
const ORG_STAMP_RE = /^([<[])\d{4}-\d{2}-\d{2}[ \t]+([A-Za-z]{3})([>\]])$/;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MDY_SHAPE_RE = /^([A-Za-z]{3,9})(\.?)([ \t]+)\d{1,2}(st|nd|rd|th)?(,?)([ \t]+)\d{4}$/;
const DMY_SHAPE_RE = /^\d{1,2}(st|nd|rd|th)?([ \t]+)([A-Za-z]{3,9})(\.?)(,?)([ \t]+)\d{4}$/;
const YMD_SHAPE_RE = /^\d{4}([./])(\d{1,2})\1(\d{1,2})$/;
const DOTTED_SHAPE_RE = /^(\d{1,2})\.(\d{1,2})\.\d{4}$/;

/** Month `month` (1–12) named as `sample` names one: in full or in three letters, in its case. */
function monthLike(sample: string, month: number): string {
  const full = MONTHS[month - 1]!;
  const inFull = sample.length > 3 && MONTHS.includes(sample.toLowerCase());
  const name = inFull ? full : full.slice(0, 3);
  if (sample === sample.toUpperCase()) return name.toUpperCase();
  if (sample[0] === sample[0]!.toUpperCase()) return name[0]!.toUpperCase() + name.slice(1);
  return name;
}

/** `n` with two digits when `sample` has two (`05`), else as it is. */
function padLike(n: number, sample: string): string {
  return sample.length === 2 && n < 10 ? `0${n}` : String(n);
}

/** The ordinal suffix of a day: `st` of 1, 21 and 31, `nd` of 2 and 22, `rd` of 3 and 23, else `th`. */
function ordinal(day: number): string {
  if (day % 10 === 1 && day !== 11) return 'st';
  if (day % 10 === 2 && day !== 12) return 'nd';
  if (day % 10 === 3 && day !== 13) return 'rd';
  return 'th';
}
