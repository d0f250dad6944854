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
 */
import type { Block, DocumentBlock, LineSlice, ListItemBlock } from './block-types.js';
import type { Lines } from './lines.js';

type Kind =
  | 'document'
  | 'blockquote'
  | 'list'
  | 'listItem'
  | 'paragraph'
  | 'heading'
  | 'code'
  | 'html'
  | 'thematicBreak'
  | 'table'
  | 'frontMatter';

interface ListData {
  ordered: boolean;
  bulletChar: string;
  start: number;
  delimiter: string;
  markerOffset: number; // columns of indentation before the marker
  padding: number; // marker width + spaces up to the content
  markerStart: number;
  markerEnd: number;
  contentStart: number;
  markerColumn: number;
}

/** A block while it is being built. */
interface Node {
  kind: Kind;
  parent: Node | null;
  children: Node[];
  open: boolean;
  startLine: number;
  /** Last line that belongs to the block (blank lines at a container's end are trimmed later). */
  lastLine: number;
  lines: LineSlice[];
  level: number;
  setext: boolean;
  fenced: boolean;
  fenceChar: number;
  fenceLength: number;
  fenceOffset: number;
  info: string;
  htmlType: number;
  list: ListData | null;
  /** For list items: the item's content has begun (a blank first line does not count). */
  lastLineBlank: boolean;
  tableColumns: number;
}

/**
 * Shared by the nodes that never get children (leaves) or lines (containers), to allocate less:
 * nothing adds to them (only containers take children, only leaves take lines).
 */
const NO_CHILDREN: Node[] = [];
const NO_LINES: LineSlice[] = [];

/**
 * Appends a line to a block. Most blocks have one line: a one-element literal is exact, where the
 * first push would allocate room for 17.
 */
function pushLine(n: Node, slice: LineSlice): void {
  if (n.lines.length === 0) n.lines = [slice];
  else n.lines.push(slice);
}

function node(kind: Kind, parent: Node | null, line: number): Node {
  const container = kind === 'document' || kind === 'blockquote' || kind === 'list' || kind === 'listItem';
  return {
    kind,
    parent,
    children: container ? [] : NO_CHILDREN,
    open: true,
    startLine: line,
    lastLine: line,
    lines: container || kind === 'thematicBreak' ? NO_LINES : [],
    level: 0,
    setext: false,
    fenced: false,
    fenceChar: 0,
    fenceLength: 0,
    fenceOffset: 0,
    info: '',
    htmlType: 0,
    list: null,
    lastLineBlank: false,
    tableColumns: 0,
  };
}

const TAB = 9;
const SPACE = 32;
const isSpaceOrTab = (c: number) => c === SPACE || c === TAB;

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

