/**
 * The block scanner's state (blocks.ts drives it): the kinds of open block, the cursor over the
 * current line, and the stack of open blocks with closing a block and adding a line to a leaf; and the
 * link reference definitions a paragraph loses when it closes.
 */
import type { Block, DocumentBlock, LineSlice } from './block-types.js';
import type { Lines } from './lines.js';

// Kinds of open block, as small integers for the stack.
const DOCUMENT = 0;
export const BLOCKQUOTE = 1;
export const LIST = 2;
export const ITEM = 3;
export const PARAGRAPH = 4;
export const HEADING = 5;
export const CODE = 6;
export const HTML = 7;
export const TABLE = 8;
export const THEMATIC = 9;

const TAB = 9;
const SPACE = 32;
export const isSpaceOrTab = (c: number) => c === SPACE || c === TAB;

/** Blocks are built in place: these views drop the public `readonly` on what the scanner fills. */
export type Container = { endLine: number; children: Block[] };
export type Leaf = { startLine: number; endLine: number; lines: LineSlice[] };

export class ScannerState {
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

  constructor(
    readonly text: string,
    readonly lines: Lines,
  ) {
    this.doc = { type: 'document', startLine: 0, endLine: lines.count, children: [] };
    this.stack = [this.doc];
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
}

/**
 * Removes link reference definitions from the start of a paragraph (they are not paragraph text;
 * a paragraph made only of them disappears, so `===` after one is not a setext underline).
 */
export function stripReferenceDefinitions(text: string, lines: LineSlice[]): void {
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
  skipWs(true);
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
  return 0;
}
