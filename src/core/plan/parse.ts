/**
 * The plan engine's entry point: text in, model out. A pipeline of pure stages (lines, blocks,
 * items, attributes, document passes), each in its own module with its own tests.
 */
import { TmError } from '../errors.js';
import type { Item, Plan, Section, Status, VocabularyEntry } from '../model.js';
import { dayOfHeading, resolveDate } from './attributes/dates.js';
import { DEFAULT_HOURS_PER_DAY } from './attributes/effort.js';
import {
  normaliseVocab,
  readStageStatus,
  readStatusValue,
  statusOfGlyph,
  statusOfMark,
} from './attributes/status.js';
import type { Block, DocumentBlock } from './block-types.js';
import { scanBlocks } from './blocks.js';
import { findEncodingAnomalies, repairForMatching } from './encoding.js';
import { numberSubtasks } from './file-item.js';
import { readFlatFrontMatter } from './frontmatter.js';
import { readHeading } from './headings.js';
import { type Lines, splitLines } from './lines.js';
import type { GlyphStatus } from './marks.js';
import type { RawDeps } from './passes/attribute-context.js';
import { applyAttributes } from './passes/attributes.js';
import { inheritContext, linkChildren, resolveSections, sectionDates } from './passes/context.js';
import { findCycles } from './passes/cycles.js';
import { resolveDependencies } from './passes/deps.js';
import { learnVocabulary, readFacts, titleDate } from './passes/facts.js';
import { ItemIndex } from './passes/item-index.js';
import { assignKeys } from './passes/keys.js';
import { footnoteLabels } from './passes/own-line.js';
import { computeRollups } from './passes/rollup.js';
import { applyRoster, readRoster } from './passes/roster.js';
import { type Draft, isLegendTitle, recognise } from './recognise.js';

export interface ParseOptions {
  /** The plan's path as the user named it; reported with every item. */
  readonly file: string;
  /** Hours in a working day, for efforts given in days (default 8). */
  readonly hoursPerDay?: number;
  /**
   * Parses YAML front matter (the `yaml` package's `parse`). Injected rather than imported so core
   * stays free of I/O-adjacent dependencies and a plan without front matter never loads a YAML parser.
   * Without it, front matter is kept as text but its facts are not read.
   */
  readonly parseYaml?: (yaml: string) => unknown;
}

/** Inputs above this size are refused: the model of a larger plan would not fit comfortably in memory. */
const MAX_PLAN_CHARS = 256 * 1024 * 1024;

/**
 * True when the text opens with front matter that needs a full YAML parser (not flat `key: value`
 * lines), so a caller knows to supply `parseYaml`.
 */
export function needsYamlParser(text: string): boolean {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return m !== null && readFlatFrontMatter(m[1]!) === null;
}

/**
 * The lines of the plan's legend sections (titled "Legend", "Status key"…): each heading's lines up
 * to the next heading of its level or higher.
 */
function readLegendLines(
  text: string,
  lines: Lines,
  doc: DocumentBlock,
): { lines: string[]; blocks: Set<Block> } {
  const out: string[] = [];
  const blocks = new Set<Block>();
  const top = doc.children;
  for (let i = 0; i < top.length; i++) {
    const b = top[i]!;
    if (b.type !== 'heading' || b.lines.length === 0) continue;
    const raw = b.lines.map((l) => text.slice(l.start, l.end)).join(' ');
    // Every legend title names a legend, a key, codes or statuses: most headings are not read.
    if (!LEGEND_HINT_RE.test(raw) || !isLegendTitle(readHeading(repairForMatching(raw)).title)) continue;
    let end = lines.count;
    for (let j = i + 1; j < top.length; j++) {
      const n = top[j]!;
      if (n.type === 'heading' && n.level <= b.level) {
        end = n.startLine;
        break;
      }
    }
    for (let l = b.endLine; l < end; l++) out.push(text.slice(lines.start[l], lines.end[l]));
  }
  readLabelledLegends(text, lines, top, out, blocks);
  return { lines: out, blocks };
}

