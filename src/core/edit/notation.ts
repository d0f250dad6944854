/**
 * A new field in the notation the item's line or its plan already uses: a piece of the line's own
 * attribute group (`(@maria, 3d)` given a priority becomes `(@maria, 3d, P0)`), an `@mention` where
 * the plan names its owners so, todo.txt's `due:2026-02-01` where the plan writes its fields so or
 * the line is todo.txt's, whose priority is the letter opening it (`(A) `), `[due: 2026-02-01]` where
 * the plan writes its fields alone in square brackets.
 * Each way of writing is kept only when the plan reads it back exactly as it reads the dataview field
 * written by default: the same items with the same titles, statuses, attributes and fields.
 */
import type { Field, Item, Plan } from '../model.js';
import { isMentionName } from '../plan/attributes/mentions.js';
import { parsePlan } from '../plan/parse.js';
import { todoTxtItemLead } from '../plan/todotxt.js';
import { applyEdits, type Edit } from './splice.js';

/** `fallback` (the field as a dataview field, at the end of the title), or the same field written natively. */
export function inOwnNotation(plan: Plan, item: Item, key: string, value: string, fallback: Edit): Edit {
  const candidates = nativeEdits(plan, item, key, value, fallback.start);
  if (candidates.length === 0) return fallback;
  const expected = projection(parsePlan(applyEdits(plan.text, [fallback]), { file: plan.file }));
  for (const edit of candidates) {
    // A mention written at the end of the title stays in its text, as the plan's others do
    // (`Rotate the certs @tom`): the title is compared without it.
    const got = projection(
      parsePlan(applyEdits(plan.text, [edit]), { file: plan.file }),
      item.line,
      edit.text,
    );
    if (got === expected) return edit;
  }
  return fallback;
}

/** Ways of writing the field the line or the plan suggests, most specific first. */
function nativeEdits(plan: Plan, item: Item, key: string, value: string, at: number): Edit[] {
  const out: Edit[] = [];
  const piece = groupPiece(key, value);
  const group = piece === null ? null : groupEnd(plan, item);
  if (piece !== null && group !== null)
    out.push({ start: group.at, end: group.at, text: `${group.sep}${piece}` });
  // A todo.txt line writes a priority as the letter opening it, and its other fields as `key:value`.
  const todo = todoTxtItemLead(plan, plan.items.indexOf(item));
  const letter = todo !== undefined && key === 'priority' && !todo?.priority ? todoTxtLetter(value) : null;
  if (letter !== null) {
    const start = todo?.done ? (todo.completed?.end ?? todo.done.end) + 1 : item.lineSpan.start;
    out.push({ start, end: start, text: `(${letter}) ` });
  }
  const habit = planHabit(plan, key);
  if (habit === 'mention' && isMentionName(value)) out.push({ start: at, end: at, text: ` @${value}` });
  if ((habit === 'colon' || todo !== undefined) && /^[^\s()[\]]+$/.test(value))
    out.push({ start: at, end: at, text: ` ${key}:${value}` });
  if (habit === 'bracket' && !/[[\]]/.test(value))
    out.push({ start: at, end: at, text: ` [${key}: ${value}]` });
  return out;
}

/**
 * todo.txt's letter for a priority given as one (`A`), or null: another word (`P1`, `high`) is
 * another field value than the letter, and is written as the default writes it.
 */
function todoTxtLetter(value: string): string | null {
  return /^[A-Z]$/.test(value) ? value : null;
}

/** The field as a piece of an attribute group (`@kim`, `P0`, `2d`, `due 2026-02-01`), or null. */
function groupPiece(key: string, value: string): string | null {
  if (/[,;·•|()[\]]/.test(value)) return null;
  switch (key) {
    case 'owner':
      return isMentionName(value) ? `@${value}` : null;
    case 'priority':
    case 'effort':
      return value;
    case 'due':
      return `due ${value}`;
    default:
      return null;
  }
}

/** Separators an attribute group joins its pieces with. */
const GROUP_SEPARATOR_RE = /^[ \t]*[,;·•|][ \t]*$/;

