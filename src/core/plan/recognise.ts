/**
 * Stage 3: turns the block tree into sections and items. Each kind of item has its own small
 * recogniser (checkbox list item, heading item, status bullet); fields are attached to the item
 * they describe. Everything here reads blocks; nothing here knows markdown syntax.
 */
import type { Field, Item, Priority, Section, Span, Status } from '../model.js';
import { DEFAULT_HOURS_PER_DAY, readInlineEffort } from './attributes/effort.js';
import {
  ITEM_KEYS,
  isKnownFieldKey,
  maskCode,
  normaliseKey,
  RECORD_NAME_KEYS,
  readDuePhrase,
  readFieldLine,
  readInlineFields,
} from './attributes/fields.js';
import { type IdKind, readLeadingId } from './attributes/ids.js';
import { endsWithStatusGroup, endsWithStatusPiece } from './attributes/pieces.js';
import { readInlinePriority, readLeadingHeadingPriority, trailingCircle } from './attributes/priority.js';
import {
  BOX_GLYPHS,
  ORG_KEYWORDS,
  readStatusValue,
  reasonedStatus,
  STATING_TODO_WORDS,
  statusOfGlyph,
  statusOfMark,
  statusOfWord,
  statusWordAfterMark,
} from './attributes/status.js';
import { readParenLists, readTail } from './attributes/tail.js';
import type {
  Block,
  CodeBlock,
  DocumentBlock,
  HeadingBlock,
  LineSlice,
  ListBlock,
  ListItemBlock,
  ParagraphBlock,
  TableBlock,
} from './block-types.js';
import { isAsciiLetter, isSpace } from './chars.js';
import { readCheckbox } from './checkbox.js';
import { hasDamage, repairForMatching, repairWithOffsets, SAME_OFFSET } from './encoding.js';
import { readFileFields, readHeadingField } from './file-item.js';
import { type HeadingInfo, headingOwner, readHeading } from './headings.js';
import type { Lines } from './lines.js';
import {
  boxStatusMark,
  endsWithStatusMark,
  endsWithTaskPaperStatus,
  type GlyphStatus,
  holdsCookie,
  isStruck,
  KEYWORD_RE,
  leadingGlyph,
  startsBeyondAscii,
  statusProbe,
  TRAILING_GLYPH_RE,
  takeTrailingStatus,
  trailingStatusMark,
  wrappedStatusWord,
} from './marks.js';
import { readFieldTable, readStatusTable } from './table-items.js';
import { isTodoTxtList, opensAsTask, readTodoTxtLead } from './todotxt.js';

/** An item under construction, with what the later passes need. */
export interface Draft {
  readonly item: Item;
  parent: number;
  section: number;
  idKind: IdKind | null;
  /** Numeric-ID headings become items only when they turn out to hold items or fields. */
  tentative: boolean;
  /**
   * A tentative heading marked by a glyph that decorates topics too (`### 🔄 Sync`): an item only
   * where a sibling heading is marked by another status glyph, as a plan marking its headings does.
   */
  series?: boolean;
  /** 0-based line after the item's last line. */
  endLine: number;
  /** Text the attribute extractors read (the first line, repaired for matching). */
  matchText: string;
  /** Offset in the plan text where `matchText` starts when it was not repaired, else -1. */
  matchBase: number;
  /** Where `matchText` was repaired: maps an offset in it to the plan's text, for fields' spans. */
  repairMap?: ((i: number) => number) | undefined;
  /** Id of the list the item is in (an index into `listSizes`), or -1. */
  list: number;
  /**
   * Where the item stands in nested ordered lists from the top one (`2.1` for the first step under a
   * list's second), with the id of that top list: what `after 2.1` names there.
   */
  outline?: { readonly root: number; readonly path: string } | undefined;
  /**
   * The lines after the item's own in its paragraph, up to a field line: the title may be wrapped onto
   * them (`… for users` / `moving to v2`), which the attribute pass decides on the title it reads.
   */
  after?: string[];
  /** A line of a todo.txt list: its `@word` marks are contexts (`@phone`), not owners. */
  todoTxt?: boolean;
  /** The context a label over the item's list gives it (`**Phase 1 — Foundation** (Weeks 1–2)`). */
  label?: ListLabel;
  /**
   * Where the title ends in `matchText` when the text after it is read for fields alone: a keyed
   * status's metadata or remark (`Search: not started (P1, @ana)`, `Search: in progress — @ana, 3d`).
   */
  titleEnd?: number;
}

/**
 * What a line standing over a list as its label says of the list's items, as a heading would
 * (`**Phase 2 — Ingestion** (Weeks 3–5)`, `1. **P0 — Reliability**`, `- **iOS** (@sam)` over boxes).
 */
export interface ListLabel {
  readonly priority: Priority | null;
  readonly phase: string | null;
  /** The schedule window as written, resolved against the plan date by the context pass. */
  readonly window: string | null;
  readonly owner: string | null;
}

/** What a line's recogniser makes: the item and what the attribute pass reads it from. */
type MadeItem = Pick<
  Draft,
  'item' | 'idKind' | 'matchText' | 'matchBase' | 'repairMap' | 'todoTxt' | 'titleEnd'
>;

export interface Recognised {
  readonly drafts: Draft[];
  readonly sections: Section[];
  /** 0-based line of each section's heading, parallel to `sections`. */
  readonly sectionLines: number[];
  /** Fields stated about the plan itself (front matter excluded): header and footer lines. */
  readonly planFields: Field[];
  /** Fenced and indented code blocks, for dependency trees and Mermaid flowcharts. */
  readonly codeBlocks: CodeBlock[];
  /** Index of the section that is the document's title, or -1. */
  readonly titleSection: number;
  /** The heading item of each section (parallel to `sections`), or null. */
  readonly sectionDrafts: (Draft | null)[];
  /** Number of list items in each list, by list id. */
  readonly listSizes: number[];
}

/**
 * A legend's title names the section as one: "Legend", "Status Legend", "Task Status Legend",
 * "Legend for status emoji", "Status key", "Status codes", "Statuses", "Key to statuses", with any
 * decoration around it. A title
 * that only mentions statuses ("Lint rules for dashboards, statuses and references") is not one: its
 * checkboxes are tasks.
 */
const LEGEND_TITLE =
  /^(?:(?:[a-z0-9]+[\s_-]+){0,3}legende?|legend (?:for|of) (?:the )?(?:[a-z]+ )?(?:status(?:es)?|marks?|emojis?|symbols?|icons?)|(?:status|state)(?:es)?[\s_-]+(?:key|codes?)|statuses|key to status(?:es)?)$/i;
/** The longest heading read as a lane of a board without boxes (`✅ Shipped`, `🚧 In progress`). */
const MAX_LANE_TITLE = 40;
/** The longest heading read as a priority's lane: its priority and a topic (`P0 - Reliability`). */
const MAX_PRIORITY_LANE_TITLE = 80;

/**
 * Whether a bullet's text is struck through whole, or but for a remark after it, its fields aside
 * (`~~Dark mode~~ [owner:: kim]`): a field set on a struck task does not make it prose.
 */
function isStruckWhole(raw: string): boolean {
  if (!raw.includes('~~')) return false;
  if (isStruck(raw)) return true;
  let rest = '';
  let at = 0;
  for (const f of readInlineFields(raw, 0)) {
    if (f.span.start < at) continue;
    rest += raw.slice(at, f.span.start);
    at = f.span.end;
  }
  return at > 0 && isStruck(rest + raw.slice(at));
}

/** A list item's paragraph when it opens the item, on its marker's line or the next; else null. */
function leadParagraph(li: ListItemBlock): ParagraphBlock | null {
  const p = li.children[0];
  return p?.type === 'paragraph' && p.startLine <= li.startLine + 1 ? p : null;
}

/**
 * Whether a heading names a lane of plain bullets: a status (a word or two and its decoration: a
 * longer title is not read), a list of work to do (a status lane that counts alone), or a priority
 * opening it.
 */
function namesLane(raw: string): 'status' | 'todo-list' | 'priority' | null {
  if (raw.length > MAX_PRIORITY_LANE_TITLE) return null;
  const title = repairForMatching(raw);
  if (raw.length <= MAX_LANE_TITLE) {
    const info = readHeading(title);
    if (info.todoList) return 'todo-list';
    if (info.statusSection !== null) return 'status';
  }
  return readLeadingHeadingPriority(title) !== null ? 'priority' : null;
}

/** A legend's title is a few words: a longer one is not looked at. */
const MAX_LEGEND_TITLE = 80;