/**
 * Legends given in a paragraph led by a label rather than under a heading: `Legend: 🟢 done · 🟡 in
 * progress`, `**Status key:** ✅ Done | 🚧 WIP`, at the top level or in block quotes (walked with a
 * stack: quotes may nest thousands deep). A label standing alone (`Legend:` over a list or table)
 * gives the block after it, which is then the legend's and not the plan's work.
 */
function readLabelledLegends(
  text: string,
  lines: Lines,
  top: readonly Block[],
  out: string[],
  taken: Set<Block>,
): void {
  const stack: (readonly Block[])[] = [top];
  for (let blocks = stack.pop(); blocks !== undefined; blocks = stack.pop()) {
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.type === 'blockquote') stack.push(b.children);
      if (b.type !== 'paragraph' || b.lines.length === 0) continue;
      const first = b.lines[0]!;
      const m = LEGEND_LABEL_RE.exec(text.slice(first.start, Math.min(first.end, first.start + MAX_LABEL)));
      if (m === null) continue;
      const rest = text.slice(first.start + m[0].length, first.end);
      if (rest.trim() !== '') out.push(rest);
      for (let k = 1; k < b.lines.length; k++) out.push(text.slice(b.lines[k]!.start, b.lines[k]!.end));
      const next = blocks[i + 1];
      if (
        rest.trim() === '' &&
        b.lines.length === 1 &&
        next &&
        (next.type === 'list' || next.type === 'table')
      ) {
        taken.add(next);
        for (let l = next.startLine; l < next.endLine; l++)
          out.push(text.slice(lines.start[l], lines.end[l]));
      }
    }
  }
}

const LEGEND_HINT_RE = /legend|key|code|status/i;

/** A paragraph's label naming a legend: `Legend:`, `**Status key:**`, `Key —`. */
const LEGEND_LABEL_RE = /^[*_]*(?:status(?:es)?\s+)?(?:legend|key)[*_]*\s*[:—–][*_]*\s*/i;
/** How far into a paragraph's first line its label is looked for. */
const MAX_LABEL = 40;

/**
 * What a glyph marks: what the plan's legend gives it (`🟢 Done`, `✖ blocked`), else taskmark's own.
 * The plan's legend defines its vocabulary, a glyph taskmark reads otherwise included.
 */
function legendGlyphs(legend: readonly VocabularyEntry[]): GlyphStatus {
  const glyphs = new Map<string, Status>();
  for (const e of legend)
    if (!/[\p{L}\p{N}\s]/u.test(e.text)) glyphs.set(e.text.replace('\uFE0F', ''), e.status);
  if (glyphs.size === 0) return statusOfGlyph;
  return (g) => glyphs.get(g.replace('\uFE0F', '')) ?? statusOfGlyph(g);
}

/** An outline number: `2`, `2.1`, `3.1.4`. */
const OUTLINE_RE = /^\d{1,3}(?:\.\d{1,3})*$/;

/**
 * Steps numbered under a task in the task's own list rather than nested under it, as Kiro writes
 * them (`- [ ] 2. Data models` over `- [ ] 2.1 Interfaces` and `- [ ] 2.2 User model`, all at one
 * indentation): an item whose outline number is a sibling's before it with one more part is that
 * sibling's child, when nothing but that sibling's steps stands between them. The task's extent
 * grows over its steps, so that removing it removes them.
 */
function outlineParents(drafts: Draft[]): void {
  // The open outline items of each list and parent, innermost last: what a number may extend.
  const chains = new Map<string, number[]>();
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.list < 0) continue;
    const scope = `${d.list}\u0000${d.parent}`;
    const id = d.idKind === 'numeric' ? d.item.id : null;
    if (id === null || !OUTLINE_RE.test(id)) {
      // A sibling without a number ends the steps before it.
      chains.delete(scope);
      continue;
    }
    let chain = chains.get(scope);
    if (chain === undefined) {
      chain = [];
      chains.set(scope, chain);
    }
    while (chain.length > 0 && !id.startsWith(`${drafts[chain[chain.length - 1]!]!.item.id}.`)) chain.pop();
    const top = chain[chain.length - 1];
    if (top !== undefined && !id.slice(drafts[top]!.item.id!.length + 1).includes('.')) {
      d.parent = top;
      for (let p = top; p >= 0; p = drafts[p]!.parent) {
        const a = drafts[p]!;
        if (a.item.span.end >= d.item.span.end) break;
        a.item.span = { start: a.item.span.start, end: d.item.span.end };
        a.endLine = Math.max(a.endLine, d.endLine);
      }
    }
    chain.push(i);
  }
}

