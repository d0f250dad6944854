import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Priority } from '../../model.js';
import { findPriorityMark, foreignPriorityLike, isLevelWord, readPriorityValue } from './priority.js';
import { readHeadingPriority, readInlinePriority } from './priority-marks.js';

/** The regexes the scan for `P0`–`P4` replaces. */
const MARK_RE = /(?<![\p{L}\p{N}-])P([0-4])(?![\p{L}\p{N}-])/u;
const INLINE_MARK_RE =
  /(?:\*\*[[(]|\*\*|\(|\[)?(?<![\p{L}\p{N}-])P([0-4])(?![\p{L}\p{N}-])(?:[)\]]\*\*|\*\*|\)|\])?/u;

// The heading reader as it was before its regexes were guarded, but for the scans tested above.
const MOSCOW: readonly [RegExp, number, string][] = [
  [/\bmust[\s-]*have\b|\bmust\b/i, 0, 'Must Have'],
  [/\bshould[\s-]*have\b|\bshould\b/i, 1, 'Should Have'],
  [/\bcould[\s-]*have\b|\bcould\b|\bnice[\s-]to[\s-]have\b/i, 2, 'Could Have'],
  [/\bwon'?t[\s-]*have\b|\bwill not have\b|\bwon'?t\b/i, 4, "Won't Have"],
];
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
const EMOJI_RE = /🔺|⏫|🔼|🔽|⏬|🔴|🟠|🟡|🟢/u;

const letterRank = (letter: string) => Math.min(4, letter.toUpperCase().charCodeAt(0) - 64);

/** A priority opening a title as its label: a circle, a word set off by a colon or dash, or both. */
const LABEL_RE =
  /^[ \t]*(?:(🔴|🟠|🟡|🟢)\uFE0F?[ \t]+)?(?:(\*\*|__)?(critical|urgent|blocker|highest|high|medium|med|normal|lowest|low)(?:[ \t]+prio(?:rity)?)?(?:[:：]\2|\2[ \t]*[:：]|\2[ \t]+[-–—](?=[ \t])))?/iu;

function referenceLabel(text: string) {
  const m = LABEL_RE.exec(text);
  if (!m || (!m[1] && !m[3]) || text.slice(m[0].length).trim() === '') return null;
  const rank = m[3]
    ? readPriorityValue(m[3].toLowerCase() === 'med' ? 'medium' : m[3])?.rank
    : EMOJI.get(m[1]!);
  if (rank === undefined) return null;
  const start = text.length - text.trimStart().length;
  return { priority: { rank, label: m[3] ?? m[1]! }, index: start, length: m[0].length - start };
}

/** `!!!` or `!!` opening or ending the text, set off by white space. */
function referenceBangs(text: string) {
  const m = /^\s*(!!!?)\s/.exec(text) ?? /\s(!!!?)\s*$/.exec(text);
  if (!m) return null;
  const index = m.index + m[0].indexOf('!');
  return { priority: { rank: m[1]!.length === 3 ? 1 : 2, label: m[1]! }, index, length: m[1]!.length };
}

const INLINE_MARKS_RE = new RegExp(INLINE_MARK_RE.source, 'gu');

/**
 * The mark an item's text states: the first one wrapped (`(P2)`, `[P1]`, `**P0**`), else the first
 * bare one that is not a word of its sentence (a word, white space, the mark, white space, a
 * lower-case letter).
 */
function referenceMark(text: string): RegExpExecArray | null {
  let bare: RegExpExecArray | null = null;
  INLINE_MARKS_RE.lastIndex = 0;
  for (let m = INLINE_MARKS_RE.exec(text); m !== null; m = INLINE_MARKS_RE.exec(text)) {
    const k = m.index + m[0].indexOf('P');
    const wrapped =
      (text[k - 1] === '(' && text[k + 2] === ')') ||
      (text[k - 1] === '[' && text[k + 2] === ']') ||
      (text.startsWith('**', k - 2) && text.startsWith('**', k + 2));
    if (wrapped) return m;
    const sentence = /[\p{L}\p{N}]\s+$/u.test(text.slice(0, k)) && /^\s+\p{Ll}/u.test(text.slice(k + 2));
    if (bare === null && !sentence) bare = m;
  }
  return bare;
}

