/** Stage 5b: dependencies from fields, arrow chains, prose and trees drawn in code blocks; cycles. */
import type { Dependency, Item, Section } from '../../model.js';
import { nextId } from '../attributes/ids.js';
import { DEP_WORD_RE, FOREIGN_DEP, mayStateDependency } from '../attributes/pieces.js';
import type { CodeBlock, LineSlice } from '../block-types.js';
import { codePointAt, isLetterOrDigit, isSpace } from '../chars.js';
import { repairForMatching } from '../encoding.js';
import type { Lines } from '../lines.js';
import type { Draft } from '../recognise.js';
import type { RawDeps } from './attributes.js';
import { type FlowNode, flowchartEdges, ganttAfters, isMermaid } from './mermaid.js';

/**
 * Finds items by explicit ID or key, case-insensitively. The ID map is built on the first lookup, the
 * map of keys that are not lower case (keys from IDs) only when a lookup misses: most plans state few
 * dependencies or none. Lower-case keys are found in the plan's own key map.
 */
export class ItemIndex {
  private byId: Map<string, Item> | null = null;
  private byFoldedKey: Map<string, Item> | null = null;

  constructor(
    private readonly items: readonly Item[],
    private readonly byKey: ReadonlyMap<string, Item>,
  ) {}

  /** The item a reference names, or undefined. */
  find(ref: string): Item | undefined {
    const r = ref.trim().toLowerCase();
    if (this.byId === null) {
      this.byId = new Map();
      for (const item of this.items) {
        if (item.id && !this.byId.has(item.id.toLowerCase())) this.byId.set(item.id.toLowerCase(), item);
      }
    }
    const hit = this.byId.get(r) ?? this.byKey.get(r);
    if (hit !== undefined) return hit;
    if (this.byFoldedKey === null) {
      this.byFoldedKey = new Map();
      for (const item of this.items) {
        const folded = item.key.toLowerCase();
        if (folded !== item.key) this.byFoldedKey.set(folded, item);
      }
    }
    return this.byFoldedKey.get(r) ?? (NUMBER_RE.test(r) ? this.byNumber(r) : undefined);
  }

  /**
   * The item whose ID is a word and this number (`Task 1.1`, `Step 3`), when one item only has it:
   * plans that number their tasks so refer to them by the number alone (`Depends: 1.1`).
   */
  private byNumber(n: string): Item | undefined {
    if (this.numbered === null) {
      this.numbered = new Map();
      for (const item of this.items) {
        const m = item.id === null ? null : WORD_NUMBER_ID_RE.exec(item.id);
        if (m === null) continue;
        const k = m[1]!.toLowerCase();
        this.numbered.set(k, this.numbered.has(k) ? null : item);
      }
    }
    return this.numbered.get(n) ?? undefined;
  }
  private numbered: Map<string, Item | null> | null = null;
}

