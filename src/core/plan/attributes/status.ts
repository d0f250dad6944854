/** Status vocabulary: words (several languages), emoji and checkbox marks mapped to a status. */
import type { Status } from '../../model.js';
import { codePointAt, codePointBefore, isLetterOrDigit, isSpace } from '../chars.js';
import { repairForMatching } from '../encoding.js';
import { hasShortcode } from '../shortcodes.js';

const WORDS: Record<Status, readonly string[]> = {
  todo: [
    'todo',
    'to do',
    'to-do',
    'not started',
    'not implemented',
    'not done',
    'pending',
    'planned',
    'open',
    'backlog',
    'new',
    'incomplete',
    'unfinished',
    'upcoming',
    'next',
    'queued',
    'ready',
    'ready to start',
    'deferred',
    'postponed',
    'later',
    'proposed',
    'draft',
    'not yet',
    // A tracker's states of work not begun: Jira's, an issue opened again, one awaiting triage.
    'selected for development',
    'reopened',
    're-opened',
    'needs triage',
    'pendiente',
    'por hacer',
    'à faire',
    'a faire',
    'offen',
    'ausstehend',
    'da fare',
    'pendente',
    'a fazer',
    'belum',
    'не начато',
    'запланировано',
    '未开始',
    '待办',
    '未着手',
  ],
  doing: [
    'in progress',
    'in-progress',
    'inprogress',
    'wip',
    'doing',
    'ongoing',
    'started',
    'active',
    'in review',
    'under review',
    'in development',
    'partial',
    'partially done',
    'partially complete',
    'underway',
    'in testing',
    'in qa',
    // Work finished and awaiting its review is under way, not yet to do.
    'pending review',
    'awaiting review',
    'ready for review',
    'needs review',
    'ready for qa',
    'ready for testing',
    // Work done and merged, not yet out.
    'awaiting deploy',
    'awaiting deployment',
    // The health a status report gives work under way.
    'on track',
    'at risk',
    'off track',
    'en cours',
    'en progreso',
    'em andamento',
    'em progresso',
    'in bearbeitung',
    'in arbeit',
    'in corso',
    'sedang berjalan',
    'в работе',
    'в процессе',
    '进行中',
    '进行',
    '進行中',
    '作業中',
  ],
  blocked: [
    'blocked',
    'on hold',
    'on-hold',
    'waiting',
    'stuck',
    'paused',
    'needs info',
    'impeded',
    'parked',
    'bloqueado',
    'bloqué',
    'blockiert',
    'bloccato',
    'terblokir',
    'заблокировано',
    '阻塞',
    '受阻',
    'ブロック',
  ],
  done: [
    'done',
    'complete',
    'completed',
    'finished',
    'implemented',
    'shipped',
    'resolved',
    'closed',
    'delivered',
    'merged',
    'released',
    'deployed',
    'fixed',
    'achieved',
    'accomplished',
    'verified',
    'concluído',
    'concluido',
    'feito',
    'hecho',
    'terminado',
    'completado',
    'terminé',
    'fait',
    'achevé',
    'erledigt',
    'fertig',
    'abgeschlossen',
    'fatto',
    'completato',
    'selesai',
    'готово',
    'выполнено',
    'сделано',
    '完成',
    '已完成',
    '完了',
    '済',
  ],
  cancelled: [
    'cancelled',
    'canceled',
    'dropped',
    "won't do",
    'wont do',
    "won't fix",
    'wontfix',
    'abandoned',
    'obsolete',
    'removed',
    'rejected',
    'descoped',
    'out of scope',
    'skipped',
    'not planned',
    'duplicate',
    'superseded',
    'cancelado',
    'annulé',
    'abgebrochen',
    'annullato',
    'dibatalkan',
    'отменено',
    '取消',
    '已取消',
  ],
};

