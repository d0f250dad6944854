/** `taskmark lint` and `taskmark fix` end to end: exit codes, formats, configuration, write-back. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findingJsonSchema } from '../../src/core/lint/format/json.js';
import { damage } from '../../src/core/plan/encoding.js';
import { taskmark } from '../support/cli.js';

const PLAN = `# Release plan

## Work

- [x] Ship the release
  - [x] Tag it
  - [ ] Announce it
- [ ] Write the changelog
  - [x] Collect merged changes
  - [x] Group them by area
- [ ] Renew the certificate 📅 2026-03-01
- [ ] ${damage('Celebrate 🎉', 'windows-1252')}
`;

function workspace(plan = PLAN, config?: string): string {
  const d = mkdtempSync(join(tmpdir(), 'taskmark-lint-'));
  writeFileSync(join(d, 'TODO.md'), plan);
  if (config !== undefined) writeFileSync(join(d, '.taskmark.yml'), config);
  return d;
}

describe('taskmark lint', () => {
  it('knows the items of the other plans linted: task files depend on each other', () => {
    const d = mkdtempSync(join(tmpdir(), 'taskmark-lint-'));
    const task = (id: string, deps: string) =>
      `---\nid: ${id}\ntitle: Task ${id}\nstatus: To Do\ndependencies: [${deps}]\n---\n\nBody.\n`;
    writeFileSync(join(d, 'task-1.md'), task('task-1', ''));
    writeFileSync(join(d, 'task-2.md'), task('task-2', 'task-1, task-9'));
    const r = taskmark(['lint', '--format', 'json', 'task-1.md', 'task-2.md'], d);
    const findings = z.array(findingJsonSchema).parse(JSON.parse(r.stdout));
    expect(findings.filter((f) => f.rule === 'unknown-reference').map((f) => f.message)).toEqual([
      'task-2 "Task task-2" depends on task-9, which is not an item of the plans linted.',
    ]);
    // Alone, a task file's dependencies on other files are unknown.
    const alone = z
      .array(findingJsonSchema)
      .parse(JSON.parse(taskmark(['lint', '--format', 'json', 'task-2.md'], d).stdout));
    expect(alone.filter((f) => f.rule === 'unknown-reference').map((f) => f.message)).toEqual([
      'task-2 "Task task-2" depends on task-1, task-9, which are not items of this plan.',
    ]);
  });

  it('prints findings with code frames and exits 1 on errors', () => {
    const d = workspace();
    const r = taskmark(['lint', '--today', '2026-03-10'], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('TODO.md');
    expect(r.stdout).toMatch(
      /5:1\s+error\s+"Ship the release" \(line 5\) is marked done but 1 of its 2 children is open/,
    );
    expect(r.stdout).toContain('> 5 | - [x] Ship the release');
    expect(r.stdout).toMatch(/✖ 4 problems \(1 error, 3 warnings, 0 info\)/);
    expect(r.stdout).toContain('2 can be fixed with `taskmark fix`');
  });

  it('exits 0 when only warnings are found, and on a clean plan', () => {
    const d = workspace('# Plan\n\n- [ ] Renew the certificate 📅 2026-03-01\n');
    expect(taskmark(['lint', '--today', '2026-03-10'], d).code).toBe(0);
    const clean = workspace('# Plan\n\n- [ ] One\n- [x] Two\n');
    const r = taskmark(['lint'], clean);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No problems found.');
  });

  it('--format json prints findings that match the schema, and nothing else', () => {
    const d = workspace();
    const r = taskmark(['lint', '--format', 'json', '--today', '2026-03-10'], d);
    expect(r.code).toBe(1);
    const findings = z.array(findingJsonSchema).parse(JSON.parse(r.stdout));
    expect(findings.map((f) => `${f.line}:${f.rule}`)).toEqual([
      '5:parent-done-child-open',
      '8:parent-open-children-done',
      '11:overdue',
      '12:encoding-mojibake',
    ]);
    expect(findings[1]!.fix?.description).toContain('done');
    expect(taskmark(['lint', '--json', '--today', '2026-03-10'], d).stdout).toBe(r.stdout);
  });

  it('--format github prints workflow annotations with relative paths and escaped values', () => {
    const d = workspace();
    const r = taskmark(['lint', '--format', 'github', '--today', '2026-03-10'], d);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^::error file=TODO\.md,line=5,endLine=5,col=1,title=taskmark parent-done-child-open::/,
    );
    expect(lines[3]).toMatch(/^::warning file=TODO\.md,line=12,/);
  });

  it('--format sarif prints a SARIF 2.1.0 log with relative URIs and fixes', () => {
    const d = workspace();
    const log = JSON.parse(taskmark(['lint', '--format', 'sarif', '--today', '2026-03-10'], d).stdout);
    expect(log.version).toBe('2.1.0');
    const results = log.runs[0].results;
    expect(results).toHaveLength(4);
    expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('TODO.md');
    expect(results[3].fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('🎉');
  });

  it('reads rule settings, the date and the similarity from .taskmark.yml', () => {
    const d = workspace(
      PLAN,
      'today: 2026-03-10\nlint:\n  rules:\n    parent-done-child-open: warning\n    overdue: off\n',
    );
    const r = taskmark(['lint', '--json'], d);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout).map(
      (f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`,
    );
    expect(rules).toEqual([
      'parent-done-child-open:warning',
      'parent-open-children-done:warning',
      'encoding-mojibake:warning',
    ]);
  });

  it('refuses bad usage with exit 2 and a message', () => {
    const d = workspace(PLAN, 'lint:\n  rules:\n    no-such-rule: error\n');
    const r = taskmark(['lint'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown lint rule in the configuration: no-such-rule');
    const bad = taskmark(['lint', '--format', 'xml'], workspace());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be one of human, json, sarif, github');
    expect(taskmark(['lint', '--json', '--format', 'sarif'], workspace()).code).toBe(2);
  });
});

describe('taskmark fix', () => {
  it('--dry-run prints the diff and writes nothing', () => {
    const d = workspace();
    const r = taskmark(['fix', '--dry-run', '--today', '2026-03-10'], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-- [ ] Write the changelog');
    expect(r.stdout).toContain('+- [x] Write the changelog');
    expect(r.stdout).toContain('+- [ ] Celebrate 🎉');
    expect(readFileSync(join(d, 'TODO.md'), 'utf8')).toBe(PLAN);
  });

  it('fixes in place with minimal edits, and a second run changes nothing', () => {
    const d = workspace();
    const r = taskmark(['fix', '--today', '2026-03-10'], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('fixed 2 (parent-open-children-done 1, encoding-mojibake 1)');
    const after = readFileSync(join(d, 'TODO.md'), 'utf8');
    expect(after).toBe(
      PLAN.replace('- [ ] Write the changelog', '- [x] Write the changelog').replace(
        damage('Celebrate 🎉', 'windows-1252'),
        'Celebrate 🎉',
      ),
    );
    const again = taskmark(['fix', '--json', '--today', '2026-03-10'], d);
    expect(JSON.parse(again.stdout)).toEqual([{ file: 'TODO.md', changed: false, fixed: {}, remaining: 2 }]);
    expect(readFileSync(join(d, 'TODO.md'), 'utf8')).toBe(after);
  });
});
