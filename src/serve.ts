/** Composition root of `taskmark serve`: configuration → stores → server, listening until a signal. */
import type { ServeRequest } from './cli/surfaces.js';
import { resolveConfig } from './config/config.js';
import { resolveServerConfig } from './config/server.js';
import { buildServer } from './server/build.js';
import { openServerStores } from './store/open.js';
import { watchWorkspace } from './workspace/watch.js';

export async function serve(request: ServeRequest): Promise<number> {
  const config = resolveConfig({
    cwd: process.cwd(),
    env: process.env,
    flags: { databaseUrl: request.databaseUrl },
  });
  const server = resolveServerConfig(process.env, request);
  const { store, accounts, team, webhooks } = await openServerStores(config);
  const { app, ctx, setupToken } = await buildServer({
    store,
    accounts,
    team,
    webhookStore: webhooks,
    poolStats: () => store.poolStats(),
    config: server,
    workspace: {
      root: config.root,
      plans: config.plans,
      hoursPerDay: config.hoursPerDay,
      today: config.today,
      lint: config.lint,
    },
    logger: {
      level: process.env.TASKMARK_LOG_LEVEL ?? 'info',
      ...(request.json ? { stream: process.stderr } : {}),
    },
  });
  const address = await app.listen({ port: server.port, host: server.host });
  const base = server.publicUrl ?? address;
  const setupUrl = setupToken ? `${base}/setup#token=${setupToken}` : null;
  if (request.json) {
    const doc = { url: address, api: `${base}/api/v1`, docs: `${base}/docs`, root: config.root, setupUrl };
    process.stdout.write(`${JSON.stringify(doc)}\n`);
  } else {
    process.stderr.write(
      `taskmark: serving ${config.root} at ${address} (API ${base}/api/v1, docs ${base}/docs)\n`,
    );
    if (setupUrl)
      process.stderr.write(
        `taskmark: no user exists yet. Open this one-time link to create the owner account:\n  ${setupUrl}\n`,
      );
  }
  const watcher = server.watch
    ? watchWorkspace(store, config, {
        onImport: () => void ctx.events.poll().catch(() => {}),
        onError: (e) => app.log.error({ err: e }, 'import failed'),
      })
    : null;
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  process.stderr.write('taskmark: shutting down\n');
  await watcher?.close();
  await app.close();
  await store.close();
  return 0;
}
