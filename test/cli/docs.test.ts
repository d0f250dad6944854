import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCliDoc } from '../../src/cli/doc.js';
import { COMMANDS } from '../../src/cli/options.js';

describe('docs/cli.md', () => {
  it('matches the option table (run `npm run docs:cli` if this fails)', () => {
    const onDisk = readFileSync(join(import.meta.dirname, '../../docs/cli.md'), 'utf8');
    expect(onDisk, 'docs/cli.md is out of date: run `npm run docs:cli` and commit the result').toBe(
      renderCliDoc(),
    );
  });

  it('documents every command of the contract', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual([
      'items',
      'status',
      'show',
      'next',
      'set',
      'add',
      'edit',
      'rm',
      'lint',
      'fix',
      'init',
      'import',
      'search',
      'backup',
      'restore',
      'serve',
      'history',
      'sync',
    ]);
    for (const c of COMMANDS) expect(c.options.some((o) => o.flags === '--json')).toBe(true);
  });
});
