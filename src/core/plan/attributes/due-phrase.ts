/**
 * Due dates said on an item line: a due phrase in words (`due 2026-02-06`, `by next Friday`), a date
 * opening the title.
 */
import type { Field } from '../../model.js';
import { MONTH_NAME, WEEKDAY_NAME } from './dates.js';

/**
 * `by` in the languages plans are written in, with the article a date takes there (`bis 15.12.2026`,
 * `hasta el 15/01/2027`, `entro il 2027-01-15`, `avant le 15/01/2027`, `до 20.01.2027`): read before a
 * date written in figures, as the month names are English.
 */
const FOREIGN_BY = String.raw`bis(?:\s+zum)?|hasta(?:\s+el)?|até(?:\s+(?:o|dia))?|entro(?:\s+il)?|avant(?:\s+le)?|до`;
/** The words of a due phrase read only before figures: a target, and `by` in other languages. */
const FIGURES_ONLY_RE = new RegExp(`^(?:target|${FOREIGN_BY})`, 'iu');

/**
 * The rest of a range after its first day, in a due phrase: the last day, alone or with its month
 * (`due Dec 14–18`, `by Dec 14 – Dec 18`), or an ISO date after an arrow or dots. Its dash is a hyphen
 * or an en dash unspaced, or an en dash spaced: a spaced hyphen or em dash separates what follows.
 */
const RANGE_REST = String.raw`(?:(?:[-–]|[ \t]+–[ \t]+)(?:${MONTH_NAME}\s+)?\d{1,2}(?:st|nd|rd|th)?(?![\p{L}\p{N}:./-])|[ \t]*(?:→|->|\.\.)[ \t]*\d{4}-\d{2}-\d{2}(?!\d))?`;

/** The end of the working day said before a day (`by EOD Friday`, `due COB Dec 12`): the day is the date. */
const END_OF_DAY_LEAD = String.raw`(?:(?:EOD|COB|EOB|end\s+of\s+(?:the\s+)?(?:business\s+)?day)\s+(?:on\s+)?)?`;
/** The end of the working day said after a day (`due Friday EOD`, `by Dec 12, COB`). */
const END_OF_DAY_TAIL = String.raw`(?:,?[ \t]+(?:EOD|COB|EOB)(?![\p{L}\p{N}]))?`;

const DUE_PHRASE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(due(?:[ \t]+(?:by|on))?|by|before|eta|deadline|target(?:ing|\s+date)?|${FOREIGN_BY})\s+(\d{4}-\d{2}-\d{2}(?!\d)${RANGE_REST}|\d{4}\/\d{1,2}\/\d{1,2}(?![\d/])|\d{1,2}([./])\d{1,2}\3\d{4}(?![\d/]|\.\d)|(?:day|week)\s+\d{1,3}(?![\p{L}\p{N}])|${END_OF_DAY_LEAD}${MONTH_NAME}\s+\d{1,2}(?:st|nd|rd|th)?${RANGE_REST}(?:,?\s+\d{4}(?!\d)|(?![\p{L}\p{N}]))${END_OF_DAY_TAIL}|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_NAME},?\s+\d{4}(?!\d)|${END_OF_DAY_LEAD}(?:(?:this|next)\s+)?${WEEKDAY_NAME}(?![\p{L}\p{N}'’])${END_OF_DAY_TAIL}|in\s+\d{1,3}\s+(?:days?|weeks?)(?![\p{L}\p{N}])|(?:today|tomorrow)(?![\p{L}\p{N}'’])|EO[DWMQ](?![\p{L}\p{N}])|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month|quarter)(?![\p{L}\p{N}])|(?:(?:the\s+)?end\s+of\s+)?(?:[QH][1-4][ \t]*[-/]?[ \t]*\d{4}|\d{4}[ \t]*[-/]?[ \t]*[QH][1-4]|${MONTH_NAME}\s+\d{4})(?![\p{L}\p{N}]))|@\{(\d{4}-\d{2}-\d{2})\}`,
  'iu',
);
const HAS_DIGIT_RE = /\d/;
/** What a due phrase naming a weekday, today or tomorrow has: the day's name after one of its words. */
const WEEKDAY_HINT_RE =
  /(?:due(?:\s+on)?|by|before|eta|deadline|target(?:ing|\s+date)?)\s+(?:(?:this|next)\s+)?(?:mon|tue|wed|thu|fri|sat|sun|today|tomorrow)/i;
/** What a due phrase naming the end of the plan's day, week, month or quarter has: `EOW`, `end of`. */
const PERIOD_END_HINT_RE = /\bEO[DWMQB]\b|\bCOB\b|\bend\s+of\b/i;
/** What a due phrase needs besides its digits: one of its words, or a Kanban card's `@{`. */
const DUE_WORD_RE = /due|by|before|eta|deadline|target|bis|hasta|até|entro|avant|до|@\{/iu;

/** A date opening a title, set off by a dash or colon: `2026-03-01 — Kickoff`. */
const LEADING_DATE_RE = /^(\d{4}-\d{2}-\d{2})[ \t]*(?:[—–:|]|-(?=[ \t]))/;

/**
 * The date opening an item's title, set off by a dash or colon (`2026-03-01 — Kickoff`), as its due
 * date: the field spans the date and the separator. Read on items only: a changelog's dated bullets
 * are not tasks by it.
 */
export function readLeadingDate(s: string, base: number): Field | null {
  const lead = LEADING_DATE_RE.exec(s);
  if (lead === null) return null;
  const value = lead[1]!;
  return {
    key: 'due',
    rawKey: '',
    value,
    span: { start: base, end: base + lead[0].length },
    valueSpan: { start: base, end: base + value.length },
    style: 'kv',
  };
}

/**
 * A due date said in words on an item line: `due 2026-02-06`, `by 2025-02-01`, `before March 3, 2026`,
 * `ETA Jan 20`, `deadline 2026-03-01`, `due Day 3`, `by Week 2`, `due Mar 18`, `by Friday` and `by
 * next Friday` (against the plan's date), a period whose end it is (`by Q2 2027`, `by the end of March
 * 2027`, `due 2027-H1`), the end of the plan's day, week, month or quarter (`by EOW`, `due end of
 * month`), a target with figures (`target Q1 2027`, `targeting Dec 2026`), or an Obsidian Kanban
 * card's `@{2026-01-20}`. A period without its year (`by Q3`) is not
 * read: which year is meant is a guess.
 */
export function readDuePhrase(s: string, base: number): Field | null {
  if (
    !DUE_WORD_RE.test(s) ||
    !(HAS_DIGIT_RE.test(s) || WEEKDAY_HINT_RE.test(s) || PERIOD_END_HINT_RE.test(s))
  )
    return null;
  const m = DUE_PHRASE_RE.exec(s);
  if (!m) return null;
  // A target is a deadline when a date or period with its figures follows: `target Friday` may be a
  // build's target, `target Q1 2027` is not. So is `by` in another language (`bis Freitag` is not read).
  if (m[1] !== undefined && FIGURES_ONLY_RE.test(m[1]) && !HAS_DIGIT_RE.test(m[2]!)) return null;
  const start = base + m.index;
  const value = m[2] ?? m[4]!;
  const valueStart = m[2] ? start + m[0].length - value.length : start + 2;
  return {
    key: 'due',
    rawKey: m[1] ?? '@{',
    value,
    span: { start, end: start + m[0].length },
    valueSpan: { start: valueStart, end: valueStart + value.length },
    style: 'kv',
  };
}
