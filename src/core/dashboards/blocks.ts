/** Where dashboards can be: each line of the plan classified by the block it belongs to, and the tables. */

import type { Plan } from '../model.js';
import type { Block, LineSlice } from '../plan/block-types.js';
import { scanBlocks } from '../plan/blocks.js';

export const LINE = {
  /** Ordinary text: paragraphs, headings, list items. */
  text: 0,
  /** Not a dashboard: code in a language (an example, a script), front matter. */
  skip: 1,
  /** A fenced block without a language (or `text`): where plans draw boxed dashboards. */
  drawn: 2,
  html: 3,
  table: 4,
} as const;

/** Info strings of code blocks that hold drawings rather than code or examples. */
const DRAWN_INFO = /^(?:|text|txt|plain|plaintext|ascii|none)$/i;

export interface PlanBlocks {
  /** The kind of each 0-based line. */
  readonly kinds: Uint8Array;
  /** Each table's lines (container prefixes removed): header, delimiter row, body rows. */
  readonly tables: readonly (readonly LineSlice[])[];
}

/** Classifies the plan's lines in one walk over its block tree. */
export function planBlocks(plan: Plan): PlanBlocks {
  const kinds = new Uint8Array(plan.lines.count);
  const tables: LineSlice[][] = [];
  const mark = (from: number, to: number, kind: number) => {
    for (let l = from; l < to && l < kinds.length; l++) kinds[l] = kind;
  };
  const stack: Block[] = [scanBlocks(plan.text, plan.lines)];
  while (stack.length > 0) {
    const b = stack.pop()!;
    switch (b.type) {
      case 'document':
      case 'blockquote':
      case 'list':
      case 'listItem':
        for (const c of b.children) stack.push(c);
        break;
      case 'code':
        mark(b.startLine, b.endLine, b.fenced && DRAWN_INFO.test(b.info.trim()) ? LINE.drawn : LINE.skip);
        // The fences themselves are never dashboards.
        if (b.fenced) {
          kinds[b.startLine] = LINE.skip;
          const last = b.lines[b.lines.length - 1]?.line ?? b.startLine;
          if (b.endLine - 1 > last) kinds[b.endLine - 1] = LINE.skip;
        }
        break;
      case 'frontMatter':
        mark(b.startLine, b.endLine, LINE.skip);
        break;
      case 'html':
        mark(b.startLine, b.endLine, LINE.html);
        break;
      case 'table':
        mark(b.startLine, b.endLine, LINE.table);
        tables.push(b.lines);
        break;
      default:
        break;
    }
  }
  tables.sort((a, b) => (a[0]?.line ?? 0) - (b[0]?.line ?? 0));
  return { kinds, tables };
}