/** Whether a section with this title explains the plan's status marks: its lines are a legend, not items. */
export function isLegendTitle(title: string): boolean {
  // The decoration at both ends is stepped over by hand: `/[^A-Za-z0-9]+$/` is tried at every offset
  // of a long run of such characters, which made a long heading quadratic.
  let start = 0;
  let end = title.length;
  while (start < end && !isAsciiAlnum(title.charCodeAt(start))) start++;
  while (end > start && !isAsciiAlnum(title.charCodeAt(end - 1))) end--;
  return end - start <= MAX_LEGEND_TITLE && LEGEND_TITLE.test(title.slice(start, end));
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

interface Frame {
  readonly blocks: readonly Block[];
  index: number;
  /** Draft index of the nearest enclosing list item that is an item, or -1. */
  readonly parentItem: number;
  /** Depth in items of children created in this frame. */
  readonly depth: number;
  /** Id of the list whose items these blocks are, or -1. */
  readonly list: number;
  /** Whether the list is a lane of a board written without boxes (see plainLanes). */
  readonly lane?: boolean;
  /** The list whose items these blocks are, when they are a list's (see isTaskList). */
  readonly of?: ListBlock;
  /**
   * In nested ordered lists from a top one: the outline number of the list item these blocks are in
   * (`2` for a list's second), '' in a top list, null where a bullet or other block broke the chain.
   */
  readonly outline?: string | null | undefined;
  /** The id of the top list of the nested ordered lists these blocks are in. */
  readonly root?: number | undefined;
  /**
   * In a block quote: how many sections were open where it starts and the line after it. A heading
   * in the quote (`> ## Note`) opens a section that ends with the quote, as markdown nests it.
   */
  readonly quote?: { readonly open: number; readonly endLine: number };
}

interface OpenSection {
  readonly index: number;
  readonly level: number;
  /** Draft index when the heading is an item, else -1. */
  draft: number;
  /** Still in the heading's own body (no list or sub-heading seen yet): field lines belong to it. */
  body: boolean;
}

const EMPTY_SPAN = { start: 0, end: 0 };
/** Placeholders shared by every new item: the context and roll-up passes replace them on each item kept. */
const NO_SECTION: string[] = [];
const NO_ROLLUP = { done: 0, total: 0, effortDoneMinutes: 0, effortRemainingMinutes: 0 };
/** A copyright or licence line written as a heading is not the plan's title. */
const NOTICE_RE = /^(?:copyright\b|©|\(c\)|licen[cs]ed?\b|spdx-)/i;

function newItem(kind: Item['kind'], line: number): Item {
  return {
    key: '',
    id: null,
    refersTo: null,
    title: '',
    kind,
    status: 'todo',
    statusSource: 'default',
    statusText: null,
    checkbox: null,
    gfm: false,
    optional: false,
    line: line + 1,
    depth: 0,
    parent: null,
    children: [],
    section: NO_SECTION,
    priority: null,
    owner: null,
    due: null,
    dueText: null,
    effort: null,
    category: null,
    phase: null,
    tags: [],
    dependsOn: [],
    unresolvedDeps: [],
    fields: [],
    span: EMPTY_SPAN,
    lineSpan: EMPTY_SPAN,
    titleSpan: EMPTY_SPAN,
    markSpan: null,
    statusSpan: null,
    list: null,
    headingLevel: null,
    rollup: NO_ROLLUP,
  };
}

/** Walks the block tree once (iteratively: nesting can be 10,000 levels deep). */
const NO_BLOCKS: ReadonlySet<Block> = new Set();

export function recognise(
  text: string,
  lines: Lines,
  doc: DocumentBlock,
  glyphStatus: GlyphStatus = statusOfGlyph,
  legendBlocks: ReadonlySet<Block> = NO_BLOCKS,
): Recognised {
  const drafts: Draft[] = [];
  const sections: Section[] = [];
  const sectionLines: number[] = [];
  const planFields: Field[] = [];
  const codeBlocks: CodeBlock[] = [];
  const sectionDrafts: (Draft | null)[] = [];
  const listSizes: number[] = [];
  /** Whether each section is a legend, tested once per section rather than once per list item. */
  const legendSections: boolean[] = [];
  const open: OpenSection[] = [];
  const lineEndOffset = (line: number) => (line < lines.count ? lines.start[line]! : text.length);
  const titleAt = titleLevel(doc);
  let titleSection = -1;
  let seenHeading = false;

  /** Closes the open sections of `level` or deeper at `atLine`, but for the first `floor`. */
  const closeSections = (level: number, atLine: number, floor = 0) => {
    while (open.length > floor && open[open.length - 1]!.level >= level) closeLastSection(atLine);
  };
  /** Closes the sections opened after the first `count`, at `atLine`. */
  const closeSectionsAbove = (count: number, atLine: number) => {
    while (open.length > count) closeLastSection(atLine);
  };
  const closeLastSection = (atLine: number) => {
    const s = open.pop()!;
    const sec = sections[s.index]!;
    sec.span = { start: sec.span.start, end: lineEndOffset(atLine) };
    if (s.draft >= 0) {
      const d = drafts[s.draft]!;
      d.endLine = atLine;
      d.item.span = { start: d.item.span.start, end: lineEndOffset(atLine) };
    }
  };
  /** `info` with the circle ending `heading` as its status, when the plan's legend gives it one. */
  const legendCircle = (heading: string, info: HeadingInfo): HeadingInfo => {
    if (info.status !== null || info.priority === null || glyphStatus === statusOfGlyph) return info;
    const circle = trailingCircle(heading);
    const status = circle ? glyphStatus(circle.priority.label) : null;
    if (status === null) return info;
    const label = circle!.priority.label;
    const at = heading.lastIndexOf(label);
    return { ...info, status, statusText: label, statusRange: [at, at + label.length], priority: null };
  };
  const headingItem = () => {
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.draft >= 0) return open[i]!.draft;
    return -1;
  };
  const currentSection = () => (open.length > 0 ? open[open.length - 1]!.index : -1);
  const leaveBody = () => {
    const top = open[open.length - 1];
    if (top) top.body = false;
  };

  const onHeading = (b: HeadingBlock) => {
    // A heading may open with a box, as a task does (`## [x] Phase 1`): the box is its status, and
    // the heading is read after it.
    const boxed = readCheckbox(text, b.lines[0]!.start, b.lines[0]!.end, false);
    const first = boxed ? { ...b.lines[0]!, start: boxed.textStart } : b.lines[0]!;
    const last = b.lines.length === 1 ? first : b.lines[b.lines.length - 1]!;
    const raw =
      b.lines.length === 1
        ? text.slice(first.start, first.end)
        : [first, ...b.lines.slice(1)].map((l) => text.slice(l.start, l.end)).join(' ');
    const repaired = repairForMatching(raw);
    const read = readHeading(repaired);
    // readHeading is pure: undamaged text gives the same analysis again, so reuse it.
    const asWritten = b.lines.length !== 1 ? null : repaired === raw ? read : rangesAsWritten(raw, read);
    // A circle ending it is a status where the plan's legend makes it one (`🟡 In progress`), else its
    // priority.
    const info = legendCircle(repaired, read);
    const plain = asWritten === null ? null : asWritten === read ? info : legendCircle(raw, asWritten);
    // A heading in a block quote closes no section opened outside it.
    closeSections(b.level, b.startLine, quoteFloor());
    const parentPath = open.length > 0 ? sections[open[open.length - 1]!.index]!.path : [];
    const index = sections.length;
    const lineSpan = { start: lines.start[b.startLine]!, end: lines.end[b.endLine - 1]! };
    const isTitle =
      !boxed &&
      !seenHeading &&
      b.level === titleAt &&
      !NOTICE_RE.test(info.title) &&
      info.id === null &&
      info.status === null;
    if (!NOTICE_RE.test(info.title)) seenHeading = true;
    if (isTitle) titleSection = index;
    const section: Section = {
      title: info.title,
      level: b.level,
      line: b.startLine + 1,
      path: [...parentPath, info.title],
      span: { start: lineSpan.start, end: text.length },
      lineSpan,
      priority: info.priority,
      phase: info.phase,
      status: info.statusSection,
      due: info.window,
      owner: headingOwner(info.title)?.owner ?? null,
      itemKey: null,
    };
    sections.push(section);
    legendSections.push(isLegendTitle(info.title));
    sectionDrafts.push(null);
    sectionLines.push(b.startLine);
    const entry: OpenSection = { index, level: b.level, draft: -1, body: true };
    // `### Dependencies: 12.1` under a heading item (Taskmaster's subtasks) is a field of that item.
    const owner = open.length > 0 ? open[open.length - 1]! : null;
    const asField =
      owner !== null && owner.draft >= 0 && b.lines.length === 1 ? readHeadingField(text, first) : null;
    if (asField !== null && SUB_HEADING_KEYS.has(asField.key)) {
      drafts[owner!.draft]!.item.fields.push(asField);
      // What follows it (field lines, items) is still the item's.
      entry.draft = owner!.draft;
      open.push(entry);
      return;
    }
    const isItem =
      boxed !== null ||
      (!isTitle &&
        (info.id !== null ||
          info.status !== null ||
          info.weakStatus !== null ||
          statesStatusField(info.title)));
    if (isItem) {
      entry.draft = addHeadingDraft(b, info, index, first, last, plain);
    }
    if (boxed !== null) {
      const item = drafts[entry.draft]!.item;
      item.checkbox = boxed.mark;
      item.markSpan = { start: boxed.markOffset, end: boxed.markOffset + 1 };
      item.status = statusOfMark(boxed.mark);
      item.statusSource = 'checkbox';
      item.statusText = boxed.mark;
      item.statusSpan = null;
    }
    open.push(entry);
  };

  const addHeadingDraft = (
    b: HeadingBlock,
    info: ReturnType<typeof readHeading>,
    sectionIndex: number,
    first: LineSlice,
    last: LineSlice,
    plain: ReturnType<typeof readHeading> | null,
  ): number => {
    const item = newItem('heading', b.startLine);
    item.title = info.title;
    item.id = info.id;
    // A priority the heading states (`### 1. Migrate 🔴`, `## P0 - Login`) is the item's own; a field
    // line under it says more. A circle ending the heading is a mark an edit changes in place.
    item.priority = info.priority;
    if (plain?.points) {
      // The field spans the brackets, so removing it takes them too.
      const { value, range, span } = plain.points;
      item.fields.push({
        key: 'points',
        rawKey: text.slice(first.start + range[1], first.start + span[1] - 1).trim(),
        value,
        span: { start: first.start + span[0], end: first.start + span[1] },
        valueSpan: { start: first.start + range[0], end: first.start + range[1] },
        style: 'kv',
      });
    }
    const circle = plain && info.priority ? trailingCircle(text.slice(first.start, first.end)) : null;
    if (circle) {
      const at = first.start + circle.index;
      const glyph = at + circle.length - circle.priority.label.length;
      item.fields.push({
        key: 'priority',
        rawKey: '',
        value: circle.priority.label,
        span: { start: at, end: at + circle.length },
        valueSpan: { start: glyph, end: glyph + circle.priority.label.length },
        style: 'mark',
      });
    }
    item.headingLevel = b.level;
    item.lineSpan = { start: lines.start[b.startLine]!, end: lines.end[b.endLine - 1]! };
    item.span = { start: item.lineSpan.start, end: text.length };
    item.titleSpan = plain
      ? { start: first.start + plain.titleRange[0], end: first.start + plain.titleRange[1] }
      : { start: first.start, end: last.end };
    if (info.status) {
      item.status = info.status;
      item.statusSource = info.statusText === '~~' ? 'strike' : 'heading';
      item.statusText = info.statusText;
      if (plain?.statusRange) {
        item.statusSpan = {
          start: first.start + plain.statusRange[0],
          end: first.start + plain.statusRange[1],
        };
      }
    } else if (info.weakStatus) {
      item.status = info.weakStatus.status;
      item.statusSource = 'heading';
      item.statusText = info.weakStatus.text;
      const range = plain?.weakStatus?.range;
      if (range) item.statusSpan = { start: first.start + range[0], end: first.start + range[1] };
    }
    // Fields written on the heading line (`### T-6: Export [due:: 2026-12-09]`, `— @kim, 2d`) are read
    // as on an item line, where the title is the heading's text as written.
    const own = plain ? text.slice(item.titleSpan.start, item.titleSpan.end) : null;
    drafts.push({
      item,
      parent: headingItem(),
      section: sectionIndex,
      idKind: info.idKind,
      // A heading that is only an ID (`### PAY-203` over notes on it) is an item when it holds one's
      // fields or tasks, as a numbered heading is.
      tentative:
        (info.idKind === 'numeric' || info.title === '' || info.weakStatus !== null) && info.status === null,
      series: info.status === null && info.weakStatus?.series === true,
      endLine: lines.count,
      matchText: info.title,
      matchBase: own === info.title ? item.titleSpan.start : -1,
      list: -1,
    });
    sectionDrafts[sectionIndex] = drafts[drafts.length - 1]!;
    return drafts.length - 1;
  };

  /** Field lines of a paragraph: attached to the heading item whose body this is, or to the plan. */
  const onParagraph = (p: ParagraphBlock, parentItem: number) => {
    const sec = currentSection();
    const inLegend = sec >= 0 && legendSections[sec]!;
    const numbered = inLegend ? null : numberedLines(p, parentItem);
    if (
      !inLegend &&
      numbered === null &&
      (recordItem(p, parentItem) || markedLines(p, parentItem) || todoTxtLines(p, parentItem))
    )
      return;
    for (let l = 0; l < p.lines.length; l++) {
      const slice = p.lines[l]!;
      if (numbered?.has(l)) continue;
      if (
        !inLegend &&
        startsBeyondAscii(text.slice(slice.start, slice.start + 4)) &&
        boxLine(slice, parentItem)
      )
        continue;
      if (text.charCodeAt(slice.start) === 126 && !inLegend && struckHeadingLine(slice, parentItem)) continue;
      if (!inLegend && idLine(slice, parentItem)) continue;
      const fields = readFieldLine(text, slice.start, slice.end, true);
      if (!fields) continue;
      if (parentItem >= 0) {
        const own = drafts[parentItem]!.item.fields;
        for (const f of fields) own.push({ ...f, style: 'sub-bullet' });
      } else {
        sectionFields(fields);
      }
    }
  };

  /**
   * A paragraph whose every line opens with a status mark (`✔ Export schema` over `➜ Convert the
   * procedures`, the marks taskmark's or the plan's legend's): a checklist written without list
   * markers, each line an item as such a bullet is. One line among prose is not, but for a box
   * (boxLine); nor are lines of warnings (`⚠ The API moved.`).
   */
  const markedLines = (p: ParagraphBlock, parentItem: number): boolean => {
    if (p.lines.length < 2) return false;
    const made: MadeItem[] = [];
    for (const slice of p.lines) {
      const head = text.slice(slice.start, slice.start + 4);
      if (!startsBeyondAscii(head)) return false;
      const glyph = leadingGlyph(head);
      if (glyph === null || DECORATION_GLYPHS.has(glyph.glyph.replace('\uFE0F', ''))) return false;
      const draft = statusBulletDraft(slice.line, slice);
      if (draft === null) return false;
      made.push(draft);
    }
    // Lines that each give a mark and only a status word (`✅ Done` over `⏳ Todo`) are a legend.
    if (made.every((m) => isStatusWordAlone(m.matchText))) return false;
    for (let l = 0; l < made.length; l++) pushLineItem(made[l]!, p.lines[l]!, parentItem);
    return true;
  };

  /**
   * A paragraph of todo.txt lines (`(A) 2026-11-20 Call the landlord +home` over `x 2026-11-21
   * Renew the passport`, see todotxt.ts): each line an item, done by its `x`, its dates fields
   * (`created`, and `done` for the completion date) that leave the title, its priority read with the
   * rest of its words. Lines among them that read as fields are not a todo.txt list.
   */
  const todoTxtLines = (p: ParagraphBlock, parentItem: number): boolean => {
    if (p.lines.length < 2) return false;
    const leads = p.lines.map((s) => readTodoTxtLead(text, s.start, s.end));
    if (!isTodoTxtList(text, p.lines, leads)) return false;
    // A field line among them (`Owner: @dana · Status: In progress`) makes them a record's, not a
    // list, and a line opening as no task does (`| Push | ❌ |`) something else again.
    for (let l = 0; l < p.lines.length; l++) {
      const s = p.lines[l]!;
      if (
        leads[l] === null &&
        (!opensAsTask(text, s.start) || readFieldLine(text, s.start, s.end, true) !== null)
      )
        return false;
    }
    for (let l = 0; l < p.lines.length; l++) {
      const slice = p.lines[l]!;
      const lead = leads[l];
      const item = newItem('status-bullet', slice.line);
      if (lead?.done) {
        item.status = 'done';
        item.statusSource = 'marker';
        item.statusText = 'x';
        item.statusSpan = lead.done;
      }
      if (lead?.completed) item.fields.push(dateField('done', lead.completed));
      if (lead?.created) item.fields.push(dateField('created', lead.created));
      const words = lead?.wordsStart ?? slice.start;
      const from = lead?.priority?.start ?? words;
      item.titleSpan = { start: from, end: slice.end };
      if (lead?.priority && lead.created) {
        // The priority and the words, without the creation date between them.
        const { start, end } = lead.priority;
        const gap = words - (end + 1);
        const matchText = `${text.slice(start, end)} ${text.slice(words, slice.end)}`;
        const repairMap = (i: number) => (i <= end - start ? start + i : start + i + gap);
        pushLineItem(
          { item, idKind: null, matchText, matchBase: -1, repairMap, todoTxt: true },
          slice,
          parentItem,
        );
      } else {
        pushLineItem(
          { item, idKind: null, matchText: text.slice(from, slice.end), matchBase: from, todoTxt: true },
          slice,
          parentItem,
        );
      }
    }
    return true;
  };
  const dateField = (key: string, at: Span): Field => {
    const value = text.slice(at.start, at.end);
    return { key, rawKey: key, value, span: at, valueSpan: at, style: 'kv' };
  };

  /**
   * A paragraph of field lines that opens with the item's name under a key saying what it is
   * (`**Task:** Rotate the keys` over `**Owner:** Bo` and `**Status:** In progress`): a record, one
   * item, its other lines its fields, one at least a status, priority, owner or due date. Plans kept as
   * a run of such records have no headings or boxes for their tasks.
   */
  const recordItem = (p: ParagraphBlock, parentItem: number): boolean => {
    if (p.lines.length < 2) return false;
    const l0 = p.lines[0]!;
    const head = readFieldLine(text, l0.start, l0.end, true) ?? plainKeyField(l0);
    const name = head?.length === 1 ? head[0]! : null;
    if (name === null || !RECORD_NAME_KEYS.has(name.key) || name.value === '') return false;
    const fields: Field[] = [];
    for (let l = 1; l < p.lines.length; l++) {
      const s = p.lines[l]!;
      const f = readFieldLine(text, s.start, s.end, true) ?? plainKeyField(s);
      if (f === null) return false;
      for (const x of f) fields.push(x);
    }
    if (!fields.some((f) => ITEM_KEYS.has(f.key))) return false;
    const item = newItem('status-bullet', l0.line);
    const id = readLeadingId(name.value);
    const titleAt = name.valueSpan.start + (id?.length ?? 0);
    item.id = id?.id ?? null;
    item.titleSpan = { start: titleAt, end: name.valueSpan.end };
    const matchText = text.slice(titleAt, name.valueSpan.end);
    pushLineItem({ item, idKind: id?.kind ?? null, matchText, matchBase: titleAt }, l0, parentItem);
    // The record is its lines: removing the item takes them all.
    const last = p.lines[p.lines.length - 1]!.line;
    item.span = { start: item.span.start, end: lineEndOffset(last + 1) };
    drafts[drafts.length - 1]!.endLine = last + 1;
    for (const f of fields) item.fields.push(f);
    return true;
  };

  /**
   * A list right after a heading whose bullets are field lines (`- **Status:** Done`, `- Owner: Kim`),
   * every one, or up to the tasks of the heading that follow them in the same list (`- **Effort:** 2d`
   * then `- [ ] Generate the keys`): the heading's fields, as a paragraph of field lines would be. A
   * list going on in prose (`- Owner: the team` then `- Refactoring, by Fowler`) is not one.
   */
  const onFieldList = (b: ListBlock) => {
    const all = fieldBullets(b);
    if (all !== null) sectionFields(all);
  };

  /**
   * The fields of a list whose bullets are field lines, every one or up to the tasks that follow them
   * (see onFieldList), with boxes or not (`- Fix the test @done`, `- Docs (2d, @ana)`); null when it
   * has none, or goes on in prose after them. A task without a box is one too: an edit that gives it
   * a box must not make the fields before it another item's.
   */
  const fieldBullets = (b: ListBlock): Field[] | null => {
    const all: Field[] = [];
    let known = 0;
    let i = 0;
    for (; i < b.children.length; i++) {
      const li = b.children[i]!;
      const p = li.children[0];
      if (p?.type !== 'paragraph' || p.startLine !== li.startLine || p.lines.length !== 1) break;
      const l0 = p.lines[0]!;
      // A plain key of the plan's own (`- Notes: ran it on the replica`) among keys a plan's fields use.
      const fields = readFieldLine(text, l0.start, l0.end, true) ?? plainKeyField(l0);
      if (!fields) break;
      if (fields.length > 1 || fields[0]!.style !== 'kv') known++;
      for (const f of fields) all.push({ ...f, style: 'sub-bullet' });
    }
    if (known === 0) return null;
    // A bullet's own mark ending it is its status where the list's bullets end so, or beside boxes.
    const marks = i < b.children.length && (listMarksAtEnd(b) || holdsMarkedItems(b));
    // A lane's plain bullets are its cards (see plainLanes): tasks, whatever an edit gives them. So
    // are a TaskPaper list's (see taskPaperList).
    const lane = lanes?.has(b) === true;
    const taskPaper = i < b.children.length && isTaskPaperList(b);
    for (; i < b.children.length; i++) {
      const li = b.children[i]!;
      if (
        !isTaskBullet(li, marks, b) &&
        !isLabelOverTasks(li) &&
        !(lane && isPlainBullet(li)) &&
        !(taskPaper && isTaskPaperLead(li)) &&
        !isStruckTask(li, b)
      )
        return null;
    }
    return all;
  };

  /**
   * A bullet that only labels the tasks nested under it (`- Acceptance criteria:` over its boxes), or
   * counts them (`- Backend [1/2]`, see cookieBulletDraft): one short line ending in a colon or
   * holding a progress cookie, then lists of tasks and nothing else.
   */
  const isLabelOverTasks = (li: ListItemBlock): boolean => {
    const p = li.children[0];
    if (p?.type !== 'paragraph' || p.startLine !== li.startLine || p.lines.length !== 1) return false;
    if (li.children.length < 2) return false;
    const l0 = p.lines[0]!;
    const label = text
      .slice(l0.start, l0.end)
      .trim()
      .replace(/^(\*\*|__)(.*)\1$/, '$2');
    if (label.length > MAX_LABEL || !(label.endsWith(':') || holdsCookie(label))) return false;
    for (let c = 1; c < li.children.length; c++) {
      const sub = li.children[c]!;
      if (sub.type !== 'list') return false;
      for (const x of sub.children) if (!isTaskBullet(x, false, sub)) return false;
    }
    return true;
  };

  /** A line that is one plain `Key: value` of any short key (`Notes: ran it first`), or null. */
  const plainKeyField = (l0: LineSlice): Field[] | null => {
    const m = PLAIN_FIELD_RE.exec(text.slice(l0.start, l0.end));
    if (m === null) return null;
    const value = m[2]!.trimEnd();
    const valueAt = l0.start + m[0].length - m[2]!.length;
    return [
      {
        key: normaliseKey(m[1]!),
        rawKey: m[1]!,
        value,
        span: { start: l0.start, end: valueAt + value.length },
        valueSpan: { start: valueAt, end: valueAt + value.length },
        style: 'kv',
      },
    ];
  };

  /** Whether a bullet is a task, as onListItem reads it (a lane's card aside): boxed or not. */
  const isTaskBullet = (li: ListItemBlock, marks: boolean, list: ListBlock): boolean => {
    const p = leadParagraph(li);
    if (p === null) return false;
    const l0 = p.lines[0]!;
    return (
      readCheckbox(text, l0.start, l0.end, p.lines.length > 1) !== null ||
      (statusBulletDraft(li.startLine, l0) ??
        keywordBulletDraft(li.startLine, l0) ??
        taskBulletDraft(li, l0, list) ??
        keyedStatusDraft(li, l0) ??
        (marks ? markedBulletDraft(li, l0) : null)) !== null
    );
  };

  /** Labels of lists (see ListLabel), by the list they stand over. */
  const listLabels = new Map<ListBlock, ListLabel>();
  /**
   * What a short line over a list says of its items as a heading would: a priority, a phase, a
   * schedule, an owner; null when it says none (`**Notes**`, `Steps:`) or is a field line.
   */
  const listLabel = (l0: LineSlice): ListLabel | null => {
    if (l0.end - l0.start > MAX_LABEL_LINE || readFieldLine(text, l0.start, l0.end, true) !== null)
      return null;
    const raw = text
      .slice(l0.start, l0.end)
      .replace(/\*\*|__/g, '')
      .replace(/[\s:：]+$/u, '')
      .trim();
    if (raw === '' || !/[\p{L}\p{N}]/u.test(raw)) return null;
    const info = readHeading(raw);
    const owner = headingOwner(info.title)?.owner ?? null;
    if (info.priority === null && info.phase === null && info.window === null && owner === null) return null;
    return { priority: info.priority, phase: info.phase, window: info.window, owner };
  };

  /**
   * A paragraph that is one line in bold (`**Task 2.1: Query parser**`) over an item's fields, in the
   * same paragraph (`**Status:** Done` lines) or as the list after it (`- **Effort:** 2d`, `- Owner:
   * Kim`, then the task's own boxes): an item, as a heading with field lines under it is. Plans that
   * mark their tasks' headings in bold, not with `#`, write them so. A status, priority, owner or due
   * date must be among the fields; a bold line over other lines is a label. Returns the item's draft
   * and the list it holds, or null.
   */
  const boldTitleItem = (
    p: ParagraphBlock,
    next: Block | undefined,
  ): { draft: number; list: ListBlock | null } | null => {
    const title = boldTitle(p.lines[0]!);
    if (title === null) return null;
    let fields: Field[] | null = null;
    let list: ListBlock | null = null;
    if (p.lines.length > 1) {
      fields = [];
      for (let l = 1; l < p.lines.length; l++) {
        const f = readFieldLine(text, p.lines[l]!.start, p.lines[l]!.end, true);
        if (f === null) return null;
        for (const x of f) fields.push(x);
      }
    } else if (next?.type === 'list') {
      fields = fieldBullets(next);
      list = next;
    }
    if (fields === null || !fields.some((f) => ITEM_KEYS.has(f.key))) return null;
    const slice = p.lines[0]!;
    const { info, start, end } = title;
    const item = newItem('status-bullet', slice.line);
    item.id = info.id;
    item.priority = info.priority;
    const plain = text.slice(start, end) === info.title;
    item.titleSpan = plain
      ? { start, end }
      : { start: start + info.titleRange[0], end: start + info.titleRange[1] };
    if (p.lines.length > 1) for (const f of fields) item.fields.push(f);
    // A title read through a repair (damaged text) has offsets of its own: its fields are placed by
    // the attribute pass's search, not by offset.
    const matchBase = title.repaired ? -1 : item.titleSpan.start;
    const made = { item, idKind: info.idKind, matchText: info.title, matchBase };
    pushLineItem(made, slice, -1);
    const draft = drafts.length - 1;
    const endLine = list ? list.endLine : p.endLine;
    drafts[draft]!.endLine = endLine;
    item.span = { start: item.lineSpan.start, end: lineEndOffset(endLine) };
    return { draft, list };
  };

  /**
   * The heading a line bold whole gives (`**Task 2.1: Query parser**`, `__Export:__`), and where the
   * text inside the bold starts and ends; null when the line is more than that, or is a field line
   * (`**Status: Done**`), or states a status itself, as its fields do.
   */
  const boldTitle = (
    slice: LineSlice,
  ): { info: HeadingInfo; start: number; end: number; repaired: boolean } | null => {
    const c = text.charCodeAt(slice.start);
    if ((c !== 42 && c !== 95) || text.charCodeAt(slice.start + 1) !== c) return null;
    let end = slice.end;
    while (end > slice.start && isSpace(text.charCodeAt(end - 1))) end--;
    if (text.charCodeAt(end - 1) === 58) end--;
    if (
      end - slice.start > MAX_BOLD_TITLE + 4 ||
      text.charCodeAt(end - 1) !== c ||
      text.charCodeAt(end - 2) !== c
    )
      return null;
    const start = slice.start + 2;
    let innerEnd = end - 2;
    if (innerEnd <= start || isSpace(text.charCodeAt(start)) || isSpace(text.charCodeAt(innerEnd - 1)))
      return null;
    const delimiter = c === 42 ? '**' : '__';
    if (text.slice(start, innerEnd).includes(delimiter)) return null;
    // `**Status: Done**` is a field; `**Backend:**` a label, read as a key without a value.
    const field = readFieldLine(text, slice.start, slice.end, true);
    if (field?.some((f) => f.value.trim() !== '')) return null;
    if (text.charCodeAt(innerEnd - 1) === 58) innerEnd--;
    const inner = text.slice(start, innerEnd);
    const repaired = repairForMatching(inner);
    const info = readHeading(repaired);
    if (info.title === '' || info.status !== null || info.statusSection !== null) return null;
    return {
      info: repaired === inner ? info : { ...info, titleRange: [0, inner.length] },
      start,
      end: innerEnd,
      repaired: repaired !== inner,
    };
  };

  /** Field lines outside any item: the plan's, or the enclosing heading's, which they may make an item. */
  const sectionFields = (fields: Field[]) => {
    const top = open[open.length - 1];
    if (!top || top.index === titleSection) {
      for (const f of fields) planFields.push(f);
    } else if (top.body) {
      if (top.draft < 0 && fields.some((f) => ITEM_KEYS.has(f.key))) {
        const b = findHeadingBlockLine(sectionLines[top.index]!);
        const repaired = repairForMatching(b.raw);
        const info = readHeading(repaired);
        top.draft = addHeadingDraft(
          b.block,
          info,
          top.index,
          b.first,
          b.last,
          repaired === b.raw ? info : b.first === b.last ? rangesAsWritten(b.raw, info) : readHeading(b.raw),
        );
      }
      if (top.draft >= 0) for (const f of fields) drafts[top.draft]!.item.fields.push(f);
    } else if (isFooterField(fields)) {
      for (const f of fields) planFields.push(f);
    } else if (top.draft >= 0 && fields.some((f) => ITEM_KEYS.has(f.key) || isKnownFieldKey(f.rawKey))) {
      // A heading item's fields after its checklist (`**Estimate:** 5 pts · **Assignee:** @maya`
      // under its acceptance criteria) are still its own; they make no heading an item there.
      for (const f of fields) drafts[top.draft]!.item.fields.push(f);
    }
  };

  /**
   * A bullet without a box that carries a task's metadata, two at least of a priority, an owner, a
   * due date and an effort (`1. **[P1]** CSV parser — @li, 3d, due 2026-02-06`), or its status in a
   * list of fields (`**Search v2** — faster ranking (status: shipped)`), is a task: prose rarely says
   * so much in one line, and plans that write their tasks this way have no boxes.
   */
  const taskBulletDraft = (li: ListItemBlock, l0: LineSlice, list: ListBlock | undefined) => {
    const made = taskBulletByTwo(li.startLine, l0);
    // The cheap test for one signal first: most prose bullets fail it, and their list is not read.
    return made === null && list !== undefined && mayHoldOne.has(li.startLine) && isTaskList(list)
      ? taskLineDraft(li.startLine, l0, 1)
      : made;
  };

  /**
   * taskLineDraft by two signals on a bullet's first line, read once per line: isTaskList reads its
   * list's bullets before onListItem reads each.
   */
  const taskBulletByTwo = (line: number, l0: LineSlice): MadeItem | null => {
    let made = bulletsByTwo.get(line);
    if (made === undefined) {
      made = taskLineDraft(line, l0, 2);
      bulletsByTwo.set(line, made);
    }
    return made;
  };
  const bulletsByTwo = new Map<number, MadeItem | null>();

  /** Lines taskLineDraft's cheap test found may hold one signal at least. */
  const mayHoldOne = new Set<number>();

  /**
   * A list of tasks written without boxes: one of its bullets at least is a task by two of a task's
   * signals alone (taskBulletDraft), without a box and without a status of its own. Its other bullets
   * without a box are tasks by one (`- Update the docs (P2)`, `- Rotate the keys @li` beside `- Fix
   * the login (P1) @kim`): a list that says so much in one bullet is a backlog, and its lighter lines
   * are the same kind of thing. A bullet without any stays prose. A bullet that is an item by a box,
   * a status mark or word does not make a backlog: beside a checklist, bullets without boxes are notes,
   * and a field an edit gives it does not turn the lines around it into items. (A status set on the
   * bullet that made the backlog gives it a box: the editor boxes the others it would drop.)
   */
  const isTaskList = (list: ListBlock): boolean => {
    let known = taskLists.get(list);
    if (known === undefined) {
      known = false;
      for (const li of list.children) {
        const p = leadParagraph(li);
        if (p === null) continue;
        const l0 = p.lines[0]!;
        if (readCheckbox(text, l0.start, l0.end, p.lines.length > 1) !== null) continue;
        if (
          taskBulletByTwo(li.startLine, l0) !== null &&
          statusBulletDraft(li.startLine, l0) === null &&
          keywordBulletDraft(li.startLine, l0) === null &&
          keyedStatusDraft(li, l0) === null &&
          !endsWithOwnMark(l0)
        ) {
          known = list.children.length >= 2;
          break;
        }
      }
      taskLists.set(list, known);
    }
    return known;
  };
  const taskLists = new Map<ListBlock, boolean>();

  /**
   * taskBulletDraft on line `line`, whose text `l0` is: a bullet's first line or a line of a paragraph.
   * `need` is how many of the signals (a leading ID, a priority, an estimate, an owner, a due date)
   * make it a task; a status it states makes it one alone. One signal is not an ID alone (`- RFC-9110
   * is the HTTP spec`) nor a mention inside the prose (`- Ask @li about it`): an owner counts alone
   * when only metadata follows it (`- Rotate the keys @li`).
   */
  const taskLineDraft = (line: number, l0: LineSlice, need: 1 | 2) => {
    const raw = text.slice(l0.start, l0.end);
    // A tracker's ID opening the line (`PAY-188 Fix rounding`, `T012`, `M1.2`) is one of the signals;
    // an issue's number (`#94`) not, as every line of a changelog opens with one.
    const lead = readLeadingId(raw);
    const idLed = lead?.kind === 'code' && lead.id.charCodeAt(0) !== 35;
    // An ID set off from the words after it, in bold, brackets or by a separator (`**WEB-106** Saved
    // cards`, `WEB-106: Saved cards`), keys the line as a tracker's lines are keyed: in a backlog it
    // is one signal, where an ID the sentence runs on from (`RFC-9110 is the HTTP spec`) is none.
    const idKeyed = idLed && /[*_[\]:—–·|-]/.test(raw.slice(0, lead.length).replace(lead.id, ''));
    // Cheap test first: of two signals, one is an owner or a priority, which need an `@`, an `owner`,
    // `assign` or `prio` word, a `P0`–`P4`, an org or todo.txt letter, a priority emoji or word; or
    // the two are an estimate and a due date or a status mark ending the line, with a digit and a due
    // word or the mark; or the line states a status, in a field, as the piece ending it (`— In
    // Progress`) or in parentheses ending it (`(🟡 at risk)`). One signal alone may also be an
    // estimate (a digit, or a T-shirt size ending the line), a due date (a due word) or a status mark
    // ending the line.
    const hint =
      TASK_BULLET_HINT_RE.test(raw) ||
      PRIORITY_LABEL_HINT_RE.test(raw) ||
      endsWithStatusPiece(raw) ||
      endsWithStatusGroup(raw);
    const digit = !hint && (HAS_DIGIT_RE.test(raw) || SIZE_END_HINT_RE.test(raw));
    const dueWord = !hint && DUE_HINT_RE.test(raw);
    const endMark = mayEndInMark(raw);
    // A status mark ending the line is one signal in a backlog: read only where nothing else hints.
    const endsMarked = !(hint || digit || dueWord) && endMark && trailingStatusMark(raw, glyphStatus) > 0;
    if (hint || digit || dueWord || endsMarked) mayHoldOne.add(line);
    if (!(idLed || hint || (need === 1 ? digit || dueWord || endsMarked : digit && (dueWord || endMark))))
      return null;
    if (readFieldLine(text, l0.start, l0.end, true)) return null;
    const repaired = repairWithOffsets(raw);
    const matchText = repaired?.text ?? raw;
    const rawOffset = repaired?.rawOffset ?? SAME_OFFSET;
    // A status mark ending the line (`— @kim, 2d ✅`) is read with the title: the metadata is before it.
    const mark = mayEndInMark(matchText) ? trailingStatusMark(matchText, glyphStatus) : -1;
    const body = mark > 0 ? matchText.slice(0, mark) : matchText;
    const masked = maskCode(body);
    const priority = readInlinePriority(masked);
    const effort = readInlineEffort(masked);
    // A priority or an estimate is a mark (`(P1)`, `⏫`, `(2h)`) or a field (`@priority(high)`).
    let prio = priority !== null;
    let estimate = effort !== null;
    let owner = false;
    let ownerAfter = false;
    const duePhrase = readDuePhrase(masked, 0);
    let due = duePhrase !== null;
    let status = false;
    let depends = false;
    let progress = false;
    // Where the metadata ending the line starts, for the one-signal test: set once the fields are read.
    let metaFrom = 0;
    const note = (f: Field) => {
      if (f.key === 'owner') {
        owner = true;
        if (f.span.start >= metaFrom) ownerAfter = true;
      } else if (f.key === 'due') due = true;
      else if (f.key === 'priority') prio = true;
      else if (f.key === 'effort' || f.key === 'points' || f.key === 'size') estimate = true;
      else if (f.key === 'status' && readStatusValue(f.value) !== null) status = true;
      else if (f.key === 'depends') depends = true;
      else if (f.key === 'progress') progress = true;
    };
    // A status mark ending the line is one signal: with another (`**[P1]** Ship it — *done*`) the
    // bullet is a task; alone (`Docs rewritten — **Done**`) it may be a note's last words, but in a
    // backlog, where one signal makes a task, it is one (`- Collect the quotes @done(2026-11-30)`).
    const enough = () =>
      (idLed ? 1 : 0) +
        (prio ? 1 : 0) +
        (estimate ? 1 : 0) +
        (owner ? 1 : 0) +
        (due ? 1 : 0) +
        (progress ? 1 : 0) +
        (mark > 0 ? 1 : 0) >=
        2 ||
      (need === 1 && (idKeyed || depends || prio || estimate || ownerAfter || due || progress || mark > 0));
    const fields = readInlineFields(body, 0, masked);
    const read = duePhrase ? [...fields, duePhrase].sort((a, b) => a.span.start - b.span.start) : fields;
    if (need === 1) metaFrom = trailingFieldsStart(masked, read);
    for (const f of fields) note(f);
    // Lists of pieces are metadata wherever they stand.
    metaFrom = 0;
    // Or pieces of a list in parentheses (`Write docs (2d, @ana)`, `Fix (P1, due 2026-03-01)`).
    const lists =
      !enough() && (masked.includes('(') || masked.includes('['))
        ? readParenLists(masked, read, 0, priority, effort, DEFAULT_HOURS_PER_DAY, mark < 0)
        : null;
    if (lists !== null) {
      prio ||= lists.priority !== null;
      estimate ||= lists.effort !== null;
      for (const f of lists.fields) note(f);
    }
    // A list ending the line holds the others: an estimate written bare or a priority word (`— @li,
    // 3d`, `— @li, high`), keyed pieces (`— Owner: Li — Est: 2d`), and a status, which says it alone
    // (`— Status: Done`).
    if (!status && !enough()) {
      const tail = readTail(
        masked,
        read,
        0,
        priority,
        effort,
        DEFAULT_HOURS_PER_DAY,
        false,
        false,
        lists?.cuts,
      );
      if (tail !== null) {
        prio ||= tail.priority !== null;
        estimate ||= tail.effort !== null;
        for (const f of tail.fields) note(f);
      }
    }
    if (!enough() && !status) return null;
    return lineTaskDraft(line, l0, matchText, repaired !== null, rawOffset);
  };

  /**
   * A bullet that names a piece of work and gives its status after a colon, as status reports write
   * them (`- **Auth service**: ✅ Complete`, `- Search: not started`): an item of that status, its
   * title the name. A name that is a field's key (`- **Owner:** Kim`) makes a field line instead, and
   * the value must be the status whole, a remark in parentheses after it or not.
   */
  const keyedStatusDraft = (li: ListItemBlock, l0: LineSlice): MadeItem | null => {
    const raw = text.slice(l0.start, l0.end);
    // The first colon that is not a dataview field's `::` (`- Search [due:: 2026-03-01]: not started`),
    // or a full-width one as Chinese and Japanese write it (`- 编写文档：未开始`).
    let colon = raw.indexOf(':');
    while (colon >= 0 && colon <= MAX_KEYED_TITLE && raw.charCodeAt(colon + 1) === 58)
      colon = raw.indexOf(':', colon + 2);
    const wide = raw.indexOf('：');
    if (wide >= 0 && (colon < 0 || wide < colon)) colon = wide;
    if (colon < 1 || colon > MAX_KEYED_TITLE) return null;
    // A colon inside brackets is their text's (`Ship it (blocked: waiting for v2.1)`), not the name's.
    if (!closesBrackets(raw, colon)) return null;
    let valueAt = colon + 1;
    // `**Auth service:** ✅ Complete`: the bold closes after the colon.
    if (raw.startsWith('**', valueAt) || raw.startsWith('__', valueAt)) valueAt += 2;
    // After a full-width colon no space is needed.
    if (valueAt < raw.length && !isSpace(raw.charCodeAt(valueAt)) && raw.charCodeAt(colon) !== 0xff1a)
      return null;
    const name = raw
      .slice(0, colon)
      .replace(/^(\*\*|__)(.*?)\1/, '$2')
      .replace(/^\*\*|^__|\*\*$|__$/g, '')
      .trim();
    // An icon may open a field's key (`- ✅ Status: Done`).
    const key = name.replace(/^[^\p{L}\p{N}]+/u, '');
    if (key === '' || ITEM_KEYS.has(normaliseKey(key)) || isKnownFieldKey(key)) return null;
    // Nor is a key ending the name after a separator (`Tidy — State: blocked`, `Exports. Status: Done`):
    // the title came before it, and the status is that field's.
    const last = LAST_PIECE_RE.exec(key)?.[1];
    if (last !== undefined && (ITEM_KEYS.has(normaliseKey(last)) || isKnownFieldKey(last))) return null;
    while (valueAt < raw.length && isSpace(raw.charCodeAt(valueAt))) valueAt++;
    // The status runs to what follows it: a remark or fields in parentheses, a list after a dash or a
    // comma (`in progress — @ana, 3d`). A status word with its reason is one too (`blocked on vendor`).
    const valueEnd = valueAt + statusValueEnd(raw.slice(valueAt));
    const value = raw.slice(valueAt, valueEnd).trimEnd();
    const read = value === '' ? null : readStatusValue(value);
    if (read === null) return null;
    if (read.index + read.text.length !== value.length && reasonedStatus(value.slice(read.index)) === null)
      return null;
    // A glyph may lead the word: a status glyph, or one of no status of its own that the word gives
    // one (`⚪ Not started`), as opening a bullet.
    const lead = value.slice(0, read.index).trim();
    const leadStatus = lead === '' ? null : glyphStatus(lead);
    if (lead !== '' && leadStatus === null && leadingGlyph(lead)?.end !== lead.length) return null;
    // A to-do word alone is as often a description (`- Notes: draft`).
    const word = value.slice(read.index).toLowerCase();
    if (leadStatus === null && read.status === 'todo' && !STATING_TODO_WORDS.has(word)) return null;
    const item = newItem('status-bullet', li.startLine);
    item.status = read.status;
    item.statusSource = 'field';
    item.statusText = value;
    const at = l0.start + valueAt;
    item.statusSpan = { start: at, end: at + value.length };
    item.fields.push({
      key: 'status',
      rawKey: '',
      value,
      span: { start: at, end: at + value.length },
      valueSpan: { start: at, end: at + value.length },
      style: 'kv',
    });
    item.titleSpan = { start: l0.start, end: l0.start + colon };
    const id = readLeadingId(raw.slice(0, colon));
    item.id = id?.id ?? null;
    const made = { item, idKind: id?.kind ?? null, matchText: raw.slice(0, colon), matchBase: l0.start };
    if (raw.slice(valueEnd).trim() === '') return made;
    // What follows the status is read for fields, the status blanked so no reader takes it again.
    const blanked = `${raw.slice(0, colon)}${' '.repeat(valueEnd - colon)}${raw.slice(valueEnd)}`;
    return { ...made, matchText: blanked, titleEnd: colon };
  };

  /**
   * A bullet of a list whose bullets end with a status mark (`- Tag the release ✅`, `- Update the
   * changelog 🚧`), or of a checklist (`- Wohnung kündigen ✅` beside `- [ ]` boxes): with its own
   * mark, it is an item of that status.
   */
  const markedBulletDraft = (li: ListItemBlock, l0: LineSlice) =>
    endsWithOwnMark(l0) ? bulletTaskDraft(li.startLine, l0) : null;

  /**
   * A numbered step without a mark in a list whose steps show their statuses by marks, two or more
   * of them (`1. Extract the service ✅`, `2. Move the validators ✅`, `3. Update the docs`): a step
   * not begun, as the marked ones are steps done or under way. Under a step read by its mark, one
   * marked sibling is enough. A label (`5. Notes:`), a field line, and a mark too damaged to read
   * (`â³`, a byte lost: reported as damage) are no such step. A bulleted list's unmarked bullets stay
   * prose: there they are as often notes beside the marked ones.
   */
  const unmarkedStepDraft = (li: ListItemBlock, para: ParagraphBlock, frame: Frame): MadeItem | null => {
    if (frame.of === undefined || !isPlainBullet(li)) return null;
    const l0 = para.lines[0]!;
    let e = l0.end;
    while (e > l0.start && isSpace(text.charCodeAt(e - 1))) e--;
    const last = text.charCodeAt(e - 1);
    if (e === l0.start || last === 58 || last === 0xff1a) return null;
    if (markedSteps(frame.of) < (underMarkedStep(frame) ? 1 : 2)) return null;
    if (hasDamage(text.slice(l0.start, e))) return null;
    return bulletTaskDraft(li.startLine, l0);
  };
  /** How many bullets of a list are items by a status mark opening or ending them (up to two). */
  const markedSteps = (list: ListBlock): number => {
    let known = markedStepCounts.get(list);
    if (known === undefined) {
      known = 0;
      for (const li of list.children) {
        const p = leadParagraph(li);
        if (p === null || isBoxed(li)) continue;
        const l0 = p.lines[0]!;
        if (endsWithOwnMark(l0) || statusBulletDraft(li.startLine, l0) !== null) known++;
        if (known === 2) break;
      }
      markedStepCounts.set(list, known);
    }
    return known;
  };
  const markedStepCounts = new Map<ListBlock, number>();
  /** Whether the blocks of `frame` are under a bullet that is an item by its status mark. */
  const underMarkedStep = (frame: Frame): boolean => {
    if (frame.parentItem < 0) return false;
    const parent = drafts[frame.parentItem]!.item;
    return parent.kind === 'status-bullet' && parent.statusSource === 'marker' && parent.list !== null;
  };

  /**
   * Whether two or more bullets of a list end with TaskPaper's status tags (`- Buy milk
   * @done(2026-11-20)`, `- Call the bank @waiting`): the list is TaskPaper's, where every bullet is a
   * task, open until a tag says otherwise (taskPaperBulletDraft).
   */
  const taskPaperList = (list: ListBlock): boolean =>
    twoLeadLines(list, (l0) => endsWithTaskPaperStatus(text, l0.start, l0.end));

  /**
   * marksAtEnd and taskPaperList of a list of two bullets or more, read once and only when a bullet
   * without a box asks: most lists are checklists, whose boxes say their status.
   */
  const listMarksAtEnd = (list: ListBlock): boolean => onceFor(marksAtEndOf, list, marksAtEnd);
  const isTaskPaperList = (list: ListBlock): boolean => onceFor(taskPaperOf, list, taskPaperList);
  const marksAtEndOf = new Map<ListBlock, boolean>();
  const taskPaperOf = new Map<ListBlock, boolean>();
  const onceFor = (known: Map<ListBlock, boolean>, list: ListBlock, test: (list: ListBlock) => boolean) => {
    let v = known.get(list);
    if (v === undefined) {
      v = list.children.length >= 2 && test(list);
      known.set(list, v);
    }
    return v;
  };

  /** Whether the first lines of two or more bullets of `list` pass `test`. */
  const twoLeadLines = (list: ListBlock, test: (l0: LineSlice, li: ListItemBlock) => boolean): boolean => {
    let passed = 0;
    for (const li of list.children) {
      const p = leadParagraph(li);
      if (p !== null && test(p.lines[0]!, li) && ++passed === 2) return true;
    }
    return false;
  };

  /**
   * A bullet of a TaskPaper list without a status tag (`- Call mom`, `- Fix the bike @due(2026-12-01)`):
   * an open task, but for a field line and a project's label (`- Errands:`).
   */
  const taskPaperBulletDraft = (li: ListItemBlock, l0: LineSlice): MadeItem | null =>
    isTaskPaperTask(l0) ? bulletTaskDraft(li.startLine, l0) : null;
  const isTaskPaperLead = (li: ListItemBlock): boolean => {
    const p = leadParagraph(li);
    return p !== null && isTaskPaperTask(p.lines[0]!);
  };
  const isTaskPaperTask = (l0: LineSlice): boolean => {
    let e = l0.end;
    while (e > l0.start && isSpace(text.charCodeAt(e - 1))) e--;
    return (
      e > l0.start && text.charCodeAt(e - 1) !== 58 && readFieldLine(text, l0.start, l0.end, true) === null
    );
  };

  /**
   * Whether a bullet's line ends with a status mark of its own: a known field's (`- Status: ⏸️
   * Blocked`) is the field's, while a name's (`- **Auth service**: ✅ Complete`) is its item's.
   */
  const endsWithOwnMark = (l0: LineSlice): boolean => {
    if (!endsWithStatusMark(text, l0.start, l0.end, glyphStatus)) return false;
    const field = readFieldLine(text, l0.start, l0.end, true)?.[0];
    return field === undefined || !(ITEM_KEYS.has(field.key) || isKnownFieldKey(field.rawKey));
  };

  /**
   * The lists of plain bullets right under headings that name a status or open with a priority, when
   * the plan has two or more such sections: a board written without boxes (`## ✅ Shipped`, `## 🚧 In
   * progress`, `## Planned`, a bullet per card), or a backlog sorted by priority (`## P0 - Reliability`,
   * `## Must have`, `## 🟢 Low`, a bullet per task). One such section alone (a `## Done` of notes) is
   * not read as a lane, unless a section that names a status holds boxes beside it (`## Someday` of
   * bullets beside `## Done` of boxes), or it names a list of work to do (`## TODO`, `## Action
   * items`, `## Backlog`): what such a list holds is work, written as bullets.
   */
  const plainLanes = (): Set<ListBlock> | null => {
    const found = new Set<ListBlock>();
    let lanes = 0;
    let todoLists = 0;
    // Sections that name a status and hold boxes: with one lane of plain bullets they make a board
    // (`## Done` of boxes beside `## Someday` of bullets).
    let boxedLanes = 0;
    let heading: HeadingBlock | null = null;
    // The lane the heading names, read once and only for a heading with a list under it.
    let lane: 'status' | 'todo-list' | 'priority' | null | undefined;
    let counted = false;
    let boxed = false;
    const named = (h: HeadingBlock) => namesLane(h.lines.map((l) => text.slice(l.start, l.end)).join(' '));
    // Lists of plain bullets under a label that names a list of work (`**Action items:**`, `TODO:`):
    // tasks as under such a heading, whatever the section they are in. A list under a label of another
    // kind (`Notes:`) is the label's: no list of a to-do section's work.
    const labelled = new Set<ListBlock>();
    const otherLabel = new Set<ListBlock>();
    const top = doc.children;
    for (let k = 0; k < top.length; k++) {
      const b = top[k]!;
      if (b.type === 'paragraph') {
        const next = top[k + 1];
        if (next?.type === 'list' && b.lines.length === 1) {
          const label = labelKind(b.lines[0]!);
          if (label === 'todo' && next.children.some(isPlainBullet)) labelled.add(next);
          else if (label === 'other') otherLabel.add(next);
        }
        continue;
      }
      if (b.type === 'list' && labelled.has(b)) continue;
      if (b.type === 'heading') {
        heading = b;
        lane = undefined;
        counted = false;
        boxed = false;
      } else if (b.type === 'list' && heading !== null && lane !== null) {
        if (!b.children.some(isPlainBullet)) {
          if (boxed || !b.children.some(isBoxed)) continue;
          lane ??= named(heading);
          // A section of boxes and plain bullets both is one lane, not a board of two.
          if (lane !== null && lane !== 'priority' && !counted) boxedLanes++;
          boxed = true;
          continue;
        }
        lane ??= named(heading);
        if (
          lane === null ||
          (lane === 'priority' && b.children.some(isKeyedNote)) ||
          (lane === 'todo-list' && otherLabel.has(b))
        )
          continue;
        found.add(b);
        if (!counted) {
          lanes++;
          // Boxes in the list or beside it or not: an edit boxes a bullet as it sets its status, and
          // the bullets around it must stay tasks.
          if (lane === 'todo-list') todoLists++;
          if (boxed && lane !== 'priority') boxedLanes--;
        }
        counted = true;
      }
    }
    const board = lanes >= 2 || (lanes === 1 && (boxedLanes >= 1 || todoLists >= 1));
    if (!board && labelled.size === 0) return null;
    if (!board) found.clear();
    for (const l of labelled) found.add(l);
    return found;
  };

  /**
   * What a paragraph's one line labels, when it is a label: a list of work (`**Action items:**`,
   * `TODO:`) or something else (`Notes:`, `**Search box:**`); null for a line of text.
   */
  const labelKind = (l0: LineSlice): 'todo' | 'other' | null => {
    if (l0.end - l0.start > MAX_LANE_TITLE) return null;
    const raw = text.slice(l0.start, l0.end);
    // A label ends with its colon, in its emphasis or after it, or is the line's emphasis whole.
    const label = /^(\*\*|__)?([^*_:：]+?)[ \t]*(?:[:：][ \t]*\1|\1[ \t]*[:：]|\1)[ \t]*$/.exec(raw);
    if (label === null || (label[1] === undefined && !/[:：][ \t]*$/.test(raw))) return null;
    return readHeading(repairForMatching(label[2]!)).todoList ? 'todo' : 'other';
  };

  /** A list item whose first line opens with a box. */
  const isBoxed = (li: ListItemBlock): boolean => {
    const p = leadParagraph(li);
    if (p === null) return false;
    const l0 = p.lines[0]!;
    return readCheckbox(text, l0.start, l0.end, p.lines.length > 1) !== null;
  };

  /**
   * A plain bullet that opens with a key of its own (`- Location: src/search.ts`): under a heading that
   * opens with a priority (`### P0: SQL injection in search`), the heading is the task and such
   * bullets its notes.
   */
  const isKeyedNote = (li: ListItemBlock): boolean =>
    isPlainBullet(li) && plainKeyField(leadParagraph(li)!.lines[0]!) !== null;

  /** A list item whose first line is text, not a box, a field line or a status mark. */
  const isPlainBullet = (li: ListItemBlock): boolean => {
    const p = leadParagraph(li);
    if (p === null) return false;
    const l0 = p.lines[0]!;
    return (
      readCheckbox(text, l0.start, l0.end, p.lines.length > 1) === null &&
      !readFieldLine(text, l0.start, l0.end, true)
    );
  };
  const lanes = plainLanes();

  /**
   * Whether two or more bullets of a list end with a status mark, or a status in parentheses (`(⚪ not
   * started)`), or give their status after their name and a colon (`- Search: not started (P1)`, which
   * may go on with fields): the list's marks are statuses.
   */
  const marksAtEnd = (list: ListBlock): boolean =>
    twoLeadLines(
      list,
      (l0, li) =>
        endsWithOwnMark(l0) ||
        endsWithStatusGroup(text.slice(l0.start, l0.end)) ||
        keyedStatusDraft(li, l0) !== null,
    );

  /**
   * A bullet struck through whole (`- ~~Order the desk~~`, `- ~~Dark mode~~ (shipped)`) in a list
   * whose other bullets are items by a box or a status mark: a task struck off the checklist, dropped
   * unless its remark says done. Among plain bullets, a strike is as often a correction of the text.
   */
  const struckBulletDraft = (li: ListItemBlock, l0: LineSlice, list: ListBlock | undefined) =>
    list !== undefined && isStruckTask(li, list) ? bulletTaskDraft(li.startLine, l0) : null;

  /** Whether a bullet is struck through whole in a list of boxes or status marks (struckBulletDraft). */
  const isStruckTask = (li: ListItemBlock, list: ListBlock): boolean => {
    const p = leadParagraph(li);
    if (p === null) return false;
    const l0 = p.lines[0]!;
    return isStruckWhole(text.slice(l0.start, l0.end)) && holdsMarkedItems(list);
  };

  /** Whether a list holds a bullet that is an item by its box or the status mark opening it. */
  const holdsMarkedItems = (list: ListBlock): boolean => {
    let known = markedLists.get(list);
    if (known === undefined) {
      known = list.children.some((li) => {
        const p = leadParagraph(li);
        return p !== null && (isBoxed(li) || statusBulletDraft(li.startLine, p.lines[0]!) !== null);
      });
      markedLists.set(list, known);
    }
    return known;
  };
  const markedLists = new Map<ListBlock, boolean>();

  /** A plain bullet of a lane (see plainLanes): a card, of the lane's status. */
  const laneBulletDraft = (li: ListItemBlock, l0: LineSlice) =>
    isPlainBullet(li) ? bulletTaskDraft(li.startLine, l0) : null;

  /** lineTaskDraft on a bullet's first line, read through a repair when the line was damaged. */
  const bulletTaskDraft = (line: number, l0: LineSlice): MadeItem => {
    const raw = text.slice(l0.start, l0.end);
    const repaired = repairWithOffsets(raw);
    return lineTaskDraft(
      line,
      l0,
      repaired?.text ?? raw,
      repaired !== null,
      repaired?.rawOffset ?? SAME_OFFSET,
    );
  };

  /** The draft of a bullet read as a task: its leading ID, a status mark ending it, its title. */
  const lineTaskDraft = (
    line: number,
    l0: LineSlice,
    matchText: string,
    repaired: boolean,
    rawOffset: (i: number) => number,
  ): MadeItem => {
    const item = newItem('status-bullet', line);
    const id = readLeadingId(matchText);
    item.id = id?.id ?? null;
    const idLength = id?.length ?? 0;
    const titleStart = l0.start + rawOffset(idLength);
    // A status mark ending the line (`… @maria, 1d ✅`) is the task's status.
    const body = takeTrailingStatus(
      item,
      matchText.slice(idLength),
      (i) => l0.start + rawOffset(idLength + i),
      glyphStatus,
    );
    item.titleSpan = { start: titleStart, end: l0.start + rawOffset(idLength + body.length) };
    return {
      item,
      idKind: id?.kind ?? null,
      matchText: body,
      matchBase: repaired ? -1 : titleStart,
      repairMap: repaired ? (i: number) => l0.start + rawOffset(idLength + i) : undefined,
    };
  };

  /**
   * A line of a paragraph that opens with an ID and carries a task's metadata as a task bullet does
   * (`ENG-42 Fix the crash — In Progress — @kim`, as trackers export them) is an item.
   */
  const idLine = (slice: LineSlice, parentItem: number): boolean => {
    const c = text.charCodeAt(slice.start);
    if (!(c >= 65 && c <= 90)) return false;
    const id = readLeadingId(text.slice(slice.start, Math.min(slice.end, slice.start + MAX_ID_LINE_LEAD)));
    if (id === null || id.kind === 'numeric') return false;
    const made = taskLineDraft(slice.line, slice, 2);
    if (made === null) return false;
    pushLineItem(made, slice, parentItem);
    return true;
  };

  /** A plain line that opens with a ballot box (`☐ Book the van`, `☑ Cancel the internet`) is an item. */
  const boxLine = (slice: LineSlice, parentItem: number): boolean => {
    const m = leadingGlyph(text.slice(slice.start, slice.start + 4));
    if (!m || m.bold || !BOX_GLYPHS.has(m.glyph)) return false;
    const made = statusBulletDraft(slice.line, slice);
    if (!made) return false;
    pushLineItem(made, slice, parentItem);
    return true;
  };

  /**
   * A heading struck through whole (`~~## Native app~~`, `~~### T-9: Fax~~`) is a paragraph, not a
   * heading, to markdown: a heading the plan dropped. It is a cancelled item, read as a heading is.
   */
  const struckHeadingLine = (slice: LineSlice, parentItem: number): boolean => {
    if (!text.startsWith('~~#', slice.start)) return false;
    let end = slice.end;
    while (end > slice.start && isSpace(text.charCodeAt(end - 1))) end--;
    if (!text.startsWith('~~', end - 2)) return false;
    let h = slice.start + 2;
    while (h < end && text.charCodeAt(h) === 35) h++;
    const level = h - slice.start - 2;
    if (level > 6 || (text.charCodeAt(h) !== 32 && text.charCodeAt(h) !== 9)) return false;
    const inner = text.slice(h, end - 2).trim();
    if (inner === '' || inner.includes('~~')) return false;
    const info = readHeading(repairForMatching(inner));
    if (info.title === '') return false;
    const item = newItem('status-bullet', slice.line);
    item.id = info.id;
    item.title = info.title;
    item.priority = info.priority;
    item.status = 'cancelled';
    item.statusSource = 'strike';
    item.statusText = '~~';
    // The title's span holds the strike, as a struck list item's does: an edit takes it off there.
    item.titleSpan = { start: slice.start, end };
    // Where the heading would stand: under the nearest open heading of a higher level, not in the
    // section it would have closed.
    let at = open.length - 1;
    while (parentItem < 0 && at >= 0 && open[at]!.level >= level) at--;
    let parent = parentItem;
    for (let i = at; parent < 0 && i >= 0; i--) parent = open[i]!.draft;
    const made = { item, idKind: info.idKind, matchText: info.title, matchBase: -1 };
    pushLineItem(made, slice, parentItem, { parent, section: at >= 0 ? open[at]!.index : -1 });
    return true;
  };

  /**
   * Numbered lines without boxes (`0.1 Set up CI`, `1.2 Announce ✅`) are items when two or more
   * open a paragraph's lines and one of them carries a status mark: that mark shows the lines are
   * tasks, not a numbered outline of prose.
   */
  const numberedLines = (p: ParagraphBlock, parentItem: number): Set<number> | null => {
    if (p.lines.length < 2 || !isDigitCode(text.charCodeAt(p.lines[0]!.start))) return null;
    const numbered: number[] = [];
    let marked = false;
    for (let l = 0; l < p.lines.length; l++) {
      const s = p.lines[l]!;
      const line = text.slice(s.start, s.end);
      if (!NUMBERED_LINE_RE.test(line)) continue;
      numbered.push(l);
      const tail = TRAILING_GLYPH_RE.exec(line);
      if (tail && glyphStatus(tail[1]!)) marked = true;
    }
    if (numbered.length < 2 || !marked) return null;
    for (const l of numbered) {
      const slice = p.lines[l]!;
      const raw = text.slice(slice.start, slice.end);
      const item = newItem('status-bullet', slice.line);
      const id = NUMBERED_LINE_RE.exec(raw)![1]!;
      item.id = id;
      const rest = raw.slice(raw.indexOf(id) + id.length).trimStart();
      const bodyStart = slice.end - rest.length;
      const body = takeTrailingStatus(item, rest, (i) => bodyStart + i, glyphStatus);
      item.titleSpan = { start: bodyStart, end: bodyStart + body.length };
      pushLineItem({ item, idKind: 'numeric', matchText: body, matchBase: bodyStart }, slice, parentItem);
    }
    return new Set(numbered);
  };

  /**
   * Adds an item that is one line of a paragraph (a ballot box line, a numbered line), under the
   * enclosing item and in the current section unless `place` says where (a struck heading line).
   */
  const pushLineItem = (
    made: MadeItem,
    slice: LineSlice,
    parentItem: number,
    place?: { readonly parent: number; readonly section: number },
  ) => {
    const parent = place ? place.parent : parentItem >= 0 ? parentItem : headingItem();
    const { item } = made;
    item.depth = parent >= 0 ? drafts[parent]!.item.depth + 1 : 0;
    item.lineSpan = { start: lines.start[slice.line]!, end: lines.end[slice.line]! };
    item.span = { start: item.lineSpan.start, end: lineEndOffset(slice.line + 1) };
    drafts.push({
      item,
      parent,
      section: place ? place.section : currentSection(),
      idKind: made.idKind,
      tentative: false,
      endLine: slice.line + 1,
      matchText: made.matchText,
      matchBase: made.matchBase,
      repairMap: made.repairMap,
      list: -1,
      ...(made.todoTxt ? { todoTxt: true } : {}),
      ...(made.titleEnd !== undefined ? { titleEnd: made.titleEnd } : {}),
    });
  };

  /** The rows of a status table are items; other tables are left to the dashboards. */
  const onTable = (b: TableBlock, parentItem: number) => {
    const sec = currentSection();
    if (sec >= 0 && legendSections[sec]!) return;
    const rows = readStatusTable(text, b.lines);
    if (!rows) {
      // `| Field | Value |` rows of Status, Owner, Due: the fields of the heading whose body it is.
      const top = open[open.length - 1];
      const fields = parentItem < 0 && top?.body ? readFieldTable(text, b.lines) : null;
      if (fields) sectionFields(fields);
      return;
    }
    const parent = parentItem >= 0 ? parentItem : headingItem();
    for (const row of rows) {
      const item = newItem('table-row', row.line);
      const raw = row.title.text;
      const bold = raw.length > 4 && raw.startsWith('**') && raw.endsWith('**') ? 2 : 0;
      const title = raw.slice(bold, raw.length - bold);
      const cellId = row.id ? row.id.text.replace(/[*_`]/g, '') : null;
      // A row's number in a `#` column is no ID beside a tracker's ID opening the title (`| 3 |
      // BILL-214 PDF export |`): the rows are renumbered when they move, the tracker's ID stays.
      const titleLead = cellId === null || ROW_NUMBER_RE.test(cellId) ? readLeadingId(title) : null;
      const lead = cellId === null || titleLead?.kind === 'code' ? titleLead : null;
      const id = lead === null && cellId !== null ? { id: cellId, kind: 'code' as const } : null;
      item.id = id?.id ?? lead?.id ?? null;
      item.title = lead ? title.slice(lead.length) : title;
      item.titleSpan = { start: row.title.start + bold + (lead?.length ?? 0), end: row.title.end - bold };
      item.fields = row.fields;
      item.depth = parent >= 0 ? drafts[parent]!.item.depth + 1 : 0;
      item.lineSpan = { start: lines.start[row.line]!, end: lines.end[row.line]! };
      item.span = { start: item.lineSpan.start, end: lineEndOffset(row.line + 1) };
      const status = row.fields.find((f) => f.key === (row.done === null ? 'status' : 'done'));
      // An empty status cell is where a status is written; the attributes pass reads a full one.
      if (status) item.statusSpan = status.valueSpan;
      if (status && row.done !== null) {
        // A Done column's mark says done or not: `❌` there is not done, not cancelled.
        item.status = row.done ? 'done' : 'todo';
        item.statusSource = 'field';
        item.statusText = status.value === '' ? null : status.value;
      }
      drafts.push({
        item,
        parent,
        section: sec,
        idKind: id ? id.kind : (lead?.kind ?? null),
        tentative: false,
        endLine: row.line + 1,
        // A row's title is the cell's text as written, not repaired.
        matchText: item.title,
        matchBase: item.titleSpan.start,
        list: -1,
      });
    }
  };

  // Heading blocks by line, so a heading can be promoted to an item when its fields are read.
  const headingByLine = new Map<number, HeadingBlock>();
  const findHeadingBlockLine = (line: number) => {
    const block = headingByLine.get(line)!;
    const first = block.lines[0]!;
    const last = block.lines[block.lines.length - 1]!;
    return { block, first, last, raw: block.lines.map((l) => text.slice(l.start, l.end)).join(' ') };
  };

  const onListItem = (li: ListItemBlock, frame: Frame): Frame | null => {
    const para = leadParagraph(li);
    const parentItem = frame.parentItem >= 0 ? frame.parentItem : headingItem();
    const childDepth =
      frame.parentItem >= 0 ? frame.depth : headingItem() >= 0 ? drafts[headingItem()]!.item.depth + 1 : 0;
    const lineStart = lines.start[li.startLine]!;
    const sec = currentSection();
    const ordered = isDigitCode(text.charCodeAt(li.markerStart));
    const outline =
      ordered && typeof frame.outline === 'string'
        ? `${frame.outline === '' ? '' : `${frame.outline}.`}${Number.parseInt(text.slice(li.markerStart, li.markerEnd), 10)}`
        : null;
    if (para && !(sec >= 0 && legendSections[sec]!)) {
      const l0 = para.lines[0]!;
      const box = readCheckbox(text, l0.start, l0.end, para.lines.length > 1);
      const made: MadeItem | null = box
        ? checkboxDraft(li, para, box.mark, box.markOffset, box.gfm, box.optional, box.textStart)
        : (statusBulletDraft(li.startLine, para.lines[0]!) ??
          keywordBulletDraft(li.startLine, para.lines[0]!) ??
          keyedStatusDraft(li, para.lines[0]!) ??
          taskBulletDraft(li, para.lines[0]!, frame.of) ??
          ((frame.of !== undefined && (listMarksAtEnd(frame.of) || holdsMarkedItems(frame.of))) ||
          underMarkedStep(frame)
            ? markedBulletDraft(li, para.lines[0]!)
            : null) ??
          (frame.of !== undefined && isTaskPaperList(frame.of)
            ? taskPaperBulletDraft(li, para.lines[0]!)
            : null) ??
          (frame.lane ? laneBulletDraft(li, para.lines[0]!) : null) ??
          struckBulletDraft(li, para.lines[0]!, frame.of) ??
          fieldListBulletDraft(li, para) ??
          cookieBulletDraft(li, para) ??
          (ordered ? unmarkedStepDraft(li, para, frame) : null));
      if (made) {
        const { item } = made;
        item.depth = childDepth;
        item.list = {
          marker: text.slice(li.markerStart, li.markerEnd),
          markerStart: li.markerStart,
          indent: text.slice(lineStart, li.markerStart),
          contentColumn: li.contentColumn,
          ordered,
        };
        item.lineSpan = { start: lineStart, end: lines.end[li.startLine]! };
        item.span = { start: lineStart, end: lineEndOffset(li.endLine) };
        drafts.push({
          item,
          parent: parentItem,
          section: currentSection(),
          idKind: made.idKind,
          tentative: false,
          endLine: li.endLine,
          matchText: made.matchText,
          matchBase: made.matchBase,
          repairMap: made.repairMap,
          ...(made.titleEnd !== undefined ? { titleEnd: made.titleEnd } : {}),
          ...(frame.of !== undefined && listLabels.has(frame.of) ? { label: listLabels.get(frame.of)! } : {}),
          list: frame.list,
          outline:
            outline !== null && frame.root !== undefined ? { root: frame.root, path: outline } : undefined,
        });
        const index = drafts.length - 1;
        // A bullet counting its steps is as they are, and a task only where it holds them.
        if (countingBullets.has(item)) drafts[index]!.tentative = true;
        else if (
          item.statusSource === 'default' &&
          item.checkbox === null &&
          item.kind === 'status-bullet' &&
          countsSteps(li, para)
        )
          item.statusSource = 'children';
        // Later lines of the first paragraph: lines the title may be wrapped onto, then field lines.
        const after: string[] = [];
        let wrapping = true;
        for (let i = 1; i < para.lines.length; i++) {
          const s = para.lines[i]!;
          const f = readFieldLine(text, s.start, s.end, true);
          if (f) {
            for (const x of f) item.fields.push({ ...x, style: 'sub-bullet' });
            wrapping = false;
          } else if (wrapping && after.length < MAX_WRAPPED_LINES) {
            after.push(text.slice(s.start, s.end).trim());
          }
        }
        if (after.length > 0) drafts[index]!.after = after;
        return {
          blocks: li.children,
          index: 1,
          parentItem: index,
          depth: childDepth + 1,
          list: -1,
          outline,
          root: frame.root,
        };
      }
      // A plain bullet over a list: the list's label (`1. **Phase 1 — Foundation** (Weeks 1–2)`), or
      // the label over it goes on to the list.
      const sub = li.children[1];
      if (sub?.type === 'list' && para.lines.length === 1) {
        const label = listLabel(l0) ?? (frame.of !== undefined ? (listLabels.get(frame.of) ?? null) : null);
        if (label !== null) listLabels.set(sub, label);
      }
      // A plain bullet: a field line of the enclosing item (`- **Duration:** 30 min`), or prose.
      if (frame.parentItem >= 0) {
        const f =
          readFieldLine(text, l0.start, l0.end, true) ??
          kiroRequirements(text, l0) ??
          (fieldListOwners.has(drafts[frame.parentItem]!.item) ? plainKeyField(l0) : null);
        if (f)
          drafts[frame.parentItem]!.item.fields.push(
            ...f.map((x) => ({ ...x, style: 'sub-bullet' as const })),
          );
      }
    }
    return {
      blocks: li.children,
      index: para ? 1 : 0,
      parentItem: frame.parentItem,
      depth: frame.depth,
      list: -1,
      outline,
      root: frame.root,
    };
  };

  /**
   * A bullet that counts the steps under it (`- Session hardening [2/3]`, `- Backend (40%)`, as org's
   * progress cookies do) over a list: the task they are steps of, its status theirs (linkChildren).
   * Tentative: a bullet whose list holds no items is prose.
   */
  const cookieBulletDraft = (li: ListItemBlock, para: ParagraphBlock): MadeItem | null => {
    if (!countsSteps(li, para)) return null;
    const made = bulletTaskDraft(li.startLine, para.lines[0]!);
    if (made.item.statusSource !== 'default') return null;
    made.item.statusSource = 'children';
    countingBullets.add(made.item);
    return made;
  };
  const countingBullets = new Set<Item>();
  /** Whether a bullet's one line holds a progress cookie, over a list. */
  const countsSteps = (li: ListItemBlock, para: ParagraphBlock): boolean => {
    if (para.lines.length !== 1 || li.children[1]?.type !== 'list') return false;
    const l0 = para.lines[0]!;
    return l0.end - l0.start <= MAX_COOKIE_LINE && holdsCookie(text.slice(l0.start, l0.end));
  };

  /** Items made by fieldListBulletDraft: their list's plain `Key: value` bullets are their fields. */
  const fieldListOwners = new Set<Item>();
  /**
   * A bullet over a list of an item's fields (`1. Migrate auth` over `- Owner: Kim`, `- Status: In
   * progress`): that item, as a heading over field lines is. A status, priority, owner or due date
   * must be among the fields, and the bullet one line that is not a label (`- Details:`) nor a field.
   */
  const fieldListBulletDraft = (li: ListItemBlock, para: ParagraphBlock): MadeItem | null => {
    const sub = li.children[1];
    if (para.lines.length !== 1 || sub?.type !== 'list') return null;
    const l0 = para.lines[0]!;
    let e = l0.end;
    while (e > l0.start && isSpace(text.charCodeAt(e - 1))) e--;
    const last = text.charCodeAt(e - 1);
    if (e === l0.start || last === 58 || (text.charCodeAt(e - 3) === 58 && (last === 42 || last === 95)))
      return null;
    const fields = fieldBullets(sub);
    if (fields === null || !fields.some((f) => ITEM_KEYS.has(f.key))) return null;
    if (readFieldLine(text, l0.start, l0.end, true) !== null) return null;
    const made = bulletTaskDraft(li.startLine, l0);
    fieldListOwners.add(made.item);
    // A title in bold whole (`**Upgrade Postgres**`) is read without it.
    const bold = boldTitle(l0);
    if (bold !== null && !bold.repaired && text.slice(bold.start, bold.end) === bold.info.title) {
      made.item.titleSpan = { start: bold.start, end: bold.end };
      return { ...made, matchText: bold.info.title, matchBase: bold.start };
    }
    return made;
  };

  const checkboxDraft = (
    li: ListItemBlock,
    para: ParagraphBlock,
    mark: string,
    markOffset: number,
    gfm: boolean,
    optional: boolean,
    textStart: number,
  ) => {
    const l0 = para.lines[0]!;
    const item = newItem('checkbox', li.startLine);
    item.checkbox = mark;
    item.gfm = gfm;
    item.optional = optional;
    item.markSpan = { start: markOffset, end: markOffset + 1 };
    item.status = statusOfMark(mark);
    item.statusSource = 'checkbox';
    item.statusText = mark;
    const raw = text.slice(textStart, l0.end);
    const repaired = repairWithOffsets(raw);
    const matchText = repaired?.text ?? raw;
    const rawOffset = repaired?.rawOffset ?? SAME_OFFSET;
    // `- [ ] BLOCKED: Vendor reply`, `- [ ] 🚧 Importer`: a status mark after the box says more.
    const lead = mark === ' ' ? boxStatusMark(matchText, glyphStatus) : null;
    if (lead) {
      item.status = lead.status;
      item.statusSource = 'marker';
      item.statusText = lead.text;
      item.statusSpan = {
        start: textStart + rawOffset(lead.at),
        end: textStart + rawOffset(lead.at + lead.text.length),
      };
    }
    const cut = lead?.length ?? 0;
    const rest = cut > 0 ? matchText.slice(cut) : matchText;
    const id = readLeadingId(rest);
    item.id = id?.id ?? null;
    const titleAt = cut + (id?.length ?? 0);
    const titleStart = textStart + rawOffset(titleAt);
    item.titleSpan = { start: titleStart, end: l0.end };
    let body = titleAt > 0 ? matchText.slice(titleAt) : matchText;
    // `- [ ] Fix login [blocked]`, `- [ ] Ship 🚧`: a mark ending the line says more, as one after the
    // box does; a todo or done one is the title's, as the box says those. After a ticked box only a
    // dropped one says more (`- [x] ~~IE11 support~~ (dropped)`: closed, not done).
    const ticked = item.status === 'done';
    if ((mark === ' ' || ticked) && lead === null && mayEndInMark(body)) {
      const probe = statusProbe(item);
      const kept = takeTrailingStatus(probe, body, (i) => textStart + rawOffset(titleAt + i), glyphStatus);
      const says = ticked ? probe.status === 'cancelled' : probe.status !== 'todo' && probe.status !== 'done';
      if (kept !== body && says && /[\p{L}\p{N}]/u.test(kept)) {
        item.status = probe.status;
        item.statusSource = probe.statusSource;
        item.statusText = probe.statusText;
        item.statusSpan = probe.statusSpan;
        body = kept;
      }
    }
    return {
      item,
      idKind: id?.kind ?? null,
      matchText: body,
      matchBase: repaired ? -1 : titleStart,
      repairMap: repaired ? (i: number) => textStart + rawOffset(titleAt + i) : undefined,
    };
  };

  /** `- ✅ Done thing`, `- **✅ Completed**: Thing`, `- ⏳ Pending thing`. */
  const statusBulletDraft = (line: number, l0: LineSlice) => {
    const raw = text.slice(l0.start, l0.end);
    const repaired = repairWithOffsets(raw);
    const matchText = repaired?.text ?? raw;
    const rawOffset = repaired?.rawOffset ?? SAME_OFFSET;
    // Every status glyph is outside ASCII: a bullet whose first character (after an opening `**` or
    // `__` and spaces) is ASCII has none.
    if (!startsBeyondAscii(matchText)) return null;
    const m = leadingGlyph(matchText);
    if (!m) return null;
    let status = glyphStatus(m.glyph);
    // A glyph of no status of its own (a coloured circle: `- 🟢 **Shipped** — SSO`, `- ⚪ Not started —
    // Data residency`) marks one by the status word after it.
    const said =
      status === null && m.bold === '' ? statusWordAfterMark(matchText.slice(m.end).trimStart()) : null;
    if (said !== null) status = readStatusValue(said.word)?.status ?? null;
    if (!status) return null;
    // `- ✅ Status: Done`: a status field under an icon, not a done item.
    if (m.bold === '' && readFieldLine(text, l0.start, l0.end, true)?.[0]?.key === 'status') return null;
    const item = newItem('status-bullet', line);
    let rest = matchText.slice(m.end);
    let markerText = m.glyph;
    if (m.bold) {
      // Bold marker: `**✅ Completed**: text`; the bold part is the status.
      const close = rest.indexOf(m.bold);
      if (close < 0) return null;
      markerText = `${m.glyph}${rest.slice(0, close)}`;
      rest = rest.slice(close + m.bold.length).replace(/^\s*:?\s*/, '');
    } else {
      rest = rest.replace(/^\s*:?\s*/, '');
      const word = statusWordAfterMark(rest);
      if (word) {
        markerText = `${m.glyph} ${word.word}`;
        rest = rest.slice(word.length);
      }
    }
    const markerStart = l0.start + rawOffset(m.bold.length);
    item.status = status;
    item.statusSource = 'marker';
    item.statusText = markerText.trim();
    item.statusSpan = { start: markerStart, end: Math.max(markerStart + 1, l0.start + rawOffset(m.end)) };
    const id = readLeadingId(rest);
    item.id = id?.id ?? null;
    const title = id ? rest.slice(id.length) : rest;
    const titleAt = matchText.length - title.length;
    const titleStart = l0.start + rawOffset(titleAt);
    item.titleSpan = { start: titleStart, end: l0.end };
    return {
      item,
      idKind: id?.kind ?? null,
      matchText: title,
      matchBase: repaired ? -1 : titleStart,
      repairMap: repaired ? (i: number) => l0.start + rawOffset(titleAt + i) : undefined,
    };
  };

  /** `- TODO Rotate the keys`, `- DONE: Remove the exporter`: an org-mode keyword opens the bullet. */
  const keywordBulletDraft = (line: number, l0: LineSlice) => {
    const c = text.charCodeAt(l0.start);
    if (c === 91) return bracketStatusDraft(line, l0);
    if (c === 42 || c === 95) return boldStatusDraft(line, l0);
    if (c < 65 || c > 90) return null;
    KEYWORD_RE.lastIndex = l0.start;
    const m = KEYWORD_RE.exec(text);
    const at = l0.start;
    if (!m || m.index !== l0.start || m[0].length >= l0.end - l0.start) return keywordOwnerDraft(line, l0);
    // `TODO (kim): review the PR`: the owner in parentheses after the keyword and a space, its colon
    // after them.
    if (text.charCodeAt(at + m[0].length) === 40) {
      const owned = keywordOwnerDraft(line, l0);
      if (owned !== null) return owned;
    }
    return leadMarkDraft(
      line,
      l0,
      ORG_KEYWORDS.get(m[1]!)!,
      { start: at, end: at + m[1]!.length },
      at + m[0].length,
    );
  };

  /**
   * A bullet opened by a status word in bold and its colon (`- **In progress:** Migrate the db`, `-
   * **Blocked**: vendor reply`, `- **TODO:** fix the flaky test`), as stand-up notes write them: an
   * item of that status. A to-do word must state one (`**New:**` opens a changelog's line), and a
   * count after the word is a dashboard's.
   */
  const boldStatusDraft = (line: number, l0: LineSlice) => {
    const raw = text.slice(l0.start, Math.min(l0.end, l0.start + MAX_BOLD_STATUS));
    if (!raw.startsWith('**') && !raw.startsWith('__')) return null;
    const w = wrappedStatusWord(text.slice(l0.start, l0.end));
    if (w === null || (w.status === 'todo' && !STATING_TODO_WORDS.has(w.word.toLowerCase()))) return null;
    const at = l0.start;
    // A count after it is a dashboard's (`- **Completed:** 12`, `- **In progress:** 3 tasks`).
    if (isDigitCode(text.charCodeAt(at + w.length))) return null;
    return leadMarkDraft(
      line,
      l0,
      w.status,
      { start: at + w.at, end: at + w.at + w.word.length },
      at + w.length,
    );
  };

  /**
   * A bullet opened by a keyword and its owner in parentheses, as code comments write them (`-
   * TODO(kim): review the PR`, `- WAITING(@legal) sign-off`): an item of the keyword's status, owned.
   */
  const keywordOwnerDraft = (line: number, l0: LineSlice) => {
    KEYWORD_OWNER_RE.lastIndex = l0.start;
    const m = KEYWORD_OWNER_RE.exec(text);
    if (!m || m.index !== l0.start || m[0].length >= l0.end - l0.start) return null;
    const at = l0.start;
    const made = leadMarkDraft(
      line,
      l0,
      ORG_KEYWORDS.get(m[1]!)!,
      { start: at, end: at + m[1]!.length },
      at + m[0].length,
    );
    // Where the parentheses open: after a space, the field holds it, so taking it off leaves `TODO:`.
    const spaced = m[3] !== undefined;
    const open = at + m[1]!.length + (spaced ? 1 : 0);
    const name = m[2] ?? m[3]!;
    // `(@legal)` is a mention, `(kim)` a name in the keyword's list: an edit writes a mention there.
    const mention = name.charCodeAt(0) === 64;
    const valueAt = open + 1 + (mention ? 1 : 0);
    made.item.fields.push({
      key: 'owner',
      rawKey: mention ? '@' : '',
      value: text.slice(valueAt, open + 1 + name.length),
      span: { start: spaced ? open - 1 : open, end: open + name.length + 2 },
      valueSpan: { start: valueAt, end: open + 1 + name.length },
      style: 'kv',
    });
    return made;
  };

  /**
   * A status bullet whose mark opens its line (`statusSpan`, saying `status`), its title, after an ID
   * or not, from `titleStart`.
   */
  const leadMarkDraft = (
    line: number,
    l0: LineSlice,
    status: Status,
    statusSpan: Span,
    titleStart: number,
  ) => {
    const item = newItem('status-bullet', line);
    item.status = status;
    item.statusSource = 'marker';
    item.statusText = text.slice(statusSpan.start, statusSpan.end);
    item.statusSpan = statusSpan;
    const id = readLeadingId(text.slice(titleStart, l0.end));
    item.id = id?.id ?? null;
    const at = titleStart + (id?.length ?? 0);
    item.titleSpan = { start: at, end: l0.end };
    return { item, idKind: id?.kind ?? null, matchText: text.slice(at, l0.end), matchBase: at };
  };

  /**
   * A bullet opened by a status word in brackets, as trackers export them: `- [DONE] Rate limiting`,
   * `- [In Progress] Billing`, `- [WIP]: Search`. The word is the status whole (not a box, not `[P1]`).
   */
  const bracketStatusDraft = (line: number, l0: LineSlice) => {
    // Looked for near the line's start only: a line without `]` must not send the search on.
    let close = l0.start + 2;
    const limit = Math.min(l0.end, l0.start + 2 + MAX_BRACKET_STATUS);
    while (close < limit && text.charCodeAt(close) !== 93) close++;
    if (close >= limit) return null;
    const word = text.slice(l0.start + 1, close);
    if (word.length < 2 || word.trim() !== word) return null;
    const read = readStatusValue(word);
    if (read === null || read.index !== 0 || read.text.length !== word.length) return null;
    let titleStart = close + 1;
    if (text.charCodeAt(titleStart) === 58) titleStart++;
    if (!isSpace(text.charCodeAt(titleStart))) return null;
    while (titleStart < l0.end && isSpace(text.charCodeAt(titleStart))) titleStart++;
    if (titleStart >= l0.end) return null;
    return leadMarkDraft(line, l0, read.status, { start: l0.start + 1, end: close }, titleStart);
  };

  // A plan that is one task: its item comes first and holds every item at the top of the plan.
  const file = readFileFields(text, lines, doc);
  if (file) {
    const item = newItem('file', file.startLine);
    const idField = file.fields.find((f) => f.key === 'id' && f.value !== '');
    item.id = idField ? idField.value : null;
    item.title = file.title.value;
    item.titleSpan = file.title.valueSpan;
    item.fields = file.fields;
    item.span = { start: 0, end: text.length };
    item.lineSpan = { start: lines.start[file.startLine]!, end: lines.end[file.endLine - 1]! };
    drafts.push({
      item,
      parent: -1,
      section: -1,
      // The task's own ID is global: other task files refer to it as it is written.
      idKind: item.id === null ? null : 'code',
      tentative: false,
      endLine: lines.count,
      matchText: item.title,
      matchBase: -1,
      list: -1,
    });
  }

  // Iterative walk in document order.
  /** How many sections were open where the innermost block quote being walked starts; 0 outside one. */
  const quoteFloor = () => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const q = stack[i]!.quote;
      if (q !== undefined) return q.open;
    }
    return 0;
  };
  const stack: Frame[] = [{ blocks: doc.children, index: 0, parentItem: -1, depth: 0, list: -1 }];
  const pushList = (b: ListBlock, parentItem: number, depth: number, within?: Frame) => {
    listSizes.push(b.children.length);
    // A list inside a list item goes on with its outline; any other starts one.
    const nested = within?.outline !== undefined;
    stack.push({
      outline: nested ? within!.outline : '',
      root: nested ? within!.root : listSizes.length - 1,
      blocks: b.children,
      index: 0,
      parentItem,
      depth,
      list: listSizes.length - 1,
      lane: lanes?.has(b) ?? false,
      of: b,
    });
  };
  const inLegendSection = () => {
    const sec = currentSection();
    return sec >= 0 && legendSections[sec]!;
  };
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.blocks.length) {
      stack.pop();
      if (frame.quote !== undefined) closeSectionsAbove(frame.quote.open, frame.quote.endLine);
      continue;
    }
    const b = frame.blocks[frame.index++]!;
    switch (b.type) {
      case 'heading':
        headingByLine.set(b.startLine, b);
        onHeading(b);
        break;
      case 'paragraph': {
        const bold =
          frame.parentItem < 0 && frame.list < 0 && !inLegendSection()
            ? boldTitleItem(b, frame.blocks[frame.index])
            : null;
        if (bold === null) {
          const next = frame.blocks[frame.index];
          if (next?.type === 'list' && b.lines.length === 1 && !inLegendSection()) {
            const label = listLabel(b.lines[0]!);
            if (label !== null) listLabels.set(next, label);
          }
          onParagraph(b, frame.parentItem);
          break;
        }
        leaveBody();
        if (bold.list === null) break;
        // Its list is its fields and its boxes: they are the item's.
        frame.index++;
        pushList(bold.list, bold.draft, drafts[bold.draft]!.item.depth + 1);
        break;
      }
      case 'list':
        // A legend's list under its label (`Legend:` over `- 🟢 Done`) names statuses, not work.
        if (legendBlocks.has(b)) break;
        if (frame.parentItem < 0 && open.length > 0 && open[open.length - 1]!.body) onFieldList(b);
        leaveBody();
        pushList(b, frame.parentItem, frame.depth, frame);
        break;
      case 'listItem': {
        const next = onListItem(b, frame);
        if (next) stack.push(next);
        break;
      }
      case 'blockquote':
        stack.push({
          blocks: b.children,
          index: 0,
          parentItem: frame.parentItem,
          depth: frame.depth,
          list: -1,
          quote: { open: open.length, endLine: b.endLine },
        });
        break;
      case 'code':
        codeBlocks.push(b);
        break;
      case 'table':
        if (!legendBlocks.has(b)) onTable(b, frame.parentItem);
        break;
      default:
        break;
    }
  }
  closeSections(0, lines.count);
  if (file) for (let i = 1; i < drafts.length; i++) if (drafts[i]!.parent === -1) drafts[i]!.parent = 0;
  return { drafts, sections, sectionLines, planFields, codeBlocks, titleSection, sectionDrafts, listSizes };
}

