/** Moving the end of the range of days a due field holds (`Dec 14–18`), written as the end was. */
import type { Field, Item, Plan } from '../model.js';
import {
  type DateRange,
  dateLike,
  isMonthDay,
  monthFirst,
  rangeStart,
  resolveDate,
  wholeDateRange,
} from '../plan/attributes/dates.js';
import type { Edit } from './splice.js';

/**
 * The edit that moves the end of the range of days a due field's value is to `iso`, written as the
 * end was: the day alone in the start's month (`Dec 14–18` → `Dec 14–21`), else as the end's date was
 * (`Dec 14, 2026 – Jan 3, 2027`). Null where the range would not read back so: a new end before its
 * start, a year the plan's date would place elsewhere. Then the whole value is written as a date.
 */
export function rangeEndEdit(plan: Plan, item: Item, f: Field, range: DateRange, iso: string): Edit | null {
  // Offsets in the value are offsets in the plan only where the value is the text its span holds.
  if (plan.text.slice(f.valueSpan.start, f.valueSpan.end) !== f.value) return null;
  if (item.due === null) return null;
  const anchor = plan.facts.date ?? item.due;
  const first = rangeStart(range, item.due);
  if (first === null || first > iso) return null;
  const endText = f.value.slice(range.endIndex, range.endIndex + range.endLength);
  const dayOnly = /^\d{1,2}(?:st|nd|rd|th)?$/i.test(endText);
  const text =
    dayOnly && first.slice(0, 7) === iso.slice(0, 7)
      ? String(Number(iso.slice(8)))
      : yearLessLike(dayOnly ? range.date : endText, iso);
  const value = f.value.slice(0, range.endIndex) + text + f.value.slice(range.endIndex + range.endLength);
  const read = wholeDateRange(value);
  if (read === null || resolveDate(read.date, plan.facts.date, anchor)?.date !== iso) return null;
  const at = f.valueSpan.start + range.endIndex;
  return { start: at, end: at + range.endLength, text };
}

/**
 * `iso` written as `old` is, where `old` is a day and month without a year (`Dec 18`, `18 Dec`): in
 * that shape without a year (`Jan 4`), which the caller checks reads back as `iso`; else as dateLike
 * writes it.
 */
function yearLessLike(old: string, iso: string): string {
  if (!isMonthDay(monthFirst(old))) return dateLike(old, iso);
  for (const withYear of [`${old}, 2000`, `${old} 2000`]) {
    const written = dateLike(withYear, iso);
    if (written !== iso) return written.replace(/,?\s+\d{4}$/, '');
  }
  return iso;
}
