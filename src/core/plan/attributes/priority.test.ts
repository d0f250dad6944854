import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPriorityMark, readInlinePriority } from './priority.js';

/** The regexes the scan for `P0`–`P4` replaces. */
const MARK_RE = /(?<![\p{L}\p{N}-])P([0-4])(?![\p{L}\p{N}-])/u;
const INLINE_MARK_RE = /(?:\*\*|\(|\[)?(?<![\p{L}\p{N}-])P([0-4])(?![\p{L}\p{N}-])(?:\*\*|\)|\])?/u;

const piece = fc.oneof(
  fc.constantFrom('P0', 'P1', 'P4', 'P5', 'P', 'p1', 'P10', '**', '(', ')', '[', ']', '-', ' ', 'x', '1'),
  fc.constantFrom('é', '𝒜', '٣', '\ud835', '\udc9c', '🔴', '⏫', '(A) ', '[#B]', '🟢'),
  fc.string({ maxLength: 2 }),
);

describe('priority marks', () => {
  it('finds the first standalone P0–P4 as the regex does, on any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        expect(findPriorityMark(s)).toBe(MARK_RE.exec(s)?.index ?? -1);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads an inline mark with its wrapping as the regex does', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        const got = readInlinePriority(s);
        const m = INLINE_MARK_RE.exec(s);
        if (got && /^P[0-4]$/.test(got.priority.label)) {
          expect(m).not.toBeNull();
          expect({ index: got.index, length: got.length, rank: got.priority.rank }).toEqual({
            index: m!.index,
            length: m![0].length,
            rank: Number(m![1]),
          });
        } else if (!got) {
          expect(m).toBeNull();
        }
      }),
      { numRuns: 5000 },
    );
  });
});