/**
 * A heading read through a repair (damage, or GitHub's shortcodes: `### Importer :white_check_mark:`),
 * with its title and status ranges moved to the text as written, where an edit lands.
 */
function rangesAsWritten(raw: string, info: HeadingInfo): HeadingInfo {
  const rep = repairWithOffsets(raw);
  if (rep === null) return info;
  const map = (r: readonly [number, number]): [number, number] => [rep.rawOffset(r[0]), rep.rawOffset(r[1])];
  return {
    ...info,
    titleRange: map(info.titleRange),
    statusRange: info.statusRange ? map(info.statusRange) : null,
    weakStatus: info.weakStatus && { ...info.weakStatus, range: map(info.weakStatus.range) },
    points: info.points && { ...info.points, range: map(info.points.range), span: map(info.points.span) },
  };
}

/** A plain field of a short key, one to three words: `Notes: ran pg_upgrade on the replica first`. */
const PLAIN_FIELD_RE = /^(\p{L}[\p{L}\p{N}_-]*(?: [\p{L}\p{N}_-]+){0,2})[ \t]*[:：][ \t]+(\S.*)$/u;

/** The longest status word in brackets opening a bullet (`[NOT STARTED]`, `[IN PROGRESS]`). */
const MAX_BRACKET_STATUS = 24;

