/**
 * Stage 2: the CommonMark 0.31 + GFM block scanner — with block-state.ts and block-starts.ts, the
 * only code in taskmark that knows markdown block syntax. It follows the spec's two-phase algorithm (match open containers, then open new
 * blocks; lazy paragraph continuation) line by line, without inline parsing.
 *
 * Hand-written on purpose: taskmark needs the exact source offset of every container prefix and
 * leaf line to make span-preserving edits, which general markdown parsers do not expose, and a
 * scanner that stops at block structure (no inline parsing, no AST per inline) is many times
 * faster. Correctness is checked by a differential test against micromark on every CommonMark
 * spec example. Everything is iterative: 10,000 levels of nesting cannot overflow the stack.
 *
 * It builds the public blocks directly. The open blocks (always one chain, document to tip) sit on
 * a stack with their build state in parallel arrays, so a finished block carries nothing extra and
 * no second tree is made. Most lines are settled by a charCodeAt or two: phase 2 dispatches on the
 * first non-blank character, and one that cannot start a block skips the block starts entirely.
 */
import { BlockStarts, LEAF, NO_START } from './block-starts.js';
import {
  BLOCKQUOTE,
  CODE,
  type Container,
  HEADING,
  HTML,
  ITEM,
  isSpaceOrTab,
  type Leaf,
  PARAGRAPH,
  TABLE,
  THEMATIC,
} from './block-state.js';
import type { DocumentBlock, LineSlice, ListItemBlock, ParagraphBlock, TableBlock } from './block-types.js';
import type { Lines } from './lines.js';

// Results of a continuation check.
const MATCHED = 0;
const NOT_MATCHED = 1;
const CONSUMED = 2;

const HTML_END: readonly (RegExp | null)[] = [
  null,
  /<\/(?:script|pre|style|textarea)>/i,
  /-->/,
  /\?>/,
  />/,
  /\]\]>/,
];
const FRONT_MATTER_OPEN = /^---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Scans `text` (already split into `lines`) into a block tree. */
export function scanBlocks(text: string, lines: Lines): DocumentBlock {
  return new Scanner(text, lines).run();
}

class Scanner extends BlockStarts {
  /**
   * The last line that continued some open containers but not all, opened none, and came right after
   * a table row: the reference parser (micromark) calls such a line lazy and tries it as the table's
   * next row, which a lazy line may not be, and then never as the header row of a table of its own,
   * even once it stands in a paragraph outside those containers.
   */
  lazyLine = -1;

  run(): DocumentBlock {
    const { lines } = this;
    const starts = lines.start;
    const ends = lines.end;
    const count = lines.count;
    for (let l = this.frontMatter(); l < count; l++) {
      this.lineNo = l;
      this.lineEnd = ends[l]!;
      this.offset = starts[l]!;
      this.column = 0;
      this.partiallyConsumedTab = false;
      this.blank = false;
      this.nnOffset = -1;
      this.scanLine();
    }
    while (this.top > 0) this.finalize();
    return this.doc;
  }

  /** Front matter: `---` on the first line up to the next `---` or `...` line. Returns the first line after it. */
  frontMatter(): number {
    const { text, lines } = this;
    if (lines.count <= 1 || text.charCodeAt(lines.start[0]!) !== 45) return 0;
    if (!FRONT_MATTER_OPEN.test(text.slice(lines.start[0], lines.end[0]))) return 0;
    for (let close = 1; close < lines.count; close++) {
      if (FRONT_MATTER_CLOSE.test(text.slice(lines.start[close], lines.end[close]))) {
        const fm: LineSlice[] = [];
        for (let l = 1; l < close; l++) fm.push({ line: l, start: lines.start[l]!, end: lines.end[l]! });
        this.doc.children.push({ type: 'frontMatter', startLine: 0, endLine: close + 1, lines: fm });
        return close + 1;
      }
    }
    return 0;
  }

  scanLine(): void {
    this.oldTop = this.top;
    this.allClosed = true;

    // Phase 1: match open containers.
    let depth = 0;
    while (depth < this.top) {
      this.findNextNonspace();
      const r = this.continues(depth + 1);
      if (r === MATCHED) depth++;
      else if (r === CONSUMED) return;
      else break;
    }
    this.allClosed = depth === this.oldTop;
    this.matched = depth;

    // Phase 2: open new blocks.
    const pushes = this.pushes;
    let kind = this.kinds[depth]!;
    let matchedLeaf = kind === CODE || kind === HTML;
    while (!matchedLeaf) {
      const opened = this.openBlock(kind);
      if (opened === NO_START) {
        this.advanceNextNonspace();
        break;
      }
      kind = this.kinds[this.top]!;
      if (opened === LEAF) matchedLeaf = true;
    }

    // Phase 3: add the rest of the line to the right block.
    if (!this.allClosed && !this.blank && this.kinds[this.top] === PARAGRAPH && !matchedLeaf) {
      // Lazy continuation line.
      this.addLine();
      return;
    }
    if (!this.allClosed && this.pushes === pushes && this.kinds[this.top] === TABLE)
      this.lazyLine = this.lineNo;
    this.closeUnmatchedBlocks();
    this.addRest();
  }

  // ---- phase 1: does the open block at `depth` continue on this line? ----

