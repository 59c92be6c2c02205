import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app/app-deps.js';
import { appError } from '../../app/app-error.js';
import { sendError } from '../http-context.js';
import { renderMetrics, type ServerMetrics } from '../server-metrics.js';

const NOT_A_SCRAPER = appError(
  'unauthenticated',
  'Метрикаларға METRICS_TOKEN токені керек.',
  'Для метрик нужен токен METRICS_TOKEN.',
  'Metrics need the METRICS_TOKEN bearer token.',
);

/** Compared as hashes, so the comparison takes as long whatever the length of the guess. */
const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries the metrics bearer token. */
function isScraper(request: FastifyRequest, token: string): boolean {
  const auth = request.headers.authorization;
  return auth?.startsWith('Bearer ') === true && timingSafeEqual(digest(auth.slice(7).trim()), digest(token));
}

/**
 * Liveness (/health: the process and its database answer), readiness (/ready: the schema is at
 * this build's version and the process is not shutting down), neither needing a sign-in, and
 * metrics in the Prometheus text format: they tell how many cases stand in which state, so they
 * are served only to the scraper's bearer token (METRICS_TOKEN), and not at all without one.
 * None is rate-limited.
 */
export async function healthRoutes(app: FastifyInstance, deps: AppDeps, metrics: ServerMetrics, metricsToken: string | undefined) {
  const probe = deps.stores.operations;
  const database = probe.dialect;

  app.get('/health', { schema: { tags: ['operations'], summary: 'Whether the server and its database answer' } }, async (_request, reply) => {
    try {
      await probe.ping();
      return { status: 'ok', database };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database });
    }
  });

  app.get(
    '/ready',
    { schema: { tags: ['operations'], summary: 'Whether this process should receive traffic: database reachable, migrations applied, not shutting down' } },
    async (_request, reply) => {
      if (metrics.draining) return reply.status(503).send({ status: 'draining', database });
      try {
        const migrations = await probe.migrations();
        const status = migrations.applied >= migrations.expected ? 'ready' : 'migrations-pending';
        return reply.status(status === 'ready' ? 200 : 503).send({ status, database, migrations });
      } catch {
        return reply.status(503).send({ status: 'database-unavailable', database });
      }
    },
  );

  if (metricsToken === undefined) return;
  app.get(
    '/metrics',
    { schema: { tags: ['operations'], summary: 'Prometheus metrics (text format 0.0.4), to the METRICS_TOKEN bearer token only' } },
    async (request, reply) => {
      if (!isScraper(request, metricsToken)) return sendError(request, reply, NOT_A_SCRAPER);
      const now = deps.now();
      const { casesByStatus, overdueSteps, dueTimers, oldestDueTimer } = await probe.backlog(now);
      const timerLagSeconds = oldestDueTimer === null ? 0 : Math.max(0, (now - oldestDueTimer) / 1000);
      const text = renderMetrics(metrics, { casesByStatus, overdueSteps, dueTimers, timerLagSeconds }, now);
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(text);
    },
  );
}
