/** Parity: the same operation through the CLI and through HTTP gives the same plan and the same answer. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskmark } from '../support/cli.js';
import { type Harness, ROADMAP, sqliteBackend, startHarness } from './harness.js';

describe('CLI and HTTP parity', () => {
  let h: Harness;
  let token: string;
  const cliDir = mkdtempSync(join(tmpdir(), 'taskmark-parity-'));
  beforeAll(async () => {
    mkdirSync(join(cliDir, '.git'));
    writeFileSync(join(cliDir, 'ROADMAP.md'), ROADMAP);
    h = await startHarness(sqliteBackend, { files: { 'ROADMAP.md': ROADMAP } });
    token = (await h.userWith('member')).token;
  });
  afterAll(async () => {
    await h.close();
    rmSync(cliDir, { recursive: true, force: true });
  });

  const cliPlan = () => readFileSync(join(cliDir, 'ROADMAP.md'), 'utf8');
  const apiPlan = () => readFileSync(join(h.root, 'ROADMAP.md'), 'utf8');

  it('lists the same items with the same keys, statuses and parents', async () => {
    const cli = JSON.parse(taskmark(['items', '--json'], cliDir).stdout) as {
      key: string;
      status: string;
      parent: string | null;
      title: string;
    }[];
    const api = (await h.request({ method: 'GET', url: '/api/v1/items', token })).json().items as typeof cli;
    const pick = (i: (typeof cli)[number]) => [i.key, i.status, i.parent, i.title];
    expect(api.map(pick)).toEqual(cli.map(pick));
  });

  it('writes the same bytes for a status change, an added item, an attribute and a removal', async () => {
    expect(taskmark(['set', 'MH-002', 'done'], cliDir).code).toBe(0);
    await h.request({
      method: 'PATCH',
      url: '/api/v1/items/MH-002',
      token,
      body: { status: 'done' },
      headers: { 'if-match': '*' },
    });
    expect(apiPlan()).toBe(cliPlan());

    expect(taskmark(['add', 'Check the restore', '--parent', 'MH-002'], cliDir).code).toBe(0);
    await h.request({
      method: 'POST',
      url: '/api/v1/items',
      token,
      body: { project: 'ROADMAP.md', parent: 'MH-002', title: 'Check the restore' },
    });
    expect(apiPlan()).toBe(cliPlan());

    expect(taskmark(['edit', 'MH-003', '--set', 'owner=kim', '--set', 'due=2026-02-01'], cliDir).code).toBe(
      0,
    );
    await h.request({
      method: 'PATCH',
      url: '/api/v1/items/MH-003',
      token,
      body: { attributes: { owner: 'kim', due: '2026-02-01' } },
      headers: { 'if-match': '*' },
    });
    expect(apiPlan()).toBe(cliPlan());

    expect(taskmark(['rm', 'MH-001'], cliDir).code).toBe(0);
    await h.request({ method: 'DELETE', url: '/api/v1/items/MH-001', token, headers: { 'if-match': '*' } });
    expect(apiPlan()).toBe(cliPlan());
  });

  it('refuses an unknown key through both', async () => {
    expect(taskmark(['set', 'NOPE-1', 'done'], cliDir).code).toBe(2);
    expect(
      (
        await h.request({
          method: 'PATCH',
          url: '/api/v1/items/NOPE-1',
          token,
          body: { status: 'done' },
          headers: { 'if-match': '*' },
        })
      ).json().code,
    ).toBe('TM_NOT_FOUND');
  });
});
