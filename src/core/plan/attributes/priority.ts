/** Priority: every scheme plans use, normalised to a rank (0 = highest) with the plan's own label kept. */
import type { Priority } from '../../model.js';
import { codePointAt, codePointBefore, isLetterOrDigit } from '../chars.js';

export const MOSCOW: readonly [RegExp, number, string][] = [
  [/\bmust[\s-]*have\b|\bmust\b/i, 0, 'Must Have'],
  [/\bshould[\s-]*have\b|\bshould\b/i, 1, 'Should Have'],
  [/\bcould[\s-]*have\b|\bcould\b|\bnice[\s-]to[\s-]have\b/i, 2, 'Could Have'],
  [/\bwon'?t[\s-]*have\b|\bwill not have\b|\bwon'?t\b/i, 4, "Won't Have"],
];

// A word ends where no letter of the Latin scripts follows (`média`, not `medialab`): `\b` ends one
// at an accented letter, and a Unicode class costs a compile for each kind of string it is run on.
const WORD_RANKS: readonly [RegExp, number][] = [
  [
    /(?<![\w\u00c0-\u024f])(?:critical|urgent|blocker|highest|showstopper|crítica|critique|kritisch|urgente)(?![\w\u00c0-\u024f])/i,
    0,
  ],
  [/(?<![\w\u00c0-\u024f])(?:high|important|major|alta|hoch|hohe|haute|élevée)(?![\w\u00c0-\u024f])/i, 1],
  [
    /(?<![\w\u00c0-\u024f])(?:medium|normal|moderate|med|mid|media|média|mittel|mittlere|moyenne)(?![\w\u00c0-\u024f])/i,
    2,
  ],
  [/(?<![\w\u00c0-\u024f])(?:low|minor|baja|baixa|bassa|niedrig|niedrige|basse)(?![\w\u00c0-\u024f])/i, 3],
  [/\b(?:lowest|trivial)\b/i, 4],
];

/** Priority values in Chinese and Japanese, whole (`优先级：高`): `\b` does not bound these words. */
const CJK_RANKS: ReadonlyMap<string, number> = new Map([
  ['紧急', 0],
  ['緊急', 0],
  ['最高', 0],
  ['高', 1],
  ['中', 2],
  ['低', 3],
  ['最低', 4],
]);

/** Emoji priority marks: Obsidian Tasks' and the traffic-light circles. */
export const EMOJI: ReadonlyMap<string, number> = new Map([
  ['🔺', 0],
  ['⏫', 1],
  ['🔼', 2],
  ['🔽', 3],
  ['⏬', 4],
  ['🔴', 0],
  ['🟠', 1],
  ['🟡', 2],
  ['🟢', 3],
]);

