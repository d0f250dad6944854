/** The plan's own style, learnt from the plan: line endings, marks, status words, field keys. */
import type { Field, Plan, Status } from '../model.js';
import {
  markForStatus,
  marksFor,
  normaliseVocab,
  ORG_KEYWORDS,
  readStatusValue,
  STATING_TODO_WORDS,
  statusOfMark,
} from '../plan/attributes/status.js';
import { repairForMatching } from '../plan/encoding.js';
import { lineAt } from '../plan/lines.js';
import { inShortcodesLike } from '../plan/shortcodes.js';

export function eolOf(plan: Plan): string {
  return plan.lines.eol;
}

/** Offset of the start of the line containing `offset`. */
export function lineStartAt(plan: Plan, offset: number): number {
  return plan.lines.start[lineAt(plan.lines, offset)]!;
}

/** Offset just after the line ending of the line containing `offset` (or the end of the text). */
export function nextLineStart(plan: Plan, offset: number): number {
  const l = lineAt(plan.lines, offset);
  return l + 1 < plan.lines.count ? plan.lines.start[l + 1]! : plan.text.length;
}

/** The checkbox mark this plan uses for a status (its most common one), or the conventional mark. */
export function markFor(plan: Plan, status: Status): string {
  let byStatus = markCache.get(plan);
  if (!byStatus) {
    byStatus = new Map();
    markCache.set(plan, byStatus);
  }
  let mark = byStatus.get(status);
  if (mark === undefined) {
    mark = learnMark(plan, status);
    byStatus.set(status, mark);
  }
  return mark;
}

/** Learnt once per plan: fixing every parent of a large plan asks for the same mark thousands of times. */
const markCache = new WeakMap<Plan, Map<Status, string>>();

function learnMark(plan: Plan, status: Status): string {
  const own = plan.boxMarks;
  const counts = new Map<string, number>();
  for (const i of plan.items) {
    if (i.checkbox !== null && statusOfMark(i.checkbox, own) === status)
      counts.set(i.checkbox, (counts.get(i.checkbox) ?? 0) + 1);
  }
  // Without an example: the mark the plan gives the status, else the usual one, of those that mean
  // the status in this plan (a Kiro spec's `[-]` is under way, so a cancelled box is another mark).
  const candidates = [...(own ?? [])].filter(([, s]) => s === status).map(([m]) => m);
  for (const m of marksFor(status)) candidates.push(m);
  let best = candidates.find((m) => statusOfMark(m, own) === status) ?? markForStatus(status);
  let n = 0;
  for (const [m, c] of counts) if (c > n) [best, n] = [m, c];
  return best;
}

const DEFAULT_EMOJI: Record<Status, string> = {
  todo: '⏳',
  doing: '🔄',
  blocked: '⏸️',
  done: '✅',
  cancelled: '❌',
};
const DEFAULT_WORD: Record<Status, string> = {
  todo: 'TODO',
  doing: 'IN PROGRESS',
  blocked: 'BLOCKED',
  done: 'DONE',
  cancelled: 'CANCELLED',
};

/**
 * `word` in the case of `sample`: in capitals, in lower case, in sentence case where the sample
 * capitalises its first word of several alone (`To do`), else with every word capitalised (`Done`,
 * `In Progress`); a word that mixes cases already (the plan's own `Not started`) keeps them.
 */
function caseLike(word: string, sample: string): string {
  const letters = sample.replace(/[^\p{L}]/gu, '');
  if (letters && letters === letters.toUpperCase()) return word.toUpperCase();
  if (letters && letters === letters.toLowerCase()) return word.toLowerCase();
  const words = sample.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const sentence = words.length > 1 && words.slice(1).every((w) => w === w.toLowerCase());
  const lower = word.toLowerCase();
  if (sentence) return lower.charAt(0).toUpperCase() + lower.slice(1);
  if (word !== lower && word !== word.toUpperCase() && /^\P{L}*\p{Lu}/u.test(word)) return word;
  return lower.replace(/(^|\s)\p{L}/gu, (m) => m.toUpperCase());
}

type Shape = 'emoji+word' | 'emoji' | 'word';

function shapeOf(text: string): Shape {
  // Emphasis around the status (`**BLOCKED**: waiting`) is no glyph of it.
  const t = repairForMatching(text)
    .trim()
    .replace(/^(?:\*\*|__|\*|_)(?=\p{L})/u, '');
  const hasLetters = /\p{L}/u.test(t);
  const leadsWithSymbol = /^[^\p{L}\p{N}\s]/u.test(t);
  if (leadsWithSymbol && hasLetters) return 'emoji+word';
  if (!hasLetters) return 'emoji';
  return 'word';
}

/**
 * The text this plan writes for a status, in the shape of `old` (emoji and word, emoji alone, or a
 * word in the same case): the plan's own text when it has one (legend first, then the most used),
 * never one with encoding damage; otherwise a default of the same shape.
 */
export function statusText(plan: Plan, status: Status, old: string | null): string {
  const text = statusTextInShape(plan, status, old);
  // In GitHub's shortcodes where the old text was (`:x:` becomes `:white_check_mark:`).
  return old ? inShortcodesLike(text, old) : text;
}

