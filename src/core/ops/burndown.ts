/** Sprint burndown and velocity from recorded item events: pure functions over records and events. */
import type { ItemEvent, ItemRecord } from '../store/port.js';

const CLOSED = new Set(['done', 'cancelled']);

export interface SprintItemState {
  readonly key: string;
  readonly file: string;
  readonly effortMinutes: number | null;
  /** When it was closed (ISO), '' when it was closed before any recorded event, null while open. */
  readonly closedAt: string | null;
}

/** The item's closing time: the last change to done or cancelled, if it is closed now. */
export function sprintItemState(item: ItemRecord, events: readonly ItemEvent[]): SprintItemState {
  let closedAt: string | null = null;
  if (CLOSED.has(item.status)) {
    closedAt = '';
    for (const e of events)
      if (e.type === 'status_changed' && typeof e.to === 'string' && CLOSED.has(e.to) && e.at > closedAt)
        closedAt = e.at;
  }
  return { key: item.key, file: item.file, effortMinutes: item.effortMinutes, closedAt };
}

export interface BurndownPoint {
  readonly date: string;
  readonly remaining: number;
  readonly remainingMinutes: number;
  /** The straight line from the first day's total to zero on the last day. */
  readonly ideal: number;
}

function addDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Items still open at the end of each day of the sprint, up to `today`. */
export function burndown(
  items: readonly SprintItemState[],
  startsOn: string,
  endsOn: string,
  today: string,
): BurndownPoint[] {
  const days: string[] = [];
  for (let d = startsOn; d <= endsOn && days.length < 366; d = addDay(d)) days.push(d);
  const total = items.length;
  const last = Math.max(days.length - 1, 1);
  return days
    .filter((d) => d <= today)
    .map((date, i) => {
      const open = items.filter(
        (it) => it.closedAt === null || (it.closedAt !== '' && it.closedAt.slice(0, 10) > date),
      );
      return {
        date,
        remaining: open.length,
        remainingMinutes: open.reduce((n, it) => n + (it.effortMinutes ?? 0), 0),
        ideal: Math.round((total - (total * i) / last) * 100) / 100,
      };
    });
}

/** Items (and their effort) closed between the sprint's first and last day. */
export function completedWithin(
  items: readonly SprintItemState[],
  startsOn: string,
  endsOn: string,
): { items: number; minutes: number } {
  const done = items.filter(
    (it) =>
      it.closedAt !== null &&
      it.closedAt !== '' &&
      it.closedAt.slice(0, 10) >= startsOn &&
      it.closedAt.slice(0, 10) <= endsOn,
  );
  return { items: done.length, minutes: done.reduce((n, it) => n + (it.effortMinutes ?? 0), 0) };
}