export const ORG_RE = /\[#([A-E])\]/;
/** A traffic-light circle ending a line or heading, set off by white space. */
export const EMOJI_RE = /🔺|⏫|🔼|🔽|⏬|🔴|🟠|🟡|🟢/u;

/** Whether code point `cp` may stand next to a `P0`–`P4` mark: neither a letter, a digit nor `-`. */
function isMarkBoundary(cp: number): boolean {
  return cp !== 45 && !isLetterOrDigit(cp);
}

/**
 * Offset of the first `P0`–`P4` in `s` that stands alone (`/(?<![\p{L}\p{N}-])P[0-4](?![\p{L}\p{N}-])/u`),
 * or -1. A scan for `P` rather than that regex: with its Unicode classes it costs milliseconds to
 * compile, more than a plan's whole use of it.
 */
export function findPriorityMark(s: string, from = 0): number {
  for (let k = s.indexOf('P', from); k >= 0; k = s.indexOf('P', k + 1)) {
    const d = s.charCodeAt(k + 1);
    if (d >= 48 && d <= 52 && isMarkBoundary(codePointBefore(s, k)) && isMarkBoundary(codePointAt(s, k + 2)))
      return k;
  }
  return -1;
}

export function letterRank(letter: string): number {
  // Org and todo.txt: A is high, B medium, C low (D/E lower still).
  return Math.min(4, letter.toUpperCase().charCodeAt(0) - 64);
}

/**
 * Reads a priority from a field value or a heading (`P0 - CRITICAL`, `High`, `MUST HAVE`, `🔴`).
 * Words are accepted here because the context says this text is about priority.
 */
export function readPriorityValue(value: string): Priority | null {
  const p = findPriorityMark(value);
  if (p >= 0) return { rank: value.charCodeAt(p + 1) - 48, label: value.slice(p, p + 2) };
  for (const [re, rank, label] of MOSCOW) {
    if (re.test(value)) return { rank, label };
  }
  const org = ORG_RE.exec(value);
  if (org) return { rank: letterRank(org[1]!), label: `[#${org[1]}]` };
  const cleaned = value.replace(/[*_`]/g, '').trim();
  for (const [re, rank] of WORD_RANKS) {
    const m = re.exec(cleaned);
    if (m) return { rank, label: capitalise(m[0]) };
  }
  const cjk = CJK_RANKS.get(cleaned);
  if (cjk !== undefined) return { rank: cjk, label: cleaned };
  const e = EMOJI_RE.exec(value);
  if (e) return { rank: EMOJI.get(e[0])!, label: e[0] };
  if (/^[A-E]$/.test(cleaned)) return { rank: letterRank(cleaned), label: cleaned };
  const n = /^([0-4])$/.exec(cleaned);
  if (n) return { rank: Number(n[1]), label: cleaned };
  return null;
}

export const PRIORITY_WORD = String.raw`(critical|urgent|blocker|highest|high|medium|med|normal|lowest|low)(?:[ \t]+prio(?:rity)?)?`;
const PIECE_WORD_RE = new RegExp(`^${PRIORITY_WORD}$`, 'i');

/** The word for priority in the languages read: Spanish, Portuguese, French, Italian, German. */
const PRIORITY_NOUN = 'prioridad|prioridade|priorité|priorità|priorität';

/**
 * A priority phrase of another language, the level word after the noun and its separator or before
 * the noun. With `parts`, every part is captured: noun, separator, level; or level, white space, noun.
 */
function foreignPhrase(parts: boolean): RegExp {
  const c = (re: string) => (parts ? `(${re})` : re);
  return new RegExp(
    String.raw`^(?:${c(`(?:${PRIORITY_NOUN})`)}${c('[ \t]*:?[ \t]+')}(\p{L}+)|(\p{L}+)${c('[ \t]+')}${c(`(?:${PRIORITY_NOUN})`)})$`,
    'iu',
  );
}

/**
 * The level words of each language's word for priority, by rank, that read back as that rank: after
 * the word (`prioridad alta`, `Priorität: hoch`) and, for German, before it (`hohe Priorität`). A
 * rank a language has no such word for is null.
 */
const FOREIGN_LEVELS: Readonly<Record<string, readonly (string | null)[]>> = {
  prioridad: ['crítica', 'alta', 'media', 'baja', null],
  prioridade: ['crítica', 'alta', 'média', 'baixa', null],
  priorité: ['critique', 'haute', 'moyenne', 'basse', null],
  priorità: ['urgente', 'alta', 'media', 'bassa', null],
  priorität: ['kritisch', 'hoch', 'mittel', 'niedrig', null],
};
const GERMAN_BEFORE: readonly (string | null)[] = [null, 'hohe', 'mittlere', 'niedrige', null];

/**
 * A priority piece in the words of other languages, the level before or after the word for priority:
 * `prioridad alta`, `alta prioridad`, `priorité haute`, `hohe Priorität`, `priorità bassa`.
 */
const FOREIGN_PIECE_RE = foreignPhrase(false);
/** FOREIGN_PIECE_RE with its parts captured, for an edit to write the phrase again in its shape. */
const FOREIGN_PHRASE_RE = foreignPhrase(true);

/**
 * `old`, a priority phrase of another language (`prioridad alta`, `Hohe Priorität`), saying `rank`
 * in the same language, order and case, so an edit keeps the plan's words; null when `old` is no
 * such phrase or the language has no word for the rank that reads back.
 */
export function foreignPriorityLike(old: string, rank: number): string | null {
  const m = FOREIGN_PHRASE_RE.exec(old.trim());
  if (m === null) return null;
  const noun = (m[1] ?? m[6]!).toLowerCase();
  const was = m[3] ?? m[4]!;
  const word = (m[4] !== undefined && noun === 'priorität' ? GERMAN_BEFORE : FOREIGN_LEVELS[noun]!)[rank];
  if (word === undefined || word === null) return null;
  const level =
    was === was.toUpperCase()
      ? word.toUpperCase()
      : was.charAt(0) === was.charAt(0).toUpperCase()
        ? word.charAt(0).toUpperCase() + word.slice(1)
        : word;
  const out = m[1] !== undefined ? `${m[1]}${m[2]}${level}` : `${level}${m[5]}${m[6]}`;
  return readPriorityPiece(out)?.rank === rank ? out : null;
}

/**
 * A priority word standing alone as a piece of a metadata list (`— High priority`, `, urgent`), the
 * label the word as written. Not in a title: there "high" is as often something else.
 */
export function readPriorityPiece(piece: string): Priority | null {
  const m = PIECE_WORD_RE.exec(piece);
  if (!m) {
    const f = /^\p{L}/u.test(piece) ? FOREIGN_PIECE_RE.exec(piece) : null;
    if (f === null) return null;
    const level = f[1] ?? f[2]!;
    return isLevelWord(level) ? { rank: readPriorityValue(level)!.rank, label: piece } : null;
  }
  const rank = readPriorityValue(m[1]!.toLowerCase() === 'med' ? 'medium' : m[1]!)?.rank;
  return rank === undefined ? null : { rank, label: m[1]! };
}

/**
 * Whether `word` is a priority level and nothing more (`basse`, `Alta`), not one with letters after it
 * (`basse𝒜`) that readPriorityValue's word boundaries, Latin only, let through.
 */
export function isLevelWord(word: string): boolean {
  return readPriorityValue(word)?.label.toLowerCase() === word.toLowerCase();
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}
