/**
 * The plan model: what the parser produces and every feature (editor, status, ranking, lint, store)
 * reads. Offsets are UTF-16 indices into the plan's text; lines are 1-based in the model.
 */
import type { Lines } from './plan/lines.js';

export const STATUSES = ['todo', 'doing', 'blocked', 'done', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

/** A half-open range of the text: [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * `file`: a plan that is one task, described by its front matter or `# Key: value` headings;
 * `table-row`: a row of a status table (`| Task | Status | Owner |`).
 */
export type ItemKind = 'checkbox' | 'heading' | 'status-bullet' | 'file' | 'table-row';

/** Where an item's status was read from (the editor changes it there). */
export type StatusSource =
  | 'checkbox' // the mark between the brackets
  | 'field' // a `**Status:** …` line, a dataview field, front matter
  | 'heading' // an annotation in the heading text (`- COMPLETED`, `(NOT IMPLEMENTED)`, `✅`)
  | 'marker' // the leading mark of a status bullet (`- ✅ …`, `- **✅ Completed**: …`)
  | 'strike' // ~~struck through~~ text
  | 'children' // derived from the item's children
  | 'progress' // a share of the work done (`— 60%`): under way, or done at 100%
  | 'section' // the status section the item sits in (`## In Progress`, a Kanban lane)
  | 'default'; // nothing said: todo

export interface Priority {
  /** 0 = critical/highest … 4 = lowest. */
  readonly rank: number;
  /** The plan's own label: `P0`, `Must Have`, `🔴`, `⏫`, `[#A]`, `HIGH`. */
  readonly label: string;
}

export interface Effort {
  /** Point estimate in minutes (the low end of a range). */
  readonly minutes: number;
  /** The high end of a range, in minutes, or null when the estimate is a single value. */
  readonly maxMinutes: number | null;
  /** The text as written: `3-5 days`, `30 min`. */
  readonly text: string;
}

/** How an attribute is written, so an edit can write a new one the same way. */
export type FieldStyle =
  | 'bold-line' // **Key:** value   (own line, or the first of a pipe-joined line)
  | 'bold-pipe' // … | **Key:** value
  | 'sub-bullet' // - **Key:** value   under a list item
  | 'dataview' // [key:: value] or (key:: value)
  | 'emoji' // Obsidian Tasks: 📅 2025-01-31
  | 'kv' // key:value (todo.txt)
  | 'front-matter' // YAML front matter of a file-level item
  | 'heading-field' // # Key: value (Taskmaster task files)
  | 'table-cell' // a cell of a status table's row, under its column's header
  | 'mark'; // a priority or effort written as a mark in the item's text: (P1), **P0**, [#A], ⏫, (2h), ~3d, `— 3d`

/** One attribute as written in the plan. */
export interface Field {
  /** Normalised key: status, priority, owner, due, effort, category, depends, id, tags, or the plan's own key lower-cased. */
  readonly key: string;
  /** The key as written (`Assignee`, `Due Date`, `📅`). */
  readonly rawKey: string;
  readonly value: string;
  /** The whole field, including its key and punctuation. */
  readonly span: Span;
  /** The value alone. */
  readonly valueSpan: Span;
  readonly style: FieldStyle;
}

export interface Rollup {
  /** Done (or cancelled) descendants that are leaves. */
  readonly done: number;
  /** All leaf descendants. */
  readonly total: number;
  readonly effortDoneMinutes: number;
  readonly effortRemainingMinutes: number;
}

export interface Item {
  key: string;
  /** The explicit ID the plan gives (`MH-001`, `Task 1.1`, `1.2`), or null. */
  id: string | null;
  /** When the item restates another item by its ID (a phase checklist line), that item's key. */
  refersTo: string | null;
  title: string;
  kind: ItemKind;
  status: Status;
  statusSource: StatusSource;
  /** The raw status text (`🔄 IN PROGRESS`, `x`, `Completed`) as written, or null. */
  statusText: string | null;
  /** The checkbox mark character, or null for non-checkbox items. */
  checkbox: string | null;
  /** True when the item is a GFM task-list item (`[ ]`, `[x]`, `[X]` followed by a space). */
  gfm: boolean;
  /** Kiro's `- [ ]*` optional task. */
  optional: boolean;
  /** 1-based line of the item's first line. */
  line: number;
  /** Nesting depth among items: 0 for a top-level item. */
  depth: number;
  parent: string | null;
  children: string[];
  /** Titles of the enclosing headings, outermost first. */
  section: string[];
  priority: Priority | null;
  /** The item's owner: the first of `owners`, or inherited from its parent, label or section. */
  owner: string | null;
  /**
   * Everyone the item names as its owner, in the order written, `owner` first; the inherited owner
   * alone when it names none. `Owners: Bo, Li`, `@kim @ana` and `(owner: Bo & Li)` name two each.
   */
  owners: string[];
  /** Due date as YYYY-MM-DD, or null. */
  due: string | null;
  /** The due text as written (`Day 1`, `2025-11-03`), or null. */
  dueText: string | null;
  effort: Effort | null;
  category: string | null;
  phase: string | null;
  tags: string[];
  /** Keys this item depends on. */
  dependsOn: string[];
  /** IDs or keys named as dependencies that resolve to no item. */
  unresolvedDeps: string[];
  fields: Field[];
  /** The item's whole extent: its lines and its children's (for a heading item, its section). */
  span: Span;
  /** The item's first line (the list item line or the heading line), without its line ending. */
  lineSpan: Span;
  /** The title text on the first line. */
  titleSpan: Span;
  /** The checkbox mark character (for checkbox items). */
  markSpan: Span | null;
  /** Where the status is written for heading annotations and status bullets. */
  statusSpan: Span | null;
  /** For list items: offset of the list marker and the content column of the item. */
  list: ListInfo | null;
  /** For heading items: the heading level. */
  headingLevel: number | null;
  rollup: Rollup;
}

export interface ListInfo {
  /** The marker as written: `-`, `*`, `+`, `3.`, `1)`. */
  readonly marker: string;
  readonly markerStart: number;
  /** Text between the line start and the marker (indentation, possibly quote markers). */
  readonly indent: string;
  /** Column where the item's content starts. */
  readonly contentColumn: number;
  readonly ordered: boolean;
}

export interface Section {
  title: string;
  level: number;
  /** 1-based line of the heading. */
  line: number;
  /** Titles of the enclosing headings, outermost first, this one included. */
  path: string[];
  /** From the heading line to the line before the next heading of the same or a higher level. */
  span: Span;
  lineSpan: Span;
  /** Context items inherit. */
  priority: Priority | null;
  phase: string | null;
  /** A status hint carried by the heading (`## Done`, `(NOT IMPLEMENTED)`), or null. */
  status: Status | null;
  /** A window the section is scheduled in, resolved to a due date when the plan states a date. */
  due: string | null;
  /** The owner the heading names (`### iOS (@sam)`, `## Backend — @kim`), or null. */
  owner: string | null;
  /** Key of the heading item when this heading is itself an item. */
  itemKey: string | null;
}

/** A run of text that looks like UTF-8 decoded with the wrong code page. */
export interface EncodingAnomaly {
  readonly span: Span;
  /** 1-based line. */
  readonly line: number;
  readonly kind: 'mojibake' | 'replacement-char';
  /** Code page the text was mistakenly decoded with, for mojibake. */
  readonly codePage: 'windows-1252' | 'windows-1254' | 'latin1' | null;
  /** The text as it was meant to be, when it can be recovered exactly. */
  readonly repaired: string | null;
}

/** Facts the plan states about itself (front matter, header and footer lines). */
export interface PlanFacts {
  /** The plan's own date (YYYY-MM-DD) that relative dates (`Week 4`, `Day 2`) count from. */
  date: string | null;
  version: string | null;
  lastUpdated: string | null;
  status: string | null;
  frontMatter: Record<string, unknown> | null;
}

/** A status word of the plan mapped to a status, as learnt from its legend or its usage. */
export interface VocabularyEntry {
  readonly text: string;
  readonly status: Status;
}

export interface Dependency {
  readonly from: string;
  readonly to: string;
  /** Where the plan says so. */
  readonly source: 'field' | 'arrow' | 'tree' | 'inline';
  readonly line: number;
}

export interface Plan {
  readonly text: string;
  readonly file: string;
  /**
   * The document's title: its title heading (the first at the top level, when that is `#` or one
   * heading only has it), else the `title` of its front matter; null when it has neither.
   */
  readonly title: string | null;
  readonly lines: Lines;
  readonly sections: Section[];
  /** Items in document order. */
  readonly items: Item[];
  readonly byKey: ReadonlyMap<string, Item>;
  readonly facts: PlanFacts;
  /** The plan's status vocabulary: its legend first, then the status texts it uses. */
  readonly vocabulary: VocabularyEntry[];
  /**
   * What the plan's checkbox marks mean where it says otherwise than the usual marks do: its legend
   * (`` `[-]` in progress ``) or its dialect (Kiro's specs write `[-]` for a task under way). Absent
   * or empty when the plan's marks mean what they usually do.
   */
  readonly boxMarks?: ReadonlyMap<string, Status>;
  readonly dependencies: Dependency[];
  /** Dependency cycles, each as a list of keys. */
  readonly cycles: string[][];
  readonly anomalies: EncodingAnomaly[];
}
