/** Probes and metrics at the root: /health/live, /health/ready, /health/startup and /metrics. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { HealthChecker } from '../health.js';
import { HttpError } from '../problem.js';

export function registerHealth(app: FastifyInstance, ctx: AppContext, health: HealthChecker): void {
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/startup', async (_req, reply) => {
    if (!ctx.started) reply.code(503);
    return { status: ctx.started ? 'started' : 'starting' };
  });
  app.get('/health/ready', async (_req, reply) => {
    const r = await health.readiness();
    if (r.status === 'unhealthy' || !ctx.started) reply.code(503);
    reply.header('cache-control', 'no-store');
    return r;
  });
  app.get('/metrics', async (req, reply) => {
    const token = ctx.config.metricsToken;
    if (token !== null) {
      const given = Buffer.from(req.headers.authorization ?? '');
      const wanted = Buffer.from(`Bearer ${token}`);
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
        throw new HttpError(
          'TM_UNAUTHENTICATED',
          '/metrics needs Authorization: Bearer <TASKMARK_METRICS_TOKEN>.',
          {
            headers: { 'www-authenticate': 'Bearer realm="taskmark-metrics"' },
          },
        );
    }
    reply.type(ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
}
