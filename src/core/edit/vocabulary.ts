/** The plan's own words for a status: its keywords, its legend's glyphs, its TaskPaper tags. */
import type { Item, Plan, Status } from '../model.js';
import { ORG_KEYWORDS, statusOfGlyph } from '../plan/attributes/status.js';

/**
 * The TaskPaper tag saying `status` (`@done`, `@cancelled`, `@waiting`) for a bullet of a list whose
 * bullets say their statuses so, spelt as they spell it, and `''` for todo, which no tag says; null for
 * another list, or for a status TaskPaper has no tag for (doing). `withItem` counts `item` among the
 * list's bullets (a new bullet goes after it). A list says its statuses so where two of its bullets
 * are tagged, as the recogniser reads it: a tag written beside one other would make it such a list,
 * and its plain bullets tasks.
 */
export function taskPaperTag(plan: Plan, item: Item, status: Status, withItem = false): string | null {
  if (status === 'doing') return null;
  let tagged = 0;
  let spelt: string | null = null;
  for (const other of plan.items) {
    if (
      (other === item && !withItem) ||
      other.parent !== item.parent ||
      other.list === null ||
      !other.statusText?.startsWith('@')
    )
      continue;
    tagged++;
    if (other.status === status) spelt = /^@[a-z]+/.exec(other.statusText)?.[0] ?? null;
  }
  if (tagged < 2) return null;
  if (status === 'todo') return '';
  return spelt ?? (status === 'done' ? '@done' : status === 'cancelled' ? '@cancelled' : '@waiting');
}

/** What a glyph says in this plan: what its legend gives it (`✖ blocked`), else taskmark's own reading. */
export function glyphMeaning(plan: Plan, glyph: string): Status | null {
  return legendGlyphStatus(plan, glyph) ?? statusOfGlyph(glyph);
}

/** The status the plan's legend gives a glyph (`🟢 Done`), or null. */
export function legendGlyphStatus(plan: Plan, glyph: string): Status | null {
  const g = glyph.replace('\uFE0F', '');
  if (g === '' || /[\p{L}\p{N}\s]/u.test(g)) return null;
  return plan.vocabulary.find((v) => v.text.replace('\uFE0F', '') === g)?.status ?? null;
}

export const DEFAULT_KEYWORD: Record<Status, string> = {
  todo: 'TODO',
  doing: 'DOING',
  blocked: 'WAITING',
  done: 'DONE',
  cancelled: 'CANCELLED',
};

/** The keyword the plan's keyword bullets use most for `status`, else org's own. */
export function keywordFor(plan: Plan, status: Status): string {
  const counts = new Map<string, number>();
  for (const i of plan.items) {
    if (i.statusText !== null && i.status === status && ORG_KEYWORDS.get(i.statusText) === status)
      counts.set(i.statusText, (counts.get(i.statusText) ?? 0) + 1);
  }
  let best = DEFAULT_KEYWORD[status];
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}
