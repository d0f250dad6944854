/** A valid, harmless request for every route: reads, or writes aimed at things that do not exist. */
let n = 0;
/** A valid, harmless request per route: reads, or writes aimed at things that do not exist. */
export function sample(operationId: string): {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
} {
  const star = { 'if-match': '*' };
  switch (operationId) {
    case 'register':
    case 'login':
    case 'refresh':
    case 'logout':
      return { method: 'POST', url: `/api/v1/auth/${operationId}`, body: {} };
    case 'changePassword':
      return {
        method: 'POST',
        url: '/api/v1/me/password',
        body: { currentPassword: 'wrong', newPassword: 'x' },
      };
    case 'me':
      return { method: 'GET', url: '/api/v1/me' };
    case 'createInvite':
      return {
        method: 'POST',
        url: '/api/v1/invites',
        body: { email: `matrix-${++n}@example.com`, role: 'viewer' },
      };
    case 'listItems':
      return { method: 'GET', url: '/api/v1/items?limit=2' };
    case 'getItem':
      return { method: 'GET', url: '/api/v1/items/MH-002' };
    case 'updateItem':
      return { method: 'PATCH', url: '/api/v1/items/NOPE-1', body: { status: 'done' }, headers: star };
    case 'deleteItem':
      return { method: 'DELETE', url: '/api/v1/items/NOPE-1', headers: star };
    case 'createItem':
      return {
        method: 'POST',
        url: '/api/v1/items',
        body: { project: 'missing.md', section: 'X', title: 'never' },
      };
    case 'listProjects':
      return { method: 'GET', url: '/api/v1/projects' };
    case 'getProject':
      return { method: 'GET', url: '/api/v1/projects/ROADMAP.md' };
    case 'createProject':
      return {
        method: 'POST',
        url: '/api/v1/projects',
        body: { path: `plans/m${++n}.plan.md`, title: 'Matrix' },
      };
    case 'listMembers':
      return { method: 'GET', url: '/api/v1/members' };
    case 'listUsers':
      return { method: 'GET', url: '/api/v1/users' };
    case 'setMember':
      return { method: 'PUT', url: '/api/v1/members/nobody', body: { role: 'viewer' } };
    case 'removeMember':
      return { method: 'DELETE', url: '/api/v1/members/nobody' };
    case 'listTokens':
      return { method: 'GET', url: '/api/v1/tokens' };
    case 'createToken':
      return { method: 'POST', url: '/api/v1/tokens', body: { name: 'matrix', scopes: ['read'] } };
    case 'revokeToken':
      return { method: 'DELETE', url: '/api/v1/tokens/none' };
    case 'getWorkspace':
      return { method: 'GET', url: '/api/v1/workspace' };
    case 'syncWorkspace':
      return { method: 'POST', url: '/api/v1/workspace/sync' };
    case 'listAudit':
      return { method: 'GET', url: '/api/v1/audit' };
    case 'listViews':
      return { method: 'GET', url: '/api/v1/views' };
    case 'saveView':
      return { method: 'PUT', url: '/api/v1/views/matrix', body: { q: 'status:todo' } };
    case 'deleteView':
      return { method: 'DELETE', url: '/api/v1/views/none' };
    case 'bulkUpdateItems':
      return {
        method: 'POST',
        url: '/api/v1/items/bulk',
        body: { operations: [{ key: 'NOPE-1', ifMatch: '*', status: 'done' }] },
      };
    case 'search':
      return { method: 'GET', url: '/api/v1/search?q=status:todo&facets=status' };
    case 'getDependencies':
      return { method: 'GET', url: '/api/v1/items/MH-002/dependencies' };
    case 'addDependency':
      return {
        method: 'POST',
        url: '/api/v1/items/NOPE-1/dependencies',
        body: { dependsOn: 'MH-001' },
        headers: star,
      };
    case 'removeDependency':
      return { method: 'DELETE', url: '/api/v1/items/NOPE-1/dependencies/MH-001', headers: star };
    case 'lintProject':
      return { method: 'GET', url: '/api/v1/projects/ROADMAP.md/lint' };
    case 'syncProject':
      return { method: 'POST', url: '/api/v1/projects/ROADMAP.md/sync', body: { dryRun: true } };
    case 'getProjectHistory':
      return { method: 'GET', url: '/api/v1/projects/ROADMAP.md/history' };
    case 'listSprints':
      return { method: 'GET', url: '/api/v1/sprints' };
    case 'createSprint':
      return {
        method: 'POST',
        url: '/api/v1/sprints',
        body: { name: 'S', startsOn: '2026-01-01', endsOn: '2026-01-14' },
      };
    case 'sprintVelocity':
      return { method: 'GET', url: '/api/v1/sprints/velocity' };
    case 'getSprint':
      return { method: 'GET', url: '/api/v1/sprints/none' };
    case 'updateSprint':
      return { method: 'PATCH', url: '/api/v1/sprints/none', body: { name: 'x' }, headers: star };
    case 'addSprintItems':
      return {
        method: 'POST',
        url: '/api/v1/sprints/none/items',
        body: { items: [{ project: 'ROADMAP.md', key: 'MH-001' }] },
      };
    case 'removeSprintItem':
      return { method: 'DELETE', url: '/api/v1/sprints/none/items/MH-001?project=ROADMAP.md' };
    case 'closeSprint':
      return { method: 'POST', url: '/api/v1/sprints/none/close', body: {} };
    case 'listActionLists':
      return { method: 'GET', url: '/api/v1/lists' };
    case 'createActionList':
      return { method: 'POST', url: '/api/v1/lists', body: { name: `list-${++n}` } };
    case 'getActionList':
      return { method: 'GET', url: '/api/v1/lists/none' };
    case 'setActionListItems':
      return { method: 'PUT', url: '/api/v1/lists/none/items', body: { items: [] } };
    case 'deleteActionList':
      return { method: 'DELETE', url: '/api/v1/lists/none' };
    case 'listWebhooks':
      return { method: 'GET', url: '/api/v1/webhooks' };
    case 'createWebhook':
      return {
        method: 'POST',
        url: '/api/v1/webhooks',
        body: { url: 'https://hooks.example.com/x', events: ['created'] },
      };
    case 'deleteWebhook':
      return { method: 'DELETE', url: '/api/v1/webhooks/none' };
    case 'listWebhookDeliveries':
      return { method: 'GET', url: '/api/v1/webhooks/none/deliveries' };
    case 'streamEvents':
      return { method: 'GET', url: '/api/v1/events' };
    default:
      throw new Error(`no sample request for ${operationId}`);
  }
}
