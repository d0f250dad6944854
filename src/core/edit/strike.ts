/** Taking the strike off a struck title, and opening a bullet that was an item by its strike. */
import { TmError } from '../errors.js';
import type { Item, Plan } from '../model.js';
import { laneOf } from '../plan/lanes.js';
import { readsBack, todoInLane } from './readback.js';
import { boxAfterMarker } from './siblings.js';
import type { Edit } from './splice.js';
import { markFor } from './style.js';

/**
 * `unstrike` on a struck bullet without a box set to todo, and an open box (with `boxed` instead of
 * `unstrike`, when given) when the bullet unstruck would not read as todo: in a lane of done work it
 * takes the lane's status (`## Done`, `- ~~Dark mode~~`), and a bullet that was an item by its strike
 * alone is none without it. The plan is parsed again to know; the strike's edits leave the line's
 * start where it was. Refused when neither reads as todo: an open box in a lane of work under way
 * takes the lane's status.
 */
export function openWithoutStrike(
  plan: Plan,
  item: Item,
  unstrike: Edit[],
  boxed: Edit[] = unstrike,
): Edit[] {
  if (readsBack(plan, item, unstrike, 'todo')) return unstrike;
  const open = [...boxed, boxAfterMarker(plan, item, markFor(plan, 'todo'))];
  if (readsBack(plan, item, open, 'todo')) return open;
  // An open box in a lane of work under way or done takes the lane's status: todo is no status there.
  const lane = laneOf(plan, item);
  if (lane !== null) throw todoInLane(item, lane);
  throw new TmError(
    'TM_INVALID_EDIT',
    `${item.key}: todo could not be written on its struck line so that it reads back; edit line ${item.line} by hand.`,
  );
}

/** The item's line from its title on, without the fields written in it: the title as the parser tests it. */
export function lineWithoutFields(plan: Plan, item: Item): string {
  const { start } = item.titleSpan;
  const end = item.lineSpan.end;
  const cuts = item.fields
    .filter((f) => f.span.start >= start && f.span.end <= end)
    .sort((a, b) => a.span.start - b.span.start);
  let out = '';
  let at = start;
  for (const f of cuts) {
    if (f.span.start < at) continue;
    out += plan.text.slice(at, f.span.start);
    at = f.span.end;
  }
  return out + plan.text.slice(at, end);
}

/** The edits that take the `~~` off a struck title, which the item's line opens with. */
export function strikeEdits(plan: Plan, item: Item): Edit[] {
  const text = plan.text;
  // A heading's strike opens its text (`## ~~Old~~`), before the title; a list item's follows its box.
  const open = text.indexOf('~~', item.kind === 'heading' ? item.lineSpan.start : item.titleSpan.start);
  const close = open < 0 ? -1 : text.indexOf('~~', open + 2);
  if (open < 0 || close < 0 || close >= item.lineSpan.end)
    throw new TmError(
      'TM_INVALID_EDIT',
      `${item.key}: its struck title could not be found; edit line ${item.line} by hand.`,
    );
  return [
    { start: open, end: open + 2, text: '' },
    { start: close, end: close + 2, text: '' },
  ];
}