/** The longest label a bullet over a heading item's tasks has (`- Acceptance criteria:`). */
const MAX_LABEL = 60;

/** The longest title in bold that stands as an item's heading (see boldTitleItem). */
const MAX_BOLD_TITLE = 120;

/** The most lines a title is read wrapped onto. */
const MAX_WRAPPED_LINES = 8;

/** Whether `s` ends, but for white space, in what a status mark may end in. */
function mayEndInMark(s: string): boolean {
  let i = s.length;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  const c = s.charCodeAt(i - 1);
  // `]` `)` `*` `_` close a wrapped word, a glyph is beyond ASCII, a letter ends `@done` or the word
  // after a glyph (`🚧 In progress`), a letter or a digit the reason after one (`⏸️ on hold until Q2`).
  return c === 93 || c === 41 || c === 42 || c === 95 || c >= 128 || isAsciiLetter(c) || isDigitCode(c);
}

/** The longest line read as a list's label (see ListLabel). */
const MAX_LABEL_LINE = 120;

/** The longest name read before a status after a colon (`- **Auth service**: ✅ Complete`). */
const MAX_KEYED_TITLE = 80;

/** The longest line of a bullet read for a progress cookie. */
const MAX_COOKIE_LINE = 200;

/** The last piece of a name after a separator: a dash set off by spaces, a period, a pipe, a comma. */
const LAST_PIECE_RE = /(?:\s[-–—]\s|[.|,;·]\s*)\s*(?:\*\*|__)?([^-–—.|,;·]+?)(?:\*\*|__)?\s*$/u;