/** Scans `text` (already split into `lines`) into a block tree. */
export function scanBlocks(text: string, lines: Lines): DocumentBlock {
  const doc = node('document', null, 0);
  let tip: Node = doc;
  let oldTip: Node = doc;
  let lastMatched: Node = doc;
  let allClosed = true;

  // The cursor over the current line.
  let lineNo = 0;
  let lineStart = 0;
  let lineEnd = 0;
  let offset = 0;
  let column = 0;
  let partiallyConsumedTab = false;
  let nextNonspace = 0;
  let nextNonspaceColumn = 0;
  let indent = 0;
  let blank = false;

  const code = (i: number) => (i < lineEnd ? text.charCodeAt(i) : -1);

  const findNextNonspace = () => {
    let i = offset;
    let cols = column;
    for (;;) {
      const c = code(i);
      if (c === SPACE) {
        i++;
        cols++;
      } else if (c === TAB) {
        i++;
        cols += 4 - (cols % 4);
      } else break;
    }
    blank = i >= lineEnd;
    nextNonspace = i;
    nextNonspaceColumn = cols;
    indent = nextNonspaceColumn - column;
  };

  const advanceOffset = (count: number, columns: boolean) => {
    while (count > 0 && offset < lineEnd) {
      const c = text.charCodeAt(offset);
      if (c === TAB) {
        const charsToTab = 4 - (column % 4);
        if (columns) {
          partiallyConsumedTab = charsToTab > count;
          const charsToAdvance = Math.min(charsToTab, count);
          column += charsToAdvance;
          if (!partiallyConsumedTab) offset++;
          count -= charsToAdvance;
        } else {
          partiallyConsumedTab = false;
          column += charsToTab;
          offset++;
          count--;
        }
      } else {
        partiallyConsumedTab = false;
        offset++;
        column++;
        count--;
      }
    }
  };

  const advanceNextNonspace = () => {
    offset = nextNonspace;
    column = nextNonspaceColumn;
    partiallyConsumedTab = false;
  };

  const slice = (): LineSlice => ({ line: lineNo, start: offset, end: lineEnd });

  const addLine = () => {
    if (partiallyConsumedTab) {
      // The rest of a partly consumed tab counts as spaces; the slice starts at the tab itself.
      partiallyConsumedTab = false;
    }
    if (tip.kind === 'paragraph') {
      let s = offset;
      let e = lineEnd;
      while (s < e && isSpaceOrTab(text.charCodeAt(s))) s++;
      while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
      pushLine(tip, { line: lineNo, start: s, end: e });
    } else {
      pushLine(tip, slice());
    }
    tip.lastLine = lineNo;
  };

  const acceptsLines = (n: Node) =>
    n.kind === 'paragraph' || n.kind === 'code' || n.kind === 'html' || n.kind === 'table';
  const canContain = (parent: Node, child: Kind) => {
    if (parent.kind === 'document' || parent.kind === 'blockquote' || parent.kind === 'listItem')
      return child !== 'listItem';
    if (parent.kind === 'list') return child === 'listItem';
    return false;
  };

  const finalize = (block: Node, line: number) => {
    const above = block.parent;
    block.open = false;
    if (block.kind === 'paragraph') {
      stripReferenceDefinitions(text, block);
      if (block.lines.length === 0) {
        const siblings = above!.children;
        siblings.splice(siblings.lastIndexOf(block), 1);
      }
    }
    if (block.kind === 'code' && !block.fenced) {
      while (block.lines.length > 0) {
        const l = block.lines[block.lines.length - 1]!;
        if (text.slice(l.start, l.end).trim() !== '') break;
        block.lines.pop();
      }
      block.lastLine = block.lines[block.lines.length - 1]?.line ?? block.startLine;
    }
    // Children are always closed before their container, so their last lines are final.
    if (block.kind === 'blockquote' || block.kind === 'list' || block.kind === 'listItem') {
      let last = block.startLine;
      for (const c of block.children) if (c.lastLine > last) last = c.lastLine;
      block.lastLine = last;
    }
    void line;
    tip = above!;
  };

  const addChild = (kind: Kind, at: number): Node => {
    while (!canContain(tip, kind)) finalize(tip, lineNo - 1);
    const child = node(kind, tip, lineNo);
    void at;
    if (tip.children.length === 0) tip.children = [child];
    else tip.children.push(child);
    tip = child;
    return child;
  };

  const closeUnmatchedBlocks = () => {
    if (!allClosed) {
      while (oldTip !== lastMatched) {
        const parent = oldTip.parent!;
        finalize(oldTip, lineNo - 1);
        oldTip = parent;
      }
      allClosed = true;
    }
  };

  // ---- continuation checks: 0 = matched, 1 = not matched, 2 = matched and line consumed ----
  const continues = (container: Node): 0 | 1 | 2 => {
    switch (container.kind) {
      case 'document':
        return 0;
      case 'list':
        return 0;
      case 'blockquote': {
        if (!blank && indent <= 3 && code(nextNonspace) === 62) {
          advanceNextNonspace();
          advanceOffset(1, false);
          if (isSpaceOrTab(code(offset))) advanceOffset(1, true);
          return 0;
        }
        return 1;
      }
      case 'listItem': {
        const data = container.list!;
        if (blank) {
          if (container.children.length === 0) return 1;
          advanceNextNonspace();
          return 0;
        }
        if (indent >= data.markerOffset + data.padding) {
          advanceOffset(data.markerOffset + data.padding, true);
          return 0;
        }
        return 1;
      }
      case 'heading':
      case 'thematicBreak':
        return 1;
      case 'frontMatter': {
        const s = text.slice(lineStart, lineEnd);
        if (/^(?:---|\.\.\.)[ \t]*$/.test(s)) {
          container.lastLine = lineNo;
          finalize(container, lineNo);
          return 2;
        }
        return 0;
      }
      case 'code': {
        if (container.fenced) {
          const c = code(nextNonspace);
          if (indent <= 3 && c === container.fenceChar) {
            let n = 0;
            let i = nextNonspace;
            while (code(i) === c) {
              i++;
              n++;
            }
            if (n >= container.fenceLength) {
              while (isSpaceOrTab(code(i))) i++;
              if (i >= lineEnd) {
                container.lastLine = lineNo;
                finalize(container, lineNo);
                return 2;
              }
            }
          }
          let skip = container.fenceOffset;
          while (skip > 0 && isSpaceOrTab(code(offset))) {
            advanceOffset(1, true);
            skip--;
          }
          return 0;
        }
        if (indent >= 4) {
          advanceOffset(4, true);
          return 0;
        }
        if (blank) {
          advanceNextNonspace();
          return 0;
        }
        return 1;
      }
      case 'html':
        return blank && (container.htmlType === 6 || container.htmlType === 7) ? 1 : 0;
      case 'paragraph':
        return blank ? 1 : 0;
      case 'table':
        return blank ? 1 : 0;
    }
  };

  // ---- block starts: 0 = no match, 1 = container, 2 = leaf ----
  const starts: ((container: Node) => 0 | 1 | 2)[] = [
    // block quote
    () => {
      if (indent <= 3 && code(nextNonspace) === 62) {
        advanceNextNonspace();
        advanceOffset(1, false);
        if (isSpaceOrTab(code(offset))) advanceOffset(1, true);
        closeUnmatchedBlocks();
        addChild('blockquote', nextNonspace);
        return 1;
      }
      return 0;
    },
    // ATX heading
    () => {
      if (indent > 3 || code(nextNonspace) !== 35) return 0;
      let i = nextNonspace;
      let level = 0;
      while (code(i) === 35 && level < 7) {
        i++;
        level++;
      }
      if (level > 6 || (i < lineEnd && !isSpaceOrTab(code(i)))) return 0;
      advanceNextNonspace();
      closeUnmatchedBlocks();
      const h = addChild('heading', nextNonspace);
      h.level = level;
      let s = i;
      while (isSpaceOrTab(code(s))) s++;
      let e = lineEnd;
      while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
      // Closing sequence: spaces then #s at the end (or the whole content is #s).
      let k = e;
      while (k > s && text.charCodeAt(k - 1) === 35) k--;
      if (k < e && (k === s || isSpaceOrTab(text.charCodeAt(k - 1)))) {
        e = k;
        while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
      }
      h.lines = [{ line: lineNo, start: s, end: Math.max(s, e) }];
      offset = lineEnd;
      return 2;
    },
    // fenced code
    () => {
      if (indent > 3) return 0;
      const c = code(nextNonspace);
      if (c !== 96 && c !== 126) return 0;
      let i = nextNonspace;
      while (code(i) === c) i++;
      const n = i - nextNonspace;
      if (n < 3) return 0;
      const info = text.slice(i, lineEnd);
      if (c === 96 && info.includes('`')) return 0;
      closeUnmatchedBlocks();
      const b = addChild('code', nextNonspace);
      b.fenced = true;
      b.fenceChar = c;
      b.fenceLength = n;
      b.fenceOffset = indent;
      b.info = info.trim();
      advanceNextNonspace();
      advanceOffset(n, false);
      offset = lineEnd;
      return 2;
    },
    // HTML block
    (container) => {
      if (indent > 3 || code(nextNonspace) !== 60) return 0;
      const s = text.slice(nextNonspace, lineEnd);
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
          container.kind !== 'paragraph' &&
          container.kind !== 'table' &&
          !(!allClosed && tip.kind === 'paragraph') &&
          HTML_OPEN_CLOSE.test(s)
        )
          type = 7;
      }
      if (type === 0) return 0;
      closeUnmatchedBlocks();
      const b = addChild('html', offset);
      b.htmlType = type;
      return 2;
    },
    // setext heading underline
    (container) => {
      if (indent > 3 || container.kind !== 'paragraph') return 0;
      const c = code(nextNonspace);
      if (c !== 61 && c !== 45) return 0;
      let i = nextNonspace;
      while (code(i) === c) i++;
      while (isSpaceOrTab(code(i))) i++;
      if (i < lineEnd) return 0;
      closeUnmatchedBlocks();
      stripReferenceDefinitions(text, container);
      if (container.lines.length === 0) return 0;
      const heading = node('heading', container.parent, container.lines[0]!.line);
      heading.level = c === 61 ? 1 : 2;
      heading.setext = true;
      heading.lines = container.lines;
      heading.lastLine = lineNo;
      heading.open = false;
      const siblings = container.parent!.children;
      siblings[siblings.length - 1] = heading;
      container.open = false;
      // The heading replaces the paragraph; phase 3 closes it.
      tip = heading;
      offset = lineEnd;
      return 2;
    },
    // thematic break
    () => {
      if (indent > 3) return 0;
      const c = code(nextNonspace);
      if (c !== 42 && c !== 45 && c !== 95) return 0;
      let n = 0;
      for (let i = nextNonspace; i < lineEnd; i++) {
        const d = text.charCodeAt(i);
        if (d === c) n++;
        else if (!isSpaceOrTab(d)) return 0;
      }
      if (n < 3) return 0;
      closeUnmatchedBlocks();
      addChild('thematicBreak', nextNonspace);
      offset = lineEnd;
      return 2;
    },
    // list item
    (container) => {
      if (indent >= 4) return 0;
      const data = parseListMarker(container);
      if (!data) return 0;
      closeUnmatchedBlocks();
      if (tip.kind !== 'list' || !listsMatch(tip.list!, data)) {
        const list = addChild('list', nextNonspace);
        list.list = data;
      }
      const item = addChild('listItem', nextNonspace);
      item.list = data;
      return 1;
    },
    // indented code
    () => {
      if (indent >= 4 && tip.kind !== 'paragraph' && !blank) {
        advanceOffset(4, true);
        closeUnmatchedBlocks();
        addChild('code', offset);
        return 2;
      }
      return 0;
    },
  ];

  const parseListMarker = (container: Node): ListData | null => {
    const markerStart = nextNonspace;
    const c = code(markerStart);
    let ordered = false;
    let bulletChar = '';
    let start = 0;
    let delimiter = '';
    let end = markerStart;
    if (c === 42 || c === 43 || c === 45) {
      bulletChar = String.fromCharCode(c);
      end = markerStart + 1;
    } else {
      let i = markerStart;
      while (i - markerStart < 9 && code(i) >= 48 && code(i) <= 57) i++;
      const d = code(i);
      if (i === markerStart || (d !== 46 && d !== 41)) return null;
      if (container.kind === 'paragraph' && text.slice(markerStart, i) !== '1') return null;
      ordered = true;
      start = Number(text.slice(markerStart, i));
      delimiter = String.fromCharCode(d);
      end = i + 1;
    }
    const after = code(end);
    if (after !== -1 && !isSpaceOrTab(after)) return null;
    if (container.kind === 'paragraph') {
      let j = end;
      while (isSpaceOrTab(code(j))) j++;
      if (j >= lineEnd) return null;
    }
    const markerColumn = nextNonspaceColumn;
    const markerOffset = indent;
    advanceNextNonspace();
    advanceOffset(end - markerStart, true);
    const spacesStartCol = column;
    const spacesStartOffset = offset;
    let nextCol: number;
    do {
      advanceOffset(1, true);
      nextCol = column;
    } while (column - spacesStartCol < 5 && isSpaceOrTab(code(offset)));
    const blankItem = offset >= lineEnd;
    const spacesAfterMarker = nextCol - spacesStartCol;
    let padding: number;
    if (spacesAfterMarker >= 5 || spacesAfterMarker < 1 || blankItem) {
      padding = end - markerStart + 1;
      column = spacesStartCol;
      offset = spacesStartOffset;
      partiallyConsumedTab = false;
      if (isSpaceOrTab(code(offset))) advanceOffset(1, true);
    } else {
      padding = end - markerStart + spacesAfterMarker;
    }
    return {
      ordered,
      bulletChar,
      start,
      delimiter,
      markerOffset,
      padding,
      markerStart,
      markerEnd: end,
      contentStart: blankItem ? lineEnd : offset,
      markerColumn,
    };
  };

  const listsMatch = (a: ListData, b: ListData) =>
    a.ordered === b.ordered && a.bulletChar === b.bulletChar && a.delimiter === b.delimiter;

  // Front matter: `---` on the first line up to the next `---` or `...` line.
  let firstLine = 0;
  if (lines.count > 1 && /^---[ \t]*$/.test(text.slice(lines.start[0], lines.end[0]))) {
    let close = -1;
    for (let l = 1; l < lines.count; l++) {
      if (/^(?:---|\.\.\.)[ \t]*$/.test(text.slice(lines.start[l], lines.end[l]))) {
        close = l;
        break;
      }
    }
    if (close > 0) {
      const fm = node('frontMatter', doc, 0);
      for (let l = 1; l < close; l++) fm.lines.push({ line: l, start: lines.start[l]!, end: lines.end[l]! });
      fm.lastLine = close;
      fm.open = false;
      doc.children.push(fm);
      firstLine = close + 1;
    }
  }

  for (lineNo = firstLine; lineNo < lines.count; lineNo++) {
    lineStart = lines.start[lineNo]!;
    lineEnd = lines.end[lineNo]!;
    offset = lineStart;
    column = 0;
    partiallyConsumedTab = false;
    blank = false;
    oldTip = tip;
    allClosed = true;

    // Phase 1: match open containers.
    let container: Node = doc;
    let consumed = false;
    for (;;) {
      const last = container.children[container.children.length - 1];
      if (!last?.open) break;
      container = last;
      findNextNonspace();
      const r = continues(container);
      if (r === 0) continue;
      if (r === 2) {
        consumed = true;
        break;
      }
      container = container.parent!;
      break;
    }
    if (consumed) continue;
    allClosed = container === oldTip;
    lastMatched = container;

    let matchedLeaf = container.kind !== 'paragraph' && container.kind !== 'table' && acceptsLines(container);
    // Phase 2: open new blocks.
    while (!matchedLeaf) {
      findNextNonspace();
      const c = code(nextNonspace);
      // Fast path: a line that starts with a plain character opens no block.
      if (
        indent < 4 &&
        !(
          c === 62 ||
          c === 35 ||
          c === 96 ||
          c === 126 ||
          c === 60 ||
          c === 61 ||
          c === 45 ||
          c === 42 ||
          c === 43 ||
          c === 95 ||
          (c >= 48 && c <= 57)
        )
      ) {
        advanceNextNonspace();
        break;
      }
      let opened: 0 | 1 | 2 = 0;
      for (let k = 0; k < starts.length; k++) {
        opened = starts[k]!(container);
        if (opened !== 0) break;
      }
      if (opened === 0) {
        advanceNextNonspace();
        break;
      }
      container = tip;
      if (opened === 2) matchedLeaf = true;
    }

    // Phase 3: add the rest of the line to the right block.
    if (!allClosed && !blank && tip.kind === 'paragraph' && !matchedLeaf) {
      // Lazy continuation line.
      addLine();
      continue;
    }
    closeUnmatchedBlocks();
    if (blank && container.children.length > 0) {
      container.children[container.children.length - 1]!.lastLineBlank = true;
    }
    const k = container.kind;
    if (k === 'heading' || k === 'thematicBreak') {
      if (k === 'thematicBreak') container.lastLine = lineNo;
      if (k === 'heading') container.lastLine = lineNo;
      finalize(container, lineNo);
      continue;
    }
    if (k === 'code' || k === 'html' || k === 'table') {
      if (k === 'code' && container.fenced && container.startLine === lineNo) continue;
      if (k === 'table' && !blank) advanceNextNonspace();
      addLine();
      if (k === 'html' && container.htmlType >= 1 && container.htmlType <= 5) {
        if (HTML_END[container.htmlType]!.test(text.slice(offset, lineEnd))) finalize(container, lineNo);
      }
      continue;
    }
    if (k === 'paragraph') {
      // A GFM table: the paragraph's last line is the header, this line the delimiter row.
      const cols = delimiterRowColumns(text, nextNonspace, lineEnd);
      const header = container.lines[container.lines.length - 1]!;
      if (!blank && indent < 4 && cols > 0 && cols === headerColumns(text, header.start, header.end)) {
        const table = node('table', container.parent, header.line);
        table.tableColumns = cols;
        table.lines = [header];
        container.lines.pop();
        const siblings = container.parent!.children;
        // The open paragraph is the last child: search from the end (indexOf made many tables quadratic).
        if (container.lines.length === 0) siblings[siblings.lastIndexOf(container)] = table;
        else {
          finalize(container, lineNo - 1);
          siblings.push(table);
        }
        container.open = false;
        tip = table;
        advanceNextNonspace();
        addLine();
        continue;
      }
      if (!blank) {
        advanceNextNonspace();
        addLine();
      }
      continue;
    }
    if (!blank) {
      advanceNextNonspace();
      addChild('paragraph', offset);
      addLine();
    }
  }
  while (tip !== doc) finalize(tip, lines.count - 1);
  return toBlocks(lines, doc);
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
function stripReferenceDefinitions(text: string, p: Node): void {
  while (p.lines.length > 0) {
    const first = p.lines[0]!;
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
    const consumed = referenceDefinitionLines(text, p.lines);
    if (consumed === 0) return;
    p.lines.splice(0, consumed);
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

/** An array of `n` elements to fill by index (a push from empty would reserve room for 17). */
function sized<T>(n: number): T[] {
  return n === 0 ? [] : new Array<T>(n);
}

/** Converts the build tree into the public block types in one iterative pre-order pass. */
function toBlocks(lines: Lines, doc: Node): DocumentBlock {
  const out: DocumentBlock = {
    type: 'document',
    startLine: 0,
    endLine: lines.count,
    children: sized(doc.children.length),
  };
  // Parallel stacks rather than a frame object per block: the node, the array and index it goes to.
  // Every node gives one block, so each children array is made at its final size and filled by index.
  const preNodes: Node[] = [];
  const preInto: Block[][] = [];
  const preAt: number[] = [];
  for (let i = doc.children.length - 1; i >= 0; i--) {
    preNodes.push(doc.children[i]!);
    preInto.push(out.children);
    preAt.push(i);
  }
  while (preNodes.length > 0) {
    const n = preNodes.pop()!;
    const into = preInto.pop()!;
    const at = preAt.pop()!;
    const endLine = n.lastLine + 1;
    let b: Block;
    switch (n.kind) {
      case 'blockquote':
        b = { type: 'blockquote', startLine: n.startLine, endLine, children: sized(n.children.length) };
        break;
      case 'list': {
        const d = n.list!;
        b = {
          type: 'list',
          startLine: n.startLine,
          endLine,
          ordered: d.ordered,
          start: d.ordered ? d.start : null,
          delimiter: d.ordered ? d.delimiter : d.bulletChar,
          children: sized(n.children.length),
        };
        break;
      }
      case 'listItem': {
        const d = n.list!;
        const item: ListItemBlock = {
          type: 'listItem',
          startLine: n.startLine,
          endLine,
          markerStart: d.markerStart,
          markerEnd: d.markerEnd,
          contentStart: d.contentStart,
          markerColumn: d.markerColumn,
          contentColumn: d.markerColumn + d.padding,
          children: sized(n.children.length),
        };
        b = item;
        break;
      }
      case 'paragraph':
        b = { type: 'paragraph', startLine: n.lines[0]?.line ?? n.startLine, endLine, lines: n.lines };
        break;
      case 'heading':
        b = {
          type: 'heading',
          startLine: n.startLine,
          endLine,
          level: n.level,
          setext: n.setext,
          lines: n.lines,
        };
        break;
      case 'code':
        b = { type: 'code', startLine: n.startLine, endLine, fenced: n.fenced, info: n.info, lines: n.lines };
        break;
      case 'html':
        b = { type: 'html', startLine: n.startLine, endLine, lines: n.lines };
        break;
      case 'table':
        b = { type: 'table', startLine: n.startLine, endLine, lines: n.lines };
        break;
      case 'frontMatter':
        b = { type: 'frontMatter', startLine: 0, endLine, lines: n.lines };
        break;
      case 'thematicBreak':
        b = { type: 'thematicBreak', startLine: n.startLine, endLine };
        break;
      default:
        continue;
    }
    into[at] = b;
    if ('children' in b) {
      const kids = b.children as Block[];
      for (let i = n.children.length - 1; i >= 0; i--) {
        preNodes.push(n.children[i]!);
        preInto.push(kids);
        preAt.push(i);
      }
    }
  }
  return out;
}
