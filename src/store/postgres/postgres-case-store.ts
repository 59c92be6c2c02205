import pg from 'pg';
import type { CaseEvent } from '../../core/engine/case-events.js';
import type { CaseState } from '../../core/engine/case-model.js';
import { err, ok, type Result } from '../../core/result.js';
import { chainEvents, GENESIS_HASH } from '../audit-chain.js';
import type { AppendConflict, Appended, AppendRequest, CaseStore } from '../case-store.js';
import { projection } from '../case-projection.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';

const UNIQUE_VIOLATION = '23505';

/** Opens (and migrates) the PostgreSQL store in a schema (default public). */
export async function openPostgresCaseStore(connectionString: string, schema = 'public'): Promise<CaseStore & { readonly pool: pg.Pool }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const pool = new pg.Pool({ connectionString, options: `-c search_path=${schema}`, max: 10 });
  const boot = await pool.connect();
  try {
    await boot.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    // One migrator at a time, even with several server processes starting together.
    await boot.query('SELECT pg_advisory_lock(728100)');
    await boot.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
    const applied = new Set((await boot.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const [i, sql] of POSTGRES_MIGRATIONS.entries()) {
      if (applied.has(i + 1)) continue;
      await boot.query('BEGIN');
      await boot.query(sql);
      await boot.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
      await boot.query('COMMIT');
    }
  } finally {
    await boot.query('SELECT pg_advisory_unlock(728100)').catch(() => undefined);
    boot.release();
  }

  const replayedVersion = async (client: pg.PoolClient, key: string | undefined) =>
    key === undefined ? undefined : (await client.query<{ version: number }>('SELECT version FROM idempotency_keys WHERE key = $1', [key])).rows[0]?.version;

  const append = async (r: AppendRequest): Promise<Result<Appended, AppendConflict>> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const seen = await replayedVersion(client, r.idempotencyKey);
      if (seen !== undefined) {
        await client.query('COMMIT');
        return ok({ version: seen, replayed: true });
      }
      // The row lock serialises commands on one case: the second waits, then sees the new version.
      const current = (await client.query<{ version: number }>('SELECT version FROM cases WHERE id = $1 FOR UPDATE', [r.caseId])).rows[0]?.version ?? 0;
      if (current !== r.expectedVersion) {
        await client.query('ROLLBACK');
        return err({ code: 'version-conflict', currentVersion: current });
      }
      const last = (await client.query<{ seq: number; hash: string }>('SELECT seq, hash FROM case_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1', [r.caseId])).rows[0];
      const chained = chainEvents(r.caseId, last?.seq ?? 0, last?.hash ?? GENESIS_HASH, r.events);
      const values: unknown[] = [];
      const rows = chained.map((e, i) => {
        values.push(e.caseId, e.seq, e.event.type, e.event.at, JSON.stringify(e.event), e.prevHash, e.hash);
        return `($${i * 7 + 1}, $${i * 7 + 2}, $${i * 7 + 3}, $${i * 7 + 4}, $${i * 7 + 5}, $${i * 7 + 6}, $${i * 7 + 7})`;
      });
      if (rows.length) await client.query(`INSERT INTO case_events (case_id, seq, type, at, body, prev_hash, hash) VALUES ${rows.join(', ')}`, values);
      const p = projection(r.state);
      await client.query(
        `INSERT INTO cases (id, service, status, version, office_id, applicant_id, assignee, step, step_due, overall_due, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, version = excluded.version, assignee = excluded.assignee,
           step = excluded.step, step_due = excluded.step_due, overall_due = excluded.overall_due, state = excluded.state`,
        [p.id, p.service, p.status, p.version, p.officeId, p.applicantId, p.assignee, p.step, p.stepDue, p.overallDue, p.state],
      );
      if (r.idempotencyKey !== undefined) await client.query('INSERT INTO idempotency_keys (key, case_id, version) VALUES ($1, $2, $3)', [r.idempotencyKey, r.caseId, r.state.version]);
      await client.query('COMMIT');
      return ok({ version: r.state.version, replayed: false });
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      // Two first appends of one case (or two uses of one key) race past the lock: the loser sees the winner.
      if ((e as { code?: string }).code === UNIQUE_VIOLATION) {
        const seen = await replayedVersion(client, r.idempotencyKey);
        if (seen !== undefined) return ok({ version: seen, replayed: true });
        const now = (await client.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [r.caseId])).rows[0]?.version ?? 0;
        return err({ code: 'version-conflict', currentVersion: now });
      }
      throw e;
    } finally {
      client.release();
    }
  };

  return {
    pool,
    append,
    history: async (caseId) =>
      (await pool.query<{ case_id: string; seq: number; body: CaseEvent; prev_hash: string; hash: string }>('SELECT case_id, seq, body, prev_hash, hash FROM case_events WHERE case_id = $1 ORDER BY seq', [caseId])).rows.map(
        (row) => ({ caseId: row.case_id, seq: row.seq, event: row.body, prevHash: row.prev_hash, hash: row.hash }),
      ),
    load: async (caseId) => (await pool.query<{ state: CaseState }>('SELECT state FROM cases WHERE id = $1', [caseId])).rows[0]?.state,
    caseIds: async () => (await pool.query<{ id: string }>('SELECT id FROM cases ORDER BY id')).rows.map((r) => r.id),
    close: () => pool.end(),
  };
}
