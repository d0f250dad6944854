/**
 * Inline fields on an item line: dataview, Obsidian Tasks emoji, key:value, bold fields, story points,
 * mentions, tags, org tags, spec-kit markers.
 */
import type { Field } from '../../model.js';
import { codePointBefore, isLetterOrDigit, isSpace } from '../chars.js';
import { MONTH_NAME } from './dates.js';
import { normaliseKey } from './keys.js';
import { maskCode } from './mask.js';
import { first, tok } from './match.js';
import { nextMention, TASKPAPER_FLAGS, taskPaperTag } from './mentions.js';
import { mayOpenParenFields, readParenFields } from './paren-fields.js';

/**
 * A dataview field, `[key:: value]` or `(key:: value)`; the value may hold page links (`[owner:: [[Bo]]]`)
 * and brackets of the other kind (`[owner:: Bo (infra)]`), and ends at the bracket closing its own.
 */
const DATAVIEW_RE =
  /\[([\p{L}][\p{L}\p{N} _-]{0,30})::\s*((?:\[\[[^\][]*\]\]|[^\]])*?)\s*\]|\(([\p{L}][\p{L}\p{N} _-]{0,30})::\s*((?:\[\[[^\][]*\]\]|[^)])*?)\s*\)/gu;
/** Story points in brackets: `(3 pts)`, `[5 SP]`, `(8 story points)`, `(0.5 pt)`. */
const POINTS_SOURCE = String.raw`[([][ \t]*(\d{1,3}(?:\.\d)?)[ \t]*((?:story[ \t]+)?points?|pts?|sp)[ \t]*[)\]]`;
const POINTS_RE = new RegExp(POINTS_SOURCE, 'gi');
/** The inside of brackets that hold story points and nothing else: `8 pts`, ` 0.5 story points `. */
const POINTS_INSIDE_RE = /^[ \t]*(\d{1,3}(?:\.\d)?)[ \t]*(?:(?:story[ \t]+)?points?|pts?|sp)[ \t]*$/i;
/** The longest inside POINTS_INSIDE_RE reads, with room for white space. */
const MAX_POINTS_INSIDE = 32;
const POINTS_HINT_RE = /\d[ \t]*(?:story[ \t]|p|sp)/i;

/**
 * Story points ending a heading's text (`Replay queue (8 pts)`), set off by white space: where they
 * start (the white space), where their bracket opens, where they end, the number and its offset. A
 * scan from the end, over no more than the longest brackets of points: a regex anchored at the end
 * tries every offset of a long run of white space.
 */
export function readTrailingPoints(
  s: string,
): { start: number; open: number; end: number; value: string; valueAt: number } | null {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  const close = s.charCodeAt(end - 1);
  if (close !== 41 && close !== 93) return null;
  const open = s.lastIndexOf(close === 41 ? '(' : '[', end - 2);
  if (open < 0 || end - open > MAX_POINTS_INSIDE) return null;
  const m = POINTS_INSIDE_RE.exec(s.slice(open + 1, end - 1));
  if (!m) return null;
  let start = open;
  while (start > 0 && (s.charCodeAt(start - 1) === 32 || s.charCodeAt(start - 1) === 9)) start--;
  if (start === open) return null;
  return { start, open, end, value: m[1]!, valueAt: s.indexOf(m[1]!, open + 1) };
}
/**
 * An Obsidian Tasks date: ISO as the plugin writes it, or a month and day as people do (`📅 Dec 11`,
 * `⏳ March 3rd, 2026`), read against the plan's date.
 */
