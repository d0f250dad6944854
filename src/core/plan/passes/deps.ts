/** Stage 5b: dependencies from fields, arrow chains, prose and trees drawn in code blocks. */
import type { Dependency, Item, Section } from '../../model.js';
import type { CodeBlock } from '../block-types.js';
import { repairForMatching } from '../encoding.js';
import type { Lines } from '../lines.js';
import type { Draft } from '../recognise.js';
import type { RawDeps } from './attribute-context.js';
import {
  ARROW_RE,
  BARE_INTEGER_RE,
  DEP_OPENING_RE,
  MAX_PHASE_EDGES,
  mayStateProse,
  nextHint,
  ownLinePhrases,
  type PhaseIndex,
  phaseClauses,
  phaseIndex,
  proseFoldingIn,
  proseIn,
} from './dep-phrases.js';
import { depsFromCode } from './dep-trees.js';
import {
  firstItem,
  type ItemIndex,
  leadingIdItem,
  outlineFinder,
  stepFinder,
  titleFinder,
} from './item-index.js';

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
  const step = stepFinder(drafts);
  const outlineStep = outlineFinder(drafts);
  const byTitle = titleFinder(drafts);
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
  const draftAt = lineOwners(lines, drafts);
  const phases = phaseIndex(sections, drafts);
  const inCode = depsFromCode(text, codeBlocks, index, byTitle, add);
  depsFromLines(text, lines, drafts, draftAt, inCode, index, byTitle, phases, add);
  return deps;
}

/** The draft each line is of: its item's own line, or one after it before the next item's; else -1. */
function lineOwners(lines: Lines, drafts: readonly Draft[]): Int32Array {
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
  return draftAt;
}

/** What the text's lines state, outside code but for an item's own line: arrows, phrases, prose. */
function depsFromLines(
  text: string,
  lines: Lines,
  drafts: readonly Draft[],
  draftAt: Int32Array,
  inCode: ReadonlySet<number>,
  index: ItemIndex,
  byTitle: (ref: string) => Item | undefined,
  phases: PhaseIndex,
  add: (from: Item, to: Item, source: Dependency['source'], line: number) => void,
): void {
  // Arrow chains and prose, anywhere outside code: `P0-001 → P0-003 → P1-001`, `T002 depends on T001`.
  // One scan of the whole text finds the lines that may state a dependency (no slice per line). The
  // hint cannot span a line ending, so a match lies inside the content of the line it starts in.
  let l = 0;
  for (let hint = nextHint(text, 0); hint >= 0; ) {
    while (lines.end[l]! <= hint) l++;
    hint = l + 1 < lines.count ? nextHint(text, lines.start[l + 1]!) : -1;
    if (lines.end[l]! - lines.start[l]! > 2000) continue;
    const s = repairForMatching(text.slice(lines.start[l], lines.end[l]));
    if (!inCode.has(l) && ARROW_RE.test(s)) arrowDeps(s, l, index, add);
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
    phaseDeps(s, l, phases, add);
    proseDeps(s, l, index, add);
  }
}

/** The links of an arrow chain on line `l` (`P0-001 → P0-003 → P1-001`): each waits for the one before it. */
function arrowDeps(
  s: string,
  l: number,
  index: ItemIndex,
  add: (from: Item, to: Item, source: Dependency['source'], line: number) => void,
): void {
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

/** The phases line `l` says wait for others (`Phase 4 depends on Phase 2 and 3`): their top items do. */
function phaseDeps(
  s: string,
  l: number,
  phases: PhaseIndex,
  add: (from: Item, to: Item, source: Dependency['source'], line: number) => void,
): void {
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
}

/** The prose dependencies of line `l` (`T002 depends on T001`) between items that have IDs. */
function proseDeps(
  s: string,
  l: number,
  index: ItemIndex,
  add: (from: Item, to: Item, source: Dependency['source'], line: number) => void,
): void {
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