/** Emoji and glyphs that carry a status on their own. Variation selectors are stripped before lookup. */
const GLYPHS: ReadonlyMap<string, Status> = new Map<string, Status>([
  ['✅', 'done'],
  ['✔', 'done'],
  ['☑', 'done'],
  ['☒', 'done'],
  ['■', 'done'],
  ['✓', 'done'],
  ['🟩', 'done'],
  ['💯', 'done'],
  ['🔄', 'doing'],
  ['🚧', 'doing'],
  ['🏗', 'doing'],
  ['🔨', 'doing'],
  ['⚙', 'doing'],
  ['▶', 'doing'],
  ['🏃', 'doing'],
  ['⏸', 'blocked'],
  ['⛔', 'blocked'],
  ['🛑', 'blocked'],
  ['🚫', 'blocked'],
  ['🔒', 'blocked'],
  ['❌', 'cancelled'],
  ['✗', 'cancelled'],
  ['✘', 'cancelled'],
  ['✖', 'cancelled'],
  ['❎', 'cancelled'],
  ['🗑', 'cancelled'],
  ['⏳', 'todo'],
  ['⌛', 'todo'],
  // Coming soon: a roadmap's next work (`- 🔜 Config schema validation`).
  ['🔜', 'todo'],
  ['🔲', 'todo'],
  ['⬜', 'todo'],
  ['☐', 'todo'],
  ['□', 'todo'],
]);

/** Org-mode's keywords (and Logseq's, and the common ones plans add), in capitals as org writes them. */
export const ORG_KEYWORDS: ReadonlyMap<string, Status> = new Map<string, Status>([
  ['TODO', 'todo'],
  ['NEXT', 'todo'],
  ['LATER', 'todo'],
  ['NOW', 'doing'],
  ['DOING', 'doing'],
  ['STARTED', 'doing'],
  ['IN-PROGRESS', 'doing'],
  // Status words plans write in capitals as such keywords (`- [ ] IN PROGRESS: Wire the CLI`).
  ['IN PROGRESS', 'doing'],
  ['WIP', 'doing'],
  ['ON HOLD', 'blocked'],
  ['WAITING', 'blocked'],
  ['WAIT', 'blocked'],
  ['HOLD', 'blocked'],
  ['BLOCKED', 'blocked'],
  ['DONE', 'done'],
  ['CANCELLED', 'cancelled'],
  ['CANCELED', 'cancelled'],
]);
/** Ballot boxes and check marks that open a plain line as an item, as GFM's `[ ]` opens a list item. */
export const BOX_GLYPHS: ReadonlySet<string> = new Set([
  '☐',
  '☑',
  '☒',
  '□',
  '■',
  '✓',
  '✔',
  '✗',
  '✘',
  '🔲',
  '⬜',
]);

/** Checkbox marks: GFM's, Obsidian's and the common extended ones. */
const MARKS: ReadonlyMap<string, Status> = new Map<string, Status>([
  [' ', 'todo'],
  ['x', 'done'],
  ['X', 'done'],
  ['/', 'doing'],
  ['\\', 'doing'],
  ['~', 'doing'],
  ['-', 'cancelled'],
  ['>', 'todo'],
  ['<', 'todo'],
  ['!', 'blocked'],
  ['?', 'todo'],
  ['✓', 'done'],
  ['✔', 'done'],
  ['✗', 'cancelled'],
  ['✘', 'cancelled'],
]);

/** The status a checkbox mark stands for; in a plan that says what its marks mean, that (`boxMarks`). */
export function statusOfMark(mark: string, boxMarks?: ReadonlyMap<string, Status>): Status {
  return boxMarks?.get(mark) ?? MARKS.get(mark) ?? 'todo';
}

/** The marks that stand for `status`, the usual one first. */
export function marksFor(status: Status): string[] {
  const out = [markForStatus(status)];
  for (const [m, s] of MARKS) if (s === status && !out.includes(m)) out.push(m);
  return out;
}

/** The conventional mark for a status, used when the plan gives no example of its own. */
export function markForStatus(status: Status): string {
  switch (status) {
    case 'done':
      return 'x';
    case 'doing':
      return '/';
    case 'blocked':
      return '!';
    case 'cancelled':
      return '-';
    default:
      return ' ';
  }
}

const wordIndex = new Map<string, Status>();
for (const [status, words] of Object.entries(WORDS) as [Status, readonly string[]][]) {
  for (const w of words) wordIndex.set(w, status);
}
const sortedWords = [...wordIndex.keys()].sort((a, b) => b.length - a.length);

/** Every status word and phrase taskmark knows, lower case. */
export function statusWords(): readonly string[] {
  return sortedWords;
}
const escapeWord = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s_-]+');
/**
 * The search as one alternation, longest first, so "not started" wins over "started" at the same
 * position. Only the rare text whose lower-case form has another length (`İ`) is searched with it,
 * case-insensitively: compiled on demand, as it costs milliseconds to compile (more for two-byte text).
 */
