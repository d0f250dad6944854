import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFlatFrontMatter } from './frontmatter.js';

describe('readFlatFrontMatter', () => {
  it('reads flat key: value lines like a YAML parser does (as strings)', () => {
    expect(
      readFlatFrontMatter('title: "A plan"\nversion: 5.1.0\nlast_updated: 2025-10-27\nstatus: active'),
    ).toEqual({
      title: 'A plan',
      version: '5.1.0',
      last_updated: '2025-10-27',
      status: 'active',
    });
  });

  it('declines anything it does not fully understand', () => {
    for (const y of [
      'tags:\n  - a',
      'a: [1, 2]',
      'a: |\n  text',
      'a: &x 1',
      'a: "esc\\"aped"',
      'a: b: c',
      'a: 1 # note',
      '- item',
    ]) {
      expect(readFlatFrontMatter(y)).toBeNull();
    }
  });

  it('agrees with the yaml package on every document it accepts', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
    const value = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ./-]{0,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength: 6 }), (pairs) => {
        const doc = pairs.map(([k, v]) => `${k}: "${v}"`).join('\n');
        const ours = readFlatFrontMatter(doc);
        if (ours === null) return;
        const theirs = (parse(doc) ?? {}) as Record<string, unknown>;
        expect(ours).toEqual(Object.fromEntries(Object.entries(theirs).map(([k, v]) => [k, String(v)])));
      }),
    );
  });
});
