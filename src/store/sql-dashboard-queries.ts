import type { CaseEvent } from '../core/engine/case-events.js';
import type { CaseTiming, DashboardQueries, OverdueStep, StatusCount } from '../app/ports/dashboard-queries.js';
import { jsonColumn, type SqlDatabase } from './sql-database.js';

/** The events that start, move, close or escalate a step, or issue a result. */
const TIMING_EVENTS = ['submitted', 'step-completed', 'resumed', 'escalated', 'refused', 'withdrawn', 'result-issued'];

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const inScope = (column: string, officeIds: readonly string[]) =>
  `${column} IN (SELECT case_id FROM case_offices WHERE office_id IN (${placeholders(officeIds.length)}))`;

/** The dashboard reads on either database: the same SQL, `?` placeholders, counts cast to integers. */
export function sqlDashboardQueries(db: SqlDatabase): DashboardQueries {
  return {
    statusCounts: async (officeIds, from, to) => {
      if (officeIds.length === 0) return [];
      // The first event of every history (seq 1) is its submission.
      return db.all<StatusCount>(
        `SELECT c.service, c.status, CAST(COUNT(*) AS INTEGER) AS "count"
           FROM cases c JOIN case_events e ON e.case_id = c.id AND e.seq = 1
          WHERE ${inScope('c.id', officeIds)} AND e.at >= ? AND e.at < ?
          GROUP BY c.service, c.status ORDER BY c.service, c.status`,
        [...officeIds, from, to],
      );
    },
    caseTimings: async (officeIds, from, to) => {
      if (officeIds.length === 0) return [];
      const rows = await db.all<{ caseId: string; service: string; body: unknown }>(
        `SELECT e.case_id AS "caseId", c.service, e.body
           FROM case_events e JOIN cases c ON c.id = e.case_id
          WHERE ${inScope('c.id', officeIds)}
            AND EXISTS (SELECT 1 FROM case_events x WHERE x.case_id = c.id AND x.at >= ? AND x.at < ?)
            AND e.type IN (${placeholders(TIMING_EVENTS.length)})
          ORDER BY e.case_id, e.seq`,
        [...officeIds, from, to, ...TIMING_EVENTS],
      );
      const timings: { caseId: string; service: string; events: CaseEvent[] }[] = [];
      for (const row of rows) {
        const last = timings[timings.length - 1];
        const event = jsonColumn<CaseEvent>(row.body);
        if (last?.caseId === row.caseId) last.events.push(event);
        else timings.push({ caseId: row.caseId, service: row.service, events: [event] });
      }
      return timings;
    },
    overdueSteps: async (officeIds, now) => {
      if (officeIds.length === 0) return [];
      return db.all<OverdueStep>(
        `SELECT id AS "caseId", service, step, step_role AS "stepRole", step_office AS "stepOffice", step_due AS "stepDue", assignee
           FROM cases
          WHERE ${inScope('id', officeIds)} AND step IS NOT NULL AND status <> 'suspended' AND step_due IS NOT NULL AND step_due < ?
          ORDER BY step_due, id`,
        [...officeIds, now],
      );
    },
  };
}
