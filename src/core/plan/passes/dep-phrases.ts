/** What a line's text says of dependencies: hints, arrows, prose, an item's own phrases, phases. */
import type { Item, Section } from '../../model.js';
import { DEP_WORD_RE, FOREIGN_DEP } from '../attributes/dep-pieces.js';
import { codePointAt, isLetterOrDigit, isSpace } from '../chars.js';
import type { Draft } from '../recognise.js';

/**
 * What a line stating a dependency contains (an arrow, a dependency's word as a piece of a list
 * knows it, a verb of the prose, or a damaged arrow). One native scan
 * of the whole text: it beats a character loop warm, and by far in a fresh process, where a loop
 * over every character runs in the interpreter.
 */
const DEP_HINT = new RegExp(`[→>⟶➔➜]|follow|precede|â†|${DEP_WORD_RE.source}`, 'gi');

/** Offset of the first DEP_HINT match at or after `from`, or -1. */
export function nextHint(text: string, from: number): number {
  DEP_HINT.lastIndex = from;
  const m = DEP_HINT.exec(text);
  return m === null ? -1 : m.index;
}
export const ARROW_RE = /\s*(?:→|->|-->|=>|⟶|➔|➜)\s*/u;
/** A dependency's words opening what follows an arrow (`→ depends on T006`, `-> blocked by API-3`). */
export const DEP_OPENING_RE =
  /^\s*(?:depends?|dependent|needs?|requires?|after|blocked|blocks|is blocked|waits?|waiting|follows?|prereq)\b/i;
/** The verbs of a prose dependency, lower case, tried in this order. */
const PROSE_VERBS = [
  'depends on',
  'requires',
  'needs',
  'is blocked by',
  'blocked by',
  'comes after',
  'must follow',
  'blocks',
  'must precede',
];
/**
 * `T002 depends on T001`; the references end at a sentence's full stop (a dot inside `1.2` stays).
 * Read by `nextProse` on lower-cased text; this regex, case-insensitive, reads only the rare line whose
 * lower-case form has another length (`İ`), compiled on demand: it costs milliseconds to compile.
 */
const PROSE_SOURCE = String.raw`([\p{L}\p{N}][\p{L}\p{N}.-]*)\s+(${PROSE_VERBS.join('|')})\s+([\p{L}\p{N}](?:[\p{L}\p{N}, -]|\.(?=[\p{L}\p{N}]))*)`;
let proseFolding: RegExp | null = null;

/**
 * Whether a prose dependency can be stated in `s`: only if it names one of the verbs. Most lines with
 * a dependency hint are arrows or prose without one. `ſ` is the one character the case-insensitive
 * regex's folding maps onto a verb's letters that lower-casing keeps as it is.
 */
export function mayStateProse(s: string): boolean {
  const lower = s.toLowerCase();
  for (const verb of PROSE_VERBS) if (lower.includes(verb)) return true;
  return s.includes('\u017f');
}

/** A prose dependency found by `nextProse`: offsets of the whole, the subject's end, the references' start. */
export interface ProseMatch {
  readonly index: number;
  readonly subjectEnd: number;
  readonly verb: string;
  readonly refsStart: number;
  readonly end: number;
}

function codePointLength(cp: number): number {
  return cp >= 0x10000 ? 2 : 1;
}

/**
 * The first prose dependency in `t` at or after `from`, as PROSE_SOURCE matches it (case sensitively):
 * a subject (a letter or digit, then letters, digits, `.` and `-`), white space, a verb, white space and
 * the references (a letter or digit, then letters, digits, `,`, ` `, `-`, and `.` before a letter or
 * digit). The subject must reach the white space before the verb, so a failed start skips its word.
 */
export function nextProse(t: string, from: number): ProseMatch | null {
  let p = from;
  while (p < t.length) {
    const cp = t.codePointAt(p)!;
    if (!isLetterOrDigit(cp)) {
      p += codePointLength(cp);
      continue;
    }
    let e = p + codePointLength(cp);
    for (let c = codePointAt(t, e); c === 46 || c === 45 || isLetterOrDigit(c); c = codePointAt(t, e))
      e += codePointLength(c);
    const m = proseAfterSubject(t, p, e);
    if (m) return m;
    p = e;
  }
  return null;
}

/** The rest of a prose dependency whose subject spans `p` to `e`: white space, verb, white space, references. */
function proseAfterSubject(t: string, p: number, e: number): ProseMatch | null {
  let i = e;
  while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  if (i === e) return null;
  const verb = PROSE_VERBS.find((v) => t.startsWith(v, i));
  if (verb === undefined) return null;
  const afterVerb = i + verb.length;
  let r = afterVerb;
  while (r < t.length && isSpace(t.charCodeAt(r))) r++;
  if (r === afterVerb) return null;
  const first = codePointAt(t, r);
  if (!isLetterOrDigit(first)) return null;
  let end = r + codePointLength(first);
  for (let c = codePointAt(t, end); c >= 0; c = codePointAt(t, end)) {
    if (c === 44 || c === 32 || c === 45 || isLetterOrDigit(c)) end += codePointLength(c);
    else if (c === 46 && isLetterOrDigit(codePointAt(t, end + 1))) end++;
    else break;
  }
  return { index: p, subjectEnd: e, verb, refsStart: r, end };
}

/**
 * What an item's own line says it waits for: `— depends on Analytics v2`, `(blocked by API-3)`,
 * `after T004 and T005`, `(depends on: Export the data)`, or what waits for it: `blocks T009`. The
 * references run to the end of the line or to `)`, `]`, `;`, `—` or a full stop, and are split at
 * commas and "and". Only references that name an item (by ID, key or title, see titleAsNamed) count:
 * "after lunch" is no dependency.
 */
