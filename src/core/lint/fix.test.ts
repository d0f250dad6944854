/**
 * Fixing: encoding damage comes back exactly (property test over random text), lost characters are
 * never guessed, and fixing is idempotent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../edit/splice.js';
import { damage, repairForMatching } from '../plan/encoding.js';
import { parsePlan } from '../plan/parse.js';
import { collectFixes, lintPlan, type RuleSettings } from './engine.js';
import type { LintContext } from './types.js';

const CTX: LintContext = { today: '2026-03-10', dueSoonDays: 7, similarity: 0.9, hoursPerDay: 8 };

/** What `taskmark fix` does to a text: passes of collected fixes until one has nothing to do. */
function fix(text: string, settings: RuleSettings = {}): { text: string; passes: number } {
  let current = text;
  for (let pass = 0; pass < 8; pass++) {
    const plan = parsePlan(current, { file: 'plan.md' });
    const { edits } = collectFixes(lintPlan(plan, CTX, settings));
    if (edits.length === 0) return { text: current, passes: pass };
    current = applyEdits(current, edits);
  }
  throw new Error('fix did not settle in 8 passes');
}

const onlyEncoding: RuleSettings = {
  'parent-open-children-done': 'off',
};

const CHARS = [
  ...'abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 .,;:!?-()[]/#*_\n',
  ...'éèüöñçßøåæ€£©®™°±×÷–—‘’“”…•',
  ...'✅❌⏳🚧🔴🟠🟡🟢📅📊🚀🎯⚠️ℹ️→←↑↓│─┌┐└┘█░▓',
  ...'中文日本語한국어Ελληνικάкириллицаעבריתالعربية',
  ...['👩‍💻', '🏳️‍🌈', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'],
];

describe('encoding repair', () => {
  it('restores any UTF-8 text read as Windows-1252, exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }), (parts) => {
        const original = `# Plan\n\n- [ ] ${parts.join('')}\n`;
        // Text that already reads as damage (`Ã©` typed on purpose) cannot be told from damage.
        fc.pre(repairForMatching(original) === original);
        const damaged = damage(original, 'windows-1252');
        expect(fix(damaged, onlyEncoding).text).toBe(original);
      }),
      { numRuns: 300 },
    );
  });

  it('restores text read as Windows-1254 and as Latin-1', () => {
    const original = '# Plan\n\n- [ ] Ship ✅ — café 🚀 naïve\n';
    expect(fix(damage(original, 'windows-1254')).text).toBe(original);
    expect(fix(damage(original, 'latin1')).text).toBe(original);
  });

  it('never guesses a lost character', () => {
    const text = '# Plan\n\n- [ ] Ship \uFFFD it ï¿½\n';
    expect(fix(text).text).toBe(text);
    const lost = lintPlan(parsePlan(text, { file: 'p.md' }), CTX).filter(
      (f) => f.rule === 'encoding-lost-characters',
    );
    expect(lost).toHaveLength(1);
    expect(lost[0]!.fix).toBeNull();
  });

  it('leaves the rest of the line as it was: the fix is the damaged runs only', () => {
    const line = `- [ ] Keep  two spaces, a tab\there and ${damage('✅', 'windows-1252')} done  `;
    const text = `# Plan\r\n\r\n${line}\r\n`;
    expect(fix(text).text).toBe(`# Plan\r\n\r\n- [ ] Keep  two spaces, a tab\there and ✅ done  \r\n`);
  });
});

describe('fix', () => {
  it('marks an open parent done when all its children are, up a chain of parents', () => {
    const text =
      '# Plan\n\n- [ ] Release\n  - [ ] Backend\n    - [x] API\n    - [x] Jobs\n  - [x] Frontend\n';
    const out = fix(text);
    expect(out.text).toBe(
      '# Plan\n\n- [x] Release\n  - [x] Backend\n    - [x] API\n    - [x] Jobs\n  - [x] Frontend\n',
    );
    expect(out.passes).toBe(2);
  });

  it('is idempotent: fixing fixed text changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            depth: fc.integer({ min: 0, max: 2 }),
            mark: fc.constantFrom(' ', 'x', '-', '/'),
            title: fc.constantFrom(
              'Build',
              'Test',
              `Ship ${damage('🚀', 'windows-1252')}`,
              'Docs',
              'Deploy ✅',
            ),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (rows) => {
          let depth = 0;
          const lines = rows.map((r) => {
            depth = Math.min(r.depth, depth + 1);
            return `${'  '.repeat(depth)}- [${r.mark}] ${r.title}`;
          });
          const once = fix(`# Plan\n\n${lines.join('\n')}\n`).text;
          expect(fix(once).text).toBe(once);
          expect(collectFixes(lintPlan(parsePlan(once, { file: 'p.md' }), CTX)).edits).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
