import type { OperationsProbe } from '../app/ports/operations-probe.js';
import { POSTGRES_MIGRATIONS } from './postgres/postgres-migrations.js';
import type { SqlDatabase } from './sql-database.js';
import { SQLITE_MIGRATIONS } from './sqlite/sqlite-migrations.js';

/** The operations probe on either database: the same SQL, counts cast to numbers (PostgreSQL's COUNT is a bigint string). */
export function sqlOperationsProbe(db: SqlDatabase): OperationsProbe {
  const expected = (db.dialect === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS).length;
  return {
    dialect: db.dialect,
    ping: async () => {
      await db.all('SELECT 1 AS one');
    },
    migrations: async () => ({ applied: Number((await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM schema_migrations'))[0]?.n ?? 0), expected }),
    backlog: async (now) => {
      const byStatus = await db.all<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM cases GROUP BY status ORDER BY status');
      const overdue = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM cases WHERE step IS NOT NULL AND step_due IS NOT NULL AND step_due < ?', [now]);
      const timers = await db.all<{ n: number; oldest: number | null }>(
        'SELECT COUNT(*) AS n, MIN(timer_due) AS oldest FROM cases WHERE timer_due IS NOT NULL AND timer_due <= ?',
        [now],
      );
      const oldest = timers[0]?.oldest;
      return {
        casesByStatus: byStatus.map((r) => ({ status: r.status, n: Number(r.n) })),
        overdueSteps: Number(overdue[0]?.n ?? 0),
        dueTimers: Number(timers[0]?.n ?? 0),
        oldestDueTimer: oldest === null || oldest === undefined ? null : Number(oldest),
      };
    },
  };
}