/** Whether every bracket opened in `s` before `end` closes before it. */
function closesBrackets(s: string, end: number): boolean {
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 40 || c === 91) depth++;
    else if ((c === 41 || c === 93) && depth > 0) depth--;
  }
  return depth === 0;
}

/** Obsidian Tasks' glyphs that open a field whatever follows: dates, ID, dependencies, recurrence, priority. */
const TASKS_FIELD_GLYPHS: ReadonlySet<number> = new Set(
  [...'📅🗓🛫➕🆔⛔🔁🔺⏫🔼🔽⏬'].map((c) => c.codePointAt(0)!),
);
/** Glyphs that open a Tasks date field when a date follows, and are status glyphs else (`⏳ In progress`). */
const TASKS_DATE_GLYPHS: ReadonlySet<number> = new Set([...'⏳✅'].map((c) => c.codePointAt(0)!));

/** Whether an Obsidian Tasks field opens at `i` of `s` (`📅 2026-12-10`, `⏫`, `✅ 2026-12-01`). */
function opensTasksField(s: string, i: number): boolean {
  const c = s.codePointAt(i)!;
  if (TASKS_FIELD_GLYPHS.has(c)) return true;
  if (!TASKS_DATE_GLYPHS.has(c)) return false;
  let j = i + 1;
  if (s.charCodeAt(j) === 0xfe0f) j++;
  while (isSpace(s.charCodeAt(j))) j++;
  return isDigitCode(s.charCodeAt(j));
}