/**
 * Where a piece joins the line's attribute group and the separator it takes: after the last of two or
 * more fields after the title joined by a separator (`— @kim, 2d`, `(P1 · ~1w)`), or inside the
 * parentheses of a field alone in them (`(2d)`). Null when the line has no such group.
 */
function groupEnd(plan: Plan, item: Item): { at: number; sep: string } | null {
  const text = plan.text;
  const line = item.lineSpan;
  const fields = item.fields
    .filter(
      (f) =>
        f.span.start >= item.titleSpan.start &&
        f.span.end <= line.end &&
        f.style !== 'dataview' &&
        f.rawKey !== '#' &&
        f.rawKey !== '+',
    )
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const flat: Field[] = [];
  for (const f of fields)
    if (flat.length === 0 || f.span.start >= flat[flat.length - 1]!.span.end) flat.push(f);
  for (let k = flat.length - 1; k > 0; k--) {
    const gap = text.slice(flat[k - 1]!.span.end, flat[k]!.span.start);
    if (GROUP_SEPARATOR_RE.test(gap)) return { at: flat[k]!.span.end, sep: gap };
  }
  const last = flat[flat.length - 1];
  if (last === undefined) return null;
  const own = text.slice(last.span.start, last.span.end);
  if (own.startsWith('(') && own.endsWith(')')) return { at: last.span.end - 1, sep: ', ' };
  if (text[last.span.start - 1] === '(' && text[last.span.end] === ')')
    return { at: last.span.end, sep: ', ' };
  return null;
}

type Habit = 'mention' | 'colon' | 'bracket' | 'other';

/**
 * How the plan writes `key` on its item lines, by the most used notation: `@name` for owners,
 * todo.txt's `key:value`, or anything else. A key the plan never writes inline follows the plan's
 * `key:value` habit when it has one, as its other fields do.
 */
function planHabit(plan: Plan, key: string): Habit | null {
  const forKey = new Map<Habit, number>();
  const any = new Map<Habit, number>();
  for (const i of plan.items) {
    // Bullets and lines that are items alone (a todo.txt list's): not headings, rows or files.
    if (i.list === null && i.kind !== 'status-bullet') continue;
    for (const f of i.fields) {
      if (f.span.start < i.lineSpan.start || f.span.end > i.lineSpan.end || f.style === 'mark') continue;
      const habit = habitOf(plan.text, f);
      any.set(habit, (any.get(habit) ?? 0) + 1);
      if (f.key === key) forKey.set(habit, (forKey.get(habit) ?? 0) + 1);
    }
  }
  const best = (counts: Map<Habit, number>): Habit | null => {
    let top: Habit | null = null;
    let n = 0;
    for (const [h, c] of counts) if (c > n) [top, n] = [h, c];
    return top;
  };
  const own = best(forKey);
  if (own !== null) return own;
  any.delete('mention');
  return best(any);
}

function habitOf(text: string, f: Field): Habit {
  if (f.rawKey === '@' && f.key === 'owner') return 'mention';
  if (f.style === 'kv' && /^\p{L}[\p{L}\p{N}_-]*$/u.test(f.rawKey)) {
    const raw = text.slice(f.span.start, f.span.end);
    if (raw === `${f.rawKey}:${f.value}`) return 'colon';
    // Alone in square brackets, as agents write fields (`[owner: Omar]`).
    if (raw === `${f.rawKey}: ${f.value}` && text[f.span.start - 1] === '[' && text[f.span.end] === ']')
      return 'bracket';
  }
  return 'other';
}

/** What a reader of the plan sees: its items with their attributes and fields, not how they are written. */
function projection(plan: Plan, line = 0, added = ''): string {
  return JSON.stringify(
    plan.items.map((i) => [
      i.line,
      i.key,
      i.line === line && added !== '' && i.title.endsWith(added) ? i.title.slice(0, -added.length) : i.title,
      i.status,
      i.owner,
      i.due,
      i.priority?.rank ?? null,
      i.effort?.minutes ?? null,
      i.category,
      i.phase,
      i.tags,
      i.dependsOn,
      i.parent,
      i.fields.map((f) => `${f.key}=${f.value}`).sort(),
    ]),
  );
}