const WORD_SOURCE = `(?<![\\p{L}\\p{N}])(?:${sortedWords.map(escapeWord).join('|')})(?![\\p{L}\\p{N}])`;
let wordReFolding: RegExp | null = null;
/** The status glyphs' code points (each glyph is one). */
const GLYPH_CODES = new Set([...GLYPHS.keys()].map((g) => g.codePointAt(0)!));

/**
 * The status words by their first character, longest first, each as its parts between spaces (a
 * space in a word stands for any run of white space, `_` and `-`).
 */
const WORDS_BY_FIRST = new Map<number, string[][]>();
for (const w of sortedWords) {
  const parts = w.split(' ');
  const list = WORDS_BY_FIRST.get(w.charCodeAt(0));
  if (list) list.push(parts);
  else WORDS_BY_FIRST.set(w.charCodeAt(0), [parts]);
}

function isWordSeparator(c: number): boolean {
  return c === 95 || c === 45 || isSpace(c);
}

/** End of the word made of `parts` at offset `p` of `t`, or -1 when it is not there. */
function wordEnd(t: string, p: number, parts: readonly string[]): number {
  let i = p;
  for (let k = 0; k < parts.length; k++) {
    if (k > 0) {
      const from = i;
      while (i < t.length && isWordSeparator(t.charCodeAt(i))) i++;
      if (i === from) return -1;
    }
    if (!t.startsWith(parts[k]!, i)) return -1;
    i += parts[k]!.length;
  }
  return i;
}

/**
 * Where the first status word of lower-case `t` starts and ends, as WORD_SOURCE matches it (case
 * sensitively): at the first position where a word starts, not after a letter or digit, and ends not
 * before one, the longest such word. A scan with one table lookup per character, not the alternation.
 */
export function scanStatusWord(t: string): { index: number; end: number } | null {
  for (let p = 0; p < t.length; p++) {
    const candidates = WORDS_BY_FIRST.get(t.charCodeAt(p));
    if (candidates === undefined || isLetterOrDigit(codePointBefore(t, p))) continue;
    for (let c = 0; c < candidates.length; c++) {
      const end = wordEnd(t, p, candidates[c]!);
      if (end >= 0 && !isLetterOrDigit(codePointAt(t, end))) return { index: p, end };
    }
  }
  return null;
}

export interface StatusMatch {
  readonly status: Status;
  /** Index of the match in the searched string. */
  readonly index: number;
  readonly text: string;
}

function lookupWord(text: string): Status | undefined {
  return wordIndex.get(
    text.toLowerCase().replace(/[\s_-]+/g, (m) => (m.includes('-') && m.length === 1 ? '-' : ' ')),
  );
}

/**
 * The to-do words that state a status standing alone, as a piece of a list (`— Todo`) or after a
 * name (`- Search: not started`). Others (`draft`, `next`, `open`) are as often words of the text.
 */
export const STATING_TODO_WORDS: ReadonlySet<string> = new Set([
  'todo',
  'to do',
  'to-do',
  'not started',
  'pending',
  'backlog',
  'planned',
  'queued',
  // The same in the languages status words are read in.
  'pendiente',
  'por hacer',
  'à faire',
  'a faire',
  'ausstehend',
  'da fare',
  'pendente',
  'a fazer',
  'не начато',
  '未开始',
  '待办',
  '未着手',
]);

/**
 * A status word and the reason after it, after a preposition or a colon (`blocked on infra`, `on hold
 * until Q2`, `waiting for legal`, `dropped in favour of v2`, `blocked: waiting for the API`), in the
 * languages status words are read in (`bloqueado por falta de acceso`, `blockiert durch das Audit`,
 * `bloqué par la revue`, `заблокировано из-за ревью`): the words before the first preposition or
 * colon must be a status word.
 */