/**
 * The words an item's line says what it waits for with, in the languages plans are written in
 * (`blocks` says what waits for it).
 */
export const WAIT_VERBS = `depends on|depend on|blocked by|blocked on|requires|needs|waits for|waiting for|waiting on|after|${FOREIGN_DEP}`;
const OWN_LINE_VERB_RE = new RegExp(
  String.raw`(?<![A-Za-z0-9])(${WAIT_VERBS}|blocks)(?:[ \t]*[:：])?\s+`,
  'gi',
);
export const BARE_INTEGER_RE = /^\d+$/;
const OWN_LINE_END_RE = /[)\];—]|\.(?=\s|$)|\s[–-]\s/;

export function ownLinePhrases(s: string): { reverse: boolean; refs: string[] }[] {
  const out: { reverse: boolean; refs: string[] }[] = [];
  OWN_LINE_VERB_RE.lastIndex = 0;
  for (let m = OWN_LINE_VERB_RE.exec(s); m; m = OWN_LINE_VERB_RE.exec(s)) {
    const rest = s.slice(m.index + m[0].length);
    const end = rest.search(OWN_LINE_END_RE);
    const refs = (end < 0 ? rest : rest.slice(0, end))
      .split(/\s*(?:,|\band\b|&)\s*/i)
      .map((r) => r.replace(/[*_`]/g, '').trim())
      .filter((r) => r.length > 0 && r.length <= 80);
    if (refs.length > 0 && refs.length <= 8) out.push({ reverse: m[1]!.toLowerCase() === 'blocks', refs });
  }
  return out;
}

/**
 * `Phase 3 blocks Phase 4`, `Phase 4 depends on Phase 2 and 3`: a phase waits for another, so the
 * items at the top of the waiting phase's section depend on those at the top of the other's.
 */
export const MAX_PHASE_EDGES = 2500;
const PHASE_CLAUSE_RE =
  /\bphase\s+(\d+[a-z]?)\s+(blocks|must precede|depends on|requires|needs|is blocked by|blocked by|comes after|must follow)\s+(?:all\s+of\s+)?phases?\s+(\d+[a-z]?(?:\s*(?:,|and|&)\s*(?:phase\s+)?\d+[a-z]?)*)/gi;

export function phaseClauses(s: string): { subject: string; objects: string[]; reverse: boolean }[] {
  if (!/phase/i.test(s)) return [];
  const out: { subject: string; objects: string[]; reverse: boolean }[] = [];
  PHASE_CLAUSE_RE.lastIndex = 0;
  for (let m = PHASE_CLAUSE_RE.exec(s); m; m = PHASE_CLAUSE_RE.exec(s)) {
    const verb = m[2]!.toLowerCase();
    out.push({
      subject: m[1]!.toLowerCase(),
      objects: m[3]!.toLowerCase().match(/\d+[a-z]?/g) ?? [],
      reverse: verb === 'blocks' || verb === 'must precede',
    });
  }
  return out;
}

/** The sections named `Phase N …` by their number, and the items at the top of each. */
export function phaseIndex(sections: readonly Section[], drafts: readonly Draft[]) {
  let byNumber: Map<string, Section> | null = null;
  const roots = new Map<Section, Item[]>();
  const pairs = new Set<string>();
  return {
    /** Whether `later` was linked to `earlier` already (a plan may say it twice); records it if not. */
    linked(later: Section, earlier: Section): boolean {
      const k = `${later.line}:${earlier.line}`;
      if (pairs.has(k)) return true;
      pairs.add(k);
      return false;
    },
    section(n: string): Section | undefined {
      if (byNumber === null) {
        byNumber = new Map();
        for (const sec of sections) {
          const m = /^[^A-Za-z0-9]*phase\s+(\d+[a-z]?)\b/i.exec(sec.title);
          if (m && !byNumber.has(m[1]!.toLowerCase())) byNumber.set(m[1]!.toLowerCase(), sec);
        }
      }
      return byNumber.get(n);
    },
    roots(sec: Section): Item[] {
      let list = roots.get(sec);
      if (list) return list;
      const inside = (i: Item) => i.span.start >= sec.span.start && i.span.start < sec.span.end;
      list = [];
      for (const d of drafts) {
        if (!inside(d.item)) continue;
        const parent = d.parent >= 0 ? drafts[d.parent]!.item : null;
        if (parent === null || !inside(parent)) list.push(d.item);
      }
      roots.set(sec, list);
      return list;
    },
  };
}

/** Every prose dependency in lower-case `t`, in order. */
export function proseIn(t: string): ProseMatch[] {
  const out: ProseMatch[] = [];
  for (let m = nextProse(t, 0); m; m = nextProse(t, m.end)) out.push(m);
  return out;
}

/** Every prose dependency in `s`, read case-insensitively by the regex. */
export function proseFoldingIn(s: string): ProseMatch[] {
  proseFolding ??= new RegExp(PROSE_SOURCE, 'giu');
  proseFolding.lastIndex = 0;
  const out: ProseMatch[] = [];
  for (let m = proseFolding.exec(s); m; m = proseFolding.exec(s)) {
    const end = m.index + m[0].length;
    out.push({
      index: m.index,
      subjectEnd: m.index + m[1]!.length,
      verb: m[2]!.toLowerCase(),
      refsStart: end - m[3]!.length,
      end,
    });
  }
  return out;
}

/** What phaseIndex returns: the phases of a plan, looked up by number. */
export type PhaseIndex = ReturnType<typeof phaseIndex>;