/**
 * Where a status value after a name's colon ends (`Done (shipped Jan 3)`, `In progress — @ana, 3d`,
 * `Blocked, waiting for legal`, `Not started 📅 2026-12-10`): at a bracket, a comma, a semicolon, a
 * pipe, a mention, an Obsidian Tasks field or a dash set off by spaces; else the whole of `s`.
 */
function statusValueEnd(s: string): number {
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40 || c === 91 || c === 44 || c === 59 || c === 124 || c === 0xb7) return i;
    // Full-width brackets and commas, as Chinese and Japanese write them (`进行中（负责人：李雷）`).
    if (c === 0xff08 || c === 0xff0c || c === 0xff1b || c === 0x3001 || c === 0x3010) return i;
    if ((c === 64 || c >= 0x2300) && isSpace(s.charCodeAt(i - 1)) && (c === 64 || opensTasksField(s, i)))
      return i;
    if (
      (c === 45 || c === 0x2013 || c === 0x2014) &&
      isSpace(s.charCodeAt(i - 1)) &&
      isSpace(s.charCodeAt(i + 1))
    )
      return i;
  }
  return s.length;
}

/** How far into a bullet a status word in bold opening it is looked for: its bold, word and colon. */
const MAX_BOLD_STATUS = 32;
/** An owner in a keyword's parentheses: a name or a mention. */
const KEYWORD_OWNER = String.raw`@?[\p{L}\p{N}][\p{L}\p{N}._-]{0,31}`;
/**
 * An org keyword and an owner in parentheses right after it, then a colon or white space (`TODO(kim):
 * `), or after a space and then a colon (`TODO (kim): `): without the colon, `TODO (later) tidy up`
 * says when, not who.
 */
