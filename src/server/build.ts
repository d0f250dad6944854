/**
 * buildServer(deps): the Fastify application over the stores and the workspace. Everything is
 * registered here once: request ids and logs, security headers, CORS, compression, problem+json
 * errors, metrics, probes, the OpenAPI document and its UI, and the /api/v1 routes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import packageJson from '../../package.json' with { type: 'json' };
import { importPlan, importWorkspace } from '../workspace/import.js';
import { bootstrap, jwtSecretOf } from './bootstrap.js';
import type { AppContext, ServerDeps } from './context.js';
import { EventHub } from './events.js';
import { HealthChecker } from './health.js';
import { createMetrics } from './metrics.js';
import { openApiDocument } from './openapi.js';
import { HttpError, toProblem } from './problem.js';
import { type RouteSpec, registerRoute } from './route.js';
import { authRoutes } from './routes/auth.js';
import { bulkRoutes } from './routes/bulk.js';
import { dependencyRoutes } from './routes/dependencies.js';
import { eventRoutes } from './routes/events.js';
import { registerHealth } from './routes/health.js';
import { itemRoutes } from './routes/items.js';
import { listRoutes } from './routes/lists.js';
import { memberRoutes } from './routes/members.js';
import { planHealthRoutes } from './routes/plan-health.js';
import { projectRoutes } from './routes/projects.js';
import { searchRoutes } from './routes/search.js';
import { sprintRoutes } from './routes/sprints.js';
import { tokenRoutes } from './routes/tokens.js';
import { webhookRoutes } from './routes/webhooks.js';
import { workspaceRoutes } from './routes/workspace.js';
import { SETUP_PAGE, SETUP_SCRIPT } from './setup-page.js';
import { Webhooks } from './webhooks.js';

export const ROUTES: readonly RouteSpec[] = [
  ...authRoutes,
  ...itemRoutes,
  ...bulkRoutes,
  ...searchRoutes,
  ...dependencyRoutes,
  ...sprintRoutes,
  ...listRoutes,
  ...webhookRoutes,
  ...projectRoutes,
  ...planHealthRoutes,
  ...memberRoutes,
  ...tokenRoutes,
  ...workspaceRoutes,
  ...eventRoutes,
];

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
/** JSON deeper than this is refused before parsing (no legitimate request nests half as deep). */
const MAX_JSON_DEPTH = 64;

export interface TaskmarkServer {
  readonly app: FastifyInstance;
  readonly ctx: AppContext;
  /** The one-time setup token when no user exists and no admin was configured; else null. */
  readonly setupToken: string | null;
}

/** Depth of brackets outside strings; stops counting as soon as `max` is passed. */
function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

function loggerOptions(deps: ServerDeps): NonNullable<FastifyServerOptions['logger']> {
  if (!deps.logger) return false;
  const opts = deps.logger === true ? {} : deps.logger;
  return {
    level: opts.level ?? 'info',
    ...(opts.stream ? { stream: opts.stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["idempotency-key"]',
        '*.password',
        '*.accessToken',
        '*.refreshToken',
        '*.token',
        '*.setupToken',
        '*.inviteToken',
      ],
      censor: '[redacted]',
    },
  };
}