/** A reference that is a step's number: `3`, or the word step and it (`step 3`, `Step #3`). */
const STEP_REF_RE = /^(?:step[ \t]+#?)?(\d{1,3})$/i;
/** A reference that is a number: `3`, `1.2`, `2.1.4`. */
const NUMBER_RE = /^\d{1,3}(?:\.\d{1,3})*$/;
/** An ID that is a word and a number (`Task 1.1`, `Step #3`), the number captured. */
const WORD_NUMBER_ID_RE = /^\p{L}+[ \t]+#?(\d{1,3}(?:\.\d{1,3})*)$/u;

/**
 * What a line stating a dependency contains (an arrow, a dependency's word as a piece of a list
 * knows it, a verb of the prose, or a damaged arrow). One native scan
 * of the whole text: it beats a character loop warm, and by far in a fresh process, where a loop
 * over every character runs in the interpreter.
 */
const DEP_HINT = new RegExp(`[→>⟶➔➜]|follow|precede|â†|${DEP_WORD_RE.source}`, 'gi');

/** Offset of the first DEP_HINT match at or after `from`, or -1. */
function nextHint(text: string, from: number): number {
  DEP_HINT.lastIndex = from;
  const m = DEP_HINT.exec(text);
  return m === null ? -1 : m.index;
}
const ARROW_RE = /\s*(?:→|->|-->|=>|⟶|➔|➜)\s*/u;
/** A dependency's words opening what follows an arrow (`→ depends on T006`, `-> blocked by API-3`). */
const DEP_OPENING_RE =
  /^\s*(?:depends?|dependent|needs?|requires?|after|blocked|blocks|is blocked|waits?|waiting|follows?|prereq)\b/i;
const TREE_RE = /[├└│┌┬┼]|\|--|`--|\+--/u;
const BAR_RE = /[█░▓▒■□]/u;
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
function mayStateProse(s: string): boolean {
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

/** Resolves every dependency the plan states and records unresolved references. */
export function resolveDependencies(
  text: string,
  lines: Lines,
  drafts: readonly Draft[],
  rawDeps: RawDeps,
  codeBlocks: readonly CodeBlock[],
  index: ItemIndex,
  sections: readonly Section[],
): Dependency[] {
  const deps: Dependency[] = [];
  const seen = new Set<string>();
  const add = (from: Item, to: Item, source: Dependency['source'], line: number) => {
    if (from === to) return;
    const k = `${from.key}\u0000${to.key}`;
    if (seen.has(k)) return;
    seen.add(k);
    from.dependsOn.push(to.key);
    deps.push({ from: from.key, to: to.key, source, line });
  };
  // A step's number names the step of its own numbered list when no item has it as an ID (`3.
  // Backfill — depends on 2`, `— depends on step 2`): the ordered items of each list by their number,
  // made when first asked.
  let numbered: Map<number, Map<string, Item | null>> | null = null;
  const step = (i: number, ref: string): Item | undefined => {
    const list = drafts[i]!.list;
    const number = list < 0 ? null : STEP_REF_RE.exec(ref);
    if (number === null) return undefined;
    if (numbered === null) {
      numbered = new Map();
      for (const d of drafts) {
        const marker = d.item.list?.ordered ? d.item.list.marker : null;
        if (d.list < 0 || marker === null) continue;
        // The marker as written (`3.`, `1)`): its number, without leading zeros.
        const n = String(Number.parseInt(marker, 10));
        const byNumber = numbered.get(d.list) ?? new Map<string, Item | null>();
        numbered.set(d.list, byNumber);
        byNumber.set(n, byNumber.has(n) ? null : d.item);
      }
    }
    return numbered.get(list)?.get(String(Number(number[1]))) ?? undefined;
  };
  // An outline number names the step of nested ordered lists it numbers (`Mirror the jobs — after
  // 2.1` for the first step under the second of its top list): by top list and number, made when
  // first asked.
  let outlined: Map<string, Item | null> | null = null;
  const outlineStep = (i: number, ref: string): Item | undefined => {
    const at = drafts[i]!.outline;
    // An outline number has a dot (`2.1`); a number alone is a step of the item's own list.
    if (at === undefined || !ref.includes('.') || !NUMBER_RE.test(ref)) return undefined;
    if (outlined === null) {
      outlined = new Map();
      for (const d of drafts) {
        if (d.outline === undefined) continue;
        const k = `${d.outline.root}:${d.outline.path}`;
        outlined.set(k, outlined.has(k) ? null : d.item);
      }
    }
    const path = ref
      .split('.')
      .map((n) => String(Number(n)))
      .join('.');
    return outlined.get(`${at.root}:${path}`) ?? undefined;
  };
  // Items by the length of their title: a reference is compared, in any case, with the few titles
  // of its length (lower-casing every title for a map cost more than the rare lookups).
  // A title is also found by the words another line names it by (titleAsNamed): `Import the data`
  // for `Import the data (depends on: Export the data)`, `Migrate the blog` for `Migrate the blog @kim`.
  let byLength: Map<number, [string, Item][]> | null = null;
  const byTitle = (ref: string): Item | undefined => {
    if (byLength === null) {
      const map = new Map<number, [string, Item][]>();
      const put = (title: string, item: Item) => {
        const list = map.get(title.length);
        if (list) list.push([title, item]);
        else map.set(title.length, [[title, item]]);
      };
      for (const d of drafts) {
        put(d.item.title, d.item);
        const named = titleAsNamed(d.item.title);
        if (named !== null) put(named, d.item);
      }
      byLength = map;
    }
    const lower = ref.toLowerCase();
    let found: Item | undefined;
    for (const [title, item] of byLength.get(ref.length) ?? []) {
      if (title.toLowerCase() !== lower || item === found) continue;
      // A title two items share names neither.
      if (found) return undefined;
      found = item;
    }
    return found;
  };
  for (const [i, refs] of rawDeps) {
    const item = drafts[i]!.item;
    // A set, not includes: a list of thousands of unknown IDs stays linear.
    const unresolved = new Set(item.unresolvedDeps);
    for (const ref of refs) {
      // By ID or key, by an item's whole title (`[depends:: Order the new NAS]`), by the ID opening the
      // reference (`T001 (schema)`), by a step's number.
      const target =
        index.find(ref) ??
        byTitle(ref) ??
        index.find(ref.split(/\s+/)[0] ?? '') ??
        step(i, ref) ??
        outlineStep(i, ref);
      if (target) add(item, target, 'field', item.line);
      else if (!unresolved.has(ref)) {
        unresolved.add(ref);
        item.unresolvedDeps.push(ref);
      }
    }
  }
  // Items by the line they start on, for the phrases an item's own line states.
  const draftAt = new Int32Array(lines.count).fill(-1);
  for (let i = 0; i < drafts.length; i++) {
    const item = drafts[i]!.item;
    if (item.kind !== 'file') draftAt[item.line - 1] = i;
  }
  // An item's lines before the next item's say things of it as its own line does (`### Step 3 —
  // Production` over `Depends on Step 2.`), but for code. A run stops at a line given already, so
  // each line is looked at once or twice whatever the order of the drafts.
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.item.kind === 'file') continue;
    const next = drafts[i + 1];
    const stop = Math.min(d.endLine, next && next.item.kind !== 'file' ? next.item.line - 1 : lines.count);
    for (let l = d.item.line; l < stop && draftAt[l] === -1; l++) draftAt[l] = i;
  }
  const phases = phaseIndex(sections, drafts);
  const inCode = new Set<number>();
  for (const block of codeBlocks) {
    for (const s of block.lines) inCode.add(s.line);
    if (!isMermaid(block.info)) {
      readTree(text, block.lines, index, add);
      continue;
    }
    // A flowchart's arrow orders the tasks its nodes name: by their IDs (`T001 --> T002`), or by an
    // ID or a title in their labels (`A[Write the schema] --> B[T002 API]`).
    const node = (n: FlowNode) =>
      index.find(n.id) ?? (n.label === null ? undefined : (firstItem(n.label, index) ?? byTitle(n.label)));
    const rows = block.lines.map((s) => text.slice(s.start, s.end));
    for (const e of flowchartEdges(rows)) {
      const before = node(e.from);
      const after = node(e.to);
      if (before && after) add(after, before, 'arrow', block.lines[e.row]!.line + 1);
    }
    // A Gantt chart's task that starts after others waits for them: tasks are named as items are.
    const named = (name: string) => firstItem(name, index) ?? byTitle(name);
    for (const g of ganttAfters(rows)) {
      const task = named(g.task);
      if (!task) continue;
      for (const name of g.after) {
        const before = named(name);
        if (before) add(task, before, 'arrow', block.lines[g.row]!.line + 1);
      }
    }
  }
  // Arrow chains and prose, anywhere outside code: `P0-001 → P0-003 → P1-001`, `T002 depends on T001`.
  // One scan of the whole text finds the lines that may state a dependency (no slice per line). The
  // hint cannot span a line ending, so a match lies inside the content of the line it starts in.
  let l = 0;
  for (let hint = nextHint(text, 0); hint >= 0; ) {
    while (lines.end[l]! <= hint) l++;
    hint = l + 1 < lines.count ? nextHint(text, lines.start[l + 1]!) : -1;
    if (lines.end[l]! - lines.start[l]! > 2000) continue;
    const s = repairForMatching(text.slice(lines.start[l], lines.end[l]));
    if (!inCode.has(l) && ARROW_RE.test(s)) {
      // An arrow before a dependency's words sets them off (`T007 Retro → depends on T006`): no link of
      // a chain, read as the phrase it opens.
      const chain = s
        .split(ARROW_RE)
        .map((seg, k) => (k > 0 && DEP_OPENING_RE.test(seg) ? null : firstItem(seg, index)));
      for (let k = 1; k < chain.length; k++) {
        const a = chain[k - 1];
        const b = chain[k];
        if (a && b) add(b, a, 'arrow', l + 1);
      }
    }
    const own = draftAt[l]!;
    const itemLine = own >= 0 && drafts[own]!.item.line === l + 1;
    if (own >= 0 && (itemLine || !inCode.has(l))) {
      for (const phrase of ownLinePhrases(s)) {
        const self = drafts[own]!.item;
        for (const ref of phrase.refs) {
          // In the prose under an item, a number alone is as often a count as a step (`depends on 2`).
          if (!itemLine && BARE_INTEGER_RE.test(ref)) continue;
          const target = index.find(ref) ?? byTitle(ref) ?? leadingIdItem(ref, index);
          if (!target) continue;
          if (phrase.reverse) add(target, self, 'inline', l + 1);
          else add(self, target, 'inline', l + 1);
        }
      }
    }
    if (!mayStateProse(s)) continue;
    for (const p of phaseClauses(s)) {
      const a = phases.section(p.subject);
      if (!a) continue;
      for (const o of p.objects) {
        const b = phases.section(o);
        if (!b || b === a) continue;
        const [later, earlier] = p.reverse ? [b, a] : [a, b];
        const xs = phases.roots(later);
        const ys = phases.roots(earlier);
        // Every pair is an edge: phases too large for that (a generated plan's) are left alone,
        // so a parse stays linear in the plan's size.
        if (xs.length * ys.length > MAX_PHASE_EDGES || phases.linked(later, earlier)) continue;
        for (const x of xs) for (const y of ys) add(x, y, 'inline', l + 1);
      }
    }
    const lower = s.toLowerCase();
    const prose = lower.length === s.length ? proseIn(lower) : proseFoldingIn(s);
    for (const m of prose) {
      // Offsets are cut from the original line.
      const a = index.find(s.slice(m.index, m.subjectEnd));
      if (!a || a.id === null) continue;
      for (const ref of s.slice(m.refsStart, m.end).split(/\s*(?:,|\band\b)\s*/)) {
        const b = firstItem(ref, index);
        if (!b || b.id === null) continue;
        if (m.verb === 'blocks' || m.verb === 'must precede') add(b, a, 'inline', l + 1);
        else add(a, b, 'inline', l + 1);
      }
    }
  }
  return deps;
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
const WAIT_VERBS = `depends on|depend on|blocked by|blocked on|requires|needs|waits for|waiting for|waiting on|after|${FOREIGN_DEP}`;
const OWN_LINE_VERB_RE = new RegExp(
  String.raw`(?<![A-Za-z0-9])(${WAIT_VERBS}|blocks)(?:[ \t]*[:：])?\s+`,
  'gi',
);
const BARE_INTEGER_RE = /^\d+$/;
const OWN_LINE_END_RE = /[)\];—]|\.(?=\s|$)|\s[–-]\s/;

