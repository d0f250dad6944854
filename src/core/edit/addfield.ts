/** Adding a field an item does not have, in the notation of its line, its heading or its file. */
import type { Item, Plan, Span } from '../model.js';
import { setOffDashAt } from '../plan/chars.js';
import { lineAt } from '../plan/lines.js';
import { trailingStatusMark } from '../plan/trailing-marks.js';
import { insertFieldLine } from './fieldline.js';
import { inOwnNotation } from './notation.js';
import { separatorBefore } from './removefield.js';
import { refuseDataviewValue, yamlScalar } from './replace.js';
import type { Edit } from './splice.js';
import { eolOf, keySpelling, lineStartAt, nextLineStart, usesEmojiFor } from './style.js';

const EMOJI_KEYS: Readonly<Record<string, string>> = {
  due: '📅',
  scheduled: '⏳',
  start: '🛫',
  created: '➕',
  done: '✅',
  id: '🆔',
  depends: '⛔',
};

/**
 * A new field of a file item, in the form of its others: a `key: value` line at the end of the
 * front matter, or a `# Key: value` heading after the last of the opening headings that have a value
 * (a `# Details:` heading after them opens content of its own).
 */
export function addToFile(plan: Plan, item: Item, key: string, value: string): Edit {
  const eol = eolOf(plan);
  const text = plan.text;
  const last = item.fields[item.fields.length - 1]!;
  if (last.style === 'front-matter') {
    // Before the closing `---`, after whatever else the front matter holds.
    let l = lineAt(plan.lines, last.span.end) + 1;
    while (
      l < plan.lines.count &&
      !/^(?:---|\.\.\.)\s*$/.test(text.slice(plan.lines.start[l], plan.lines.end[l]))
    )
      l++;
    const at = plan.lines.start[Math.min(l, plan.lines.count - 1)]!;
    return {
      start: at,
      end: at,
      text: `${keySpelling(plan, key, 'front-matter').toLowerCase()}: ${yamlScalar(value, '')}${eol}`,
    };
  }
  let anchor = item.fields[0]!;
  for (const f of item.fields) {
    if (lineAt(plan.lines, f.span.start) > lineAt(plan.lines, anchor.span.start) + 1) break;
    if (f.value !== '') anchor = f;
    else break;
  }
  const lineStart = lineStartAt(plan, anchor.span.start);
  const hashes = text.slice(lineStart, anchor.span.start);
  const at = nextLineStart(plan, anchor.span.start);
  const line = `${hashes}${keySpelling(plan, key, 'heading-field')}: ${value}`;
  const atEnd = at === text.length && !/[\r\n]$/.test(text);
  return { start: at, end: at, text: atEnd ? `${eol}${line}` : `${line}${eol}` };
}

export function addToHeading(plan: Plan, item: Item, key: string, value: string): Edit {
  const pipe = item.fields.find((f) => f.style === 'bold-pipe');
  if (pipe) {
    // Append to the pipe-joined line, before its trailing spaces.
    const lineEnd = plan.lines.end[lineAt(plan.lines, pipe.span.start)]!;
    let at = lineEnd;
    while (at > 0 && (plan.text[at - 1] === ' ' || plan.text[at - 1] === '\t')) at--;
    const head = plan.text
      .slice(pipe.span.start, pipe.valueSpan.start)
      .replace(pipe.rawKey, keySpelling(plan, key, 'bold-pipe'));
    const sep = plan.text[separatorBefore(plan.text, pipe) - 1];
    return { start: at, end: at, text: ` ${sep} ${head}${value}` };
  }
  return insertFieldLine(plan, item, key, value);
}

export function addInline(plan: Plan, item: Item, key: string, value: string): Edit {
  const text = plan.text;
  let at = item.lineSpan.end;
  while (at > item.titleSpan.start && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  // Keep a trailing block reference (`^abc123`) last.
  const block = /\s\^[\w-]+$/.exec(text.slice(item.titleSpan.start, at));
  if (block) at -= block[0].length;
  // A status after the name and a colon (`- Search: not started (P1)`, `- **Auth**: ✅ Complete`) is
  // followed by the item's fields: the new one goes last on the line, as a status report writes it.
  if (!statusAfterColon(text, item)) at = beforeEndingStatus(text, item, at);
  const emoji = EMOJI_KEYS[key];
  // A line tagged TaskPaper's way (`@due(2026-03-09)`) gets its new field as a tag too.
  const taskPaper =
    !/[()]/.test(value) && item.fields.some((f) => f.rawKey.length > 1 && f.rawKey.charCodeAt(0) === 64);
  if (taskPaper) return { start: at, end: at, text: ` @${key}(${value})` };
  if (emoji && usesEmojiFor(plan, key)) return { start: at, end: at, text: ` ${emoji} ${value}` };
  const dataview = `[${keySpelling(plan, key, 'dataview')}:: ${refuseDataviewValue(key, value)}]`;
  return inOwnNotation(plan, item, key, value, { start: at, end: at, text: ` ${dataview}` });
}

/**
 * Where a field added at `at`, the end of the item's line, goes instead so that a status ending the
 * line still ends it: before a status mark that ends a bullet (`Tag the release ✅`: the line may be
 * an item by it, an open box say more by it, `- [ ] Fix login [blocked]`, or its list be read as one
 * whose bullets end with their statuses by it and its neighbours', `- [ ] Ship the beta (done)`),
 * with the dash that sets it off (`Billing — **Done**`), or before a status alone in parentheses
 * (`Dark theme (🟡 at risk)`), read as its status by ending the line.
 */
function beforeEndingStatus(text: string, item: Item, end: number): number {
  let at = end;
  const mark = trailingStatusMark(text.slice(item.titleSpan.start, at));
  const group =
    item.statusSource === 'field' && item.statusSpan !== null ? statusGroupAt(text, item.statusSpan, at) : -1;
  if (group > item.titleSpan.start) {
    at = group;
    while (at > item.titleSpan.start && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  } else if (mark > 0) {
    at = item.titleSpan.start + mark;
    while (at > item.titleSpan.start && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
    const dash = setOffDashAt(text.slice(item.titleSpan.start, at));
    if (dash >= 0) at = item.titleSpan.start + dash;
  }
  return at;
}

/**
 * Whether the item's line is its name, a colon and its status (`- **Auth**: ✅ Complete`, `- **Auth:**
 * Done`), a status line under it saying another or not.
 */
function statusAfterColon(text: string, item: Item): boolean {
  if (item.kind !== 'status-bullet' || item.statusSource !== 'field') return false;
  return /^[*_]*:[*_]*[ \t]+\S/.test(text.slice(item.titleSpan.end, item.lineSpan.end));
}

/**
 * Where the parentheses around a status that ends the text at `end` open (`(` of `(🟡 at risk)`), or
 * -1 when the status is not alone in parentheses there.
 */
function statusGroupAt(text: string, status: Span, end: number): number {
  if (!/^\s*\)\s*$/.test(text.slice(status.end, end))) return -1;
  let open = status.start - 1;
  while (open >= 0 && (text[open] === ' ' || text[open] === '\t')) open--;
  return text[open] === '(' ? open : -1;
}
