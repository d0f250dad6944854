/** Hostile and huge inputs: a clear error or a correct result, never a crash or a hang. */
import { describe, expect, it } from 'vitest';
import { isTmError } from '../src/core/errors.js';
import { parsePlan } from '../src/core/plan/parse.js';

const parse = (text: string) => parsePlan(text, { file: 'big.md' });

describe('bad and huge input', () => {
  it('parses a 50 MB plan', () => {
    const prose = 'Some prose that goes on for a while, with **bold** and `code` and a [link](x).\n'.repeat(
      60,
    );
    const chunk = `## Section\n\n${prose}\n- [ ] a task\n- [x] a done task\n\n`;
    const text = chunk.repeat(Math.ceil((50 * 1024 * 1024) / chunk.length));
    const plan = parse(text);
    const sections = Math.ceil((50 * 1024 * 1024) / chunk.length);
    expect(plan.items.length).toBe(2 * sections);
    expect(plan.items.at(-1)!.status).toBe('done');
  });

  it('parses a list of 100,000 items with unique keys', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `- [${i % 3 === 0 ? 'x' : ' '}] task ${i}`).join(
      '\n',
    );
    const plan = parse(text);
    expect(plan.items.length).toBe(100_000);
    expect(new Set(plan.items.map((i) => i.key)).size).toBe(100_000);
    expect(plan.items.filter((i) => i.status === 'done').length).toBe(33_334);
  });

  it('survives 10,000 levels of nested lists and block quotes', () => {
    const lists = `${'- '.repeat(10_000)}[ ] deep\n`;
    expect(parse(lists).items.map((i) => i.title)).toEqual(['deep']);
    const quotes = `${'> '.repeat(10_000)}- [x] quoted\n`;
    expect(parse(quotes).items.map((i) => [i.title, i.status])).toEqual([['quoted', 'done']]);
  });

  it('survives 10,000 nested checkbox items', () => {
    // Each level is a new list item inside the previous one's content: "- [ ] a" then "  - [ ] b"…
    // indentation makes that quadratic in size, so nest with block quotes per level instead.
    const text = Array.from(
      { length: 10_000 },
      (_, i) => `${'>'.repeat(Math.min(i, 50))} - [ ] level ${i}`,
    ).join('\n');
    const plan = parse(text);
    expect(plan.items.length).toBe(10_000);
  });

  it('handles NUL bytes, lone surrogates and control characters in text', () => {
    const text = '# P\u0000lan\n\n- [ ] a\u0000b\n- [ ] \uD800 lone\n- [x] \u0007 bell\n';
    expect(parse(text).items.map((i) => i.status)).toEqual(['todo', 'todo', 'done']);
  });

  it('keeps hostile strings as text', () => {
    const hostile = [
      "'; DROP TABLE items; --",
      '<script>alert(1)</script>',
      '../../etc/passwd',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection attempt is the point of this string
      '${process.exit(1)}',
      '\u202Eevil',
    ];
    const plan = parse(hostile.map((h) => `- [ ] ${h}`).join('\n'));
    expect(plan.items.map((i) => i.title)).toEqual(hostile.map((h) => h.trim()));
  });

  it('refuses text over the size limit with a clear error', () => {
    const huge = { length: 300 * 1024 * 1024 } as unknown as string;
    try {
      parsePlan(huge, { file: 'huge.md' });
      expect.unreachable();
    } catch (e) {
      expect(isTmError(e, 'TM_TOO_LARGE')).toBe(true);
    }
  });
});
