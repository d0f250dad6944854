/** Probes and metrics at the root: /health/live, /health/ready, /health/startup and /metrics. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { HealthChecker } from '../health.js';

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
  app.get('/metrics', async (_req, reply) => {
    reply.type(ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
}
