/**
 * Phase 2 of the block scanner (blocks.ts): the block starts. On the first non-blank character of a
 * line, opens the block it starts (block quote, ATX or setext heading, fenced or indented code, HTML
 * block, thematic break, list item, reading its marker) on the scanner's stack.
 */
import {
  BLOCKQUOTE,
  CODE,
  type Container,
  HEADING,
  HTML,
  ITEM,
  isSpaceOrTab,
  LIST,
  PARAGRAPH,
  ScannerState,
  stripReferenceDefinitions,
  TABLE,
  THEMATIC,
} from './block-state.js';
import type {
  BlockquoteBlock,
  CodeBlock,
  HeadingBlock,
  HtmlBlock,
  ListBlock,
  ListItemBlock,
  ParagraphBlock,
} from './block-types.js';

// Results of a block start.
export const NO_START = 0;
const CONTAINER = 1;
export const LEAF = 2;

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

export class BlockStarts extends ScannerState {
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
}