function ownLinePhrases(s: string): { reverse: boolean; refs: string[] }[] {
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
 * The words a title names its item by when another line refers to it, where they are not the whole
 * title: before the dependency phrase ending it in parentheses or after a dash (`Import the data
 * (depends on: Export the data)`, `Open the doors — needs Import the data`), and before the mentions,
 * tags and projects ending it (`Migrate the blog @maria #cms`). Two words or more, else null.
 */
const PAREN_DEPENDENCY_RE = new RegExp(String.raw`^\((?:${WAIT_VERBS})\b[^()]*\)\s*$`, 'i');
const DASH_DEPENDENCY_RE = new RegExp(String.raw`\s[—–-]\s*(?:${WAIT_VERBS})\b`, 'i');
function titleAsNamed(title: string): string | null {
  let named = title;
  if (mayStateDependency(title)) {
    // The last parenthesis, then the first dash: no regex tries every offset of a long title.
    const paren = title.lastIndexOf('(');
    const at =
      paren > 0 && PAREN_DEPENDENCY_RE.test(title.slice(paren))
        ? paren
        : (DASH_DEPENDENCY_RE.exec(title)?.index ?? -1);
    if (at > 0) named = title.slice(0, at).trimEnd();
  }
  // Marks ending the words, one at a time from the end: each is looked at once.
  for (let space = named.lastIndexOf(' '); space > 0; space = named.lastIndexOf(' ')) {
    const c = named.charCodeAt(space + 1);
    if (c !== 64 && c !== 35 && c !== 43) break;
    named = named.slice(0, space).trimEnd();
  }
  // A word alone is as often prose (`Deploy after lunch` names no item `Lunch — after T001 ends`).
  return named !== title && /\S\s+\S/.test(named) ? named : null;
}

/** The item named by the ID a reference opens with (`T001 (API)`), if any. */
function leadingIdItem(ref: string, index: ItemIndex): Item | undefined {
  const m = nextId(ref, 0);
  return m && m.index === 0 ? index.find(ref.slice(0, m.end)) : undefined;
}

/**
 * `Phase 3 blocks Phase 4`, `Phase 4 depends on Phase 2 and 3`: a phase waits for another, so the
 * items at the top of the waiting phase's section depend on those at the top of the other's.
 */
const MAX_PHASE_EDGES = 2500;
const PHASE_CLAUSE_RE =
  /\bphase\s+(\d+[a-z]?)\s+(blocks|must precede|depends on|requires|needs|is blocked by|blocked by|comes after|must follow)\s+(?:all\s+of\s+)?phases?\s+(\d+[a-z]?(?:\s*(?:,|and|&)\s*(?:phase\s+)?\d+[a-z]?)*)/gi;

function phaseClauses(s: string): { subject: string; objects: string[]; reverse: boolean }[] {
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
function phaseIndex(sections: readonly Section[], drafts: readonly Draft[]) {
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
function proseIn(t: string): ProseMatch[] {
  const out: ProseMatch[] = [];
  for (let m = nextProse(t, 0); m; m = nextProse(t, m.end)) out.push(m);
  return out;
}

/** Every prose dependency in `s`, read case-insensitively by the regex. */
function proseFoldingIn(s: string): ProseMatch[] {
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

function firstItem(segment: string, index: ItemIndex): Item | undefined {
  for (let m = nextId(segment, 0); m; m = nextId(segment, m.end)) {
    const item = index.find(segment.slice(m.index, m.end));
    if (item) return item;
  }
  return undefined;
}

/**
 * A dependency tree drawn with box characters: each node depends on the node it hangs from.
 * Trees with progress bars are dashboards, not dependencies.
 */
function readTree(
  text: string,
  block: readonly LineSlice[],
  index: ItemIndex,
  add: (from: Item, to: Item, source: Dependency['source'], line: number) => void,
): void {
  const rows = block.map((s) => ({ line: s.line, text: repairForMatching(text.slice(s.start, s.end)) }));
  if (!rows.some((r) => TREE_RE.test(r.text)) || rows.some((r) => BAR_RE.test(r.text))) return;
  const stack: { depth: number; item: Item }[] = [];
  for (const row of rows) {
    const depth = row.text.search(/[\p{L}\p{N}]/u);
    if (depth < 0) continue;
    const item = firstItem(row.text, index);
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    if (!item) continue;
    const parent = stack[stack.length - 1];
    if (parent) add(item, parent.item, 'tree', row.line + 1);
    stack.push({ depth, item });
  }
}

/** Dependency cycles (strongly connected components with more than one item, or a self-loop). */
export function findCycles(items: readonly Item[], byKey: ReadonlyMap<string, Item>): string[][] {
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of items) {
    if (indexOf.has(root.key) || root.dependsOn.length === 0) continue;
    // Iterative Tarjan: frames of (node, next edge).
    const work: [string, number][] = [[root.key, 0]];
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v, ei] = top;
      if (ei === 0 && !indexOf.has(v)) {
        indexOf.set(v, counter);
        low.set(v, counter++);
        stack.push(v);
        onStack.add(v);
      }
      const edges = byKey.get(v)?.dependsOn ?? [];
      if (ei < edges.length) {
        top[1]++;
        const w = edges[ei]!;
        if (!indexOf.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(v)!));
      if (low.get(v) === indexOf.get(v)) {
        const comp: string[] = [];
        for (;;) {
          const w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
          if (w === v) break;
        }
        if (comp.length > 1) cycles.push(comp.reverse());
      }
    }
  }
  return cycles;
}
