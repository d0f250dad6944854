/** Due dates: overdue open items, open items due within the configured window, and due dates no calendar day. */
import type { Item, Plan } from '../../model.js';
import type { Rule } from '../types.js';
import { daysBetween, describe, isClosed, itemSpan } from '../util.js';

export const overdue: Rule = {
  id: 'overdue',
  severity: 'warning',
  description: 'An open item whose due date has passed.',
  *check(plan, ctx) {
    for (const item of plan.items) {
      if (isClosed(item) || item.due === null || inheritsDue(item, plan)) continue;
      const late = daysBetween(item.due, ctx.today);
      if (late <= 0) continue;
      yield {
        span: itemSpan(item),
        message: `${describe(item)} was due ${item.due}${dueSource(item, plan)} and is ${late} day${late === 1 ? '' : 's'} overdue; it is ${item.status}.`,
      };
    }
  },
};

export const dueSoon: Rule = {
  id: 'due-soon',
  severity: 'info',
  description: 'An open item due within the next days (lint.dueSoonDays, default 7).',
  *check(plan, ctx) {
    for (const item of plan.items) {
      if (isClosed(item) || item.due === null || inheritsDue(item, plan)) continue;
      const left = daysBetween(ctx.today, item.due);
      if (left < 0 || left > ctx.dueSoonDays) continue;
      yield {
        span: itemSpan(item),
        message: `${describe(item)} is due ${left === 0 ? 'today' : `in ${left} day${left === 1 ? '' : 's'}`} (${item.due})${dueSource(item, plan)} and is ${item.status}.`,
      };
    }
  },
};

export const unplacedDue: Rule = {
  id: 'unplaced-due',
  severity: 'warning',
  description:
    'An open item with a due date taskmark cannot place on the calendar: no year and no plan date to take one from, a relative date without the plan date, a day and month either way round.',
  *check(plan) {
    for (const item of plan.items) {
      if (isClosed(item) || item.due !== null || item.dueText === null) continue;
      yield {
        span: itemSpan(item),
        message: `${describe(item)} is due "${item.dueText}", which taskmark cannot place on the calendar: ${whyUnplaced(item.dueText)}. \`overdue\` and \`next\` leave the date out until it can.`,
      };
    }
  },
};

/** Why a due text resolved to no date, and how to write it so it does. */
function whyUnplaced(text: string): string {
  if (/\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/.test(text))
    return 'its day and month may be read either way round; write it as YYYY-MM-DD';
  if (/\b(?:day|week|sprint|today|tomorrow|mon|tue|wed|thu|fri|sat|sun|eo[dwmq]|end\s+of)/i.test(text))
    return "it counts from the plan's date, which the plan does not state (a `**Date:** 2027-01-11` line near its top would say it)";
  if (/\d/.test(text) && !/\d{4}/.test(text))
    return 'it names no year, and the plan states no date to take one from; write it as YYYY-MM-DD';
  return 'it is not a date; write it as YYYY-MM-DD';
}

/** A step due with its open parent is reported once, on the parent. */
function inheritsDue(item: Item, plan: Plan): boolean {
  const parent = item.parent === null ? undefined : plan.byKey.get(item.parent);
  return parent !== undefined && !isClosed(parent) && parent.due === item.due;
}

/**
 * Where the due date comes from, when the item's line does not state it as reported: the words it was
 * written in (`(Week 2)`), or the parent or section it is inherited from (`## v1.2 (target: …)`).
 */
function dueSource(item: Item, plan: Plan): string {
  if (item.dueText !== null) return item.dueText !== item.due ? ` (${item.dueText})` : '';
  const parent = item.parent === null ? undefined : plan.byKey.get(item.parent);
  return parent !== undefined && parent.due === item.due ? " (its parent's date)" : " (its section's date)";
}
