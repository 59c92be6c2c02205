import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WiredDeps } from '../../compose/wire-app.js';
import { appError } from '../../app/app-error.js';
import { sendError } from '../http-context.js';
import { POSTGRES_MIGRATIONS } from '../../store/postgres/postgres-migrations.js';
import { SQLITE_MIGRATIONS } from '../../store/sqlite/sqlite-migrations.js';
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
export async function healthRoutes(app: FastifyInstance, deps: WiredDeps, metrics: ServerMetrics, metricsToken: string | undefined) {
  const { db } = deps.stores;
  const expectedMigrations = (db.dialect === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS).length;

  app.get('/health', { schema: { tags: ['operations'], summary: 'Whether the server and its database answer' } }, async (_request, reply) => {
    try {
      await db.all('SELECT 1 AS one');
      return { status: 'ok', database: db.dialect };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: db.dialect });
    }
  });

  app.get(
    '/ready',
    { schema: { tags: ['operations'], summary: 'Whether this process should receive traffic: database reachable, migrations applied, not shutting down' } },
    async (_request, reply) => {
      if (metrics.draining) return reply.status(503).send({ status: 'draining', database: db.dialect });
      try {
        const applied = Number((await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM schema_migrations'))[0]?.n ?? 0);
        const status = applied >= expectedMigrations ? 'ready' : 'migrations-pending';
        return reply.status(status === 'ready' ? 200 : 503).send({ status, database: db.dialect, migrations: { applied, expected: expectedMigrations } });
      } catch {
        return reply.status(503).send({ status: 'database-unavailable', database: db.dialect });
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
      const casesByStatus = await db.all<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM cases GROUP BY status ORDER BY status');
      const overdue = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM cases WHERE step IS NOT NULL AND step_due IS NOT NULL AND step_due < ?', [now]);
      const timers = await db.all<{ n: number; oldest: number | null }>(
        'SELECT COUNT(*) AS n, MIN(timer_due) AS oldest FROM cases WHERE timer_due IS NOT NULL AND timer_due <= ?',
        [now],
      );
      const oldest = timers[0]?.oldest;
      const text = renderMetrics(
        metrics,
        {
          casesByStatus: casesByStatus.map((r) => ({ status: r.status, n: Number(r.n) })),
          overdueSteps: Number(overdue[0]?.n ?? 0),
          dueTimers: Number(timers[0]?.n ?? 0),
          timerLagSeconds: oldest === null || oldest === undefined ? 0 : Math.max(0, (now - Number(oldest)) / 1000),
        },
        now,
      );
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(text);
    },
  );
}