/** A legend entry that is a checkbox mark alone: `[-]`, `` `[/]` ``. */
const BOX_ENTRY_RE = /^`?\[(.)\]`?$/u;

/**
 * What the plan's checkbox marks mean where it says otherwise than the usual marks do: what its
 * legend gives a mark (`` `[-]` in progress ``), and in a Kiro spec, `[-]` a task under way, as
 * Kiro marks the task it is working on, unless the legend says otherwise. A Kiro spec is told by
 * what Kiro writes under its tasks and other plans do not: a `_Requirements: 1.1, 2.3_` line (an
 * optional task's `[ ]*` alone is no sign: other plans borrow it).
 */
function planBoxMarks(
  text: string,
  legend: readonly VocabularyEntry[],
  drafts: readonly Draft[],
): Map<string, Status> {
  const marks = new Map<string, Status>();
  for (const e of legend) {
    const m = BOX_ENTRY_RE.exec(e.text);
    if (m !== null && !marks.has(m[1]!)) marks.set(m[1]!, e.status);
  }
  if (!marks.has('-') && drafts.some((d) => isKiroTask(text, d.item))) marks.set('-', 'doing');
  for (const [m, s] of marks) if (statusOfMark(m) === s) marks.delete(m);
  return marks;
}

function isKiroTask(text: string, item: Item): boolean {
  for (const f of item.fields)
    if (f.key === 'requirements' && f.style === 'sub-bullet' && text.charCodeAt(f.span.start) === 95)
      return true;
  return false;
}

/** The status of each box whose mark the plan gives a meaning of its own. */
function rereadBoxes(drafts: readonly Draft[], marks: ReadonlyMap<string, Status>): void {
  for (const d of drafts) {
    const { item } = d;
    if (item.checkbox === null || item.statusSource !== 'checkbox') continue;
    const status = marks.get(item.checkbox);
    if (status !== undefined) item.status = status;
  }
}

