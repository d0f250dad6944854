import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reasonedStatus, statusOfGlyph, statusOfWord } from './attributes/status.js';
import { repairWithOffsets } from './encoding.js';
import {
  closingWrapper,
  STRONG_WRAPPERS,
  TASKPAPER_STATUS_RE,
  TRAILING_GLYPH_RE,
  trailingStatusMark,
} from './trailing-marks.js';

// trailingStatusMark as it was before its cheap tests: the wrapped-word regex on the last 40
// characters of any line, then TaskPaper's status tag and the glyph regex on any line.
const WORD_RE =
  /\s(\*\*|__|(?:\*\*|__|[*_])?[[(]|[*_])[ \t]*(\p{L}[\p{L} '_-]{0,24}?)[ \t]*(\*\*|__|[\])](?:\*\*|__|[*_])?|[*_])\s*$/u;

/** A status with its reason in brackets, emphasis around them or not: `(blocked: waiting for the API)`. */
const REASONED_RE = /\s((?:\*+|_+)?)([[(])([^()[\]]{0,63})([\])])\1\s*$/u;

/** A status with its reason in emphasis: `*blocked: waiting for the API*`, `__on hold until Q2__`. */
const EMPHASIS_REASONED_RE = /\s(\*\*|__|\*|_)([^*_()[\]]{0,63}?)\1\s*$/u;

/** Whether the text ends with a status word of up to three words. */
function endsWithStatusWord(s: string): boolean {
  const words =
    /(?:^|[^\p{L}\p{N}])((?:[\p{L}\p{N}]+ ){0,2}[\p{L}\p{N}]+)\s*$/u.exec(s)?.[1]?.split(' ') ?? [];
  for (let i = words.length - 1; i >= 0; i--)
    if (statusOfWord(words.slice(i).join(' ')) !== null) return true;
  return false;
}

/**
 * Whether the text ends with a piece of a list (after `,`, `;` or a spaced dash, bar or dot, at most
 * 64 characters) that says blocked or dropped, with a reason or a remark in parentheses or not.
 */
function endsWithRemarkablePiece(s: string): boolean {
  const m =
    /(?:[,;]|(?<=\s)[-–—|·•](?=\s|$(?![\s\S])))((?:(?![,;]|\s[-–—|·•](?:\s|$(?![\s\S]))).)*?)\s*$/su.exec(s);
  if (m === null || m[1]!.trimEnd().length > 64) return false;
  // A piece in emphasis whole is read as its text (`, _dropped for v2_`).
  const wrapped = /^(\*\*|__|\*|_)([^*_]+)\1$/su.exec(m[1]!.trim());
  if (wrapped === null && !/[\p{L}\p{N})]$/u.test(s.trimEnd())) return false;
  // And one a glyph opens as its words (`, ⏸️ on hold until Q2`).
  const piece = withoutGlyph(wrapped === null ? m[1]!.trim() : wrapped[2]!.trim());
  const remark = /^(.*\S)\s+\([^)]*\)$/su.exec(piece);
  if (piece.endsWith(')') && remark === null) return false;
  const word = remark === null ? piece : remark[1]!.trim();
  // A piece is words: a tag is none (`@canceled`), nor is one whose remark follows marks of their own
  // (`blocked on Q2 *(on hold)* (2h)`).
  if (!/^\p{L}/u.test(word) || (remark !== null && /[*_()[\]]/.test(word))) return false;
  const status = (word.length <= 24 ? statusOfWord(word) : null) ?? reasonedStatus(word);
  return status === 'blocked' || status === 'cancelled';
}

const GLYPH_WORD_RE =
  /\s([^\p{L}\p{N}\s\x00-\x7f\u00b7\u2000-\u206f\u2190-\u21ff])\uFE0F?(\s+[\p{L}\p{N} '’-]*)$/u;

const GLYPH_REASON_RE =
  /\s(?!\uFE0F)([^\p{L}\p{N}\s\x00-\x7f\u00b7\u2000-\u206f\u2190-\u21ff])\uFE0F?((?:(?![*_()[\]])[\p{L}\p{N}\s\x00-\x7f\u00b7\u2000-\u206f\u2190-\u21ff]|\uFE0F)*)$/u;

/** `s` without a glyph and white space opening it. */
function withoutGlyph(s: string): string {
  return s.replace(/^[^\p{L}\p{N}\s\x00-\x7f]\uFE0F?\s*/u, '');
}

function reference(line: string): number {
  const from = Math.max(0, line.length - 40);
  const m = WORD_RE.exec(from > 0 ? line.slice(from) : line);
  if (m !== null && closingWrapper(m[1]!) === m[3]) {
    const status = statusOfWord(m[2]!);
    if (status !== null && (status !== 'todo' || STRONG_WRAPPERS.has(m[1]!))) return from + m.index + 1;
  }
  const r = REASONED_RE.exec(line);
  if (
    r !== null &&
    closingWrapper(r[2]!) === r[4] &&
    (m === null || closingWrapper(m[1]!) !== m[3] || statusOfWord(m[2]!) === null) &&
    (reasonedStatus(r[3]!.trim()) ?? reasonedStatus(withoutGlyph(r[3]!.trim()))) !== null &&
    !endsWithStatusWord(line.slice(0, r.index + 1)) &&
    !endsWithRemarkablePiece(line.slice(0, r.index + 1))
  )
    return r.index + 1;
  const er = EMPHASIS_REASONED_RE.exec(line);
  if (
    er !== null &&
    r === null &&
    (m === null || closingWrapper(m[1]!) !== m[3] || statusOfWord(m[2]!) === null) &&
    reasonedStatus(er[2]!.trim()) !== null &&
    !endsWithStatusWord(line.slice(0, er.index + 1)) &&
    !endsWithRemarkablePiece(line.slice(0, er.index + 1))
  )
    return er.index + 1;
  const tag = TASKPAPER_STATUS_RE.exec(line);
  if (tag !== null) return tag.index + 1;
  // A glyph (not a dash, dot or arrow) and a status word of up to 24 characters.
  const gw = GLYPH_WORD_RE.exec(line.trimEnd());
  if (gw !== null && gw[2]!.trim().length <= 24 && statusOfWord(gw[2]!.trim()) !== null) return gw.index + 1;
  // The last glyph, within 64 characters of the end, and a status word with its reason after it.
  const end = line.trimEnd();
  const gr = GLYPH_REASON_RE.exec(end);
  if (gr !== null && end.length - gr.index - gr[1]!.length <= 64 && reasonedStatus(gr[2]!.trim()) !== null)
    return gr.index + 1;
  const repaired = repairWithOffsets(line);
  const tail = TRAILING_GLYPH_RE.exec(repaired?.text ?? line);
  if (tail === null || statusOfGlyph(tail[1]!) === null) return -1;
  const at = tail.index + tail[0].indexOf(tail[1]!);
  return repaired ? repaired.rawOffset(at) : at;
}

describe('trailingStatusMark', () => {
  it('finds the mark ending a line as the regexes alone do, on any line (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'Fix the login',
        ' (blocked)',
        ' ( on hold )',
        ' *(on hold)*',
        ' _WIP_',
        ' **Done**',
        ' [DONE]',
        ' **[In progress]**',
        ' __(blocked)__',
        ' **(todo)**',
        ' *[todo]**',
        ' [ in progress ]',
        ' (new)',
        ' [todo]',
        ' (2h)',
        ' (owner: Kim)',
        ' (blocked: waiting for v2.1)',
        ' *(on hold until Q2)*',
        ' [dropped in favour of v2]',
        ' *blocked: no data*',
        ' **on hold until Q2**',
        ' _dropped for v2_',
        ' __blocked__',
        ' *blocked: a_b*',
        ' Blocked',
        ' Status:',
        ' blocked on',
        ' x:',
        ' y',
        ':',
        '2',
        ' ✅',
        ' 🚧',
        ' 🚧 In progress',
        ' ⏸️ On hold',
        ' ⏸️ on hold until Q2',
        ' (🚫 blocked: no keys)',
        ' 📖 waiting',
        ' 🔴 Done',
        ' — In progress',
        ' → done',
        '🟡 WIP',
        ' ✅ done later today please',
        'Blocked',
        ' 🚧\t\tDone',
        '\u00a0Done',
        ' @done',
        ' @done(2026-11-28)',
        ' @cancelled(no demand)',
        '@canceled',
        ' @Done',
        '(@x)',
        '@',
        'e',
        'd',
        ' âœ…',
        ' x',
        '*',
        '_',
        ')',
        ']',
        '(',
        '[',
        ' ',
        '\t',
        '—',
      ),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const line = parts.join('');
        expect(trailingStatusMark(line)).toBe(reference(line));
      }),
      { numRuns: 5000 },
    );
  });
});
