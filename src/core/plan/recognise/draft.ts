/**
 * What the recogniser makes: an item's draft (Draft, with what the later passes read it from), the
 * label a line over a list gives its items, the result of a recognise call, and a new item's defaults.
 */
import type { Field, Item, Priority, Section } from '../../model.js';
import type { IdKind } from '../attributes/ids.js';
import type { CodeBlock } from '../block-types.js';

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
export type MadeItem = Pick<
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

const EMPTY_SPAN = { start: 0, end: 0 };

/** Placeholders shared by every new item: the context and roll-up passes replace them on each item kept. */
const NO_SECTION: string[] = [];

const NO_ROLLUP = { done: 0, total: 0, effortDoneMinutes: 0, effortRemainingMinutes: 0 };

export function newItem(kind: Item['kind'], line: number): Item {
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
    owners: [],
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
