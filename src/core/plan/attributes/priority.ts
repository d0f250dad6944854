/** Priority: every scheme plans use, normalised to a rank (0 = highest) with the plan's own label kept. */
import type { Priority } from '../../model.js';
import {
  blankEnd,
  codePointAt,
  codePointBefore,
  isAsciiLetter,
  isLetterOrDigit,
  isSpace,
  nonWordPrefixLength,
} from '../chars.js';

const MOSCOW: readonly [RegExp, number, string][] = [
  [/\bmust[\s-]*have\b|\bmust\b/i, 0, 'Must Have'],
  [/\bshould[\s-]*have\b|\bshould\b/i, 1, 'Should Have'],
  [/\bcould[\s-]*have\b|\bcould\b|\bnice[\s-]to[\s-]have\b/i, 2, 'Could Have'],
  [/\bwon'?t[\s-]*have\b|\bwill not have\b|\bwon'?t\b/i, 4, "Won't Have"],
];

const BARE_MOSCOW_RE = /^(must|should|could|won[’']?t)[ \t]*(?:\([^()]*\))?[ \t]*:?[ \t]*$/i;
/** The longest heading read as a MoSCoW word alone (`Won't (this time, sorry)`). */
const MAX_BARE_MOSCOW = 40;
const MOSCOW_BY_WORD: Readonly<Record<string, Priority>> = {
  must: { rank: 0, label: 'Must Have' },
  should: { rank: 1, label: 'Should Have' },
  could: { rank: 2, label: 'Could Have' },
  wont: { rank: 4, label: "Won't Have" },
};

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
const EMOJI: ReadonlyMap<string, number> = new Map([
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

const ORG_RE = /\[#([A-E])\]/;
/** A traffic-light circle ending a line or heading, set off by white space. */
const EMOJI_RE = /🔺|⏫|🔼|🔽|⏬|🔴|🟠|🟡|🟢/u;

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

/** Where a list separator (`,` `;`) after `at`, and the white space around it, end; `at` without one. */
function separatorAfter(text: string, at: number): number {
  let i = at;
  while (isSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (c !== 44 && c !== 59) return at;
  i++;
  while (isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Where a list separator (`,` `;`) before `at`, with the white space around it, starts; `at` without one. */
function separatorBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  const c = text.charCodeAt(i - 1);
  return c === 44 || c === 59 ? i - 1 : at;
}

/**
 * Offset of the `P0`–`P4` mark of an item's text, or -1: the first one wrapped (`(P2)`, `[P1]`,
 * `**P0**`), else the first bare one that is not a word of the sentence around it. One between a word
 * and a lower-case word is (`Zero P0 bugs`, `Triage P1 tickets`, `the P0 crash in checkout`); one
 * opening or ending the text, or before its metadata (`Fix login P1 @kim`), is a mark.
 */
function inlineMarkAt(text: string): number {
  let bare = -1;
  for (let k = findPriorityMark(text); k >= 0; k = findPriorityMark(text, k + 2)) {
    const before = text.charCodeAt(k - 1);
    const after = text.charCodeAt(k + 2);
    const wrapped =
      (before === 40 && after === 41) ||
      (before === 91 && after === 93) ||
      (text.startsWith('**', k - 2) && text.startsWith('**', k + 2));
    if (wrapped) return k;
    if (bare < 0 && !inSentence(text, k)) bare = k;
  }
  return bare;
}

/** Whether the mark at `k` stands between a word and a lower-case word, set off by white space alone. */
function inSentence(text: string, k: number): boolean {
  let a = k;
  while (a > 0 && isSpace(text.charCodeAt(a - 1))) a--;
  let b = k + 2;
  while (b < text.length && isSpace(text.charCodeAt(b))) b++;
  if (a === k || b === k + 2 || a === 0 || b === text.length) return false;
  return isLetterOrDigit(codePointBefore(text, a)) && isLowerCase(codePointAt(text, b));
}

/** Whether code point `cp` is a lower-case letter (`\p{Ll}`). */
function isLowerCase(cp: number): boolean {
  if (cp < 128) return cp >= 97 && cp <= 122;
  // Compiled on the first letter beyond ASCII after a mark: a Unicode class costs a compile.
  LOWER_RE ??= /\p{Ll}/u;
  return LOWER_RE.test(String.fromCodePoint(cp));
}
let LOWER_RE: RegExp | null = null;

function letterRank(letter: string): number {
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

/** A heading that names a priority (`#### P0 - Reliability`, `# 🔴 MUST HAVE`, `## High Priority`). */
export function readHeadingPriority(title: string): Priority | null {
  const t = title.slice(nonWordPrefixLength(title));
  if (findPriorityMark(t) === 0) return readPriorityValue(t.slice(0, 2));
  // Each regex below runs only when what it needs is there (most headings name no priority).
  const tagged = t.includes('P') ? /[([]\s*(P[0-4])\s*[)\]]|\s[-–—:]\s*(P[0-4])\s*$/u.exec(t) : null;
  if (tagged) return readPriorityValue(tagged[1] ?? tagged[2]!);
  // A keyed group (`User Story 1 — Export (Priority: P1) 🎯 MVP`, `[priority: high]`).
  // Bounded blanks: a long run of them after `(priority:` is read in linear time.
  const keyed =
    /[([][ \t]{0,4}priority[ \t]{0,4}[:=][ \t]{0,4}([^()[\]\s][^()[\]]{0,23}?)[ \t]{0,4}[)\]]/iu.exec(t);
  if (keyed) return readPriorityValue(keyed[1]!);
  return leadingWordPriority(title, t) ?? trailingCircle(title)?.priority ?? null;
}

/**
 * A heading that opens with a priority (`## P0 - Reliability`, `## Must have`, `## High priority`,
 * `## 🔴 Critical`): the heading of a section of that priority. One that only ends with one
 * (`### Migrate the ledger (P1)`, `### 1. Migrate 🔴`) names an item of it.
 */
export function readLeadingHeadingPriority(title: string): Priority | null {
  const t = title.slice(nonWordPrefixLength(title));
  if (findPriorityMark(t) === 0) return readPriorityValue(t.slice(0, 2));
  return leadingWordPriority(title, t);
}

/** A MoSCoW phrase, a priority word or an emoji mark opening a heading; `t` is it without its decoration. */
function leadingWordPriority(title: string, t: string): Priority | null {
  const lower = t.toLowerCase();
  if (lower.includes('have')) {
    for (let i = 0; i < MOSCOW.length; i++) {
      const [re, rank, label] = MOSCOW[i]!;
      const m = re.exec(t);
      if (m && m.index === 0 && /have/i.test(m[0])) return { rank, label };
    }
  }
  const c = lower.charCodeAt(0);
  // The MoSCoW word alone (`## Must`, `### Won't (this time)`): a heading that says more is a sentence
  // (`## Should we shard?`).
  if (c === 109 || c === 115 || c === 99 || c === 119) {
    const bare = t.length <= MAX_BARE_MOSCOW ? BARE_MOSCOW_RE.exec(t) : null;
    if (bare) return MOSCOW_BY_WORD[bare[1]!.toLowerCase().replace(/[’']/, '')] ?? null;
  }
  // critical, urgent, high, medium, low; priority
  if (c === 99 || c === 117 || c === 104 || c === 109 || c === 108 || c === 112) {
    const w = /^(critical|urgent|high|medium|low)(?:\s+priority|\s*[-:–—(]|\s*$)/i.exec(t);
    if (w || /^priority\s*[:-]?\s*\S/i.test(t))
      return readPriorityValue(w ? w[1]! : t.replace(/^priority/i, ''));
  }
  // An emoji mark opens the heading, as it does an item's line.
  let first = 0;
  while (first < title.length && isSpace(title.charCodeAt(first))) first++;
  if (title.charCodeAt(first) >= 128) {
    const lead = EMOJI_RE.exec(title);
    if (lead && lead.index === title.search(/\S/u)) return { rank: EMOJI.get(lead[0])!, label: lead[0] };
  }
  return null;
}

/**
 * Reminders' and TickTick's marks opening or ending the title, set off by white space: `!!!` high,
 * `!!` medium (`Fix the Safari upload bug !!!`, `!! Ship the emails`). A lone `!` is not read: it is
 * as often punctuation set off by a space (`Attention !`).
 */
function readBangs(text: string): InlinePriority | null {
  let a = 0;
  while (a < text.length && isSpace(text.charCodeAt(a))) a++;
  let n = 0;
  while (text.charCodeAt(a + n) === 33) n++;
  if ((n === 2 || n === 3) && isSpace(text.charCodeAt(a + n))) return bangMark(a, n);
  const end = blankEnd(text, text.length);
  let m = 0;
  while (m < end && text.charCodeAt(end - m - 1) === 33) m++;
  if ((m === 2 || m === 3) && end - m > 0 && isSpace(text.charCodeAt(end - m - 1)))
    return bangMark(end - m, m);
  return null;
}

function bangMark(index: number, n: number): InlinePriority {
  return { priority: { rank: n === 3 ? 1 : 2, label: '!'.repeat(n) }, index, length: n };
}

/**
 * A traffic-light circle ending `s`, set off by white space (`Migrate 🔴`), or a circle and a priority
 * word (`Review 🔴 High`, whose word is the label and says the rank), with its offsets.
 */
export function trailingCircle(s: string): InlinePriority | null {
  // Every circle ends in a low surrogate, every word in a letter: a line that ends otherwise is not
  // given to the regex.
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  const last = s.charCodeAt(end - 1);
  if (!(last >= 0xdc00 && last <= 0xdfff) && !isAsciiLetter(last)) return null;
  const c = TRAILING_CIRCLE_RE.exec(s);
  if (c === null) return isAsciiLetter(last) || last >= 128 ? circleAndForeignWords(s, end) : null;
  const priority = circleOrWord(c[1]!, c[2]);
  return priority === null ? null : { priority, index: c.index, length: c[0].length };
}

/** The longest priority phrase read after a circle: `Priorità molto alta`, `Hohe Priorität`. */
const MAX_FOREIGN_PHRASE = 24;

/**
 * A traffic-light circle and a priority phrase of another language after it ending `s` (`🔴 Alta
 * prioridad`, `🟡 priorité moyenne`), as one in English (`🔴 High priority`): the phrase's rank and
 * label. `end` is where `s` ends but for white space.
 */
function circleAndForeignWords(s: string, end: number): InlinePriority | null {
  const from = Math.max(0, end - MAX_FOREIGN_PHRASE - 3);
  const tail = s.slice(from, end);
  const m = /\s(🔴|🟠|🟡|🟢)[ \t]+(\p{L}[\p{L} \t]*)$/u.exec(tail);
  if (m === null) return null;
  const priority = readPriorityPiece(m[2]!);
  return priority === null ? null : { priority, index: from + m.index, length: end - from - m.index };
}

/** The priority a circle and a word after or before it say: the word's rank and label, else the circle's. */
function circleOrWord(circle: string | undefined, word: string | undefined): Priority | null {
  const rank =
    word === undefined
      ? circle === undefined
        ? undefined
        : EMOJI.get(circle)
      : readPriorityValue(word.toLowerCase() === 'med' ? 'medium' : word)?.rank;
  return rank === undefined ? null : { rank, label: word ?? circle! };
}

export interface InlinePriority {
  readonly priority: Priority;
  readonly index: number;
  readonly length: number;
}

/**
 * A priority written inline on an item line: `(P1)`, `**P0**`, `P2`, Obsidian's `⏫`, org's `[#A]`,
 * todo.txt's `(A)` at the start, Reminders' `!!!`. Plain words like "high" are not read here: in a title they usually
 * mean something else ("high availability").
 */
export function readInlinePriority(text: string): InlinePriority | null {
  // Every form below needs one of these characters, a capital ending the title or a priority word
  // opening it; most titles have none.
  if (!/[P([]|[^\x00-\x7f]|[A-Z][ \t]*$|!!/.test(text) && !LABEL_HINT_RE.test(text)) return null;
  const todoTxt = /^\(([A-E])\)\s/.exec(text);
  if (todoTxt)
    return { priority: { rank: letterRank(todoTxt[1]!), label: `(${todoTxt[1]})` }, index: 0, length: 3 };
  const org = text.includes('[#') ? ORG_RE.exec(text) : null;
  if (org)
    return {
      priority: { rank: letterRank(org[1]!), label: `[#${org[1]}]` },
      index: org.index,
      length: org[0].length,
    };
  // The mark with the `**`, `(` or `[` around it: `(?:\*\*|\(|\[)?P[0-4](?:\*\*|\)|\])?` at the mark.
  const k = inlineMarkAt(text);
  if (k >= 0) {
    const before = text.charCodeAt(k - 1);
    const after = text.charCodeAt(k + 2);
    const opens = before === 40 || before === 91;
    const closes = after === 41 || after === 93;
    // The brackets go with the mark when they hold it alone (`(P1)`, `[P1]`).
    let start = k >= 2 && text.startsWith('**', k - 2) ? k - 2 : opens && closes ? k - 1 : k;
    // `**[P1]**`: the bold around the brackets goes with them.
    if (start === k - 1 && k >= 3 && text.startsWith('**', k - 3)) start = k - 3;
    let end = text.startsWith('**', k + 2) ? k + 4 : opens && closes ? k + 3 : k + 2;
    if (end === k + 3 && text.startsWith('**', k + 3)) end = k + 5;
    // A mark opening or ending a group of more (`(P1, docs)`, `(docs; P1)`) leaves the group whole
    // without it: it goes with the separator between it and the rest.
    if (opens && !closes && end === k + 2) end = separatorAfter(text, end);
    else if (closes && !opens && start === k) start = separatorBefore(text, start);
    return {
      priority: { rank: text.charCodeAt(k + 1) - 48, label: text.slice(k, k + 2) },
      index: start,
      length: end - start,
    };
  }
  // The emoji marks are outside ASCII. One of them is a mark wherever it stands, so it is the line's
  // priority before a word that is one only where it stands (`⏫ … HIGH`): which ends the title
  // changes with the fields after it, and an edit of those must not change the priority read.
  const wide = /[^\x00-\x7f]/.test(text);
  const e = wide ? /🔺|⏫|🔼|🔽|⏬/u.exec(text) : null;
  const trailing = readWordMark(text);
  const word = trailing === null ? (leadingLabel(text) ?? readBangs(text)) : e === null ? trailing : null;
  if (word) return word;
  if (e) return { priority: { rank: EMOJI.get(e[0])!, label: e[0] }, index: e.index, length: e[0].length };
  return wide ? trailingCircle(text) : null;
}

const PRIORITY_WORD = String.raw`(critical|urgent|blocker|highest|high|medium|med|normal|lowest|low)(?:[ \t]+prio(?:rity)?)?`;
const LEADING_WORD_RE = new RegExp(String.raw`^[ \t]*[[(][ \t]*${PRIORITY_WORD}[ \t]*[\])](?=[ \t]|$)`, 'i');
const TRAILING_WORD_RE = new RegExp(
  String.raw`(?<=^|[ \t])[[(][ \t]*${PRIORITY_WORD}[ \t]*[\])][ \t]*$`,
  'i',
);

const PIECE_WORD_RE = new RegExp(`^${PRIORITY_WORD}$`, 'i');
/** A traffic-light circle ending a line, and a priority word after it maybe (see trailingCircle). */
const TRAILING_CIRCLE_RE = new RegExp(String.raw`\s(🔴|🟠|🟡|🟢)(?:[ \t]+${PRIORITY_WORD})?\s*$`, 'iu');

/**
 * A priority opening the title as its label: a traffic-light circle (`🔴 Fix the crash`), a priority
 * word set off by a colon or a dash, bold or not (`High: Migrate the db`, `**Critical**: Patch`), or
 * both (`🔴 **Critical**: Patch the CVE`).
 */
const LEADING_LABEL_RE = new RegExp(
  String.raw`^[ \t]*(?:(🔴|🟠|🟡|🟢)\uFE0F?(?=[ \t])[ \t]*)?(?:(\*\*|__)?${PRIORITY_WORD}(?:[:：]\2|\2[ \t]*[:：]|\2[ \t]+[-–—](?=[ \t])))?`,
  'iu',
);
/** What every priority word opening a title starts with, but for the bold around it. */
const LABEL_HINT_RE = /^[ \t]*(?:\*\*|__)?(?:crit|urg|block|high|med|norm|low)/i;

/** LEADING_LABEL_RE's mark, when a title follows it; the label is its word, else its circle. */
function leadingLabel(text: string): InlinePriority | null {
  const m = LEADING_LABEL_RE.exec(text);
  if (m === null || (m[1] === undefined && m[3] === undefined) || text.slice(m[0].length).trim() === '')
    return null;
  const priority = circleOrWord(m[1], m[3]);
  if (priority === null) return null;
  let start = 0;
  while (isSpace(text.charCodeAt(start))) start++;
  return { priority, index: start, length: m[0].length - start };
}

/**
 * A priority word standing alone as a piece of a metadata list (`— High priority`, `, urgent`), the
 * label the word as written. Not in a title: there "high" is as often something else.
 */
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

export function readPriorityPiece(piece: string): Priority | null {
  const m = PIECE_WORD_RE.exec(piece);
  if (!m) {
    const f = /^\p{L}/u.test(piece) ? FOREIGN_PIECE_RE.exec(piece) : null;
    const rank = f ? readPriorityValue(f[1] ?? f[2]!)?.rank : undefined;
    return rank === undefined || !/^\p{L}+$/u.test(f![1] ?? f![2]!) ? null : { rank, label: piece };
  }
  const rank = readPriorityValue(m[1]!.toLowerCase() === 'med' ? 'medium' : m[1]!)?.rank;
  return rank === undefined ? null : { rank, label: m[1]! };
}

/** A priority word in capitals ending the title after white space: `Fix the CPU alerts HIGH`. */
const CAPITALS_RE = /[ \t](CRITICAL|URGENT|BLOCKER|HIGHEST|HIGH|MEDIUM|LOWEST|LOW)[ \t]*$/;

/** CAPITALS_RE's match, tried only when the title ends with a capital letter and white space. */
function trailingCapitals(text: string): RegExpExecArray | null {
  const c = text.charCodeAt(blankEnd(text, text.length) - 1);
  return c >= 65 && c <= 90 ? CAPITALS_RE.exec(text) : null;
}

/**
 * A priority word in brackets or parentheses opening or ending the title: `[HIGH] Fix login`, `Fix
 * logout (low)`, `(high priority)`; or in capitals ending it (`Fix the CPU alerts HIGH`). Only there:
 * in the middle of a title a word in parentheses is the title's (`Fix the (low) contrast`). The label
 * is the word as written, for an edit to replace.
 */
function readWordMark(text: string): InlinePriority | null {
  const m = LEADING_WORD_RE.exec(text) ?? TRAILING_WORD_RE.exec(text) ?? trailingCapitals(text);
  if (!m) return text.length > 8 && FOREIGN_HINT_RE.test(text) ? trailingForeignGroup(text) : null;
  const rank = readPriorityValue(m[1]!.toLowerCase() === 'med' ? 'medium' : m[1]!)?.rank;
  if (rank === undefined) return null;
  let start = m.index;
  while (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9) start++;
  let end = m.index + m[0].length;
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return { priority: { rank, label: m[1]! }, index: start, length: end - start };
}

/** What a priority phrase in another language holds (`hohe Priorität`, `prioridad alta`). */
const FOREIGN_HINT_RE = /priori[dtà]/i;
/** A group in parentheses or brackets ending the title, its text captured. */
const TRAILING_GROUP_RE = /(?<=^|[ \t])[([][ \t]*([^()[\]]{1,40}?)[ \t]*[)\]][ \t]*$/;

/**
 * A priority phrase in another language in parentheses or brackets ending the title (`Umzugsfirma
 * buchen (hohe Priorität)`, `(prioridad alta)`), as the same phrase set off by a dash is read.
 */
function trailingForeignGroup(text: string): InlinePriority | null {
  const g = TRAILING_GROUP_RE.exec(text);
  const priority = g ? readPriorityPiece(g[1]!) : null;
  if (g === null || priority === null) return null;
  const close = text.trimEnd().length;
  return { priority: { rank: priority.rank, label: g[1]! }, index: g.index, length: close - g.index };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}
