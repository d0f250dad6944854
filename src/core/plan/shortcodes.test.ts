import { describe, expect, it } from 'vitest';
import { findEncodingAnomalies, repairForMatching, repairWithOffsets } from './encoding.js';
import { splitLines } from './lines.js';
import { hasShortcode, inShortcodesLike, shortcodeRuns } from './shortcodes.js';

describe('GitHub emoji shortcodes', () => {
  it('finds the shortcodes taskmark reads, and no other', () => {
    const s = 'a :white_check_mark: b :smile: c :x::construction:';
    expect(hasShortcode(s)).toBe(true);
    expect(shortcodeRuns(s)).toEqual([
      [2, 20, '✅'],
      [33, 36, '❌'],
      [36, 50, '🚧'],
    ]);
    expect(hasShortcode('Status: done :smile:')).toBe(false);
  });

  it('reads them as glyphs, with offsets back to the text as written, beside damage', () => {
    const s = 'âœ… one :construction: two';
    expect(repairForMatching(s)).toBe('✅ one 🚧 two');
    const rep = repairWithOffsets(s)!;
    expect(rep.text).toBe('✅ one 🚧 two');
    const at = rep.text.indexOf('🚧');
    expect(s.slice(rep.rawOffset(at), rep.rawOffset(at + 2))).toBe(':construction:');
    expect(s.slice(rep.rawOffset(rep.text.indexOf('two')))).toBe('two');
    // A shortcode is not damage.
    const text = '- :white_check_mark: fine\n';
    expect(findEncodingAnomalies(text, splitLines(text))).toEqual([]);
  });

  it('writes glyphs as shortcodes where the old text used them', () => {
    expect(inShortcodesLike('✅ Done', ':x: Cancelled')).toBe(':white_check_mark: Done');
    expect(inShortcodesLike('⏸️', ':construction:')).toBe(':pause_button:');
    expect(inShortcodesLike('✅', '❌')).toBe('✅');
    // A glyph without a shortcode stays a glyph.
    expect(inShortcodesLike('🦄', ':x:')).toBe('🦄');
  });
});