const KEYWORD_OWNER_RE = new RegExp(
  String.raw`(${[...ORG_KEYWORDS.keys()].filter((k) => !k.includes(' ')).join('|')})(?:\((${KEYWORD_OWNER})\)(?::[ \t]*|[ \t]+)|[ \t]\((${KEYWORD_OWNER})\):[ \t]*)(?=\S)`,
  'uy',
);

/** How much of a line's start is read for the ID opening it: the longest ID and what sets it off. */
const MAX_ID_LINE_LEAD = 48;

/** A line that opens with a dotted number, an outline ID: `0.1 Set up CI`, `1.2.3 Tag it`. */
const NUMBERED_LINE_RE = /^(\d{1,3}(?:\.\d{1,3})+)\.?[ \t]+\S/;

/**
 * Whether a heading states its own status as a field (`## Export — Status: Done`, `## Import (Status:
 * In progress)`), as a field line under it would: such a heading is an item, its fields read on its line.
 */
function statesStatusField(title: string): boolean {
  if (!title.includes(':') && !title.includes('：')) return false;
  const masked = maskCode(title);
  const fields = readInlineFields(title, 0, masked);
  if (fields.some(isStatusField)) return true;
  return readTail(masked, fields, 0, null, null, DEFAULT_HOURS_PER_DAY)?.fields.some(isStatusField) ?? false;
}