/**
 * statusText for a status written without a key (`Caching — on hold`, `Dark theme (🟡 at risk)`),
 * where only a word that states a status alone is read as one: a to-do word the plan uses that does
 * not (`Later`, a heading's) gives way to the default.
 */
export function statingStatusText(plan: Plan, status: Status, old: string): string {
  const text = statusText(plan, status, old);
  const words = text.replace(/^[^\p{L}]+/u, '').toLowerCase();
  if (status !== 'todo' || shapeOf(old) === 'emoji' || STATING_TODO_WORDS.has(words)) return text;
  const word = caseLike(DEFAULT_WORD.todo, repairForMatching(old));
  return shapeOf(old) === 'emoji+word' ? `${DEFAULT_EMOJI.todo} ${word}` : word;
}

function statusTextInShape(plan: Plan, status: Status, old: string | null): string {
  const shape = old ? shapeOf(old) : 'emoji+word';
  const best = ownStatusText(plan, status, shape);
  if (best !== null) return old && shape !== 'emoji' ? adoptCase(best, old) : best;
  // The case of the plan's own status words (`DONE`, `Done`), when nothing else says.
  const sample = old
    ? repairForMatching(old)
    : (plan.vocabulary.find((v) => /\p{L}/u.test(v.text))?.text ?? 'DONE');
  const words = sample.replace(/^[^\p{L}]*/u, '') || 'DONE';
  if (shape === 'emoji') return DEFAULT_EMOJI[status];
  if (shape === 'word') return caseLike(DEFAULT_WORD[status], words);
  return `${DEFAULT_EMOJI[status]} ${caseLike(DEFAULT_WORD[status], words)}`;
}

const BOX_MARK_RE = /\[.\]/u;

/** Learnt once per plan, status and shape (fixing many items of a large plan asks again and again). */
const statusTextCache = new WeakMap<Plan, Map<string, string | null>>();

/** The plan's most used undamaged text for a status in a shape, legend entries first; null when it has none. */
function ownStatusText(plan: Plan, status: Status, shape: Shape): string | null {
  let cache = statusTextCache.get(plan);
  if (!cache) {
    cache = new Map();
    statusTextCache.set(plan, cache);
  }
  const key = `${status}\u0000${shape}`;
  if (cache.has(key)) return cache.get(key)!;
  const counts = new Map<string, number>();
  for (const v of plan.vocabulary) {
    if (v.status !== status || repairForMatching(v.text) !== v.text || shapeOf(v.text) !== shape) continue;
    // A keyword that is a status only where it opens a bullet (Logseq's `NOW`) is not one in a field.
    if (ORG_KEYWORDS.has(v.text) && readStatusValue(v.text)?.status !== status) continue;
    if (v.text.length > 30) continue;
    // A legend's box mark (`` `[?]` blocked ``) is written in a box, not as a status's text.
    if (BOX_MARK_RE.test(v.text)) continue;
    counts.set(v.text, (counts.get(v.text) ?? 0) + 1);
  }
  for (const i of plan.items) {
    const t = i.statusText?.trim();
    if (t && i.status === status && counts.has(t)) counts.set(t, counts.get(t)! + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [t, c] of counts) if (c > n) [best, n] = [t, c];
  cache.set(key, best);
  return best;
}

function adoptCase(text: string, old: string): string {
  const oldWords = repairForMatching(old).replace(/^[^\p{L}]*/u, '');
  const lead = text.match(/^[^\p{L}]*/u)![0];
  const words = text.slice(lead.length);
  return `${lead}${normaliseVocab(words) === normaliseVocab(oldWords) ? words : caseLike(words, oldWords || words)}`;
}

/** How this plan spells a field key (`Assignee` for owner, `Due Date` for due), or a default. */
export function keySpelling(plan: Plan, key: string, style?: Field['style']): string {
  const counts = new Map<string, number>();
  for (const i of plan.items) {
    for (const f of i.fields) {
      if (
        f.key === key &&
        (style === undefined || f.style === style) &&
        /^[\p{L}][\p{L} _-]*$/u.test(f.rawKey)
      ) {
        counts.set(f.rawKey, (counts.get(f.rawKey) ?? 0) + 1);
      }
    }
  }
  let best: string | null = null;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  if (best) return best;
  const defaults: Record<string, string> = {
    owner: 'Owner',
    due: 'Due',
    effort: 'Effort',
    priority: 'Priority',
    category: 'Category',
    tags: 'Tags',
    depends: 'Depends on',
    status: 'Status',
    phase: 'Phase',
  };
  return style === 'dataview' ? key : (defaults[key] ?? key.charAt(0).toUpperCase() + key.slice(1));
}

/** True when the plan writes this key with Obsidian Tasks emoji. */
export function usesEmojiFor(plan: Plan, key: string): boolean {
  return plan.items.some((i) => i.fields.some((f) => f.key === key && f.style === 'emoji'));
}

/** Text to write into a table cell: a pipe there would end the cell. */
export function cellText(value: string): string {
  return value.replace(/\|/g, '\\|');
}
