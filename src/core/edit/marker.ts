/** Writing a status mark in kind: a word in its wrapper, a keyword, a glyph, a TaskPaper tag. */
import { TmError } from '../errors.js';
import type { Item, Plan, Span, Status } from '../model.js';
import { BOX_GLYPHS, ORG_KEYWORDS, statusWordAfterMark } from '../plan/attributes/status.js';
import { repairForMatching } from '../plan/encoding.js';
import { inShortcodesLike } from '../plan/shortcodes.js';
import { closingWrapper, STRONG_WRAPPERS } from '../plan/trailing-marks.js';
import { readsBack } from './readback.js';
import type { Edit } from './splice.js';
import { statingStatusText, statusText } from './style.js';
import { keywordFor, legendGlyphStatus } from './vocabulary.js';

const DEFAULT_BOX: Partial<Record<Status, string>> = { todo: '☐', done: '☑', cancelled: '✗' };

/** `- ✅ Thing` → `- 🔄 Thing`; `- **✅ Completed**: Thing` → `- **🔄 In Progress**: Thing`. */
export function markerEdits(plan: Plan, item: Item, status: Status): Edit[] {
  const span = item.statusSpan!;
  const text = plan.text;
  const old = repairForMatching(text.slice(span.start, span.end)).replace('\uFE0F', '');
  // A status word wrapped (`… [in progress]`, `… **Done**`, `… (blocked)`) stays a word, in the plan's
  // words and the old case.
  const wrapped = wrapperAround(text, span);
  if (wrapped !== null && /\p{L}/u.test(old)) {
    // One opening the line must state its status alone (`- **TODO:** …`, not `- **Later:** …`).
    const said =
      span.start < item.titleSpan.start
        ? statingStatusText(plan, status, old)
        : statusText(plan, status, old);
    if (status !== 'todo' || STRONG_WRAPPERS.has(wrapped.open))
      return [{ start: span.start, end: span.end, text: said }];
    // A to-do word in parentheses or emphasis would read as a description: the glyph says it.
    return [{ start: wrapped.start, end: wrapped.end, text: statusText(plan, status, '✅').trim() }];
  }
  // An org keyword (`- TODO …`) stays a keyword: the plan's own for the status, else org's.
  if (ORG_KEYWORDS.has(old)) return [{ start: span.start, end: span.end, text: keywordFor(plan, status) }];
  // A glyph and a word (`… 🚧 IN PROGRESS`) stay both, in the plan's words and the old case.
  if (isGlyphAndWord(old)) return [{ start: span.start, end: span.end, text: statusText(plan, status, old) }];
  // TaskPaper's tag (`@done(2026-11-28)`) stays a tag for the statuses TaskPaper has one for (blocked
  // is `@waiting`, or `@blocked` where the line said so); the others are said by a glyph, as TaskPaper
  // has no tag for them.
  if (old.charCodeAt(0) === 64 && (status === 'done' || status === 'cancelled' || status === 'blocked')) {
    const tag = status !== 'blocked' ? `@${status}` : old.startsWith('@blocked') ? '@blocked' : '@waiting';
    return [{ start: span.start, end: span.end, text: tag }];
  }
  let emoji = statusText(plan, status, '✅').trim();
  const own = (mark: string): Edit[] => [
    { start: span.start, end: span.end, text: inShortcodesLike(mark, text.slice(span.start, span.end)) },
  ];
  // A ballot box stays a box where there is one for the status (☐ becomes ☑, not ✅), unless the
  // plan's legend gives the status a glyph of its own (`○ todo`). A plain line alone is an item only
  // by its box; in a paragraph of lines each opening with a mark it is one by any mark: there a glyph
  // is written where the line reads back by it, and the edit refused where no mark would do.
  if (BOX_GLYPHS.has(old) && !BOX_GLYPHS.has(emoji)) {
    const box = DEFAULT_BOX[status];
    if (box && legendGlyphStatus(plan, emoji) !== status) emoji = box;
    else if (!readsBack(plan, item, own(emoji), status)) {
      if (box) emoji = box;
      else if (item.list === null)
        throw new TmError(
          'TM_INVALID_EDIT',
          `${item.key}: a line that opens with a ballot box has no box for ${status}; make it a list item (\`- [/] …\`) to mark it so.`,
        );
    }
  }
  const edits = own(emoji);
  // A status word right after the mark inside the bold (`**✅ Completed**`) changes with it; only
  // there: in `- ✅ Ship it **Due:** …` the words after the mark are the title.
  const bold = /(\*\*|__)[ \t]*$/.exec(text.slice(item.lineSpan.start, span.start));
  const after = bold
    ? new RegExp(`^(\\s+)([\\p{L}][\\p{L} ]*?)(?=${bold[1] === '**' ? '\\*\\*' : '__'})`, 'u').exec(
        text.slice(span.end, item.lineSpan.end),
      )
    : null;
  // Or set off from the title by `:` or a dash (`- ✅ Done: Remove the exporter`, `- ✅ **Done**: …`), read
  // as the parser reads it, without the line's trailing white space.
  const rest = bold ? '' : text.slice(span.end, item.lineSpan.end).trimEnd();
  const lead = bold ? 0 : rest.length - rest.trimStart().length;
  const said = bold ? null : statusWordAfterMark(rest.slice(lead));
  const word = after
    ? { at: span.end + after[1]!.length, text: after[2]! }
    : said && { at: span.end + lead + said.at, text: said.word };
  if (word) {
    const next = statusText(plan, status, `✅ ${word.text}`).replace(/^[^\p{L}]+/u, '');
    edits.push({ start: word.at, end: word.at + word.text.length, text: next });
  }
  return edits;
}

/** Whether a status mark as written is a glyph and a word (`🚧 In progress`), not a glyph alone. */
export function isGlyphAndWord(mark: string): boolean {
  return mark.charCodeAt(0) >= 128 && /\s\p{L}/u.test(mark);
}

/** The wrappers a status word may have: bold, emphasis, brackets (lenticular ones too), and brackets in emphasis. */
const WRAPPERS = ['**(', '__(', '**[', '__[', '*(', '_(', '*[', '_[', '**', '__', '(', '[', '【', '*', '_'];

/** A status word's wrapper: its opener, where the opener starts and where its closer ends. */
interface Wrapped {
  open: string;
  start: number;
  end: number;
}

/**
 * The wrapper around a mark's word, white space inside it or not (`**In progress:**`, `(on hold)`,
 * `[ blocked ]`, `*(blocked)*`), or null for a mark written bare.
 */
export function wrapperAround(text: string, span: Span): Wrapped | null {
  let before = span.start;
  while (text[before - 1] === ' ' || text[before - 1] === '\t') before--;
  let after = span.end;
  while (text[after] === ' ' || text[after] === '\t') after++;
  for (const open of WRAPPERS) {
    if (!text.startsWith(open, before - open.length)) continue;
    const close = closingWrapper(open);
    // A bold word may take its colon inside the bold: `**Blocked:**`.
    const at = (open === '**' || open === '__') && text[after] === ':' ? after + 1 : after;
    if (text.startsWith(close, at)) return { open, start: before - open.length, end: at + close.length };
  }
  return null;
}