/** Parses a plan in time linear in its size. */
export function parsePlan(text: string, options: ParseOptions): Plan {
  if (text.length > MAX_PLAN_CHARS) {
    throw new TmError(
      'TM_TOO_LARGE',
      `${options.file}: ${text.length} characters is over the ${MAX_PLAN_CHARS} limit; split the plan into several files.`,
    );
  }
  const lines = splitLines(text);
  const doc = scanBlocks(text, lines);
  // The legend is read first: the glyphs it gives statuses mark items as taskmark's own do.
  const { lines: legendLines, blocks: legendBlocks } = readLegendLines(text, lines, doc);
  const legend = learnVocabulary(legendLines, []);
  const vocabMap = new Map<string, Status>(legend.map((e) => [normaliseVocab(e.text), e.status]));
  const glyphStatus = legendGlyphs(legend);
  const rec = recognise(text, lines, doc, glyphStatus, legendBlocks);
  const boxMarks = planBoxMarks(text, legend, rec.drafts);
  if (boxMarks.size > 0) rereadBoxes(rec.drafts, boxMarks);
  const facts = readFacts(text, doc, rec.planFields, options.parseYaml);

  const drafts = dropDrafts(rec.drafts, keepDrafts(rec.drafts, rec.listSizes, rec.sections));
  numberSubtasks(drafts);
  outlineParents(drafts);
  const rawDeps: RawDeps = new Map();
  const sectionParents = resolveSections(rec.sections, facts.date);
  // Where the plan states no date, its sections' dates count, else the date its title ends with.
  const dated = facts.date === null ? sectionDates(rec.sections, sectionParents) : [];
  const planDate = facts.date ?? (dated.every((d) => d === null) ? titleDate(text, doc) : null);
  applyAttributes(
    drafts,
    {
      planDate,
      sectionDates: dated,
      hoursPerDay: options.hoursPerDay ?? DEFAULT_HOURS_PER_DAY,
      vocabulary: vocabMap,
      glyphStatus,
      footnotes: footnoteLabels(text),
    },
    rawDeps,
  );
  applyRoster(drafts, readRoster(text, doc));
  dateDayHeadings(rec.sections, planDate);
  assignKeys(drafts, rec.sections, sectionParents);
  const kept = new Set(drafts);
  rec.sections.forEach((s, i) => {
    const d = rec.sectionDrafts[i];
    s.itemKey = d && kept.has(d) ? d.item.key : null;
  });
  inheritContext(drafts, rec.sections, sectionParents, facts.date);
  linkChildren(drafts);

  const items: Item[] = drafts.map((d) => d.item);
  const byKey = new Map<string, Item>();
  for (let i = 0; i < items.length; i++) byKey.set(items[i]!.key, items[i]!);
  const index = new ItemIndex(items, byKey);
  const dependencies = resolveDependencies(text, lines, drafts, rawDeps, rec.codeBlocks, index, rec.sections);
  computeRollups(items, byKey);

  const used: VocabularyEntry[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (
      (item.statusSource === 'field' || item.statusSource === 'marker' || item.statusSource === 'heading') &&
      item.statusText &&
      item.statusText.length <= 40
    ) {
      const words = statedWords(item.statusText);
      if (words !== null) used.push({ text: words, status: item.status });
    }
  }
  return {
    text,
    file: options.file,
    title:
      rec.titleSection >= 0 ? rec.sections[rec.titleSection]!.title : frontMatterTitle(facts.frontMatter),
    lines,
    sections: rec.sections,
    items,
    byKey,
    facts,
    vocabulary: learnVocabulary(legendLines, used),
    ...(boxMarks.size > 0 ? { boxMarks } : {}),
    dependencies,
    cycles: findCycles(items, byKey),
    anomalies: findEncodingAnomalies(text, lines),
  };
}

/**
 * The sections that are days of a planner (`## Monday (Dec 7)`, `## Friday`) and state no window are
 * due that day, against the plan's date (a week its title names too): their items inherit it.
 */
function dateDayHeadings(sections: readonly Section[], planDate: string | null): void {
  if (planDate === null) return;
  for (const s of sections) {
    if (s.due !== null) continue;
    const day = dayOfHeading(s.title);
    if (day !== null) s.due = resolveDate(day, planDate)?.date ?? null;
  }
}

/** The `title:` of the plan's front matter (`title: Export albums as ZIP`), when it is text. */
function frontMatterTitle(fm: Record<string, unknown> | null): string | null {
  const t = fm?.title;
  return typeof t === 'string' && t.trim() !== '' ? t.trim() : null;
}

/**
 * A status as the plan words it, without a reason or remark after the word (`blocked` of `blocked on
 * infra`, `🔄 IN PROGRESS` of `🔄 IN PROGRESS (Phase 1 Complete)`): the vocabulary an edit writes in;
 * null for a TaskPaper tag.
 */
function statedWords(text: string): string | null {
  // TaskPaper's tags (`@done`) are written by the editor where they are; no other status says them.
  // Nor does todo.txt's `x`, which only opens a line of its own.
  // A board's stage (`QA`) is read as under way, but is no word for doing an editor may write.
  if (text.charCodeAt(0) === 64 || text === 'x' || readStageStatus(text) !== null) return null;
  const hit = readStatusValue(text);
  // A hit read through a repair (`:x:` as ❌) has offsets of the repaired text: the text stays whole.
  if (hit === null || !text.startsWith(hit.text, hit.index)) return text;
  const end = hit.index + hit.text.length;
  return /[\p{L}\p{N}]/u.test(text.slice(end)) ? text.slice(0, end).trimEnd() : text;
}

/**
 * Which drafts are items after all. Numeric headings (`### 1.2 Title`) are items only when they hold
 * items or fields; otherwise they are numbered sections. A list whose every bullet carries the same
 * done mark, under an item the plan states is not done (a "Deliverables" list of ✅ bullets under a
 * TODO task), uses the mark as decoration, not as a claim of completion.
 */
