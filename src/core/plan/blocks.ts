/**
 * Stage 2: the CommonMark 0.31 + GFM block scanner — the only code in taskmark that knows markdown
 * block syntax. It follows the spec's two-phase algorithm (match open containers, then open new
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
import type {
  Block,
  BlockquoteBlock,
  CodeBlock,
  DocumentBlock,
  HeadingBlock,
  HtmlBlock,
  LineSlice,
  ListBlock,
  ListItemBlock,
  ParagraphBlock,
  TableBlock,
} from './block-types.js';
import type { Lines } from './lines.js';

// Kinds of open block, as small integers for the stack.
const DOCUMENT = 0;
const BLOCKQUOTE = 1;
const LIST = 2;
const ITEM = 3;
const PARAGRAPH = 4;
const HEADING = 5;
const CODE = 6;
const HTML = 7;
const TABLE = 8;
const THEMATIC = 9;

// Results of a continuation check.
const MATCHED = 0;
const NOT_MATCHED = 1;
const CONSUMED = 2;

// Results of a block start.
const NO_START = 0;
const CONTAINER = 1;
const LEAF = 2;

const TAB = 9;
const SPACE = 32;
const isSpaceOrTab = (c: number) => c === SPACE || c === TAB;

/** Blocks are built in place: these views drop the public `readonly` on what the scanner fills. */
type Container = { endLine: number; children: Block[] };
type Leaf = { startLine: number; endLine: number; lines: LineSlice[] };

const BLOCK_TAGS = new Set(
  (
    'address,article,aside,base,basefont,blockquote,body,caption,center,col,colgroup,dd,details,dialog,dir,div,dl,dt,' +
    'fieldset,figcaption,figure,footer,form,frame,frameset,h1,h2,h3,h4,h5,h6,head,header,hr,html,iframe,legend,li,' +
    'link,main,menu,menuitem,nav,noframes,ol,optgroup,option,p,param,search,section,summary,table,tbody,td,tfoot,th,' +
    'thead,title,tr,track,ul'
  ).split(','),
);
const HTML_OPEN_CLOSE =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^"'=<>`\x00-\x20]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;
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

class Scanner {
  readonly doc: DocumentBlock;
  // The open blocks, document first; `top` indexes the tip. `a`, `b`, `c` hold each kind's state:
  // list item: a = content indent; fenced code: a = fence char, b = fence length, c = fence indent
  // (a = 0 for indented code); HTML: a = the start condition (1–7).
  readonly stack: Block[];
  readonly kinds: number[] = [DOCUMENT];
  readonly a: number[] = [0];
  readonly b: number[] = [0];
  readonly c: number[] = [0];
  top = 0;
  /** Depth of the last container matched in phase 1, and the tip when the line began. */
  matched = 0;
  oldTop = 0;
  allClosed = true;
  /** Blocks pushed so far: phase 2 opened a block on this line when it grew. */
  pushes = 0;
  /**
   * The last line that continued some open containers but not all, opened none, and came right after
   * a table row: the reference parser (micromark) calls such a line lazy and tries it as the table's
   * next row, which a lazy line may not be, and then never as the header row of a table of its own,
   * even once it stands in a paragraph outside those containers.
   */
  lazyLine = -1;

  // The cursor over the current line.
  lineNo = 0;
  lineEnd = 0;
  offset = 0;
  column = 0;
  partiallyConsumedTab = false;
  nextNonspace = 0;
  nextNonspaceColumn = 0;
  indent = 0;
  blank = false;
  /** The cursor position findNextNonspace last ran from (it is idempotent there). */
  nnOffset = -1;
  nnColumn = -1;

  // The list marker parseListMarker found.
  mOrdered = false;
  mDelimiter = '';
  mStart = 0;
  mMarkerOffset = 0;
  mPadding = 0;
  mMarkerStart = 0;
  mMarkerEnd = 0;
  mContentStart = 0;
  mMarkerColumn = 0;

