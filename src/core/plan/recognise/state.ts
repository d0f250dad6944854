/**
 * What the recogniser's readers share while one plan is read: the plan's text and blocks, what has
 * been made so far (drafts, sections, plan fields), the open sections and the walk's frames, and the
 * caches the readers fill as they go. One State per recognise call; the readers take it first.
 */

import type { Field, Item, Section } from '../../model.js';
import type { Block, CodeBlock, DocumentBlock, HeadingBlock, ListBlock } from '../block-types.js';
import type { Lines } from '../lines.js';
import type { GlyphStatus } from '../marks.js';
import type { Draft, ListLabel, MadeItem } from './draft.js';

export class State {
  readonly drafts: Draft[] = [];
  readonly sections: Section[] = [];
  /** 0-based line of each section's heading, parallel to `sections`. */
  readonly sectionLines: number[] = [];
  /** Fields stated about the plan itself: header and footer lines. */
  readonly planFields: Field[] = [];
  readonly codeBlocks: CodeBlock[] = [];
  /** The heading item of each section (parallel to `sections`), or null. */
  readonly sectionDrafts: (Draft | null)[] = [];
  /** Number of list items in each list, by list id. */
  readonly listSizes: number[] = [];
  /** Whether each section is a legend, tested once per section rather than once per list item. */
  readonly legendSections: boolean[] = [];
  /** The sections open where the walk is, innermost last. */
  readonly open: OpenSection[] = [];
  /** Index of the section that is the document's title, or -1. */
  titleSection = -1;
  /** Whether a heading other than a notice (copyright, licence) has been read: the title comes first. */
  seenHeading = false;
  /** Labels of lists (see ListLabel), by the list they stand over. */
  readonly listLabels = new Map<ListBlock, ListLabel>();
  /** taskBulletByTwo's drafts, by line. */
  readonly bulletsByTwo = new Map<number, MadeItem | null>();
  /** Lines taskLineDraft's cheap test found may hold one signal at least. */
  readonly mayHoldOne = new Set<number>();
  /** isTaskList's answers, by list. */
  readonly taskLists = new Map<ListBlock, boolean>();
  /** markedSteps' counts, by list. */
  readonly markedStepCounts = new Map<ListBlock, number>();
  /** listMarksAtEnd's answers, by list. */
  readonly marksAtEndOf = new Map<ListBlock, boolean>();
  /** The list each nested list is nested in (see outerList), made when first asked. */
  outerLists: Map<ListBlock, ListBlock> | null = null;
  /** How many of an outer list's nested lists end two bullets with status marks (see markedCousins). */
  readonly markedNestedLists = new Map<ListBlock, number>();
  /** isTaskPaperList's answers, by list. */
  readonly taskPaperOf = new Map<ListBlock, boolean>();
  /** The lists that are lanes of a board or labelled lists of work (see plainLanes), or null. */
  lanes: Set<ListBlock> | null = null;
  /**
   * The lists of work (under `## TODO`, `**Action items:**`) whose bullets labelled in bold are cards
   * too (see isLabelledCard). Not other lanes: a changelog's `### Removed` over `- **Breaking:** …`
   * is no board, and under a priority such bullets are a heading task's notes.
   */
  readonly cardLanes = new Set<ListBlock>();
  /**
   * The headings of a board's columns that name a stage work passes through (`### Review`, `### QA`)
   * beside columns that name statuses: lanes of work under way (see plainLanes).
   */
  readonly stageLanes = new Set<HeadingBlock>();
  /** holdsMarkedItems' answers, by list. */
  readonly markedLists = new Map<ListBlock, boolean>();
  /** Heading blocks by line, so a heading can be promoted to an item when its fields are read. */
  readonly headingByLine = new Map<number, HeadingBlock>();
  /** Items made by cookieBulletDraft: bullets counting their steps, tasks only where they hold them. */
  readonly countingBullets = new Set<Item>();
  /** Items made by fieldListBulletDraft: their list's plain `Key: value` bullets are their fields. */
  readonly fieldListOwners = new Set<Item>();
  /** The walk's frames (see Frame), innermost last. */
  readonly stack: Frame[] = [];
  readonly text: string;
  readonly lines: Lines;
  readonly doc: DocumentBlock;
  /** The status of a glyph, as the plan's legend gives it or taskmark's default. */
  readonly glyphStatus: GlyphStatus;
  /** The level a title heading may have (see titleLevel). */
  readonly titleAt: number;

  constructor(text: string, lines: Lines, doc: DocumentBlock, glyphStatus: GlyphStatus, titleAt: number) {
    this.text = text;
    this.lines = lines;
    this.doc = doc;
    this.glyphStatus = glyphStatus;
    this.titleAt = titleAt;
  }
}

export interface Frame {
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

export interface OpenSection {
  readonly index: number;
  readonly level: number;
  /** Draft index when the heading is an item, else -1. */
  draft: number;
  /** Still in the heading's own body (no list or sub-heading seen yet): field lines belong to it. */
  body: boolean;
}

/** Where a span ending before line `line` (0-based) ends: that line's start, or the text's end. */
export function lineEndOffset(st: State, line: number) {
  return line < st.lines.count ? st.lines.start[line]! : st.text.length;
}

/** Draft index of the heading item of the innermost open section whose heading is one, or -1. */
export function headingItem(st: State) {
  for (let i = st.open.length - 1; i >= 0; i--) if (st.open[i]!.draft >= 0) return st.open[i]!.draft;
  return -1;
}

/** Index of the innermost open section, or -1. */
export function currentSection(st: State) {
  return st.open.length > 0 ? st.open[st.open.length - 1]!.index : -1;
}

/** Marks the innermost open section as past its heading's own body (a list or sub-heading seen). */
export function leaveBody(st: State) {
  const top = st.open[st.open.length - 1];
  if (top) top.body = false;
}
