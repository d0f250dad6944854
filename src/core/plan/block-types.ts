/**
 * Stage 2 output: the block tree. The block scanner (blocks.ts, block-state.ts, block-starts.ts) is
 * the only code that knows CommonMark/GFM block syntax; everything after it reads this tree.
 *
 * Line numbers are 0-based indices into `Lines`; offsets are UTF-16 indices into the text.
 */

/** A line of a leaf block with the container prefixes (quote markers, list indentation) removed. */
export interface LineSlice {
  readonly line: number;
  /** Offset where this line's content starts inside the leaf (after container prefixes). */
  readonly start: number;
  /** Offset where the line's content ends (before the line ending). */
  readonly end: number;
}

interface BlockBase {
  /** First line of the block. */
  readonly startLine: number;
  /** One past the last line of the block (blank lines that end a container are not included). */
  endLine: number;
}

export interface DocumentBlock extends BlockBase {
  readonly type: 'document';
  readonly children: Block[];
}

export interface FrontMatterBlock extends BlockBase {
  readonly type: 'frontMatter';
  /** The lines between the `---` fences. */
  readonly lines: LineSlice[];
}

export interface HeadingBlock extends BlockBase {
  readonly type: 'heading';
  readonly level: number;
  readonly setext: boolean;
  /**
   * The heading's inline content: for ATX, the text between the opening #s and the optional closing
   * sequence, trimmed; for setext, every content line (the underline excluded).
   */
  readonly lines: LineSlice[];
}

export interface ParagraphBlock extends BlockBase {
  readonly type: 'paragraph';
  /** Content lines, leading whitespace of each line removed. Lazy continuation lines included. */
  readonly lines: LineSlice[];
}

export interface CodeBlock extends BlockBase {
  readonly type: 'code';
  readonly fenced: boolean;
  /** The info string of a fenced block ('' if none or indented). */
  readonly info: string;
  /** Content lines (fences excluded). */
  readonly lines: LineSlice[];
}

export interface HtmlBlock extends BlockBase {
  readonly type: 'html';
  readonly lines: LineSlice[];
}

export interface ThematicBreakBlock extends BlockBase {
  readonly type: 'thematicBreak';
}

export interface TableBlock extends BlockBase {
  readonly type: 'table';
  /** Header row, delimiter row, then body rows. */
  readonly lines: LineSlice[];
}

export interface BlockquoteBlock extends BlockBase {
  readonly type: 'blockquote';
  readonly children: Block[];
}

export interface ListBlock extends BlockBase {
  readonly type: 'list';
  readonly ordered: boolean;
  /** The start number of an ordered list (null for bullet lists). */
  readonly start: number | null;
  /** The marker character: '-', '*', '+' for bullets, '.' or ')' for ordered lists. */
  readonly delimiter: string;
  readonly children: ListItemBlock[];
}

export interface ListItemBlock extends BlockBase {
  readonly type: 'listItem';
  /** Offset of the marker's first character. */
  readonly markerStart: number;
  /** Offset just after the marker ('-' or '12.'). */
  readonly markerEnd: number;
  /** Offset where the item's content starts on its first line (after the spaces following the marker). */
  readonly contentStart: number;
  /** Column (tabs expanded to stops of 4) of the marker, relative to the line start. */
  readonly markerColumn: number;
  /** Column where the item's content (and its nested blocks) begin. */
  readonly contentColumn: number;
  readonly children: Block[];
}

export type Block =
  | DocumentBlock
  | FrontMatterBlock
  | HeadingBlock
  | ParagraphBlock
  | CodeBlock
  | HtmlBlock
  | ThematicBreakBlock
  | TableBlock
  | BlockquoteBlock
  | ListBlock
  | ListItemBlock;

export type ContainerBlock = DocumentBlock | BlockquoteBlock | ListBlock | ListItemBlock;
