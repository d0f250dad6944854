/** Setting and clearing attributes in the notation the line or the plan already uses. */
import { TmError } from '../errors.js';
import { type Field, type Item, type Plan, STATUSES, type Status } from '../model.js';
import { DUE_LIKE_KEYS, normaliseKey } from '../plan/attributes/keys.js';
import { readStatusValue } from '../plan/attributes/status.js';
import { parsePlan } from '../plan/parse.js';
import { addInline, addToFile, addToHeading } from './addfield.js';
import { holdsFieldLines } from './fieldline.js';
import { removeFields } from './removefield.js';
import { replaceValue } from './replace.js';
import { boxAfterMarker, boxlessSiblings, keepingOthers } from './siblings.js';
import { applyEdits, type Edit } from './splice.js';
import { type SetStatusOptions, setStatus } from './status.js';
import { markFor } from './style.js';

/**
 * Edits that set `key` to `value` on the item, or remove it when `value` is null. The status is set
 * as setStatus sets it, with `options` (today's date, for a todo.txt line marked done).
 */
export function setAttribute(
  plan: Plan,
  item: Item,
  key: string,
  value: string | null,
  options: SetStatusOptions = {},
): Edit[] {
  const k = normaliseKey(key);
  if (value !== null && /[\r\n]/.test(value))
    throw new TmError('TM_INVALID_EDIT', 'Attribute values cannot contain line breaks.');
  if (k === 'status') {
    if (value === null)
      throw new TmError(
        'TM_INVALID_EDIT',
        'An item always has a status; set another one instead of removing it.',
      );
    const lower = value.toLowerCase();
    const status = (STATUSES as readonly string[]).includes(lower)
      ? (lower as Status)
      : readStatusValue(value)?.status;
    if (!status)
      throw new TmError('TM_INVALID_EDIT', `"${value}" is not a status; use one of ${STATUSES.join(', ')}.`);
    return setStatus(plan, item, status, options);
  }
  // Story points are written in brackets after a number (`(5 pts)`): a value that is not one would not
  // read back.
  if (k === 'points' && value !== null && !/^\d{1,3}(?:\.\d)?$/.test(value.trim()))
    throw new TmError(
      'TM_INVALID_EDIT',
      `"${value}" is not a number of story points; write it like 3 or 0.5.`,
    );
  // Where an item states a key twice (`(A) Call [priority:: P2]`), the parser reads the last of them
  // (the first owner): every one is set, so the plan stops contradicting itself, and every one is
  // removed. An item's several owners are its mentions: setting the owner changes the first.
  // `#tag` and `+project` marks are words of the title, not the item's tags field.
  let stated = item.fields.filter((f) => f.key === k && f.rawKey !== '#' && f.rawKey !== '+');
  // A due date read from a target that is a date (a roadmap's `Target` column), or from the end of a
  // schedule's work (`| End |`, `| Dates |`), is set there.
  if (k === 'due' && stated.length === 0 && item.dueText !== null)
    stated = item.fields.filter((f) => DUE_LIKE_KEYS.has(f.key) && f.value.trim() === item.dueText);
  // A field inside another (the `@kim` of `(owner: @kim)`) goes with the outer one.
  const existing = outermost(stated);
  if (existing.length > 0) {
    if (value === null)
      return keepingOthers(
        plan,
        keepingItem(plan, item, removeFields(plan, existing)),
        boxlessSiblings(plan, item),
      );
    const v = value;
    return (k === 'owner' ? existing.slice(0, 1) : existing).flatMap((f) =>
      replaceValue(plan, item, f, k, v),
    );
  }
  if (value === null) return [];
  if (item.kind === 'heading' || holdsFieldLines(plan, item)) return [addToHeading(plan, item, k, value)];
  if (item.kind === 'file') return [addToFile(plan, item, k, value)];
  if (item.kind === 'table-row')
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: its table has no ${key} column; add the column to the table to give rows a ${key}.`,
    );
  return [addInline(plan, item, k, value)];
}

/**
 * The fields not inside another of `fields`, in their order; of two on the same span, the first.
 * Ordered by start, the longer first, a field is inside another when one before it reaches as far:
 * one sort and a pass, where testing every pair was quadratic in a line of thousands of fields.
 */
export function outermost(fields: readonly Field[]): Field[] {
  if (fields.length < 2) return [...fields];
  const order = fields.map((_, i) => i);
  order.sort((a, b) => {
    const f = fields[a]!.span;
    const g = fields[b]!.span;
    return f.start - g.start || g.end - f.end || a - b;
  });
  const inner = new Set<number>();
  let reach = -1;
  for (const i of order) {
    const end = fields[i]!.span.end;
    if (end <= reach) inner.add(i);
    else reach = end;
  }
  return fields.filter((_, i) => !inner.has(i));
}

/**
 * `edits` that take a field off a bullet that is an item by the metadata it carries (`- Write docs
 * (2d, @ana)`), and, when the plan would no longer have it, a box that keeps it one (`- [ ] Write
 * docs (2d)`): an item is never dropped from the plan by taking a field off it. A line of a
 * paragraph or a heading has no list marker to put a box after: the edit is refused instead.
 */
function keepingItem(plan: Plan, item: Item, edits: Edit[]): Edit[] {
  const from = item.lineSpan.start;
  // A line of a paragraph is an item this way when it opens with an ID (`ENG-42 Fix it — @kim, 2d`).
  const idLine =
    item.list === null && item.id !== null && /^[A-Z]/.test(plan.text.slice(from, item.lineSpan.end));
  const titled = holdsFieldLines(plan, item);
  // A heading may be an item by its fields alone too (`## Plan` over `**Owner:** Bo`).
  const heading = item.kind === 'heading';
  if (!heading && (item.kind !== 'status-bullet' || (item.list === null && !idLine && !titled))) return edits;
  // Whether it is still an item, in its plan: a card of a lane stays one without its metadata. Its
  // line starts where it did, as the edits are its fields', on it or after it.
  const after = parsePlan(applyEdits(plan.text, edits), { file: plan.file });
  if (after.items.some((i) => i.lineSpan.start === from)) return edits;
  if (heading || (titled && item.list === null))
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: its ${heading ? 'heading' : 'line'} is an item by the fields under it; without this one it would not be one. Set another value, or give the item a status first.`,
    );
  if (item.list === null)
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: its line is a task by the metadata it carries; without this field it would not be one. Set another value, or make the line a list item (\`- [ ] …\`) first.`,
    );
  return [...edits, boxAfterMarker(plan, item, markFor(plan, item.status))];
}
