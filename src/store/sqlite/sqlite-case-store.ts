import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { CaseEvent } from '../../core/engine/case-events.js';
import type { CaseState } from '../../core/engine/case-model.js';
import { err, ok } from '../../core/result.js';
import { chainEvents, GENESIS_HASH } from '../audit-chain.js';
import type { AppendRequest, CaseStore, StoredEvent } from '../case-store.js';
import { projection } from '../case-projection.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';

type EventRow = { case_id: string; seq: number; body: string; prev_hash: string; hash: string };

/** Opens (and migrates) the embedded store: a WAL file with full fsync on commit. */
export function openSqliteCaseStore(file: string): CaseStore & { readonly db: Database.Database } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  SQLITE_MIGRATIONS.forEach((sql, i) => {
    if (applied.has(i + 1)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version) VALUES (?)').run(i + 1);
    })();
  });

  const versionOf = db.prepare('SELECT version FROM cases WHERE id = ?').pluck();
  const lastEvent = db.prepare('SELECT seq, hash FROM case_events WHERE case_id = ? ORDER BY seq DESC LIMIT 1');
  const insertEvent = db.prepare('INSERT INTO case_events (case_id, seq, type, at, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const upsertCase = db.prepare(
    `INSERT INTO cases (id, service, status, version, office_id, applicant_id, assignee, step, step_due, overall_due, state)
     VALUES (@id, @service, @status, @version, @officeId, @applicantId, @assignee, @step, @stepDue, @overallDue, @state)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, version = excluded.version, assignee = excluded.assignee,
       step = excluded.step, step_due = excluded.step_due, overall_due = excluded.overall_due, state = excluded.state`,
  );
  const findKey = db.prepare('SELECT version FROM idempotency_keys WHERE key = ?').pluck();
  const insertKey = db.prepare('INSERT INTO idempotency_keys (key, case_id, version) VALUES (?, ?, ?)');
  const selectHistory = db.prepare('SELECT case_id, seq, body, prev_hash, hash FROM case_events WHERE case_id = ? ORDER BY seq');
  const selectState = db.prepare('SELECT state FROM cases WHERE id = ?').pluck();

  // IMMEDIATE: the write lock is taken before the version is read, so a check and its write are one step.
  const append = db.transaction((r: AppendRequest) => {
    if (r.idempotencyKey !== undefined) {
      const seen = findKey.get(r.idempotencyKey) as number | undefined;
      if (seen !== undefined) return ok({ version: seen, replayed: true });
    }
    const current = (versionOf.get(r.caseId) as number | undefined) ?? 0;
    if (current !== r.expectedVersion) return err({ code: 'version-conflict' as const, currentVersion: current });
    const last = lastEvent.get(r.caseId) as { seq: number; hash: string } | undefined;
    for (const e of chainEvents(r.caseId, last?.seq ?? 0, last?.hash ?? GENESIS_HASH, r.events)) {
      insertEvent.run(e.caseId, e.seq, e.event.type, e.event.at, JSON.stringify(e.event), e.prevHash, e.hash);
    }
    upsertCase.run(projection(r.state));
    if (r.idempotencyKey !== undefined) insertKey.run(r.idempotencyKey, r.caseId, r.state.version);
    return ok({ version: r.state.version, replayed: false });
  });

  return {
    db,
    append: async (request) => append.immediate(request),
    history: async (caseId) =>
      (selectHistory.all(caseId) as EventRow[]).map((row) => ({
        caseId: row.case_id,
        seq: row.seq,
        event: JSON.parse(row.body) as CaseEvent,
        prevHash: row.prev_hash,
        hash: row.hash,
      })) satisfies StoredEvent[],
    load: async (caseId) => {
      const state = selectState.get(caseId) as string | undefined;
      return state === undefined ? undefined : (JSON.parse(state) as CaseState);
    },
    caseIds: async () => db.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as string[],
    close: async () => void db.close(),
  };
}