const REASONED_RE =
  /^(.{1,24}?)(?:[ \t]*:[ \t]*|[ \t]+(?:on|by|until|till|for|pending|behind|due to|because(?: of)?|in fav(?:ou|o)r of|por|par|per|durch|wegen|bis|hasta|até|jusqu'à|fino a|debido a|devido a|a causa de|à cause de|a causa di|en attente de|из-за|до|пока)[ \t]+)\S/iu;

/**
 * The status of a piece that is a status word and its reason. Only the statuses that come with a
 * reason, blocked and cancelled: `done by Kim`, `started on Monday` say when or who as often as not.
 */
export function reasonedStatus(piece: string): Status | null {
  const m = REASONED_RE.exec(piece);
  if (m === null) return null;
  const status = statusOfWord(m[1]!);
  return status === 'blocked' || status === 'cancelled' ? status : null;
}

/** The status `text` is the whole of a word for (`In Progress`, `done`), or null: no search. */
export function statusOfWord(text: string): Status | null {
  return lookupWord(text) ?? null;
}

/** The first status word in `s`, if any. */
export function findStatusWord(s: string): StatusMatch | null {
  const lower = s.toLowerCase();
  let index: number;
  let end: number;
  if (lower.length === s.length) {
    const m = scanStatusWord(lower);
    if (!m) return null;
    index = m.index;
    end = m.end;
  } else {
    wordReFolding ??= new RegExp(WORD_SOURCE, 'giu');
    wordReFolding.lastIndex = 0;
    const m = wordReFolding.exec(s);
    if (!m) return null;
    index = m.index;
    end = m.index + m[0].length;
  }
  const text = s.slice(index, end);
  const status = lookupWord(text) ?? wordIndex.get(text.toLowerCase());
  return status ? { status, index, text } : null;
}

/** The first status glyph in `s`, with the variation selector after it, if any. */
export function findStatusGlyph(s: string): StatusMatch | null {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) < 128) continue;
    const cp = s.codePointAt(i)!;
    if (!GLYPH_CODES.has(cp)) continue;
    const end = i + (cp >= 0x10000 ? 2 : 1);
    const text = s.slice(i, s.charCodeAt(end) === 0xfe0f ? end + 1 : end);
    return { status: GLYPHS.get(s.slice(i, end))!, index: i, text };
  }
  return null;
}

/** The status a glyph stands for, if it is a status glyph. */
export function statusOfGlyph(g: string): Status | null {
  return GLYPHS.get(g.replace('\uFE0F', '')) ?? null;
}

/**
 * Glyphs that state a status only as a status value (`**Status:** ⚠️`, a status table's cell): a
 * warning sign is work at risk, in progress as `At risk` is; a clipboard is work planned. Opening a
 * bullet or a heading they warn or decorate.
 */
const VALUE_GLYPHS: readonly (readonly [string, Status])[] = [
  ['⚠', 'doing'],
  ['📋', 'todo'],
];

/**
 * Reads a status value such as `🔄 IN PROGRESS (Phase 1 Complete)` or `⏳ TODO`. Words outside
 * parentheses win over emoji (a plan's `🔄 NOT STARTED` is not started); words inside parentheses
 * are a remark, used only when nothing else speaks; then the glyphs read in values alone (`⚠️`).
 */
export function readStatusValue(value: string, vocabulary?: ReadonlyMap<string, Status>): StatusMatch | null {
  if (vocabulary && vocabulary.size > 0) {
    const key = normaliseVocab(value);
    const hit = vocabulary.get(key);
    if (hit) return { status: hit, index: 0, text: value };
  }
  const outside =
    value.includes('(') || value.includes('[')
      ? value.replace(/\([^()]*\)|\[[^\][]*\]/g, (m) => ' '.repeat(m.length))
      : value;
  const word = findStatusWord(outside);
  if (word) return word;
  // A glyph, or GitHub's shortcode of one (`:heavy_check_mark:`).
  const glyph =
    findStatusGlyph(value) ?? (hasShortcode(value) ? findStatusGlyph(repairForMatching(value)) : null);
  if (glyph) return glyph;
  for (const [g, status] of VALUE_GLYPHS) {
    const at = value.indexOf(g);
    if (at >= 0)
      return {
        status,
        index: at,
        text: value.slice(at, value.charCodeAt(at + g.length) === 0xfe0f ? at + g.length + 1 : at + g.length),
      };
  }
  if (vocabulary) {
    for (const [text, status] of vocabulary) {
      if (text.length > 0 && value.includes(text)) return { status, index: value.indexOf(text), text };
    }
  }
  // The words inside parentheses, when there were any (else this was searched above).
  return outside === value ? null : findStatusWord(value);
}

/** The longest status word read after a mark (`Not started`, `In Bearbeitung`). */
const MAX_LEAD_WORD = 24;

/**
 * A status word right after a bullet's status mark and set off from the title by `:` or a dash
 * (`✅ Done: Remove the exporter`, `⏳ Pending - Write tests`, `✅ Erledigt: …`): the word is part of
 * the mark. `length` runs to the title. A word without the separator (`✅ Done deal`) is the title's.
 */
