/** Lint and sync per project over HTTP: the same findings and the same bytes as the CLI. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskmark } from '../support/cli.js';
import { backends, dropSchemas, type Harness, startHarness } from './harness.js';

afterAll(() => dropSchemas());

const PLAN = `# Release plan

**Progress:** 1/5 (20%)

<!-- taskmark:progress by=section format=counter -->
<!-- /taskmark -->

## Backend

- [x] Ship the invoice API
  - [x] Write the handlers
  - [ ] Announce it to the team
- [x] Migrate the invoice schema

## Frontend

- [ ] Invoice list page 📅 2026-01-02
- [x] Invoice detail page
`;

/** Two task files that depend on each other's items, and one reference that names nothing. */
const AUTH = `# Auth tasks

## AUTH-1: Session store
**Status:** ⏳ TODO
**Depends on:** bill-2

## AUTH-2: Login page
**Status:** ⏳ TODO
**Depends on:** AUTH-1, NOPE-9
`;
const BILLING = `# Billing tasks

## BILL-2: Invoice export
**Status:** ✅ DONE
**Depends on:** AUTH-1
`;

for (const backend of await backends('server plan health')) {
  describe(`plan health on ${backend.name}`, () => {
    let h: Harness;
    let member: string;
    let viewer: string;
    beforeAll(async () => {
      h = await startHarness(backend, {
        files: { 'TODO.md': PLAN, 'auth-tasks.md': AUTH, 'billing-tasks.md': BILLING },
      });
      member = (await h.userWith('member')).token;
      viewer = (await h.userWith('viewer')).token;
    });
    afterAll(() => h.close());
    const file = () => readFileSync(join(h.root, 'TODO.md'), 'utf8');

    it('GET …/lint gives the findings `taskmark lint --json` gives on the same plan', async () => {
      const res = await h.request({ method: 'GET', url: '/api/v1/projects/TODO.md/lint', token: viewer });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const rules = body.findings.map((f: { line: number; rule: string }) => `${f.line}:${f.rule}`);
      expect(rules).toEqual([
        '3:dashboard-stale',
        '5:dashboard-stale',
        '10:parent-done-child-open',
        '17:overdue',
      ]);
      expect(body.counts).toEqual({ error: 3, warning: 1, info: 0 });
      const cli = taskmark(['lint', 'TODO.md', '--json', '--today', '2026-01-10'], h.root);
      expect(cli.code).toBe(1);
      expect(JSON.parse(cli.stdout)).toEqual(body.findings);
    });

    it("GET …/lint knows the IDs of the workspace's other plans, as `taskmark lint` of them all does", async () => {
      const res = await h.request({
        method: 'GET',
        url: '/api/v1/projects/auth-tasks.md/lint',
        token: viewer,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const unknown = body.findings.filter((f: { rule: string }) => f.rule === 'unknown-reference');
      expect(unknown.map((f: { line: number; message: string }) => [f.line, f.message])).toEqual([
        [7, 'AUTH-2 "Login page" depends on NOPE-9, which is not an item of the plans linted.'],
      ]);
      const all = taskmark(['lint', '--json', '--today', '2026-01-10'], h.root);
      const cli = JSON.parse(all.stdout).filter((f: { file: string }) => f.file.endsWith('auth-tasks.md'));
      expect(cli).toEqual(body.findings);
      // Alone, the plan's reference to the other file is unknown.
      const alone = taskmark(['lint', 'auth-tasks.md', '--json', '--today', '2026-01-10'], h.root);
      expect(alone.stdout).toContain('depends on bill-2');
    });

    it('GET …/lint of an unknown project is a 404 problem', async () => {
      const res = await h.request({ method: 'GET', url: '/api/v1/projects/NOPE.md/lint', token: viewer });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('POST …/sync with dryRun returns the diff and writes nothing; without it writes, once', async () => {
      const before = file();
      const dry = await h.request({
        method: 'POST',
        url: '/api/v1/projects/TODO.md/sync',
        token: member,
        body: { unmanaged: true, dryRun: true },
      });
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toMatchObject({ changed: true, written: false });
      expect(dry.json().diff).toContain('+**Progress:** 3/5 (60%)');
      expect(file()).toBe(before);

      const res = await h.request({
        method: 'POST',
        url: '/api/v1/projects/TODO.md/sync',
        token: member,
        body: { unmanaged: true },
      });
      expect(res.json()).toMatchObject({ changed: true, written: true });
      expect(file()).toContain('**Progress:** 3/5 (60%)');
      const again = await h.request({
        method: 'POST',
        url: '/api/v1/projects/TODO.md/sync',
        token: member,
        body: { unmanaged: true },
      });
      expect(again.json()).toMatchObject({ changed: false, written: false, diff: '' });

      const lint = await h.request({ method: 'GET', url: '/api/v1/projects/TODO.md/lint', token: viewer });
      expect(lint.json().findings.filter((f: { rule: string }) => f.rule.startsWith('dashboard'))).toEqual(
        [],
      );
    });

    it('refuses an unknown body field with a per-field error', async () => {
      const res = await h.request({
        method: 'POST',
        url: '/api/v1/projects/TODO.md/sync',
        token: member,
        body: { rewriteEverything: true },
      });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain('/body');
    });
  });
}