const EMOJI_DATE_RE = new RegExp(
  String.raw`(📅|🗓|⏳|🛫|➕|✅|✔|✓|☑|❌)\uFE0F?\s*(\d{4}-\d{2}-\d{2}|${MONTH_NAME}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?![\p{L}\p{N}]))`,
  'giu',
);
const EMOJI_TEXT_RE =
  /(🆔|⛔|🔁)\uFE0F?\s*([^📅⏳🛫➕✅❌🆔⛔🔁🔺⏫🔼🔽⏬#\n]+?)(?=\s*(?:[📅⏳🛫➕✅❌🆔⛔🔁🔺⏫🔼🔽⏬#]|$))/gu;
/**
 * An owner after a bust emoji (`👤 Kim`, `👤 @kim`, `👤 Kim Lee`): a name, maybe a capitalised surname,
 * then the end, a mark or punctuation; not the words of a sentence (`👤 Kim to draft it`).
 */
const OWNER_EMOJI_RE =
  /👤\uFE0F?[ \t]*(@?[\p{L}][\p{L}\p{N}._-]*(?:[ \t]+\p{Lu}[\p{L}.-]*)?)(?=[ \t]*(?:$|[^\p{L}\p{N}\s:]))/gu;
/**
 * An estimate after a stopwatch or an hourglass with its sand run (`⏱ 3h`, `⏱️ 1-2d`, `⌛ 30 min`):
 * a number, a unit, maybe a range. (`⏳` is Obsidian's scheduled date.)
 */
const EFFORT_EMOJI_RE =
  /(⏱|⌛)\uFE0F?[ \t]*(~?\d+(?:\.\d+)?(?:[ \t]*[-–][ \t]*\d+(?:\.\d+)?)?[ \t]*(?:minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo))(?![\p{L}\p{N}])/gu;
const KV_RE =
  /(?<![\p{L}\p{N}/:.])(due|start|scheduled|owner|assignee|est|estimate|effort|priority|prio|id|dep|depends|threshold)[:=]((?:\d{4}-\d{2}-\d{2})|[\p{L}\p{N}._,-]+)/giu;
/**
 * What every KV_RE match contains, without its costly lookbehind: a key, `:` or `=`, and a character
 * a value can start with (any non-ASCII one, or an ASCII letter, digit, `.`, `_`, `,` or `-`). Most
 * lines with a colon have no such key, and `[owner:: alice]` is a dataview field, not one of these.
 */
const KV_HINT_RE =
  /(?:due|start|scheduled|owner|assignee|est|estimate|effort|priority|prio|id|dep|depends|threshold)[:=](?:[A-Za-z0-9._,-]|[^\x00-\x7f])/iu;

/**
 * A bold field written on an item's line after its title: `Switch DNS **Due:** Week 2`, `**Owner**:
 * Kim`, keys as field lines write them, or in italics (`— *Owner:* Kim`). The value is words
 * (letters, digits, spaces and `. , ' / : -`, an owner's `@` first): it ends before a mark, a
 * bracket, a tag or an emoji, which are fields of their own.
 */
const INLINE_BOLD_RE =
  /(\*\*|__|(?<![\p{L}\p{N}*_\\])[*_])([^*_\n|]{1,40}?)(?:[:：]\1|\1\s*[:：])[ \t]*(@?[\p{L}\p{N}][\p{L}\p{N} .,'’/:-]*)/gu;
/** The keys a bold field on an item's line gives it; other bold text ending in a colon is the title's. */
const BOLD_FIELD_KEYS: ReadonlySet<string> = new Set([
  'status',
  'priority',
  'owner',
  'due',
  'effort',
  'depends',
  // A date it is the deadline (`— **Target:** Feb 2027`), as a roadmap's Target column is.
  'target',
]);

/** The bold fields of an item's line (see INLINE_BOLD_RE). */
export function readBoldFields(s: string, base: number): Field[] {
  const out: Field[] = [];
  for (let m = first(INLINE_BOLD_RE, s); m; m = INLINE_BOLD_RE.exec(s)) {
    const rawKey = m[2]!.trim();
    const key = normaliseKey(rawKey);
    const value = m[3]!.replace(/[\s,.:-]+$/, '');
    if (!BOLD_FIELD_KEYS.has(key) || value === '') continue;
    const full = m[0].slice(0, m[0].length - (m[3]!.length - value.length));
    out.push(tok(key, rawKey, value, base, m.index, full, full.length - value.length, 'kv'));
  }
  return out;
}

const TAG_RE = /(?<![\p{L}\p{N}&#/[])#([\p{L}_][\p{L}\p{N}_/-]*)/gu;
/** todo.txt's `+project`, after white space or at the start (not `C++`, not `+1`). */
const PROJECT_RE = /(?<![^\s(])\+([\p{L}_][\p{L}\p{N}_./-]*[\p{L}\p{N}_]|[\p{L}_])/gu;

/**
 * Whether offsets, asked in increasing order, are inside the value of one of `fields`: the values
 * sorted once and passed in step, so a line of many fields and many mentions is read in linear time.
 */
function valueCover(fields: readonly Field[]): (at: number) => boolean {
  if (fields.length === 0) return () => false;
  const spans = fields.map((f) => f.valueSpan).sort((a, b) => a.start - b.start);
  let k = 0;
  let reach = -1;
  return (at) => {
    for (; k < spans.length && spans[k]!.start <= at; k++) if (spans[k]!.end > reach) reach = spans[k]!.end;
    return at < reach;
  };
}

/**
 * Whether a field is a mark written in the title's words, `@owner`, `#tag` or `+project`: such marks
 * stay in the title as written, and a list of fields does not end at them.
 */
export function isWordMark(f: Field): boolean {
  return f.rawKey === '@' || f.rawKey === '#' || f.rawKey === '+';
}

/** The emoji EMOJI_DATE_RE and EMOJI_TEXT_RE start with: a line without one needs neither regex. */
const DATE_EMOJI = ['📅', '🗓', '⏳', '🛫', '➕', '✅', '✔', '✓', '☑', '❌'];
const TEXT_EMOJI = ['🆔', '⛔', '🔁'];

function hasAny(s: string, needles: readonly string[]): boolean {
  for (const n of needles) if (s.includes(n)) return true;
  return false;
}

/**
 * Inline fields on an item line: dataview `[key:: value]`, Obsidian Tasks emoji, `key:value`,
 * `(owner: Bob)`, `@owner`, `#tag`, `:org:tags:`. `base` is the offset of `s` in the plan text.
 */
export function readInlineFields(s: string, base: number, masked = maskCode(s)): Field[] {
  const out: Field[] = [];
  // Cheap checks first: most item lines carry no inline fields at all.
  const has = (c: string) => masked.includes(c);
  const nonAscii = /[^\x00-\x7f]/.test(masked);
  if (has('::'))
    for (let m = first(DATAVIEW_RE, masked); m; m = DATAVIEW_RE.exec(masked)) {
      const key = m[1] ?? m[3]!;
      const value = m[2] ?? m[4]!;
      out.push(
        tok(
          normaliseKey(key),
          key,
          value,
          base,
          m.index,
          m[0],
          m[0].indexOf(value, key.length + 3),
          'dataview',
        ),
      );
    }
  if (nonAscii && hasAny(masked, DATE_EMOJI))
    for (let m = first(EMOJI_DATE_RE, masked); m; m = EMOJI_DATE_RE.exec(masked)) {
      out.push(
        tok(normaliseKey(m[1]!), m[1]!, m[2]!, base, m.index, m[0], m[0].length - m[2]!.length, 'emoji'),
      );
    }
  if (nonAscii && hasAny(masked, TEXT_EMOJI))
    for (let m = first(EMOJI_TEXT_RE, masked); m; m = EMOJI_TEXT_RE.exec(masked)) {
      out.push(
        tok(
          normaliseKey(m[1]!),
          m[1]!,
          m[2]!.trim(),
          base,
          m.index,
          m[0],
          m[0].indexOf(m[2]!.trim()),
          'emoji',
        ),
      );
    }
  if (nonAscii && has('👤'))
    for (let m = first(OWNER_EMOJI_RE, masked); m; m = OWNER_EMOJI_RE.exec(masked)) {
      out.push(tok('owner', '👤', m[1]!, base, m.index, m[0], m[0].length - m[1]!.length, 'emoji'));
    }
  if (nonAscii && (has('⏱') || has('⌛')))
    for (let m = first(EFFORT_EMOJI_RE, masked); m; m = EFFORT_EMOJI_RE.exec(masked)) {
      out.push(tok('effort', m[1]!, m[2]!, base, m.index, m[0], m[0].length - m[2]!.length, 'emoji'));
    }
  if ((has(':') || has('=')) && KV_HINT_RE.test(masked))
    for (let m = first(KV_RE, masked); m; m = KV_RE.exec(masked)) {
      out.push(tok(normaliseKey(m[1]!), m[1]!, m[2]!, base, m.index, m[0], m[1]!.length + 1, 'kv'));
    }
  if ((has('(') || has('[') || has('{')) && mayOpenParenFields(masked))
    for (const f of readParenFields(masked, base)) out.push(f);
  if ((has('*') || has('_')) && (has(':') || has('：')))
    for (const f of readBoldFields(masked, base)) out.push(f);
  if ((has('(') || has('[')) && POINTS_HINT_RE.test(masked))
    for (let m = first(POINTS_RE, masked); m; m = POINTS_RE.exec(masked)) {
      out.push(tok('points', m[2]!, m[1]!, base, m.index, m[0], m[0].indexOf(m[1]!), 'kv'));
    }
  if (has('@')) {
    // A mention that is a field's value already read (`[owner:: @kim]`, `👤 @kim`) is that field.
    const inValue = valueCover(out);
    for (let m = nextMention(masked, 0); m; m = nextMention(masked, m.end)) {
      if (inValue(base + m.index)) continue;
      if (masked.charCodeAt(m.end) === 40) {
        const tag = taskPaperTag(masked, m.index, m.end, m.name, base);
        if (tag !== null) {
          out.push(tag);
          m.end = tag.span.end - base;
        }
        continue;
      }
      if (!TASKPAPER_FLAGS.has(m.name.toLowerCase()))
        out.push(tok('owner', '@', m.name, base, m.index, `@${m.name}`, 1, 'kv'));
    }
  }
  if (has('#'))
    for (let m = first(TAG_RE, masked); m; m = TAG_RE.exec(masked)) {
      out.push(tok('tags', '#', m[1]!, base, m.index, m[0], 1, 'kv'));
    }
  if (has('+'))
    for (let m = first(PROJECT_RE, masked); m; m = PROJECT_RE.exec(masked)) {
      out.push(tok('tags', '+', m[1]!, base, m.index, m[0], 1, 'kv'));
    }
  const org = orgTags(masked);
  if (org)
    out.push(tok('tags', ':', org.tags.slice(1, -1).replace(/:/g, ','), base, org.start, org.tags, 1, 'kv'));
  // Array sort allocates even for a list already in order, the usual case: sort only when needed.
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.span.start < out[i - 1]!.span.start) return out.sort((a, b) => a.span.start - b.span.start);
  }
  return out;
}

const MARKER_RE = /\[(P|US\d{1,3})\][ \t]*/y;

/**
 * spec-kit's markers leading a task's text, after its ID: `[P]` (can run in parallel) and `[US1]`
 * (the user story it serves), read as the tags `parallel` and `us1`. Only at the start: a `[P]` in
 * the middle of a sentence is the sentence's.
 */
export function readLeadingMarkers(s: string, base: number): Field[] {
  let i = 0;
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  if (s.charCodeAt(i) !== 91) return [];
  const out: Field[] = [];
  MARKER_RE.lastIndex = i;
  for (let m = MARKER_RE.exec(s); m; m = MARKER_RE.exec(s)) {
    const code = m[1]!;
    const value = code === 'P' ? 'parallel' : code.toLowerCase();
    const start = base + m.index;
    out.push({
      key: 'tags',
      rawKey: '[]',
      value,
      span: { start, end: start + code.length + 2 },
      valueSpan: { start: start + 1, end: start + 1 + code.length },
      style: 'kv',
    });
  }
  return out;
}

/**
 * Org-mode tags ending a line after white space (`Title :work:urgent:`), as
 * `/\s(:(?:[\p{L}\p{N}_@]+:)+)\s*$/u` reads them: where they start and the tags with their colons.
 * The tags are the letters, digits, `_`, `@` and colons that end the line, so they are found from the end.
 */
export function orgTags(s: string): { start: number; tags: string } | null {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  if (end < 3 || s.charCodeAt(end - 1) !== 58) return null;
  let start = end - 1;
  for (let cp = codePointBefore(s, start); cp === 58 || cp === 64 || cp === 95 || isLetterOrDigit(cp); ) {
    if (cp === 58 && s.charCodeAt(start) === 58) return null;
    start -= cp >= 0x10000 ? 2 : 1;
    cp = codePointBefore(s, start);
  }
  if (start === 0 || !isSpace(s.charCodeAt(start - 1)) || s.charCodeAt(start) !== 58 || end - start < 3)
    return null;
  return { start, tags: s.slice(start, end) };
}
