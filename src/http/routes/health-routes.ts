import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/app-deps.js';
import type { ServerMetrics } from '../server-metrics.js';

/** Liveness with a database round trip, and metrics in the Prometheus text format. */
export async function healthRoutes(app: FastifyInstance, deps: AppDeps, metrics: ServerMetrics) {
  app.get('/health', { schema: { tags: ['operations'], summary: 'Whether the server and its database answer' } }, async (_request, reply) => {
    try {
      await deps.stores.db.all('SELECT 1 AS one');
      return { status: 'ok', database: deps.stores.db.dialect };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: deps.stores.db.dialect });
    }
  });
  app.get('/metrics', { schema: { tags: ['operations'], summary: 'Prometheus metrics' } }, async (_request, reply) => {
    const byStatus = await deps.stores.db.all<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM cases GROUP BY status ORDER BY status');
    const overdue = await deps.stores.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM cases WHERE step_due IS NOT NULL AND step_due < ?', [deps.now()]);
    const lines = [
      '# HELP reglament_http_requests_total HTTP requests answered, by status class.',
      '# TYPE reglament_http_requests_total counter',
      ...Object.entries(metrics.requests).map(([klass, n]) => `reglament_http_requests_total{class="${klass}"} ${n}`),
      '# HELP reglament_cases Cases by applicant-facing status.',
      '# TYPE reglament_cases gauge',
      ...byStatus.map((r) => `reglament_cases{status="${r.status}"} ${Number(r.n)}`),
      '# HELP reglament_overdue_steps Open steps past their due.',
      '# TYPE reglament_overdue_steps gauge',
      `reglament_overdue_steps ${Number(overdue[0]?.n ?? 0)}`,
      '# HELP reglament_timers_fired_total Escalations fired by this process.',
      '# TYPE reglament_timers_fired_total counter',
      `reglament_timers_fired_total ${metrics.timersFired}`,
    ];
    return reply.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
  });
}
