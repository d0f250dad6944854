/**
 * Duplicates, near-duplicates and done/open contradictions: items that are the same task by their
 * normalised titles. Comparing every pair is quadratic; candidates are found instead through the
 * titles' rarest words (each item is compared only with items sharing one of its two rarest words,
 * and a word shared by too many items is not used), so a plan of 100,000 items stays linear.
 */
import type { Item, Plan } from '../../model.js';
import type { LintContext, Rule } from '../types.js';
import { describe, isClosed, itemSpan, normaliseTitle } from '../util.js';

/** A word in more titles than this says nothing about sameness (`add`, `tests`). */
const MAX_POSTING = 32;
/** Titles shorter than this many words are too generic to call duplicates (`Tests`, `Write docs`). */
const MIN_WORDS = 3;

interface Pair {
  readonly a: Item;
  readonly b: Item;
  readonly similarity: number;
}

/** Pairs of items that are the same task, each pair once, in document order of the later item. */
function similarPairs(plan: Plan, ctx: LintContext): Pair[] {
  const cands = plan.items.filter(comparable);
  const norm = new Map<Item, string>();
  const grams = new Map<Item, Uint32Array>();
  const words = new Map<Item, string[]>();
  const df = new Map<string, number>();
  for (const item of cands) {
    const n = normaliseTitle(item.title);
    norm.set(item, n);
    grams.set(item, bigrams(n));
    const ws = [...new Set(n.split(' ').filter((w) => w.length > 1))];
    words.set(item, ws);
    for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const posting = new Map<string, Item[]>();
  const out: Pair[] = [];
  for (const item of cands) {
    const ws = words.get(item)!;
    if (ws.length < MIN_WORDS) continue;
    const rare = [...ws].sort((x, y) => df.get(x)! - df.get(y)! || (x < y ? -1 : 1)).slice(0, 2);
    // A pair is met only while its later item is processed, so the pairs seen are this item's.
    const seen = new Set<Item>();
    for (const w of rare) {
      const list = posting.get(w) ?? [];
      if (list.length >= MAX_POSTING) continue;
      for (const other of list) {
        if (seen.has(other) || !related(other, item)) continue;
        seen.add(other);
        const a = norm.get(other)!;
        const b = norm.get(item)!;
        // Dice is at most 2·min/(la+lb): titles of very different lengths cannot reach the threshold.
        const [ga, gb] = [grams.get(other)!, grams.get(item)!];
        if ((2 * Math.min(ga.length, gb.length)) / (ga.length + gb.length) < ctx.similarity) continue;
        const sim = a === b ? 1 : dice(ga, gb);
        if (sim >= ctx.similarity && !differInKind(a, b)) out.push({ a: other, b: item, similarity: sim });
      }
      list.push(item);
      posting.set(w, list);
    }
  }
  return out;
}

/** Items that stand on their own: not restatements, not generic steps. */
function comparable(item: Item): boolean {
  return item.refersTo === null;
}

/**
 * Two items can be the same task when they sit at the same level of the plan: both top-level
 * (anywhere, across sections) or siblings under one parent. Steps of two different tasks that read
 * alike ("Add unit tests" under two features) are not duplicates.
 */
function related(a: Item, b: Item): boolean {
  if (a.parent === null && b.parent === null) return true;
  return a.parent !== null && a.parent === b.parent;
}

const OPPOSITES: ReadonlyMap<string, string> = new Map(
  [
    ['enable', 'disable'],
    ['add', 'remove'],
    ['start', 'stop'],
    ['before', 'after'],
    ['min', 'max'],
    ['minimum', 'maximum'],
    ['read', 'write'],
    ['input', 'output'],
    ['client', 'server'],
    ['up', 'down'],
    ['upload', 'download'],
    ['import', 'export'],
    ['encrypt', 'decrypt'],
    ['open', 'close'],
    ['success', 'failure'],
    ['valid', 'invalid'],
    ['internal', 'external'],
    ['frontend', 'backend'],
    ['login', 'logout'],
  ].flatMap(([a, b]) => [
    [a!, b!],
    [b!, a!],
  ]),
);
const NEGATION = /^(?:un|in|im|non|dis|anti|de)$/;

/**
 * Titles that read alike but name different tasks: they differ in a number (`Phase 0.6` and
 * `Phase 0.7`), in a negation (`healthy` / `unhealthy`, `with` / `without`), or in opposite words
 * (`enable` / `disable`).
 */
function differInKind(a: string, b: string): boolean {
  const wa = new Set(a.split(' '));
  const wb = new Set(b.split(' '));
  const onlyA = [...wa].filter((w) => !wb.has(w));
  const onlyB = [...wb].filter((w) => !wa.has(w));
  if ([...onlyA, ...onlyB].some((w) => /\d/.test(w) || w === 'not' || w === 'no' || w === 'without'))
    return true;
  for (const x of onlyA)
    for (const y of onlyB) {
      if (OPPOSITES.get(x) === y) return true;
      if (x.endsWith(y) && NEGATION.test(x.slice(0, x.length - y.length))) return true;
      if (y.endsWith(x) && NEGATION.test(y.slice(0, y.length - x.length))) return true;
    }
  return false;
}

/** A title's character bigrams as sorted numbers, so two titles compare by one merge. */
function bigrams(s: string): Uint32Array {
  const out = new Uint32Array(Math.max(0, s.length - 1));
  for (let i = 0; i < s.length - 1; i++) out[i] = ((s.charCodeAt(i) << 16) | s.charCodeAt(i + 1)) >>> 0;
  return out.sort();
}

/** Sørensen–Dice coefficient over character bigrams (as multisets) of two normalised titles. */
function dice(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

/** Both rules read the same pairs; they are found once per plan and threshold. */
const cache = new WeakMap<Plan, Map<number, Pair[]>>();
function pairsOf(plan: Plan, ctx: LintContext): Pair[] {
  let byThreshold = cache.get(plan);
  if (!byThreshold) {
    byThreshold = new Map();
    cache.set(plan, byThreshold);
  }
  let p = byThreshold.get(ctx.similarity);
  if (!p) {
    p = similarPairs(plan, ctx);
    byThreshold.set(ctx.similarity, p);
  }
  return p;
}

const where = (i: Item) => (i.section.length > 0 ? `"${i.section[i.section.length - 1]}"` : 'the top');

export const duplicateItem: Rule = {
  id: 'duplicate-item',
  severity: 'warning',
  description:
    'Two items that are the same task (normalised titles at or above lint.similarity), within a section or across sections.',
  *check(plan, ctx) {
    for (const { a, b, similarity: s } of pairsOf(plan, ctx)) {
      if (isClosed(a) !== isClosed(b)) continue;
      const same = a.section.join('\u0000') === b.section.join('\u0000');
      const kind = s === 1 ? 'a duplicate' : `a near-duplicate (${Math.round(s * 100)}% alike)`;
      yield {
        span: itemSpan(b),
        message: `${describe(b)} is ${kind} of ${describe(a)} on line ${a.line}${same ? '' : ` in ${where(a)}`}.`,
      };
    }
  },
};

export const doneOpenContradiction: Rule = {
  id: 'done-open-contradiction',
  severity: 'error',
  description: 'The same task is reported done in one place and open in another.',
  *check(plan, ctx) {
    for (const { a, b } of pairsOf(plan, ctx)) {
      if (isClosed(a) === isClosed(b)) continue;
      const [done, open] = isClosed(a) ? [a, b] : [b, a];
      yield {
        span: itemSpan(open),
        message: `${describe(open)} is ${open.status} here but reported ${done.status} on line ${done.line} in ${where(done)}.`,
      };
    }
  },
};