export async function buildServer(deps: ServerDeps): Promise<TaskmarkServer> {
  const now = deps.now ?? (() => new Date());
  const config = deps.config;
  const app = Fastify({
    logger: loggerOptions(deps),
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    // Item keys are slugs of section paths and titles: longer than the router's default of 100.
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: (error, request, reply) => {
      const { problem } = toProblem(error, request);
      (reply as unknown as FastifyReply).code(problem.status).type('application/problem+json').send(problem);
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    childLoggerFactory(logger, bindings, opts, raw) {
      const tp = raw.headers.traceparent;
      const m = typeof tp === 'string' ? TRACEPARENT.exec(tp) : null;
      return logger.child(m ? { ...bindings, traceId: m[1], spanId: m[2] } : bindings, opts);
    },
    // One line per request instead (in the onRequest hook below), with method, path, status and duration.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: true,
  });

  const metrics = createMetrics(deps.store, deps.poolStats);
  let syncing: Promise<unknown> = Promise.resolve();
  const webhooks = new Webhooks(deps.webhookStore, 'default', now, config.webhookAllowPrivate, (e) =>
    app.log.error({ err: e }, 'webhook delivery failed'),
  );
  const events = new EventHub(deps.store, async (batch) => {
    metrics.recordEvents(batch);
    await webhooks.enqueue(batch);
  });
  const jwtSecret = await jwtSecretOf(config, deps.accounts);
  const ctx: AppContext = {
    deps,
    store: deps.store,
    accounts: deps.accounts,
    team: deps.team,
    webhooks,
    config,
    workspaceId: 'default',
    jwtSecret,
    events,
    metrics,
    now,
    today: () => deps.workspace.today ?? now().toISOString().slice(0, 10),
    sync() {
      // One import at a time: a write's import waits for a running one, then sees its own change.
      const run = syncing.catch(() => undefined).then(() => importWorkspace(deps.store, deps.workspace));
      syncing = run;
      return run.then(async (r) => {
        await events.poll();
        return r;
      });
    },
    record(plan) {
      const run = syncing.catch(() => undefined).then(() => importPlan(deps.store, plan));
      syncing = run;
      return run.then(() => events.poll());
    },
    started: false,
  };

  // JSON only: a text/plain body would otherwise reach the handlers as a string.
  app.removeAllContentTypeParsers();
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (jsonDepthExceeds(body as string, MAX_JSON_DEPTH)) {
      done(
        new HttpError('TM_MALFORMED_REQUEST', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`),
        undefined,
      );
      return;
    }
    jsonParser(req, body as string, done);
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    metrics.inFlight.inc();
    const start = process.hrtime.bigint();
    let done = false;
    reply.raw.once('close', () => {
      if (done) return;
      done = true;
      metrics.inFlight.dec();
      const labels = {
        route: request.routeOptions.url ?? 'unmatched',
        method: request.method,
        status: String(reply.raw.statusCode),
      };
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      metrics.requests.inc(labels);
      metrics.duration.observe(labels, seconds);
      const line = {
        method: request.method,
        path: request.url.split('?')[0],
        route: labels.route,
        status: reply.raw.statusCode,
        durationMs: Math.round(seconds * 1e5) / 100,
        ip: request.ip,
      };
      if (reply.raw.statusCode >= 500) request.log.error(line, 'request');
      else request.log.info(line, 'request');
    });
  });

  // A body that does not arrive in time gets 408 (Node's own requestTimeout only checks every 30 s).
  app.addHook('onRequest', async (request, reply) => {
    const timer = setTimeout(() => {
      if (reply.sent) return;
      const { problem } = toProblem(
        new HttpError('TM_TIMEOUT', 'The request took too long to arrive.'),
        request,
      );
      reply.raw.once('finish', () => request.raw.destroy());
      reply.code(408).header('connection', 'close').type('application/problem+json').send(problem);
    }, config.requestTimeoutMs);
    timer.unref();
    (request as { bodyTimer?: NodeJS.Timeout }).bodyTimer = timer;
  });
  app.addHook('preHandler', async (request) =>
    clearTimeout((request as { bodyTimer?: NodeJS.Timeout }).bodyTimer),
  );
  app.addHook('onResponse', async (request) =>
    clearTimeout((request as { bodyTimer?: NodeJS.Timeout }).bodyTimer),
  );

  await app.register(helmet, {
    // The API answers JSON only; the docs UI sets its own policy for its assets.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
  const allowed = new Set(config.corsOrigins);
  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'If-Match',
      'Idempotency-Key',
      'Last-Event-ID',
      'X-Request-Id',
      'traceparent',
    ],
    exposedHeaders: [
      'ETag',
      'Location',
      'Retry-After',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'RateLimit-Policy',
      'X-Request-Id',
      'Idempotent-Replayed',
    ],
    maxAge: 600,
  });
  // Every JSON resource read gets an ETag (items set a strong one from their content); a matching
  // If-None-Match is answered with 304. Registered before compression so it sees the plain body.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
    let etag = reply.getHeader('etag') as string | undefined;
    if (etag === undefined) {
      etag = `W/"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
      reply.header('etag', etag);
    }
    const inm = request.headers['if-none-match'];
    if (
      typeof inm === 'string' &&
      inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''))
    ) {
      reply.code(304);
      return '';
    }
    return payload;
  });
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip', 'deflate'],
    // Brotli's default (quality 11) costs milliseconds per response; 4 compresses about as well as gzip, faster.
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });

  app.setErrorHandler((error, request, reply) => {
    const { problem, headers } = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    reply.code(problem.status).headers(headers).type('application/problem+json').send(problem);
  });
  app.setNotFoundHandler((request, reply) => {
    const { problem } = toProblem(
      new HttpError('TM_ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`),
      request,
    );
    reply.code(404).type('application/problem+json').send(problem);
  });

  const document = openApiDocument(ROUTES, packageJson.version);
  await app.register(swagger, { mode: 'static', specification: { document: document as never } });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', async () => document);
  app.get('/setup', async (_req, reply) => reply.type('text/html; charset=utf-8').send(SETUP_PAGE));
  app.get('/setup.js', async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').send(SETUP_SCRIPT),
  );

  registerHealth(app, ctx, new HealthChecker(deps.accounts, deps.workspace.root, now));
  for (const route of ROUTES) registerRoute(app, ctx, route);

  app.addHook('onClose', async () => {
    events.stop();
    webhooks.stop();
  });

  const setupToken = await bootstrap(config, deps.accounts, ctx.workspaceId, now());
  // Listeners and webhooks get what happens from now on (older events are replayed on request).
  await events.start(config.eventPollMs);
  webhooks.start(config.eventPollMs);
  await ctx.sync();
  await deps.accounts.expireIdempotencyKeys(new Date(now().getTime() - 24 * 3600 * 1000).toISOString());
  ctx.started = true;
  return { app, ctx, setupToken };
}