function referenceInlinePriority(text: string) {
  if (!/[P([]|[^\x00-\x7f]/.test(text)) return referenceLabel(text) ?? referenceBangs(text);
  const todoTxt = /^\(([A-E])\)\s/.exec(text);
  if (todoTxt)
    return { priority: { rank: letterRank(todoTxt[1]!), label: `(${todoTxt[1]})` }, index: 0, length: 3 };
  const org = /\[#([A-E])\]/.exec(text);
  if (org)
    return {
      priority: { rank: letterRank(org[1]!), label: `[#${org[1]}]` },
      index: org.index,
      length: org[0].length,
    };
  const p = referenceMark(text);
  if (p) {
    // A bracket on one side only opens or ends a group of more (`(P1, docs)`): the mark leaves it
    // with the separator between it and the rest, bracket and all staying.
    const k = p.index + p[0].indexOf('P');
    const opens = text[k - 1] === '(' || text[k - 1] === '[';
    const closes = text[k + 2] === ')' || text[k + 2] === ']';
    let start = p.index;
    let end = p.index + p[0].length;
    if (opens && !closes) {
      start = k;
      if (!text.startsWith('**', k + 2))
        end = k + 2 + (/^\s*[,;]\s*/.exec(text.slice(k + 2))?.[0].length ?? 0);
    } else if (closes && !opens) {
      end = k + 2;
      if (!text.startsWith('**', k - 2)) start = /[,;]\s*$/.exec(text.slice(0, k))?.index ?? k;
    }
    return { priority: { rank: Number(p[1]), label: `P${p[1]}` }, index: start, length: end - start };
  }
  const label = referenceLabel(text) ?? referenceBangs(text);
  if (label) return label;
  const e = /🔺|⏫|🔼|🔽|⏬/u.exec(text);
  if (e) return { priority: { rank: EMOJI.get(e[0])!, label: e[0] }, index: e.index, length: e[0].length };
  const c = CIRCLE_END_RE.exec(text);
  if (c) return { priority: circlePriority(c), index: c.index, length: c[0].length };
  return referenceCircleForeign(text);
}

/** A circle and a priority phrase of another language ending the text (`🔴 Alta prioridad`): the phrase's level. */
function referenceCircleForeign(text: string) {
  const f = CIRCLE_FOREIGN_RE.exec(text);
  const level = f ? (f[3] ?? f[4]!) : '';
  // The level is a level word whole (`basse`, not `basse𝒜`).
  const rank = f && isLevelWord(level) ? readPriorityValue(level)?.rank : undefined;
  if (!f || rank === undefined) return null;
  return { priority: { rank, label: f[2]! }, index: f.index, length: f[0].trimEnd().length };
}

const CIRCLE_FOREIGN_RE =
  /\s(🔴|🟠|🟡|🟢)[ \t]+((?:prioridad|prioridade|priorité|priorità|priorität)[ \t]*:?[ \t]+(\p{L}+)|(\p{L}+)[ \t]+(?:prioridad|prioridade|priorité|priorità|priorität))\s*$/iu;

/** A circle ending a title, a priority word after it maybe: the word says the rank. */
const CIRCLE_END_RE =
  /\s(🔴|🟠|🟡|🟢)(?:[ \t]+(critical|urgent|blocker|highest|high|medium|med|normal|lowest|low)(?:[ \t]+prio(?:rity)?)?)?\s*$/iu;

function circlePriority(c: RegExpExecArray): Priority {
  const word = c[2];
  if (word === undefined) return { rank: EMOJI.get(c[1]!)!, label: c[1]! };
  return { rank: readPriorityValue(word.toLowerCase() === 'med' ? 'medium' : word)!.rank, label: word };
}

function referenceHeadingPriority(title: string): Priority | null {
  const t = title.replace(/^[^\p{L}\p{N}]+/u, '');
  if (/^P[0-4](?![\p{L}\p{N}-])/u.test(t)) return readPriorityValue(t.slice(0, 2));
  const tagged = /[([]\s*(P[0-4])\s*[)\]]|\s[-–—:]\s*(P[0-4])\s*$/u.exec(t);
  if (tagged) return readPriorityValue(tagged[1] ?? tagged[2]!);
  // A keyed group, `(Priority: P1)`: a few blanks at most around its key and value are its notation.
  const keyed =
    /[([][ \t]{0,4}priority[ \t]{0,4}[:=][ \t]{0,4}([^()[\]\s][^()[\]]{0,23}?)[ \t]{0,4}[)\]]/iu.exec(t);
  if (keyed) return readPriorityValue(keyed[1]!);
  for (const [re, rank, label] of MOSCOW) {
    const m = re.exec(t);
    if (m && m.index === 0 && /have/i.test(m[0])) return { rank, label };
  }
  const w = /^(critical|urgent|high|medium|low)(?:\s+priority|\s*[-:–—(]|\s*$)/i.exec(t);
  if (w || /^priority\s*[:-]?\s*\S/i.test(t))
    return readPriorityValue(w ? w[1]! : t.replace(/^priority/i, ''));
  const lead = EMOJI_RE.exec(title);
  if (lead && lead.index === title.search(/\S/u)) return { rank: EMOJI.get(lead[0])!, label: lead[0] };
  const circle = CIRCLE_END_RE.exec(title);
  return circle ? circlePriority(circle) : (referenceCircleForeign(title)?.priority ?? null);
}

const piece = fc.oneof(
  fc.constantFrom(
    'P0',
    'P1',
    'P4',
    'P5',
    'P',
    'p1',
    'P10',
    '**',
    '(',
    ')',
    '[',
    ']',
    '-',
    ' ',
    'x',
    '1',
    ',',
    ', ',
    ';',
  ),
  fc.constantFrom('é', '𝒜', '٣', '\ud835', '\udc9c', '🔴', '⏫', '(A) ', '[#B]', '🟢'),
  fc.constantFrom('High: ', '**Critical**: ', 'low - ', '__Med:__', 'normal priority:', 'Highway: ', '🟡 '),
  // After a circle only: in brackets a phrase is readWordMark's, which the reference does not model.
  fc.constantFrom(
    ' 🔴 Alta prioridad',
    ' 🟢 priorité basse',
    ' 🟡  Hohe Priorität',
    ' 🟠 Alta disponibilidad',
  ),
  fc.constantFrom('!!', '!!!', '!', ' !!', '!!! ', '\t'),
  fc.constantFrom(
    'Zero ',
    ' bugs',
    'the ',
    ' crash',
    ' émoi',
    ' Émoi',
    ' ĸ',
    ' 3 ',
    ' (P2)',
    ' **P1**',
    ' [P3]',
  ),
  fc.constantFrom('Zero P0 bugs', 'fix the P1 crash', 'é P2 ĸ', '3 P4 x', 'the P0\tbug (P3)', 'Fix P1'),
  fc.string({ maxLength: 2 }),
);

describe('priority marks', () => {
  it("reads Reminders' bangs set off at either end of a title, and no lone or joined one", () => {
    const read = (s: string) => readInlinePriority(s);
    expect(read('Fix the Safari upload bug !!!')).toEqual({
      priority: { rank: 1, label: '!!!' },
      index: 26,
      length: 3,
    });
    expect(read('!! Ship the emails')?.priority).toEqual({ rank: 2, label: '!!' });
    for (const s of ['Attention !', 'Ship it!!', 'Wow !!!!', '!!!Ship', 'a !! b']) expect(read(s)).toBeNull();
  });

  it('writes a rank in a phrase of another language in its language, order and case, or gives way', () => {
    expect(foreignPriorityLike('prioridad alta', 3)).toBe('prioridad baja');
    expect(foreignPriorityLike('Alta prioridad', 0)).toBe('Crítica prioridad');
    expect(foreignPriorityLike('Priorité : haute', 2)).toBe('Priorité : moyenne');
    expect(foreignPriorityLike('hohe Priorität', 3)).toBe('niedrige Priorität');
    expect(foreignPriorityLike('Priorität: HOCH', 2)).toBe('Priorität: MITTEL');
    expect(foreignPriorityLike('priorità alta', 0)).toBe('priorità urgente');
    // No word that reads back as the rank (German before the noun has no critical one, no language
    // here a lowest one), and no phrase: the caller writes its own word.
    expect(foreignPriorityLike('hohe Priorität', 0)).toBeNull();
    expect(foreignPriorityLike('prioridad alta', 4)).toBeNull();
    expect(foreignPriorityLike('high', 1)).toBeNull();
  });

  it('reads a circle and a phrase of another language ending in a letter past ASCII, and no level with letters after it', () => {
    expect(readInlinePriority('Ship 🔴 Alta priorità')?.priority).toEqual({
      rank: 1,
      label: 'Alta priorità',
    });
    expect(readInlinePriority('Ship 🟡 Priorité élevée')?.priority).toEqual({
      rank: 1,
      label: 'Priorité élevée',
    });
    // Before, the level word's Latin-only boundary let `basse𝒜` through as `basse`.
    expect(readInlinePriority('Ship 🟢 priorité basse𝒜')).toBeNull();
  });

  it('takes an emoji mark before a word that is a mark only where it stands', () => {
    // `HIGH` is a mark when it ends the title, and which fields end the line decides that: the emoji
    // is a mark wherever it is, so the line's priority does not change with an edit after it.
    for (const s of ['Ship it ⏫ HIGH', 'Ship it ⏫ (high)', '[high] Ship it ⏫'])
      expect(readInlinePriority(s)?.priority).toEqual({ rank: 1, label: '⏫' });
    expect(readInlinePriority('Ship it HIGH')?.priority).toEqual({ rank: 1, label: 'HIGH' });
    expect(readInlinePriority('Ship it (low)')?.priority).toEqual({ rank: 3, label: 'low' });
    // A label opening the title stays before the emoji, as it was.
    expect(readInlinePriority('High: Ship it 🔽')?.priority.label).toBe('High');
  });

  it('finds the first standalone P0–P4 as the regex does, on any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        expect(findPriorityMark(s)).toBe(MARK_RE.exec(s)?.index ?? -1);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads an inline priority as the unguarded regexes do', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        expect(readInlinePriority(s)).toEqual(referenceInlinePriority(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads heading priorities as the unguarded regexes do', () => {
    const words = fc.constantFrom(
      'Must Have',
      'SHOULD have',
      'could-have',
      "won't have",
      'nice to have',
      'Critical',
      'Critical (now)',
      'high priority',
      'Low -',
      'Priority: P2',
      'priority high',
      'Medium',
      'urgent:',
      'have',
      'Phase',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, words), { maxLength: 6 }), fc.boolean(), (parts, spaced) => {
        const s = parts.join(spaced ? ' ' : '');
        expect(readHeadingPriority(s)).toEqual(referenceHeadingPriority(s));
      }),
      { numRuns: 5000 },
    );
  });
});