  constructor(
    readonly text: string,
    readonly lines: Lines,
  ) {
    this.doc = { type: 'document', startLine: 0, endLine: lines.count, children: [] };
    this.stack = [this.doc];
  }

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

  // ---- the cursor ----

  findNextNonspace(): void {
    if (this.offset === this.nnOffset && this.column === this.nnColumn) return;
    const { text, lineEnd } = this;
    let i = this.offset;
    let cols = this.column;
    for (; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) cols++;
      else if (c === TAB) cols += 4 - (cols % 4);
      else break;
    }
    this.blank = i >= lineEnd;
    this.nextNonspace = i;
    this.nextNonspaceColumn = cols;
    this.indent = cols - this.column;
    this.nnOffset = this.offset;
    this.nnColumn = this.column;
  }

  advanceOffset(count: number, columns: boolean): void {
    const { text, lineEnd } = this;
    let { offset, column } = this;
    while (count > 0 && offset < lineEnd) {
      if (text.charCodeAt(offset) === TAB) {
        const charsToTab = 4 - (column % 4);
        if (columns) {
          this.partiallyConsumedTab = charsToTab > count;
          const charsToAdvance = Math.min(charsToTab, count);
          column += charsToAdvance;
          if (!this.partiallyConsumedTab) offset++;
          count -= charsToAdvance;
        } else {
          this.partiallyConsumedTab = false;
          column += charsToTab;
          offset++;
          count--;
        }
      } else {
        this.partiallyConsumedTab = false;
        offset++;
        column++;
        count--;
      }
    }
    this.offset = offset;
    this.column = column;
  }

  advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partiallyConsumedTab = false;
  }

  /** The character at `i` on the current line, or -1 past its end. */
  code(i: number): number {
    return i < this.lineEnd ? this.text.charCodeAt(i) : -1;
  }

  // ---- the open blocks ----

  push(block: Block, kind: number): void {
    this.pushes++;
    const t = ++this.top;
    const { stack, kinds } = this;
    if (t === stack.length) {
      stack.push(block);
      kinds.push(kind);
      this.a.push(0);
      this.b.push(0);
      this.c.push(0);
    } else {
      stack[t] = block;
      kinds[t] = kind;
    }
  }

  /** Adds `block` as the last child of the tip, first closing what cannot contain it. */
  addChild(block: Block, kind: number): void {
    for (;;) {
      const k = this.kinds[this.top];
      if (k === LIST ? kind === ITEM : (k === DOCUMENT || k === BLOCKQUOTE || k === ITEM) && kind !== ITEM)
        break;
      this.finalize();
    }
    const parent = this.stack[this.top] as Container;
    // Most containers hold one block: a one-element literal is exact, where a first push reserves 17.
    if (parent.children.length === 0) parent.children = [block];
    else parent.children.push(block);
    this.push(block, kind);
  }

  /** Closes the tip. */
  finalize(): void {
    const t = this.top;
    const block = this.stack[t]!;
    const kind = this.kinds[t]!;
    this.top = t - 1;
    if (kind === PARAGRAPH) {
      const p = block as Leaf;
      stripReferenceDefinitions(this.text, p.lines);
      if (p.lines.length > 0) p.startLine = p.lines[0]!.line;
      else {
        const siblings = (this.stack[t - 1] as Container).children;
        if (siblings[siblings.length - 1] === block) siblings.pop();
        else siblings.splice(siblings.lastIndexOf(block), 1);
      }
    } else if (kind === CODE) {
      if (this.a[t] === 0) {
        const ls = (block as Leaf).lines;
        while (ls.length > 0) {
          const l = ls[ls.length - 1]!;
          if (this.text.slice(l.start, l.end).trim() !== '') break;
          ls.pop();
        }
        block.endLine = (ls[ls.length - 1]?.line ?? block.startLine) + 1;
      }
    } else if (kind === BLOCKQUOTE || kind === LIST || kind === ITEM) {
      // Children are always closed before their container, so their last lines are final.
      let end = block.startLine + 1;
      const children = (block as Container).children;
      for (let i = 0; i < children.length; i++) if (children[i]!.endLine > end) end = children[i]!.endLine;
      block.endLine = end;
    }
  }

  closeUnmatchedBlocks(): void {
    if (!this.allClosed) {
      while (this.top > this.matched) this.finalize();
      this.allClosed = true;
    }
  }

  /** Appends the rest of the line to the tip, a leaf. */
  addLine(): void {
    const t = this.stack[this.top] as Leaf;
    let s = this.offset;
    let e = this.lineEnd;
    if (this.kinds[this.top] === PARAGRAPH) {
      const { text } = this;
      while (s < e && isSpaceOrTab(text.charCodeAt(s))) s++;
      while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
    }
    const slice: LineSlice = { line: this.lineNo, start: s, end: e };
    if (t.lines.length === 0) t.lines = [slice];
    else t.lines.push(slice);
    t.endLine = this.lineNo + 1;
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

  // ---- phase 2: block starts ----

  /** Opens the block this line starts inside a container of kind `kind`, if any. */
  openBlock(kind: number): number {
    this.findNextNonspace();
    if (this.indent >= 4) return this.startIndentedCode();
    // Dispatch on the first character; the order within a character is the spec's precedence.
    switch (this.code(this.nextNonspace)) {
      case 62: // >
        return this.startBlockquote();
      case 35: // #
        return this.startAtxHeading();
      case 96: // `
      case 126: // ~
        return this.startFencedCode();
      case 60: // <
        return this.startHtml(kind);
      case 61: // =
        return this.startSetextHeading(kind);
      case 45: // -
        return this.startSetextHeading(kind) || this.startThematicBreak() || this.startListItem(kind);
      case 42: // *
        return this.startThematicBreak() || this.startListItem(kind);
      case 95: // _
        return this.startThematicBreak();
      case 43: // +
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        return this.startListItem(kind);
      default:
        return NO_START;
    }
  }

  startBlockquote(): number {
    this.advanceNextNonspace();
    this.advanceOffset(1, false);
    if (isSpaceOrTab(this.code(this.offset))) this.advanceOffset(1, true);
    this.closeUnmatchedBlocks();
    const q: BlockquoteBlock = {
      type: 'blockquote',
      startLine: this.lineNo,
      endLine: this.lineNo + 1,
      children: [],
    };
    this.addChild(q, BLOCKQUOTE);
    return CONTAINER;
  }

  startAtxHeading(): number {
    const { text, lineEnd } = this;
    let i = this.nextNonspace;
    let level = 0;
    while (this.code(i) === 35 && level < 7) {
      i++;
      level++;
    }
    if (level > 6 || (i < lineEnd && !isSpaceOrTab(text.charCodeAt(i)))) return NO_START;
    this.advanceNextNonspace();
    this.closeUnmatchedBlocks();
    let s = i;
    while (isSpaceOrTab(this.code(s))) s++;
    let e = lineEnd;
    while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
    // Closing sequence: spaces then #s at the end (or the whole content is #s).
    let k = e;
    while (k > s && text.charCodeAt(k - 1) === 35) k--;
    if (k < e && (k === s || isSpaceOrTab(text.charCodeAt(k - 1)))) {
      e = k;
      while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
    }
    const line = this.lineNo;
    const h: HeadingBlock = {
      type: 'heading',
      startLine: line,
      endLine: line + 1,
      level,
      setext: false,
      lines: [{ line, start: s, end: Math.max(s, e) }],
    };
    this.addChild(h, HEADING);
    this.offset = lineEnd;
    return LEAF;
  }

  startFencedCode(): number {
    const c = this.code(this.nextNonspace);
    let i = this.nextNonspace;
    while (this.code(i) === c) i++;
    const n = i - this.nextNonspace;
    if (n < 3) return NO_START;
    const info = this.text.slice(i, this.lineEnd);
    if (c === 96 && info.includes('`')) return NO_START;
    this.closeUnmatchedBlocks();
    const b: CodeBlock = {
      type: 'code',
      startLine: this.lineNo,
      endLine: this.lineNo + 1,
      fenced: true,
      info: info.trim(),
      lines: [],
    };
    this.addChild(b, CODE);
    this.a[this.top] = c;
    this.b[this.top] = n;
    this.c[this.top] = this.indent;
    this.offset = this.lineEnd;
    return LEAF;
  }

  startHtml(kind: number): number {
    const s = this.text.slice(this.nextNonspace, this.lineEnd);
    let type = 0;
    if (/^<(?:script|pre|style|textarea)(?:\s|>|$)/i.test(s)) type = 1;
    else if (s.startsWith('<!--')) type = 2;
    else if (s.startsWith('<?')) type = 3;
    else if (/^<![A-Za-z]/.test(s)) type = 4;
    else if (s.startsWith('<![CDATA[')) type = 5;
    else {
      const m = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:[ \t]|\/?>|$)/.exec(s);
      if (m && BLOCK_TAGS.has(m[1]!.toLowerCase())) type = 6;
      else if (
        kind !== PARAGRAPH &&
        kind !== TABLE &&
        !(!this.allClosed && this.kinds[this.top] === PARAGRAPH) &&
        HTML_OPEN_CLOSE.test(s)
      )
        type = 7;
    }
    if (type === 0) return NO_START;
    this.closeUnmatchedBlocks();
    const b: HtmlBlock = { type: 'html', startLine: this.lineNo, endLine: this.lineNo + 1, lines: [] };
    this.addChild(b, HTML);
    this.a[this.top] = type;
    return LEAF;
  }

  startSetextHeading(kind: number): number {
    if (kind !== PARAGRAPH) return NO_START;
    const c = this.code(this.nextNonspace);
    let i = this.nextNonspace;
    while (this.code(i) === c) i++;
    while (isSpaceOrTab(this.code(i))) i++;
    if (i < this.lineEnd) return NO_START;
    this.closeUnmatchedBlocks();
    // The paragraph is the tip: a leaf, and every open block matched.
    const p = this.stack[this.top] as ParagraphBlock;
    stripReferenceDefinitions(this.text, p.lines);
    if (p.lines.length === 0) return NO_START;
    const heading: HeadingBlock = {
      type: 'heading',
      startLine: p.lines[0]!.line,
      endLine: this.lineNo + 1,
      level: c === 61 ? 1 : 2,
      setext: true,
      lines: p.lines,
    };
    // The heading replaces the paragraph; phase 3 closes it.
    const siblings = (this.stack[this.top - 1] as Container).children;
    siblings[siblings.length - 1] = heading;
    this.stack[this.top] = heading;
    this.kinds[this.top] = HEADING;
    this.offset = this.lineEnd;
    return LEAF;
  }

  startThematicBreak(): number {
    const { text, lineEnd } = this;
    const c = text.charCodeAt(this.nextNonspace);
    let n = 0;
    for (let i = this.nextNonspace; i < lineEnd; i++) {
      const d = text.charCodeAt(i);
      if (d === c) n++;
      else if (!isSpaceOrTab(d)) return NO_START;
    }
    if (n < 3) return NO_START;
    this.closeUnmatchedBlocks();
    this.addChild({ type: 'thematicBreak', startLine: this.lineNo, endLine: this.lineNo + 1 }, THEMATIC);
    this.offset = lineEnd;
    return LEAF;
  }

  startListItem(kind: number): number {
    if (!this.parseListMarker(kind)) return NO_START;
    this.closeUnmatchedBlocks();
    const line = this.lineNo;
    const tip = this.stack[this.top]!;
    if (
      this.kinds[this.top] !== LIST ||
      (tip as ListBlock).ordered !== this.mOrdered ||
      (tip as ListBlock).delimiter !== this.mDelimiter
    ) {
      const list: ListBlock = {
        type: 'list',
        startLine: line,
        endLine: line + 1,
        ordered: this.mOrdered,
        start: this.mOrdered ? this.mStart : null,
        delimiter: this.mDelimiter,
        children: [],
      };
      this.addChild(list, LIST);
    }
    const item: ListItemBlock = {
      type: 'listItem',
      startLine: line,
      endLine: line + 1,
      markerStart: this.mMarkerStart,
      markerEnd: this.mMarkerEnd,
      contentStart: this.mContentStart,
      markerColumn: this.mMarkerColumn,
      contentColumn: this.mMarkerColumn + this.mPadding,
      children: [],
    };
    this.addChild(item, ITEM);
    this.a[this.top] = this.mMarkerOffset + this.mPadding;
    return CONTAINER;
  }

  startIndentedCode(): number {
    if (this.kinds[this.top] === PARAGRAPH || this.blank) return NO_START;
    this.advanceOffset(4, true);
    this.closeUnmatchedBlocks();
    const b: CodeBlock = {
      type: 'code',
      startLine: this.lineNo,
      endLine: this.lineNo + 1,
      fenced: false,
      info: '',
      lines: [],
    };
    this.addChild(b, CODE);
    this.a[this.top] = 0;
    return LEAF;
  }

  /** Reads a list marker at the cursor into the `m…` fields; false when there is none. */
  parseListMarker(kind: number): boolean {
    const markerStart = this.nextNonspace;
    const c = this.code(markerStart);
    let end: number;
    if (c === 42 || c === 43 || c === 45) {
      this.mOrdered = false;
      this.mDelimiter = c === 42 ? '*' : c === 43 ? '+' : '-';
      end = markerStart + 1;
    } else {
      let i = markerStart;
      let value = 0;
      for (let d = this.code(i); i - markerStart < 9 && d >= 48 && d <= 57; d = this.code(++i))
        value = value * 10 + d - 48;
      const d = this.code(i);
      if (i === markerStart || (d !== 46 && d !== 41)) return false;
      // Only an ordered list starting at 1 can interrupt a paragraph.
      if (kind === PARAGRAPH && (i - markerStart !== 1 || c !== 49)) return false;
      this.mOrdered = true;
      this.mStart = value;
      this.mDelimiter = d === 46 ? '.' : ')';
      end = i + 1;
    }
    const after = this.code(end);
    if (after !== -1 && !isSpaceOrTab(after)) return false;
    if (kind === PARAGRAPH) {
      let j = end;
      while (isSpaceOrTab(this.code(j))) j++;
      if (j >= this.lineEnd) return false;
    }
    this.mMarkerColumn = this.nextNonspaceColumn;
    this.mMarkerOffset = this.indent;
    this.advanceNextNonspace();
    this.advanceOffset(end - markerStart, true);
    const spacesStartCol = this.column;
    const spacesStartOffset = this.offset;
    let nextCol: number;
    do {
      this.advanceOffset(1, true);
      nextCol = this.column;
    } while (this.column - spacesStartCol < 5 && isSpaceOrTab(this.code(this.offset)));
    const blankItem = this.offset >= this.lineEnd;
    const spacesAfterMarker = nextCol - spacesStartCol;
    if (spacesAfterMarker >= 5 || spacesAfterMarker < 1 || blankItem) {
      this.mPadding = end - markerStart + 1;
      this.column = spacesStartCol;
      this.offset = spacesStartOffset;
      this.partiallyConsumedTab = false;
      if (isSpaceOrTab(this.code(this.offset))) this.advanceOffset(1, true);
    } else {
      this.mPadding = end - markerStart + spacesAfterMarker;
    }
    this.mMarkerStart = markerStart;
    this.mMarkerEnd = end;
    this.mContentStart = blankItem ? this.lineEnd : this.offset;
    return true;
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

/**
 * Removes link reference definitions from the start of a paragraph (they are not paragraph text;
 * a paragraph made only of them disappears, so `===` after one is not a setext underline).
 */
function stripReferenceDefinitions(text: string, lines: LineSlice[]): void {
  while (lines.length > 0) {
    const first = lines[0]!;
    if (text.charCodeAt(first.start) !== 91) return;
    // Fast exit for `[ ] task` and other brackets: when the label closes on the first line, a
    // definition needs ':' right after it (this saves joining up to 64 lines per checkbox item).
    let i = first.start + 1;
    while (i < first.end) {
      const c = text.charCodeAt(i);
      if (c === 91) return;
      if (c === 92 && i + 1 < first.end) {
        i += 2;
        continue;
      }
      if (c === 93) break;
      i++;
    }
    if (i < first.end && text.charCodeAt(i + 1) !== 58) return;
    const consumed = referenceDefinitionLines(text, lines);
    if (consumed === 0) return;
    lines.splice(0, consumed);
  }
}

/** How many whole lines a link reference definition at the start of `ls` takes, or 0. */
function referenceDefinitionLines(text: string, ls: readonly LineSlice[]): number {
  // Join with \n and keep a map from joined offsets to line indices.
  const maxLines = Math.min(ls.length, 64);
  const parts: string[] = [];
  for (let i = 0; i < maxLines; i++) parts.push(text.slice(ls[i]!.start, ls[i]!.end));
  const s = parts.join('\n');
  const lineOfEnd = (pos: number) => {
    let acc = 0;
    for (let i = 0; i < parts.length; i++) {
      acc += parts[i]!.length;
      if (pos <= acc) return i;
      acc += 1;
    }
    return parts.length - 1;
  };
  let i = 0;
  // Label.
  if (s[i] !== '[') return 0;
  i++;
  let label = '';
  while (i < s.length && s[i] !== ']') {
    if (s[i] === '[') return 0;
    if (s[i] === '\\' && i + 1 < s.length) {
      label += s[i]! + s[i + 1]!;
      i += 2;
      continue;
    }
    label += s[i];
    i++;
  }
  if (i >= s.length || label.trim() === '' || label.length > 999) return 0;
  i++;
  if (s[i] !== ':') return 0;
  i++;
  const skipWs = (allowNewline: boolean) => {
    let nl = false;
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || (s[i] === '\n' && allowNewline && !nl))) {
      if (s[i] === '\n') nl = true;
      i++;
    }
    return nl;
  };
  skipWs(true);
  // Destination.
  if (s[i] === '<') {
    i++;
    while (i < s.length && s[i] !== '>' && s[i] !== '\n' && s[i] !== '<') {
      if (s[i] === '\\') i++;
      i++;
    }
    if (s[i] !== '>') return 0;
    i++;
  } else {
    const startDest = i;
    let depth = 0;
    while (i < s.length) {
      const ch = s[i]!;
      if (ch === '\\' && i + 1 < s.length && /[!-/:-@[-`{-~]/.test(s[i + 1]!)) {
        i += 2;
        continue;
      }
      if (ch === '(') depth++;
      else if (ch === ')') {
        if (depth === 0) break;
        depth--;
      } else if (ch.charCodeAt(0) <= 32) break;
      i++;
    }
    if (i === startDest || depth !== 0) return 0;
  }
  const afterDest = i;
  const beforeTitle = i;
  const sawNewline = skipWs(true);
  // Optional title.
  const open = s[i];
  if ((open === '"' || open === "'" || open === '(') && i > beforeTitle) {
    const close = open === '(' ? ')' : open;
    let j = i + 1;
    let ok = false;
    while (j < s.length) {
      if (s[j] === '\\') {
        j += 2;
        continue;
      }
      if (s[j] === close) {
        ok = true;
        break;
      }
      if (open === '(' && s[j] === '(') break;
      if (s[j] === '\n' && s[j + 1] === '\n') break;
      j++;
    }
    if (ok) {
      let k = j + 1;
      while (k < s.length && (s[k] === ' ' || s[k] === '\t')) k++;
      if (k >= s.length || s[k] === '\n') return lineOfEnd(k) + 1;
    }
  }
  // No (valid) title: the destination must end its line.
  let k = afterDest;
  while (k < s.length && (s[k] === ' ' || s[k] === '\t')) k++;
  if (k >= s.length || s[k] === '\n') return lineOfEnd(k) + 1;
  void sawNewline;
  return 0;
}