  continues(depth: number): number {
    switch (this.kinds[depth]) {
      case BLOCKQUOTE:
        if (!this.blank && this.indent <= 3 && this.code(this.nextNonspace) === 62) {
          this.advanceNextNonspace();
          this.advanceOffset(1, false);
          if (isSpaceOrTab(this.code(this.offset))) this.advanceOffset(1, true);
          return MATCHED;
        }
        return NOT_MATCHED;
      case ITEM:
        if (this.blank) {
          if ((this.stack[depth] as ListItemBlock).children.length === 0) return NOT_MATCHED;
          this.advanceNextNonspace();
          return MATCHED;
        }
        if (this.indent >= this.a[depth]!) {
          this.advanceOffset(this.a[depth]!, true);
          return MATCHED;
        }
        return NOT_MATCHED;
      case PARAGRAPH:
      case TABLE:
        return this.blank ? NOT_MATCHED : MATCHED;
      case CODE:
        return this.continuesCode(depth);
      case HTML:
        return this.blank && this.a[depth]! >= 6 ? NOT_MATCHED : MATCHED;
      case HEADING:
      case THEMATIC:
        return NOT_MATCHED;
      default:
        return MATCHED;
    }
  }

  continuesCode(depth: number): number {
    const fenceChar = this.a[depth]!;
    if (fenceChar === 0) {
      if (this.indent >= 4) {
        this.advanceOffset(4, true);
        return MATCHED;
      }
      if (this.blank) {
        this.advanceNextNonspace();
        return MATCHED;
      }
      return NOT_MATCHED;
    }
    if (this.indent <= 3 && this.code(this.nextNonspace) === fenceChar) {
      let i = this.nextNonspace;
      while (this.code(i) === fenceChar) i++;
      if (i - this.nextNonspace >= this.b[depth]!) {
        while (isSpaceOrTab(this.code(i))) i++;
        if (i >= this.lineEnd) {
          this.stack[depth]!.endLine = this.lineNo + 1;
          this.finalize();
          return CONSUMED;
        }
      }
    }
    let skip = this.c[depth]!;
    while (skip > 0 && isSpaceOrTab(this.code(this.offset))) {
      this.advanceOffset(1, true);
      skip--;
    }
    return MATCHED;
  }

  // ---- phase 3 ----

  /** Gives the rest of the line to the tip (every unmatched block is closed by now). */
  addRest(): void {
    const t = this.top;
    const kind = this.kinds[t]!;
    if (kind === PARAGRAPH) {
      this.continueParagraph();
    } else if (kind === CODE || kind === HTML || kind === TABLE) {
      const block = this.stack[t]!;
      if (kind === CODE && this.a[t] !== 0 && block.startLine === this.lineNo) return;
      if (kind === TABLE && !this.blank) this.advanceNextNonspace();
      this.addLine();
      if (kind === HTML && this.a[t]! <= 5) {
        if (HTML_END[this.a[t]!]!.test(this.text.slice(this.offset, this.lineEnd))) this.finalize();
      }
    } else if (kind === HEADING || kind === THEMATIC) {
      this.stack[t]!.endLine = this.lineNo + 1;
      this.finalize();
    } else if (!this.blank) {
      this.advanceNextNonspace();
      const p: ParagraphBlock = {
        type: 'paragraph',
        startLine: this.lineNo,
        endLine: this.lineNo + 1,
        lines: [],
      };
      this.addChild(p, PARAGRAPH);
      this.addLine();
    }
  }

  continueParagraph(): void {
    if (this.blank) return;
    const t = this.top;
    const p = this.stack[t] as Leaf;
    // A GFM table: the paragraph's last line is the header, this line the delimiter row.
    if (this.indent < 4 && mayBeDelimiterRow(this.text.charCodeAt(this.nextNonspace))) {
      const cols = delimiterRowColumns(this.text, this.nextNonspace, this.lineEnd);
      const header = p.lines[p.lines.length - 1]!;
      if (
        cols > 0 &&
        header.line !== this.lazyLine &&
        cols === headerColumns(this.text, header.start, header.end)
      ) {
        const table: TableBlock = {
          type: 'table',
          startLine: header.line,
          endLine: header.line + 1,
          lines: [header],
        };
        p.lines.pop();
        if (p.lines.length === 0) {
          // The open paragraph is the last child: the table takes its place.
          const siblings = (this.stack[t - 1] as Container).children;
          siblings[siblings.length - 1] = table;
          this.stack[t] = table;
          this.kinds[t] = TABLE;
        } else {
          this.finalize();
          this.addChild(table, TABLE);
        }
        this.advanceNextNonspace();
        this.addLine();
        return;
      }
    }
    this.advanceNextNonspace();
    this.addLine();
  }
}

/**
 * Whether a line whose first non-blank character is `c` can be a delimiter row: only `|`, `:` or
 * `-` start one, but the row is trimmed of all Unicode white space, which only skips spaces and tabs.
 */
function mayBeDelimiterRow(c: number): boolean {
  return c === 124 || c === 58 || c === 45 || c < 33 || c > 127;
}

/** Number of cells of a GFM delimiter row (`| --- | :-: |`), or 0 when the line is not one. */
function delimiterRowColumns(text: string, start: number, end: number): number {
  const s = text.slice(start, end).trim();
  if (!s.includes('-')) return 0;
  if (!/^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/.test(s)) return 0;
  if (!s.includes('|')) return 0;
  return splitCells(s).length;
}

function headerColumns(text: string, start: number, end: number): number {
  const s = text.slice(start, end).trim();
  if (!s.includes('|')) return 0;
  return splitCells(s).length;
}

function splitCells(s: string): string[] {
  let row = s;
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < row.length; i++) {
    const ch = row[i]!;
    if (ch === '\\' && i + 1 < row.length) {
      cur += ch + row[i + 1];
      i++;
    } else if (ch === '|') {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}
