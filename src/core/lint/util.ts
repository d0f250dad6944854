/** Small helpers the rules share: positions, item spans, title normalisation. */
import type { Item, Plan, Span } from '../model.js';
import { repairForMatching } from '../plan/encoding.js';

/** 0-based line index holding `offset` (binary search over the line starts). */
export function lineIndexAt(plan: Plan, offset: number): number {
  const starts = plan.lines.start;
  let lo = 0;
  let hi = plan.lines.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** The item's first line, the span a finding about the item points at. */
export function itemSpan(item: Item): Span {
  return item.lineSpan;
}

/** How an item is named in a message: its ID or key, and its title. */
export function describe(item: Item): string {
  const title = item.title.length > 60 ? `${item.title.slice(0, 59)}…` : item.title;
  return item.id ? `${item.id} "${title}"` : `"${title}" (line ${item.line})`;
}

/**
 * A title reduced to what makes it the same task: mojibake repaired, markdown, emoji, IDs and
 * punctuation dropped, case folded, runs of space collapsed.
 */
export function normaliseTitle(title: string): string {
  return repairForMatching(title)
    .normalize('NFKC')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\][]*)\]\([^()]*\)/g, '$1')
    .replace(/[*_~]/g, '')
    .replace(/^\s*(?:[A-Z][A-Z0-9]*-\d+[a-z]?|(?:task|step)\s+\d+(?:\.\d+)*|\d+(?:\.\d+)+)\s*[:.)-]?\s*/i, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export const isClosed = (item: Item): boolean => item.status === 'done' || item.status === 'cancelled';