function keepDrafts(
  drafts: readonly Draft[],
  listSizes: readonly number[],
  sections: readonly Section[],
): boolean[] {
  const hasChild = new Set<number>();
  for (let i = 0; i < drafts.length; i++) if (drafts[i]!.parent >= 0) hasChild.add(drafts[i]!.parent);
  const keep = drafts.map((d, i) => !d.tentative || hasChild.has(i) || d.item.fields.length > 0);
  keepSeries(drafts, sections, keep);
  const byList = new Map<number, number[]>();
  drafts.forEach((d, i) => {
    if (d.item.kind === 'status-bullet' && d.list >= 0)
      byList.get(d.list)?.push(i) ?? byList.set(d.list, [i]);
  });
  for (const [list, members] of byList) {
    const first = drafts[members[0]!]!;
    const parent = first.parent >= 0 ? drafts[first.parent]!.item : null;
    const uniform = members.every(
      (i) => drafts[i]!.item.statusText === first.item.statusText && drafts[i]!.parent === first.parent,
    );
    // Attributes are not read yet: the parent's stated status is its heading annotation or status field.
    const statusField = parent?.fields.find((f) => f.key === 'status');
    const stated =
      parent?.statusSource === 'heading'
        ? parent.status
        : statusField
          ? (readStatusValue(statusField.value)?.status ?? null)
          : null;
    if (
      uniform &&
      // Two bullets at least, marked by a glyph alone: a word (`DONE`, `[done]`, `✅ Done`) is a
      // status, not decoration.
      members.length >= 2 &&
      !/\p{L}/u.test(first.item.statusText ?? '') &&
      members.length === listSizes[list] &&
      first.item.status === 'done' &&
      stated !== null &&
      stated !== 'done'
    ) {
      for (const i of members) keep[i] = false;
    }
  }
  return keep;
}

/**
 * Drops a heading marked by a glyph that decorates topics too (`### 🔄 Sync`) unless a sibling
 * heading kept as an item (same level, same parent section) is marked by another status glyph:
 * `### ✅ Export` next to `### 🔄 Search` shows the plan marks its headings' statuses with glyphs.
 */
function keepSeries(drafts: readonly Draft[], sections: readonly Section[], keep: boolean[]): void {
  let glyphsBySiblings: Map<string, Set<string>> | null = null;
  const siblingsOf = (s: Section) => `${s.level}\u0000${s.path.slice(0, -1).join('\u0000')}`;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (!d.series || !keep[i]) continue;
    if (glyphsBySiblings === null) {
      glyphsBySiblings = new Map();
      for (let j = 0; j < drafts.length; j++) {
        const h = drafts[j]!;
        const text = h.item.statusText;
        if (
          !keep[j] ||
          h.item.kind !== 'heading' ||
          h.section < 0 ||
          text === null ||
          h.item.statusSource !== 'heading'
        )
          continue;
        // Glyph marks only: a word (`(DONE)`) says nothing of what a glyph next to it means.
        if (/[\p{L}\p{N}]/u.test(text)) continue;
        const key = siblingsOf(sections[h.section]!);
        const set = glyphsBySiblings.get(key) ?? new Set<string>();
        set.add(text.replace('\uFE0F', ''));
        glyphsBySiblings.set(key, set);
      }
    }
    const glyphs = glyphsBySiblings.get(siblingsOf(sections[d.section]!));
    if (glyphs === undefined || glyphs.size < 2) keep[i] = false;
  }
}

/** The drafts marked to keep, with parents re-linked past dropped ones. */
function dropDrafts(drafts: Draft[], keep: readonly boolean[]): Draft[] {
  if (keep.every(Boolean)) return drafts;
  const newIndex: number[] = [];
  const out: Draft[] = [];
  drafts.forEach((d, i) => {
    newIndex.push(keep[i] ? out.length : -1);
    if (keep[i]) out.push(d);
  });
  for (const d of out) {
    let p = d.parent;
    while (p >= 0 && !keep[p]) p = drafts[p]!.parent;
    d.parent = p >= 0 ? newIndex[p]! : -1;
  }
  return out;
}
