/**
 * Priority marks on an item's line (`(P1)`, `**P0**`, `⏫`, `[#A]`, `!!!`, `[HIGH]`, `🔴 High: …`) and
 * priorities of headings (`## P0 - Reliability`, `## Must have`, `### Migrate the ledger (P1)`), read
 * with the vocabulary of priority.ts.
 */
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
import {
  EMOJI,
  EMOJI_RE,
  findPriorityMark,
  letterRank,
  MOSCOW,
  ORG_RE,
  PRIORITY_WORD,
  readPriorityPiece,
  readPriorityValue,
} from './priority.js';

const BARE_MOSCOW_RE = /^(must|should|could|won[’']?t)[ \t]*(?:\([^()]*\))?[ \t]*:?[ \t]*$/i;
/** The longest heading read as a MoSCoW word alone (`Won't (this time, sorry)`). */
const MAX_BARE_MOSCOW = 40;
const MOSCOW_BY_WORD: Readonly<Record<string, Priority>> = {
  must: { rank: 0, label: 'Must Have' },
  should: { rank: 1, label: 'Should Have' },
  could: { rank: 2, label: 'Could Have' },
  wont: { rank: 4, label: "Won't Have" },
};

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
  // Every circle ends in a low surrogate, every word in a letter, which may be another language's
  // (`🟡 Priorité élevée`, `🔴 Alta priorità`): a line that ends otherwise is not given to the regex.
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  const last = s.charCodeAt(end - 1);
  if (last < 128 && !isAsciiLetter(last)) return null;
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

const LEADING_WORD_RE = new RegExp(String.raw`^[ \t]*[[(][ \t]*${PRIORITY_WORD}[ \t]*[\])](?=[ \t]|$)`, 'i');
const TRAILING_WORD_RE = new RegExp(
  String.raw`(?<=^|[ \t])[[(][ \t]*${PRIORITY_WORD}[ \t]*[\])][ \t]*$`,
  'i',
);

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
