import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../parse.js';
import { slugify } from './keys.js';

/**
 * The slug as first specified, one character at a time: the reference the fast path must match,
 * since keys are stored and must not change between versions.
 */
function referenceSlug(s: string): string {
  const src = /[^\x00-\x7f]/.test(s)
    ? s
        .normalize('NFKD')
        .replace(/([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu, '$1')
        .replace(/(^|[^\p{L}\p{M}])\p{M}+/gu, '$1')
        .replace(/[\uFE00-\uFE0F]/g, '')
        .normalize('NFC')
    : s;
  const digit = (c: number) => c >= 48 && c <= 57;
  let out = '';
  let dash = false;
  for (let i = 0; i < src.length && out.length <= 64; i++) {
    let c = src.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    const digitDot = c === 46 && i > 0 && digit(src.charCodeAt(i - 1)) && digit(src.charCodeAt(i + 1));
    const word =
      (c >= 97 && c <= 122) || digit(c) || digitDot || (c > 127 && /[\p{L}\p{N}\p{M}]/u.test(src[i]!));
    if (word) {
      if (dash && out.length > 0) out += '-';
      dash = false;
      out += c > 127 ? src[i]!.toLowerCase() : String.fromCharCode(c);
    } else if (c !== 96) {
      dash = true;
    }
  }
  if (out.length <= 48) return out || 'item';
  const cut = out.slice(0, 48);
  const at = cut.lastIndexOf('-');
  return at > 16 ? cut.slice(0, at) : cut;
}

describe('slugify', () => {
  it('makes lower-case words joined by dashes, keeping dots between digits', () => {
    expect(slugify('Set up CI/CD pipeline (v3.2)')).toBe('set-up-ci-cd-pipeline-v3.2');
    expect(slugify('  --Add `--json` flag--  ')).toBe('add-json-flag');
    expect(slugify('Café déjà vu')).toBe('cafe-deja-vu');
    expect(slugify('1. Intro.')).toBe('1-intro');
    expect(slugify('***')).toBe('item');
    // Accents of Latin and Greek letters go; the marks of other scripts are their words' letters.
    expect(slugify('Ἀθῆναι ﬁle ＡＢ')).toBe('αθηναι-file-ab');
    expect([slugify('ビル'), slugify('ヒル')]).toEqual(['ビル', 'ヒル']);
    expect([slugify('काम पूरा'), slugify('Мой ёж')]).toEqual(['काम-पूरा', 'мой-ёж']);
    expect([slugify('Check ⚠️ legal'), slugify('Step 1️⃣ ℹ️')]).toEqual(['check-legal', 'step-1-i']);
    expect(slugify('Migrate the billing database to the new cluster without downtime for users')).toBe(
      'migrate-the-billing-database-to-the-new-cluster',
    );
  });

  it('matches the character-by-character reference on any text', () => {
    const chars = fc.constantFrom(
      ...'aZ09 .-_`/:()\t.1.2é日✅ビカ\u3099मा\u0301й⚠\uFE0F\u20E3'.split(''),
      'Ü',
      '𝔸',
    );
    const text = fc.oneof(
      fc.string({ unit: chars, maxLength: 90 }),
      fc.string({ unit: 'binary-ascii', maxLength: 90 }),
      fc.string({ maxLength: 90 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(slugify(s)).toBe(referenceSlug(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('keys and progress cookies', () => {
  it('keeps an item’s key and its section’s when sync rewrites their cookies', () => {
    const before = parsePlan(
      '# P\n\n## Phase 1 [0/2]\n\n- [ ] Release [0/1]\n  - [ ] tag\n- [ ] Docs (0%)\n',
      {
        file: 'p.md',
      },
    );
    const after = parsePlan(
      '# P\n\n## Phase 1 [1/2]\n\n- [x] Release [1/1]\n  - [x] tag\n- [ ] Docs (50%)\n',
      {
        file: 'p.md',
      },
    );
    expect(after.items.map((i) => i.key)).toEqual(before.items.map((i) => i.key));
    expect(before.items.map((i) => i.key)).toEqual(['phase-1/release', 'phase-1/tag', 'phase-1/docs']);
  });
});

describe('keys and mentions', () => {
  it('keeps an item’s key when its owner mention or tags change', () => {
    const keys = (text: string) => parsePlan(text, { file: 'p.md' }).items.map((i) => [i.key, i.title]);
    expect(keys('- [ ] Fix login @bob #auth\n- [ ] @ana\n')).toEqual([
      ['fix-login', 'Fix login @bob #auth'],
      ['ana', '@ana'],
    ]);
    expect(keys('- [ ] Fix login @alice\n')[0]![0]).toBe('fix-login');
  });
});

describe('keys and links', () => {
  it('takes a link’s text, not its target, so moving the page keeps the key', () => {
    const keys = (text: string) => parsePlan(text, { file: 'p.md' }).items.map((i) => [i.key, i.title]);
    expect(
      keys(
        '## See [the docs](https://a.example/docs)\n\n- [ ] Read [the guide](https://a.example/g "Guide")\n',
      ),
    ).toEqual([['see-the-docs/read-the-guide', 'Read [the guide](https://a.example/g "Guide")']]);
    expect(
      keys('## See [the docs](https://b.example/)\n\n- [ ] Read [the guide](../guide.md)\n')[0]![0],
    ).toBe('see-the-docs/read-the-guide');
  });
});

describe('keys and schedules', () => {
  it('keeps the keys under a heading when the schedule it ends with moves', () => {
    const keys = (text: string) => parsePlan(text, { file: 'p.md' }).items.map((i) => i.key);
    const plan = (when: string) =>
      `# P\n\n## Milestone 1 — API freeze ${when}\n\n- [ ] Docs\n\n### Rollout ${when} ✅\n\n- [x] Canary\n`;
    const before = keys(plan('(due 2026-01-15)'));
    expect(before).toEqual([
      'milestone-1-api-freeze/docs',
      'milestone-1-api-freeze/rollout',
      'rollout/canary',
    ]);
    for (const when of [
      '(due 2026-02-01)',
      '(Week 4-6)',
      '[target: Feb 2026]',
      '(Q2 2026)',
      '— due May 15, 2026',
      // A dash, dot or bar sets off a schedule whose own dashes hide it from the annotation.
      '— due 2026-01-15',
      '· Jan 4–15',
      '| target 2026-03-01',
      ': Week 3',
    ])
      expect(keys(plan(when))).toEqual(before);
    // A colon after the title sets a schedule off as a label's does.
    expect(keys('# P\n\n## Sprint 12: 2026-12-01 → 2026-12-12\n\n- [ ] Docs\n')).toEqual(['sprint-12/docs']);
    expect(keys('# P\n\n## Sprint 12: Dec 1–12, 2026\n\n- [ ] Docs\n')).toEqual(['sprint-12/docs']);
    expect(keys('# P\n\n## Phase 2: Migrate the ledger\n\n- [ ] Docs\n')).toEqual([
      'phase-2-migrate-the-ledger/docs',
    ]);
    // A date alone after a dash is the heading's subject, not its deadline: it stays in the key.
    expect(keys('# P\n\n## Launch — 2026-03-01\n\n- [ ] Docs\n')).toEqual(['launch-2026-03-01/docs']);
    // A bracketed remark that is not a schedule stays in the key.
    expect(keys('# P\n\n## Phase 1 (Core)\n\n- [ ] Docs\n')).toEqual(['phase-1-core/docs']);
  });
});
