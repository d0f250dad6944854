/** Reading the checkbox at the start of a list item's first paragraph. */

/**
 * Marks taskmark accepts between the brackets: GFM's space, x and X, the common extended marks, and
 * the check and cross glyphs some plans tick their boxes with (`[✓]`, `[✗]`).
 */
const MARKS = ' \txX/\\-~><!?✓✔✗✘';

export interface Checkbox {
  /** The mark character ('\t' is reported as ' '). */
  readonly mark: string;
  /** Offset of the mark character. */
  readonly markOffset: number;
  /** True when GFM would read this as a task-list item. */
  readonly gfm: boolean;
  /** Kiro's `[ ]*` optional-task star directly after the box. */
  readonly optional: boolean;
  /** Offset where the item's text starts (after the box, the optional star and spaces). */
  readonly textStart: number;
}

const isSpace = (c: number) => c === 32 || c === 9;

/**
 * Reads `[m]` at `start` of a paragraph whose first line ends at `lineEnd`. `continues` tells
 * whether the paragraph has more lines, which GFM accepts as the task's text.
 */
export function readCheckbox(
  text: string,
  start: number,
  lineEnd: number,
  continues: boolean,
): Checkbox | null {
  if (start + 3 > lineEnd) return null;
  if (text.charCodeAt(start) !== 91 /* [ */ || text.charCodeAt(start + 2) !== 93 /* ] */) return null;
  const markChar = text[start + 1]!;
  if (!MARKS.includes(markChar)) return null;
  let p = start + 3;
  let optional = false;
  if (p < lineEnd && text.charCodeAt(p) === 42 /* * */) {
    optional = true;
    p++;
  }
  const afterBox = p;
  if (p < lineEnd && !isSpace(text.charCodeAt(p))) return null;
  while (p < lineEnd && isSpace(text.charCodeAt(p))) p++;
  const hasText = p < lineEnd || continues;
  if (!hasText) return null;
  const gfm = !optional && ' \txX'.includes(markChar) && (afterBox < lineEnd || continues);
  return {
    mark: markChar === '\t' ? ' ' : markChar,
    markOffset: start + 1,
    gfm,
    optional,
    textStart: p,
  };
}
