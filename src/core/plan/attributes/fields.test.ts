import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field, FieldStyle } from '../../model.js';
import { orgTags, readBoldFields, readInlineFields } from './inline.js';
import { normaliseKey } from './keys.js';
import { readParenFields } from './paren-fields.js';

// The inline-field reader as it was before its pre-checks were narrowed, verbatim but for `export`
// (TaskPaper's tags and the owner emoji written as regexes since, the estimate emoji and page links in
// dataview values added, a dataview value closed by its own bracket): the reference readInlineFields
// must agree with on any line.
const DATAVIEW_RE =
  /\[([\p{L}][\p{L}\p{N} _-]{0,30})::\s*((?:\[\[[^\][]*\]\]|[^\]])*?)\s*\]|\(([\p{L}][\p{L}\p{N} _-]{0,30})::\s*((?:\[\[[^\][]*\]\]|[^)])*?)\s*\)/gu;
const EMOJI_DATE_RE =
  /(📅|🗓|⏳|🛫|➕|✅|✔|✓|☑|❌)\uFE0F?\s*(\d{4}-\d{2}-\d{2}|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?![\p{L}\p{N}]))/giu;
const EMOJI_TEXT_RE =
  /(🆔|⛔|🔁)\uFE0F?\s*([^📅⏳🛫➕✅❌🆔⛔🔁🔺⏫🔼🔽⏬#\n]+?)(?=\s*(?:[📅⏳🛫➕✅❌🆔⛔🔁🔺⏫🔼🔽⏬#]|$))/gu;
const KV_RE =
  /(?<![\p{L}\p{N}/:.])(due|start|scheduled|owner|assignee|est|estimate|effort|priority|prio|id|dep|depends|threshold)[:=]((?:\d{4}-\d{2}-\d{2})|[\p{L}\p{N}._,-]+)/giu;
/** What every KV_RE match contains, without its costly lookbehind: most lines with a colon have no such key. */
const KV_HINT_RE =
  /(?:due|start|scheduled|owner|assignee|est|estimate|effort|priority|prio|id|dep|depends|threshold)[:=]/iu;
const MENTION_RE =
  /(?<![\p{L}\p{N}._%+-])@([\p{L}\p{N}][\p{L}\p{N}._-]*[\p{L}\p{N}]|[\p{L}\p{N}])(?![\p{L}\p{N}]*@)/gu;
const TASKPAPER_VALUE_RE = /^\(([^()]{0,79})\)/;
const OWNER_EMOJI_RE =
  /👤\uFE0F?[ \t]*(@?[\p{L}][\p{L}\p{N}._-]*(?:[ \t]+\p{Lu}[\p{L}.-]*)?)(?=[ \t]*(?:$|[^\p{L}\p{N}\s:]))/gu;
const EFFORT_EMOJI_RE =
  /(⏱|⌛)\uFE0F?[ \t]*(~?\d+(?:\.\d+)?(?:[ \t]*[-–][ \t]*\d+(?:\.\d+)?)?[ \t]*(?:minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo))(?![\p{L}\p{N}])/gu;
const TAG_RE = /(?<![\p{L}\p{N}&#/[])#([\p{L}_][\p{L}\p{N}_/-]*)/gu;
const PROJECT_RE = /(?<![^\s(])\+([\p{L}_][\p{L}\p{N}_./-]*[\p{L}\p{N}_]|[\p{L}_])/gu;
const ORG_TAGS_RE = /\s(:(?:[\p{L}\p{N}_@]+:)+)\s*$/u;

/** The first match of a global regex from the start; call `re.exec(s)` for the next ones (no iterator per call). */
function first(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(s);
}

/** Replaces the inside of inline code spans with spaces, a backtick left at each end. */
function maskCode(s: string): string {
  if (!s.includes('`')) return s;
  return s.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (m) => `\`${' '.repeat(m.length - 2)}\``);
}

function tok(
  key: string,
  rawKey: string,
  value: string,
  base: number,
  index: number,
  full: string,
  valueOffset: number,
  style: FieldStyle,
): Field {
  const start = base + index;
  return {
    key,
    rawKey,
    value,
    span: { start, end: start + full.length },
    valueSpan: { start: start + valueOffset, end: start + valueOffset + value.length },
    style,
  };
}

/**
 * Inline fields on an item line: dataview `[key:: value]`, Obsidian Tasks emoji, `key:value`,
 * `(owner: Bob)`, `@owner`, `#tag`, `:org:tags:`. `base` is the offset of `s` in the plan text.
 */
function referenceInlineFields(s: string, base: number, masked = maskCode(s)): Field[] {
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
  if (nonAscii)
    for (let m = first(EMOJI_DATE_RE, masked); m; m = EMOJI_DATE_RE.exec(masked)) {
      out.push(
        tok(normaliseKey(m[1]!), m[1]!, m[2]!, base, m.index, m[0], m[0].length - m[2]!.length, 'emoji'),
      );
    }
  if (nonAscii)
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
  if ((has(':') || has('=')) && KV_HINT_RE.test(masked))
    for (let m = first(KV_RE, masked); m; m = KV_RE.exec(masked)) {
      out.push(tok(normaliseKey(m[1]!), m[1]!, m[2]!, base, m.index, m[0], m[1]!.length + 1, 'kv'));
    }
  // The parenthesised lists' own reader, without the check that the text may hold one.
  for (const f of readParenFields(masked, base)) out.push(f);
  for (const f of readBoldFields(masked, base)) out.push(f);
  if (nonAscii)
    for (let m = first(OWNER_EMOJI_RE, masked); m; m = OWNER_EMOJI_RE.exec(masked)) {
      out.push(tok('owner', '👤', m[1]!, base, m.index, m[0], m[0].length - m[1]!.length, 'emoji'));
    }
  if (nonAscii)
    for (let m = first(EFFORT_EMOJI_RE, masked); m; m = EFFORT_EMOJI_RE.exec(masked)) {
      out.push(tok('effort', m[1]!, m[2]!, base, m.index, m[0], m[0].length - m[2]!.length, 'emoji'));
    }
  if (has('@'))
    for (let m = first(MENTION_RE, masked); m; m = MENTION_RE.exec(masked)) {
      const at = base + m.index;
      if (out.some((f) => at >= f.valueSpan.start && at < f.valueSpan.end)) continue;
      const after = m.index + m[0].length;
      if (masked.charAt(after) === '(') {
        // TaskPaper's `@key(value)`: a field when a value closes it, else nothing.
        const t = TASKPAPER_VALUE_RE.exec(masked.slice(after));
        if (t !== null && t[1]!.trim() !== '') {
          const value = t[1]!.trim();
          const full = m[0] + t[0];
          out.push(
            tok(
              normaliseKey(m[1]!),
              `@${m[1]}`,
              value,
              base,
              m.index,
              full,
              m[0].length + 1 + t[1]!.indexOf(value),
              'kv',
            ),
          );
          MENTION_RE.lastIndex = after + t[0].length;
        }
        continue;
      }
      if (!['done', 'today', 'flagged', 'next', 'someday'].includes(m[1]!.toLowerCase()))
        out.push(tok('owner', '@', m[1]!, base, m.index, m[0], 1, 'kv'));
    }
  if (has('#'))
    for (let m = first(TAG_RE, masked); m; m = TAG_RE.exec(masked)) {
      out.push(tok('tags', '#', m[1]!, base, m.index, m[0], 1, 'kv'));
    }
  for (let m = first(PROJECT_RE, masked); m; m = PROJECT_RE.exec(masked)) {
    out.push(tok('tags', '+', m[1]!, base, m.index, m[0], 1, 'kv'));
  }
  const org = masked.trimEnd().endsWith(':') ? ORG_TAGS_RE.exec(masked) : null;
  if (org) {
    const index = org.index + org[0].indexOf(org[1]!);
    out.push(tok('tags', ':', org[1]!.slice(1, -1).replace(/:/g, ','), base, index, org[1]!, 1, 'kv'));
  }
  // Array sort allocates even for a list already in order, the usual case: sort only when needed.
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.span.start < out[i - 1]!.span.start) return out.sort((a, b) => a.span.start - b.span.start);
  }
  return out;
}

describe('readInlineFields', () => {
  it('agrees with the reader without narrowed pre-checks on any line', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '[owner:: alice]',
        '[owner:: @alice]',
        '(owner: @bo)',
        '(due:: 2026-01-02)',
        '📅 2026-03-05',
        '📅 Dec 11',
        '⏳ March 3rd, 2026',
        '✅ May',
        '✅2026-01-01',
        '✔️ 2026-11-30',
        '✓ Nov 30',
        '🗓 2026-12-01',
        '⏳ 2026-02-30',
        '⏱ 3h',
        '⏱️1-2d',
        '⌛ 30 min',
        '⏱ soon',
        '⏱ 3 pts',
        '🆔 abc123',
        '⛔ xyz',
        '🔁 every week',
        'due:2026-01-01',
        'OWNER=bob',
        'est:2h',
        'id:',
        'owner::',
        'ſtart:x',
        'dep:T-1',
        'priority:low',
        'PRIO=P1',
        '(owner: Carol)',
        '(owner: Priya, estimate: 5 pts)',
        '(owner: Smith, John)',
        '[#B]',
        '(Assigned To: Dan)',
        '(aſſignee: Eve)',
        '@frank',
        '@ann.lee@corp',
        '@k-9_x.',
        '@li@',
        'a@b',
        '@due(2026-03-09)',
        '@priority( high )',
        '@done',
        '👤 Kim Lee',
        '*Owner:* Kim',
        '_Due_: 2026-01-01',
        '👤 @li,',
        '#ops',
        ' :a:b:',
        '`code (owner: x)`',
      ),
      fc.constantFrom(
        ' ',
        ':',
        '=',
        '(',
        ')',
        '[',
        ']',
        '📅',
        '🆔',
        'é',
        '\uFE0F',
        'x',
        '1',
        '@',
        '.',
        '-',
        '_',
        '𝒜',
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.nat(1000), (parts, base) => {
        const s = parts.join(' ');
        expect(readInlineFields(s, base)).toEqual(referenceInlineFields(s, base));
      }),
      { numRuns: 4000 },
    );
  });

  it('reads each field of a parenthesised list to the next key, and no tag in an org priority', () => {
    const line = 'Usage metering (owner: Priya, estimate: 5 pts; Due Date: 2026-12-01, note: call) [#B]';
    const fields = readInlineFields(line, 0);
    expect(
      fields.map((f) => [
        f.key,
        f.value,
        line.slice(f.span.start, f.span.end),
        line.slice(f.valueSpan.start, f.valueSpan.end),
      ]),
    ).toEqual([
      ['owner', 'Priya', 'owner: Priya', 'Priya'],
      ['effort', '5 pts', 'estimate: 5 pts', '5 pts'],
      ['due', '2026-12-01', 'Due Date: 2026-12-01', '2026-12-01'],
    ]);
    expect(readInlineFields('(owner: Smith, John)', 0).map((f) => f.value)).toEqual(['Smith, John']);
    // A list must open with an item's key: prose in parentheses is not one.
    expect(readInlineFields('Import (note: call first, owner: Bob) (see: docs)', 0)).toEqual([]);
  });

  it('reads org-mode tags as the regex does, on any line', () => {
    const piece = fc.oneof(
      fc.constantFrom(':', '::', ' :', 'a', 'work', '_', '@', '-', 'é', '٣', '𝒜', '\ud835', '✅', '1'),
      fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u3000', '\n'),
      fc.string({ unit: 'binary', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const s = parts.join('');
        const m = ORG_TAGS_RE.exec(s);
        expect(orgTags(s)).toEqual(m ? { start: m.index + 1, tags: m[1] } : null);
      }),
      { numRuns: 5000 },
    );
  });
});