export function statusWordAfterMark(s: string): { word: string; at: number; length: number } | null {
  // In bold (`✅ **Completed**: Changelog`): the bold is the word, and the separator is after it.
  const bold = s.startsWith('**') ? '**' : s.startsWith('__') ? '__' : '';
  if (bold !== '') {
    const close = s.indexOf(bold, 2);
    if (close < 3 || close > MAX_LEAD_WORD + 2) return null;
    const word = s.slice(2, close);
    const hit = word.trim() === word ? findStatusWord(word) : null;
    if (hit === null || hit.index !== 0 || hit.text.length !== word.length) return null;
    let after = close + 2;
    while (after < s.length && isSpace(s.charCodeAt(after))) after++;
    const c = s.charCodeAt(after);
    if (c === 58) after++;
    else if ((c === 45 || c === 0x2013 || c === 0x2014) && isSpace(s.charCodeAt(after + 1))) after++;
    else return null;
    while (after < s.length && isSpace(s.charCodeAt(after))) after++;
    return { word, at: 2, length: after };
  }
  // The separator: the first `:`, or a dash with white space on both sides, near the start.
  let sep = -1;
  let after = -1;
  const limit = Math.min(s.length, MAX_LEAD_WORD + 2);
  for (let i = 1; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) {
      sep = i;
      after = i + 1;
      break;
    }
    if (
      (c === 45 || c === 0x2013 || c === 0x2014) &&
      isSpace(s.charCodeAt(i - 1)) &&
      isSpace(s.charCodeAt(i + 1))
    ) {
      sep = i - 1;
      after = i + 1;
      break;
    }
  }
  if (sep < 0) return null;
  const word = s.slice(0, sep).trimEnd();
  const hit = word === '' ? null : findStatusWord(word);
  if (hit === null || hit.index !== 0 || hit.text.length !== word.length) return null;
  while (after < s.length && isSpace(s.charCodeAt(after))) after++;
  return { word, at: 0, length: after };
}

/** The form in which vocabulary entries are compared: trimmed, lower case, spaces collapsed. */
/**
 * The stages of a board that work passes through (`Review`, `QA`, `Testing`, `Code review`), read as
 * under way where a status field or cell says one and nothing else: as words in a title or a
 * heading they name other things (`## Testing`, `Review the docs`), so they are no status words.
 */
const STAGES: ReadonlySet<string> = new Set([
  'review',
  'code review',
  'peer review',
  'reviewing',
  'qa',
  'testing',
  'test',
  'verification',
  'verifying',
  'validation',
  'staging',
  'uat',
  'acceptance',
]);

/**
 * Whether a board column's title names a stage work passes through (see STAGES: `Review`, `QA`,
 * `Code review`), its decoration and the count of its cards aside.
 */
export function namesBoardStage(title: string): boolean {
  const v = normaliseVocab(title)
    .replace(/[-_]+/g, ' ')
    .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return v.length <= 20 && (STAGES.has(v) || STAGES.has(v.replace(/^in /, '')));
}

/**
 * The stages of a product roadmap's features, read as STAGES are, where a status field or cell says
 * one: released (`GA`, `Live`), out to some users and still worked on (`Beta`, `Early access`), or
 * not begun (`Exploring`, `Idea`).
 */
const RELEASE_STAGES: ReadonlyMap<string, Status> = new Map<string, Status>([
  ...['alpha', 'beta', 'private beta', 'public beta', 'open beta', 'closed beta', 'in beta', 'in alpha']
    .concat(['preview', 'public preview', 'private preview', 'early access', 'pilot', 'canary'])
    .concat(['rolling out', 'rollout', 'dogfooding', 'prototype', 'prototyping', 'investigating'])
    .map((w) => [w, 'doing'] as const),
  ...['ga', 'generally available', 'general availability', 'live', 'launched', 'available', 'stable'].map(
    (w) => [w, 'done'] as const,
  ),
  ...['exploring', 'exploration', 'discovery', 'research', 'idea', 'considering', 'under consideration'].map(
    (w) => [w, 'todo'] as const,
  ),
]);

/**
 * The status a status field or cell states by a board's stage (see STAGES) or a feature's release
 * stage (see RELEASE_STAGES) alone, or null.
 */
export function readStageStatus(value: string): Status | null {
  const v = normaliseVocab(value).replace(/[-_]+/g, ' ');
  if (v.length > 20) return null;
  return STAGES.has(v) ? 'doing' : (RELEASE_STAGES.get(v) ?? null);
}

export function normaliseVocab(s: string): string {
  return s.replace(/[*_`]/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
}
