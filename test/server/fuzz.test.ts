/**
 * Hostile strings in every path parameter, query parameter and body field of every route, sent by
 * the owner (so they reach the handlers): nothing answers with a server error, every refusal is
 * problem+json, and the workspace and the accounts survive.
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/server/build.js';
import { backends, dropSchemas, type Harness, OWNER, startHarness } from './harness.js';
import { sample } from './samples.js';

afterAll(() => dropSchemas());

const HOSTILE = [
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  'a\u0000b',
  '\r\nX-Injected: 1',
  // A template-injection probe: the braces and dollar are the point.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: literal text, not a template.
  '{{7*7}}${7*7}',
  '%00%2e%2e%2f',
  'A'.repeat(5000),
  '🔥\u202e\ufeff',
];

/** Bodies for the public routes, whose matrix samples are empty. */
const BODIES: Record<string, unknown> = {
  login: { email: 'nobody@example.com', password: 'x' },
  register: { email: 'new@example.com', password: 'long-enough-password', name: 'New', inviteToken: 'tmi_x' },
  refresh: { refreshToken: 'tmr_x' },
  logout: { refreshToken: 'tmr_x' },
};

/** Every way to put `value` in one string leaf of `body`. */
function variants(body: unknown, value: string): unknown[] {
  if (typeof body === 'string') return [value];
  if (Array.isArray(body))
    return body.flatMap((v, i) => variants(v, value).map((x) => body.map((y, j) => (i === j ? x : y))));
  if (body !== null && typeof body === 'object')
    return Object.entries(body).flatMap(([k, v]) => variants(v, value).map((x) => ({ ...body, [k]: x })));
  return [];
}

function urlVariants(specUrl: string, url: string, value: string): string[] {
  const out: string[] = [];
  const [path, query] = url.split('?') as [string, string | undefined];
  const specParts = specUrl.split('/');
  const parts = path.split('/');
  specParts.forEach((p, i) => {
    if (p.startsWith(':'))
      out.push(
        [...parts.slice(0, i), encodeURIComponent(value), ...parts.slice(i + 1)].join('/') +
          (query ? `?${query}` : ''),
      );
  });
  if (query) {
    const params = new URLSearchParams(query);
    for (const name of params.keys()) {
      const copy = new URLSearchParams(params);
      copy.set(name, value);
      out.push(`${path}?${copy.toString()}`);
    }
  }
  return out;
}

for (const backend of await backends('server fuzz')) {
  describe(`hostile strings in every field on ${backend.name}`, () => {
    let h: Harness;
    let owner: string;
    beforeAll(async () => {
      h = await startHarness(backend);
      owner = (await h.userWith('owner')).token;
    });
    afterAll(() => h.close());

    it('never answers with a server error, and refuses with problem+json', async () => {
      let sent = 0;
      for (const route of ROUTES) {
        if (route.operationId === 'streamEvents') continue;
        const base = sample(route.operationId);
        const body = BODIES[route.operationId] ?? base.body;
        for (const value of HOSTILE) {
          const requests = [
            ...variants(body, value).map((b) => ({ ...base, body: b })),
            ...urlVariants(route.url, base.url, value).map((url) => ({ ...base, url, body })),
          ];
          for (const req of requests) {
            const res = await h.request({
              ...req,
              ...(req.body !== undefined ? { body: req.body } : {}),
              token: owner,
            });
            sent++;
            const where = `${route.operationId} ${req.method} ${req.url.slice(0, 120)} ${JSON.stringify(req.body)?.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
            expect(res.statusCode, where).toBeLessThan(500);
            if (res.statusCode >= 400)
              expect(res.headers['content-type'], where).toContain('application/problem+json');
            expect(JSON.stringify(res.headers), where).not.toContain('X-Injected');
          }
        }
      }
      expect(sent).toBeGreaterThan(300);
      // Nothing was written outside the workspace, and the owner still signs in.
      expect(readdirSync(dirname(h.root)).filter((f) => f === 'passwd' || f.endsWith('.plan.md'))).toEqual(
        [],
      );
      await h.login(OWNER.email, OWNER.password);
    });
  });
}
