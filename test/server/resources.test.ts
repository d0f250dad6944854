/** Bulk updates, search with facets, dependencies and project history, on SQLite and PostgreSQL. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchRepo } from '../support/git-repo.js';
import { backends, dropSchemas, type Harness, startHarness } from './harness.js';

afterAll(() => dropSchemas());

const PLAN = `# Release plan

## Work

- [ ] REL-1: Freeze the branch
- [ ] REL-2: Build the artefacts
- [ ] REL-3: Publish the notes
- [ ] REL-4: Announce
`;

for (const backend of await backends('server resources')) {
  describe(`bulk, search, dependencies and history on ${backend.name}`, () => {
    const repo = scratchRepo();
    let h: Harness;
    let token: string;
    beforeAll(async () => {
      repo.write('PLAN.md', PLAN.replace('- [ ] REL-1', '- [x] REL-1'));
      repo.commit('2026-01-02', 'start the release plan');
      repo.write('PLAN.md', PLAN.replace('- [ ] REL-1', '- [x] REL-1').replace('- [ ] REL-2', '- [x] REL-2'));
      repo.commit('2026-01-03', 'artefacts built');
      repo.write('PLAN.md', PLAN);
      h = await startHarness(backend, { root: repo.dir, files: {} });
      token = (await h.userWith('member')).token;
    });
    afterAll(async () => {
      await h.close();
      repo.remove();
    });

    const plan = () => readFileSync(join(h.root, 'PLAN.md'), 'utf8');
    const etagOf = async (key: string) =>
      (await h.request({ method: 'GET', url: `/api/v1/items/${key}`, token })).json().etag;

    it('applies each bulk operation on its own and reports each result', async () => {
      const res = await h.request({
        method: 'POST',
        url: '/api/v1/items/bulk',
        token,
        body: {
          operations: [
            { key: 'REL-1', ifMatch: await etagOf('REL-1'), status: 'done' },
            { key: 'REL-2', ifMatch: '"stale"', status: 'done' },
            { key: 'NOPE-9', ifMatch: '*', status: 'done' },
            { key: 'REL-3', ifMatch: '*', attributes: { owner: 'kim' } },
          ],
        },
      });
      expect(res.statusCode).toBe(200);
      const results = res.json().results;
      expect(results.map((r: { key: string; status: number }) => [r.key, r.status])).toEqual([
        ['REL-1', 200],
        ['REL-2', 412],
        ['NOPE-9', 404],
        ['REL-3', 200],
      ]);
      expect(results[1].problem.code).toBe('TM_PRECONDITION_FAILED');
      expect(results[0].item.status).toBe('done');
      expect(plan()).toContain('- [x] REL-1');
      expect(plan()).toContain('- [ ] REL-2');
      expect(plan()).toMatch(/REL-3: Publish the notes.*kim/);
    });

    it('searches with ranking and facet counts over all matches', async () => {
      const res = await h.request({
        method: 'GET',
        url: '/api/v1/search?q=status:todo&limit=1&facets=status,owner',
        token,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(3);
      expect(body.hits).toHaveLength(1);
      expect(body.facets.status).toEqual([{ value: 'todo', count: 3 }]);
      expect(body.facets.owner).toEqual(expect.arrayContaining([{ value: 'kim', count: 1 }]));
      const bad = await h.request({ method: 'GET', url: '/api/v1/search?facets=colour', token });
      expect(bad.statusCode).toBe(400);
    });

    it('adds dependencies in the plan, refuses a cycle, and removes them', async () => {
      const add = async (key: string, dependsOn: string) =>
        h.request({
          method: 'POST',
          url: `/api/v1/items/${key}/dependencies`,
          token,
          body: { dependsOn },
          headers: { 'if-match': '*' },
        });
      expect((await add('REL-3', 'REL-2')).statusCode).toBe(200);
      expect((await add('REL-4', 'REL-3')).statusCode).toBe(200);
      expect(plan()).toMatch(/REL-4: Announce.*REL-3/);
      const cycle = await add('REL-2', 'REL-4');
      expect(cycle.statusCode).toBe(409);
      expect(cycle.json().code).toBe('TM_DEPENDENCY_CYCLE');
      expect(cycle.json().detail).toContain('REL-2 → REL-4 → REL-3 → REL-2');
      expect((await add('REL-2', 'REL-2')).statusCode).toBe(409);
      expect((await add('REL-2', 'MISSING-1')).statusCode).toBe(404);
      const deps = (
        await h.request({ method: 'GET', url: '/api/v1/items/REL-3/dependencies', token })
      ).json();
      expect(deps).toMatchObject({ key: 'REL-3', dependsOn: ['REL-2'], dependents: ['REL-4'] });
      const del = await h.request({
        method: 'DELETE',
        url: '/api/v1/items/REL-4/dependencies/REL-3',
        token,
        headers: { 'if-match': '*' },
      });
      expect(del.statusCode).toBe(200);
      expect(del.json().dependsOn).toEqual([]);
      expect(plan()).toMatch(/- \[ \] REL-4: Announce\n/);
      const again = await h.request({
        method: 'DELETE',
        url: '/api/v1/items/REL-4/dependencies/REL-3',
        token,
        headers: { 'if-match': '*' },
      });
      expect(again.statusCode).toBe(404);
    });

    it("serves a project's progress over its git history", async () => {
      const res = await h.request({ method: 'GET', url: '/api/v1/projects/PLAN.md/history', token });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.commits).toBe(2);
      expect(body.points.map((p: { done: number; total: number }) => [p.done, p.total])).toEqual([
        [1, 4],
        [2, 4],
      ]);
    });
  });
}
