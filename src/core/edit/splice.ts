/** The one splice routine every edit goes through. */
import { TmError } from '../errors.js';

/** Replace `text[start, end)` by `text`; offsets are UTF-16 indices into the plan's text. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies non-overlapping edits in one pass (in any order given; insertions at one point keep their order). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const { e } of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) {
      throw new TmError(
        'TM_INVALID_EDIT',
        `Edits overlap or fall outside the text at ${e.start}-${e.end}; nothing was changed.`,
      );
    }
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}
