/**
 * todo.txt's lines (todotxt.org): a task a line, `x ` opening a done one, then its completion date,
 * a priority `(A) ` opening an open one, a creation date, then the task's words with its `+project`,
 * `@context` and `key:value` marks. A paragraph of such lines, in a todo.txt file or pasted into a
 * markdown plan, is a checklist; the recogniser reads it and the editor writes the `x `.
 */
import type { Span } from '../model.js';

/** What opens a todo.txt line: its done mark and dates, and where the task's words start. */
export interface TodoTxtLead {
  /** The `x` of a done task, or null. */
  readonly done: Span | null;
  /** The completion date after the `x`, or null. */
  readonly completed: Span | null;
  /** The creation date, or null. */
  readonly created: Span | null;
  /** The priority `(A)`, or null: the words after it read it as any line's priority is read. */
  readonly priority: Span | null;
  /** Where the words after the dates start (the priority is before them). */
  readonly wordsStart: number;
}

/**
 * The todo.txt lead of the line `text[start, end)`: `x 2026-11-21 2026-11-19 `, `(A) 2026-11-20 `,
 * `2026-11-20 `; null when the line opens with none of them or has no words after it.
 */
export function readTodoTxtLead(text: string, start: number, end: number): TodoTxtLead | null {
  let at = start;
  let done: Span | null = null;
  let completed: Span | null = null;
  let priority: Span | null = null;
  if (text.charCodeAt(at) === 120 && text.charCodeAt(at + 1) === 32) {
    done = { start: at, end: at + 1 };
    at += 2;
    // The spec asks for a creation date wherever a completion date is given: a date alone is the
    // completion date.
    if (isDateAt(text, at, end)) {
      completed = { start: at, end: at + 10 };
      at += 11;
    }
  }
  // A done task may keep its priority (`x (A) …`), which clients write either way.
  if (
    text.charCodeAt(at) === 40 &&
    isUpper(text.charCodeAt(at + 1)) &&
    text.charCodeAt(at + 2) === 41 &&
    text.charCodeAt(at + 3) === 32
  ) {
    priority = { start: at, end: at + 3 };
    at += 4;
  }
  let created: Span | null = null;
  if (isDateAt(text, at, end)) {
    created = { start: at, end: at + 10 };
    at += 11;
  }
  if (done === null && priority === null && created === null) return null;
  while (at < end && text.charCodeAt(at) === 32) at++;
  // The words open as a task's do, not as a formula's (`x = 5`).
  if (at >= end || !WORD_START_RE.test(text.charAt(at))) return null;
  return { done, completed, created, priority, wordsStart: at };
}

const WORD_START_RE = /[\p{L}\p{N}(+@"'`*_[]/u;

/** Whether a line without a lead opens as a task's words do (`Buy milk`), not a table's row (`| a |`). */
export function opensAsTask(text: string, start: number): boolean {
  return WORD_START_RE.test(text.charAt(start));
}

/**
 * Whether the lines of a paragraph are a todo.txt list: two or more, half of them at least opened
 * by todo.txt's lead, and one at least by a done `x `, or by a priority where the lines also carry a
 * date or a todo.txt mark (`+project`, `@context`, `due:2026-11-28`): options lettered in prose
 * (`(A) Keep the API` over `(B) Drop it`) are no list, and lines opened by dates alone are a log or a
 * schedule. A line without a lead (`Buy milk @store`) is a task among them, as in a todo.txt file.
 * `spans` are the lines in `text`, `leads` their leads.
 */
export function isTodoTxtList(
  text: string,
  spans: readonly Span[],
  leads: readonly (TodoTxtLead | null)[],
): boolean {
  if (leads.length < 2) return false;
  let led = 0;
  let done = false;
  let priority = false;
  let dated = false;
  for (const lead of leads) {
    if (lead === null) continue;
    led++;
    if (lead.done !== null) done = true;
    if (lead.priority !== null) priority = true;
    if (lead.created !== null || lead.completed !== null) dated = true;
  }
  if (led * 2 < leads.length || !(done || priority)) return false;
  return done || dated || spans.some((s) => TODO_TXT_MARK_RE.test(text.slice(s.start, s.end)));
}

/** A `+project`, an `@context` or a `key:value` (not a time, nor a URL's scheme) among a line's words. */
const TODO_TXT_MARK_RE = /(?:^|\s)(?:[+@][\p{L}\p{N}]|\p{L}[\p{L}\p{N}_-]*:[^\s/])/u;

/** `YYYY-MM-DD` and a space at `at`, before `end`. */
function isDateAt(text: string, at: number, end: number): boolean {
  if (at + 11 > end || text.charCodeAt(at + 10) !== 32) return false;
  for (let i = 0; i < 10; i++) {
    const c = text.charCodeAt(at + i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** What todoTxtItemLead needs of a plan: its text and its items in line order. */
interface PlanLines {
  readonly text: string;
  readonly items: readonly {
    readonly line: number;
    readonly kind: string;
    readonly list: unknown;
    readonly lineSpan: Span;
  }[];
}

/**
 * The lead of `index`'s line when that item is a line of a todo.txt list (see isTodoTxtList): the
 * run of line items on the lines next to it, read again. `undefined` when it is not one; null for a
 * line of such a list without a lead of its own.
 */
export function todoTxtItemLead(plan: PlanLines, index: number): TodoTxtLead | null | undefined {
  const items = plan.items;
  const isLine = (k: number) => items[k]!.kind === 'status-bullet' && items[k]!.list === null;
  if (index < 0 || index >= items.length || !isLine(index)) return undefined;
  let first = index;
  while (first > 0 && isLine(first - 1) && items[first - 1]!.line === items[first]!.line - 1) first--;
  let last = index;
  while (last + 1 < items.length && isLine(last + 1) && items[last + 1]!.line === items[last]!.line + 1)
    last++;
  const leads: (TodoTxtLead | null)[] = [];
  const spans: Span[] = [];
  for (let k = first; k <= last; k++) {
    const s = items[k]!.lineSpan;
    spans.push(s);
    leads.push(readTodoTxtLead(plan.text, s.start, s.end));
  }
  return isTodoTxtList(plan.text, spans, leads) ? leads[index - first]! : undefined;
}
