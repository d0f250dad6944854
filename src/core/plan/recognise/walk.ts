/**
 * The recogniser's walk: the block tree in document order, on a stack of frames (nesting can be
 * 10,000 levels deep), each block handed to the reader of its kind.
 */
import { statusOfGlyph } from '../attributes/status.js';
import type { Block, DocumentBlock, ListBlock } from '../block-types.js';
import { readFileFields } from '../file-item.js';
import type { Lines } from '../lines.js';
import type { GlyphStatus } from '../marks.js';
import { newItem, type Recognised } from './draft.js';
import { onFieldList, onListItem } from './list-items.js';
import { listLabel, plainLanes } from './lists.js';
import { boldTitleItem, onParagraph } from './paragraphs.js';
import { closeSections, closeSectionsAbove, onHeading, titleLevel } from './sections.js';
import { currentSection, type Frame, leaveBody, State } from './state.js';
import { onTable } from './tables.js';

const NO_BLOCKS: ReadonlySet<Block> = new Set();

function pushList(st: State, b: ListBlock, parentItem: number, depth: number, within?: Frame) {
  st.listSizes.push(b.children.length);
  // A list inside a list item goes on with its outline; any other starts one.
  const nested = within?.outline !== undefined;
  st.stack.push({
    outline: nested ? within!.outline : '',
    root: nested ? within!.root : st.listSizes.length - 1,
    blocks: b.children,
    index: 0,
    parentItem,
    depth,
    list: st.listSizes.length - 1,
    lane: st.lanes?.has(b) ?? false,
    of: b,
  });
}

function inLegendSection(st: State) {
  const sec = currentSection(st);
  return sec >= 0 && st.legendSections[sec]!;
}

/** Walks the block tree once (iteratively: nesting can be 10,000 levels deep). */
export function recognise(
  text: string,
  lines: Lines,
  doc: DocumentBlock,
  glyphStatus: GlyphStatus = statusOfGlyph,
  legendBlocks: ReadonlySet<Block> = NO_BLOCKS,
): Recognised {
  const st = new State(text, lines, doc, glyphStatus, titleLevel(doc));
  st.lanes = plainLanes(st);

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
    st.drafts.push({
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
  st.stack.push({ blocks: doc.children, index: 0, parentItem: -1, depth: 0, list: -1 });
  while (st.stack.length > 0) {
    const frame = st.stack[st.stack.length - 1]!;
    if (frame.index >= frame.blocks.length) {
      st.stack.pop();
      if (frame.quote !== undefined) closeSectionsAbove(st, frame.quote.open, frame.quote.endLine);
      continue;
    }
    const b = frame.blocks[frame.index++]!;
    switch (b.type) {
      case 'heading':
        st.headingByLine.set(b.startLine, b);
        onHeading(st, b);
        break;
      case 'paragraph': {
        const bold =
          frame.parentItem < 0 && frame.list < 0 && !inLegendSection(st)
            ? boldTitleItem(st, b, frame.blocks[frame.index])
            : null;
        if (bold === null) {
          const next = frame.blocks[frame.index];
          if (next?.type === 'list' && b.lines.length === 1 && !inLegendSection(st)) {
            const label = listLabel(st, b.lines[0]!);
            if (label !== null) st.listLabels.set(next, label);
          }
          onParagraph(st, b, frame.parentItem);
          break;
        }
        leaveBody(st);
        if (bold.list === null) break;
        // Its list is its fields and its boxes: they are the item's.
        frame.index++;
        pushList(st, bold.list, bold.draft, st.drafts[bold.draft]!.item.depth + 1);
        break;
      }
      case 'list':
        // A legend's list under its label (`Legend:` over `- 🟢 Done`) names statuses, not work.
        if (legendBlocks.has(b)) break;
        if (frame.parentItem < 0 && st.open.length > 0 && st.open[st.open.length - 1]!.body)
          onFieldList(st, b);
        leaveBody(st);
        pushList(st, b, frame.parentItem, frame.depth, frame);
        break;
      case 'listItem': {
        const next = onListItem(st, b, frame);
        if (next) st.stack.push(next);
        break;
      }
      case 'blockquote':
        st.stack.push({
          blocks: b.children,
          index: 0,
          parentItem: frame.parentItem,
          depth: frame.depth,
          list: -1,
          quote: { open: st.open.length, endLine: b.endLine },
        });
        break;
      case 'code':
        st.codeBlocks.push(b);
        break;
      case 'table':
        if (!legendBlocks.has(b)) onTable(st, b, frame.parentItem);
        break;
      default:
        break;
    }
  }
  closeSections(st, 0, lines.count);
  if (file)
    for (let i = 1; i < st.drafts.length; i++) if (st.drafts[i]!.parent === -1) st.drafts[i]!.parent = 0;
  return {
    drafts: st.drafts,
    sections: st.sections,
    sectionLines: st.sectionLines,
    planFields: st.planFields,
    codeBlocks: st.codeBlocks,
    titleSection: st.titleSection,
    sectionDrafts: st.sectionDrafts,
    listSizes: st.listSizes,
  };
}