function isStatusField(f: Field): boolean {
  return f.key === 'status' && readStatusValue(f.value) !== null;
}

/** Whether `text` is a status word and nothing more (`Done`, `In progress`, `todo.`). */
function isStatusWordAlone(text: string): boolean {
  return statusOfWord(text.replace(/[\s.:*_-]+$/u, '').trim()) !== null;
}

/** Status glyphs that open warnings and notes as often as tasks: they alone make no checklist of lines. */
const DECORATION_GLYPHS: ReadonlySet<string> = new Set(['⚠', '📋', '▶']);

/** Keys of the `### Key: value` headings under a heading item that are its fields. */
const SUB_HEADING_KEYS: ReadonlySet<string> = new Set([...ITEM_KEYS, 'effort', 'depends']);

/**
 * What a line needs to name an owner, a priority or a status, in the languages the keys know
 * (taskBulletDraft's pre-test).
 */
const HAS_DIGIT_RE = /\d/;
/** A table row's number: digits alone. */
const ROW_NUMBER_RE = /^\d+$/;
/** A T-shirt size ending the line as a piece of its list (`— XL`): an estimate without a digit. */
const SIZE_END_HINT_RE = /[\s,;](?:XXS|XS|S|M|L|XL|XXL)[ \t]*$/;
/** A priority word opening a bullet as its label (`High: Migrate the db`, `**Critical**: Patch`). */
const PRIORITY_LABEL_HINT_RE = /^[ \t]*(?:\*\*|__)?(?:crit|urg|high|med|norm|low)/i;
const DUE_HINT_RE = /\b(?:due|by|before|eta|deadline)\b|📅|🗓|⏳/i;
const TASK_BULLET_HINT_RE =
  /@|owner|assign|prio|stat|estado|zustand|статус|состояние|状态|狀態|ステータス|状況|상태|P[0-4]|\[#[A-E]\]|\([A-E]\)|[🔺⏫🔼🔽⏬🔴🟠🟡🟢]/iu;

/**
 * Where the fields ending `s` start (`- Rotate the keys @li`, `… — @li, 2026-03-01`): walking back
 * from its end over fields in `fields` (spans in `s`, sorted) and the spaces and separators between
 * them. `s.length` when no field ends it.
 */
function trailingFieldsStart(s: string, fields: readonly Field[]): number {
  const startOf = new Map<number, number>();
  for (const f of fields)
    startOf.set(f.span.end, Math.min(f.span.start, startOf.get(f.span.end) ?? f.span.start));
  let pos = s.length;
  for (;;) {
    while (pos > 0 && TRAILING_SEPARATORS.has(s.charCodeAt(pos - 1))) pos--;
    const start = startOf.get(pos);
    if (start === undefined || start >= pos) return pos;
    pos = start;
  }
}

/** Space, tab, `,`, `;`, `.`, `|`, `-`, `·`, en and em dash. */
const TRAILING_SEPARATORS: ReadonlySet<number> = new Set([32, 9, 44, 59, 46, 124, 45, 183, 8211, 8212]);

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The level a plan's title heading may have: the top level among its headings, when that is `#` or
 * one heading only has it; 0 when none may be a title. A plan whose top headings are several `##`
 * (`## Backlog`, `## Doing`, `## Done`) has no title among them: the first is a section like the rest.
 */
function titleLevel(doc: DocumentBlock): number {
  let min = 7;
  let count = 0;
  for (const b of doc.children) {
    if (b.type !== 'heading' || b.level > min) continue;
    count = b.level < min ? 1 : count + 1;
    min = b.level;
  }
  return min === 1 || count === 1 ? min : 0;
}

/** Footer facts (`**Last Updated:** …`, `**Version:** …`) outside any item. */
function isFooterField(fields: readonly Field[]): boolean {
  return fields.some((f) =>
    /^(?:last updated|updated|version|next review|plan owner|maintained by|date)$/.test(f.key),
  );
}

/** Kiro's `_Requirements: 1.1, 2.3_` detail line. */
function kiroRequirements(text: string, l: LineSlice): Field[] | null {
  const m = /^_(Requirements?):\s*([^_]+)_\s*$/.exec(text.slice(l.start, l.end));
  if (!m) return null;
  const valueStart = l.start + m[0].indexOf(m[2]!);
  return [
    {
      key: 'requirements',
      rawKey: m[1]!,
      value: m[2]!.trim(),
      span: { start: l.start, end: l.end },
      valueSpan: { start: valueStart, end: valueStart + m[2]!.trim().length },
      style: 'sub-bullet',
    },
  ];
}
