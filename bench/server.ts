/**
 * Server throughput: GET /api/v1/items/{key} (authenticated, rate-limited, read from the plan file)
 * and GET /api/v1/items?limit=50 against a bare Fastify route returning the same JSON, over real
 * loopback HTTP with the same concurrency, alternating rounds in one run; reports requests per
 * second and the ratios. Run: npm run bench:server
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { SERVER_DEFAULTS } from '../src/config/server.js';
import { buildServer } from '../src/server/build.js';
import { accountStoreOf, teamStoreOf, webhookStoreOf } from '../src/store/open.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { generatePlan } from '../test/support/generate-plan.js';

const dir = mkdtempSync(join(tmpdir(), 'taskmark-bench-server-'));
mkdirSync(join(dir, '.git'));
writeFileSync(join(dir, 'PLAN.md'), generatePlan(150_000));
const store = await openSqliteStore(join(dir, '.taskmark', 'taskmark.db'));
const admin = { email: 'bench@example.com', password: 'bench-password-123' };
const { app } = await buildServer({
  store,
  accounts: accountStoreOf(store),
  team: teamStoreOf(store),
  webhookStore: webhookStoreOf(store),
  config: {
    ...SERVER_DEFAULTS,
    host: '127.0.0.1',
    port: 0,
    corsOrigins: [],
    jwtSecret: 'bench-secret-bench-secret-bench-secret-0123',
    admin,
    publicUrl: null,
    rateLimits: { auth: 1e9, write: 1e9, read: 1e9 },
    trustProxy: false,
    watch: false,
    webhookAllowPrivate: false,
    metricsToken: null,
    eventPollMs: 0,
  },
  workspace: {
    root: dir,
    plans: { include: [], exclude: [], minTasks: 5, maxBytes: 64 << 20 },
    hoursPerDay: 8,
    today: null,
  },
});
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(admin),
});
const { accessToken } = (await login.json()) as { accessToken: string };
const auth = { authorization: `Bearer ${accessToken}` };
const list = (await (await fetch(`${base}/api/v1/items?limit=50`, { headers: auth })).json()) as {
  items: { key: string }[];
};
const key = list.items[10]!.key;
const one = await (await fetch(`${base}/api/v1/items/${encodeURIComponent(key)}`, { headers: auth })).text();
const page = JSON.stringify(list);

const bare = Fastify();
bare.get('/item', async (_req, reply) => reply.type('application/json').send(one));
bare.get('/page', async (_req, reply) => reply.type('application/json').send(page));
const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });

/** Requests per second over `ms`, `concurrency` requests in flight. */
async function rps(
  url: string,
  headers: Record<string, string>,
  ms: number,
  concurrency = 16,
): Promise<number> {
  let done = 0;
  const end = performance.now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${url}: ${res.status}`);
        done++;
      }
    }),
  );
  return done / (ms / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
if (process.env.BENCH_PROBE) {
  for (const path of [
    '/health/live',
    '/api/v1/me',
    '/api/v1/workspace',
    `/api/v1/items/${encodeURIComponent(key)}`,
  ])
    console.log(path, (await rps(`${base}${path}`, auth, 1000)).toFixed(0));
  process.exit(0);
}
const rounds = 5;
const results: Record<string, number[]> = { item: [], bareItem: [], page: [], barePage: [] };
await rps(`${base}/api/v1/items/${encodeURIComponent(key)}`, auth, 500);
await rps(`${bareBase}/item`, {}, 500);
for (let i = 0; i < rounds; i++) {
  results.item!.push(await rps(`${base}/api/v1/items/${encodeURIComponent(key)}`, auth, 1000));
  results.bareItem!.push(await rps(`${bareBase}/item`, {}, 1000));
  results.page!.push(await rps(`${base}/api/v1/items?limit=50`, auth, 1000));
  results.barePage!.push(await rps(`${bareBase}/page`, {}, 1000));
}
const m = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v)])) as Record<
  string,
  number
>;
console.log(
  `${rounds} alternating rounds of 1 s, 16 requests in flight, plan of ${list.items.length}+ items (150 KB)`,
);
console.log(
  `GET /api/v1/items/{key}     ${m.item!.toFixed(0).padStart(7)} req/s   bare Fastify ${m.bareItem!.toFixed(0).padStart(7)} req/s   ratio ${(m.bareItem! / m.item!).toFixed(1)}x`,
);
console.log(
  `GET /api/v1/items?limit=50  ${m.page!.toFixed(0).padStart(7)} req/s   bare Fastify ${m.barePage!.toFixed(0).padStart(7)} req/s   ratio ${(m.barePage! / m.page!).toFixed(1)}x`,
);
await app.close();
await bare.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
