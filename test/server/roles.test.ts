/**
 * The access matrix: every route, called by every kind of caller (nobody, a user outside the
 * workspace, each role, and API tokens of each scope), refuses exactly those it must — 401 without
 * credentials, 403 without the permission — and a refusal carries none of the workspace's data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access, Permission } from '../../src/server/auth/guard.js';
import { ROUTES } from '../../src/server/build.js';
import { backends, dropSchemas, type Harness, startHarness } from './harness.js';
import { sample } from './samples.js';

afterAll(() => dropSchemas());

/** What each route requires, written down independently of the route declarations. */
const EXPECTED: Record<string, Access> = {
  register: 'public',
  login: 'public',
  refresh: 'public',
  logout: 'public',
  me: 'user',
  changePassword: 'user',
  createInvite: 'admin',
  listItems: 'read',
  getItem: 'read',
  updateItem: 'write',
  deleteItem: 'write',
  createItem: 'write',
  listProjects: 'read',
  getProject: 'read',
  createProject: 'write',
  listMembers: 'read',
  listUsers: 'admin',
  setMember: 'admin',
  removeMember: 'admin',
  listTokens: 'user',
  createToken: 'read',
  revokeToken: 'user',
  getWorkspace: 'read',
  syncWorkspace: 'write',
  listAudit: 'admin',
  listViews: 'read',
  saveView: 'write',
  deleteView: 'write',
  streamEvents: 'read',
  bulkUpdateItems: 'write',
  search: 'read',
  getDependencies: 'read',
  addDependency: 'write',
  removeDependency: 'write',
  getProjectHistory: 'read',
  listSprints: 'read',
  createSprint: 'write',
  sprintVelocity: 'read',
  getSprint: 'read',
  updateSprint: 'write',
  addSprintItems: 'write',
  removeSprintItem: 'write',
  closeSprint: 'write',
  listActionLists: 'read',
  createActionList: 'write',
  getActionList: 'read',
  setActionListItems: 'write',
  deleteActionList: 'write',
  listWebhooks: 'admin',
  createWebhook: 'admin',
  deleteWebhook: 'admin',
  listWebhookDeliveries: 'admin',
  lintProject: 'read',
  syncProject: 'write',
};

type Caller =
  | 'anonymous'
  | 'outsider'
  | 'viewer'
  | 'member'
  | 'admin'
  | 'owner'
  | 'token:read'
  | 'token:write'
  | 'token:admin';

const PERMISSIONS: Record<Caller, readonly Permission[]> = {
  anonymous: [],
  outsider: [],
  viewer: ['read'],
  member: ['read', 'write'],
  admin: ['read', 'write', 'admin'],
  owner: ['read', 'write', 'admin', 'owner'],
  // Tokens of an owner: the scope narrows the role.
  'token:read': ['read'],
  'token:write': ['read', 'write'],
  'token:admin': ['read', 'write', 'admin'],
};

function allowed(caller: Caller, access: Access): boolean {
  if (access === 'public') return true;
  if (access === 'user') return caller !== 'anonymous';
  return PERMISSIONS[caller].includes(access);
}

describe('route access declarations', () => {
  it('match the expected table, route for route', () => {
    const declared = Object.fromEntries(ROUTES.map((r) => [r.operationId, r.access]));
    expect(declared).toEqual(EXPECTED);
  });
});

for (const backend of await backends('server access matrix')) {
  describe(`access matrix on ${backend.name}`, () => {
    let h: Harness;
    const tokens = new Map<Caller, string | undefined>();
    beforeAll(async () => {
      h = await startHarness(backend);
      tokens.set('anonymous', undefined);
      for (const role of ['outsider', 'viewer', 'member', 'admin', 'owner'] as const)
        tokens.set(role, (await h.userWith(role)).token);
      for (const scope of ['read', 'write', 'admin'] as const) {
        const res = await h.request({
          method: 'POST',
          url: '/api/v1/tokens',
          token: tokens.get('owner'),
          body: { name: `matrix-${scope}`, scopes: [scope] },
        });
        tokens.set(`token:${scope}`, res.json().token);
      }
    });
    afterAll(() => h.close());

    for (const route of ROUTES) {
      it(`${route.method} ${route.url} (${route.access})`, async () => {
        const req = sample(route.operationId);
        for (const caller of tokens.keys()) {
          const may = allowed(caller, EXPECTED[route.operationId]!);
          // An event stream that is allowed stays open; it is exercised over a real socket elsewhere.
          if (may && route.operationId === 'streamEvents') continue;
          const res = await h.request({ ...req, token: tokens.get(caller) });
          const where = `${caller} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (may) {
            expect([401, 403], where).not.toContain(res.statusCode);
            expect(res.statusCode, where).toBeLessThan(500);
          } else {
            expect(res.statusCode, where).toBe(caller === 'anonymous' ? 401 : 403);
            expect(res.headers['content-type'], where).toContain('application/problem+json');
            // Refusals carry no workspace data (the instance only echoes the caller's own URL).
            const { instance: _echo, ...problem } = res.json();
            expect(JSON.stringify(problem), where).not.toMatch(
              /MH-00|Rotate the signing|gutters|ROADMAP|@example\.com/,
            );
          }
        }
      });
    }

    it("keeps other people's API tokens out of a non-admin's listing", async () => {
      const outsider = tokens.get('outsider')!;
      const mine = await h.request({ method: 'GET', url: '/api/v1/tokens', token: outsider });
      expect(mine.statusCode).toBe(200);
      expect(mine.json().tokens.every((t: { name: string }) => !t.name.startsWith('matrix-'))).toBe(true);
      const all = await h.request({ method: 'GET', url: '/api/v1/tokens?all=true', token: outsider });
      expect(all.statusCode).toBe(403);
    });
  });
}
