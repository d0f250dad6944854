/** Status vocabulary: words (several languages), emoji and checkbox marks mapped to a status. */
import type { Status } from '../../model.js';

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
  ['🗑', 'cancelled'],
  ['⏳', 'todo'],
  ['🔲', 'todo'],
  ['⬜', 'todo'],
  ['☐', 'todo'],
  ['□', 'todo'],
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
]);

/** The status a checkbox mark stands for. */
export function statusOfMark(mark: string): Status {
  return MARKS.get(mark) ?? 'todo';
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
// One alternation, longest first, so "not started" wins over "started" at the same position. It
// runs on lower-cased text: without the `i` flag the regex compiles in a fraction of the time, and
// compiling it (once per string representation and tier) is most of its cost in a short-lived CLI.
const WORD_SOURCE = `(?<![\\p{L}\\p{N}])(?:${sortedWords.map(escapeWord).join('|')})(?![\\p{L}\\p{N}])`;
const WORD_RE = new RegExp(WORD_SOURCE, 'gu');
/** For the rare text whose lower-case form has another length (`İ`): the case-insensitive form, compiled on demand. */
let wordReFolding: RegExp | null = null;
const GLYPH_RE = new RegExp(`(?:${[...GLYPHS.keys()].join('|')})\\uFE0F?`, 'gu');

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

/** The first status word in `s`, if any. */
export function findStatusWord(s: string): StatusMatch | null {
  const lower = s.toLowerCase();
  let re = WORD_RE;
  if (lower.length !== s.length) {
    wordReFolding ??= new RegExp(WORD_SOURCE, 'giu');
    re = wordReFolding;
  }
  re.lastIndex = 0;
  const m = re.exec(re === WORD_RE ? lower : s);
  if (!m) return null;
  const text = s.slice(m.index, m.index + m[0].length);
  const status = lookupWord(text) ?? wordIndex.get(text.toLowerCase());
  return status ? { status, index: m.index, text } : null;
}

/** The first status glyph in `s`, if any. */
export function findStatusGlyph(s: string): StatusMatch | null {
  GLYPH_RE.lastIndex = 0;
  const m = GLYPH_RE.exec(s);
  if (!m) return null;
  const status = GLYPHS.get(m[0].replace('\uFE0F', ''));
  return status ? { status, index: m.index, text: m[0] } : null;
}

/** The status a glyph stands for, if it is a status glyph. */
export function statusOfGlyph(g: string): Status | null {
  return GLYPHS.get(g.replace('\uFE0F', '')) ?? null;
}

/**
 * Reads a status value such as `🔄 IN PROGRESS (Phase 1 Complete)` or `⏳ TODO`. Words outside
 * parentheses win over emoji (a plan's `🔄 NOT STARTED` is not started); words inside parentheses
 * are a remark, used only when nothing else speaks.
 */
export function readStatusValue(value: string, vocabulary?: ReadonlyMap<string, Status>): StatusMatch | null {
  if (vocabulary && vocabulary.size > 0) {
    const key = normaliseVocab(value);
    const hit = vocabulary.get(key);
    if (hit) return { status: hit, index: 0, text: value };
  }
  const outside =
    value.includes('(') || value.includes('[')
      ? value.replace(/\([^)]*\)|\[[^\]]*\]/g, (m) => ' '.repeat(m.length))
      : value;
  const word = findStatusWord(outside);
  if (word) return word;
  const glyph = findStatusGlyph(value);
  if (glyph) return glyph;
  if (vocabulary) {
    for (const [text, status] of vocabulary) {
      if (text.length > 0 && value.includes(text)) return { status, index: value.indexOf(text), text };
    }
  }
  return findStatusWord(value);
}

/** The form in which vocabulary entries are compared: trimmed, lower case, spaces collapsed. */
export function normaliseVocab(s: string): string {
  return s.replace(/[*_`]/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
}
