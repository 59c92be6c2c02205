import type { CaseEvent } from '../core/engine/case-events.js';
import type { CaseState } from '../core/engine/case-model.js';
import { err, ok, type Result } from '../core/result.js';
import { chainEvents, GENESIS_HASH } from './audit-chain.js';
import { caseRow, sideRows } from './case-projection.js';
import type { AppendConflict, Appended, AppendRequest, CaseNotification, CaseStore, CaseSummary, CourierManifest, Post } from '../app/ports/case-store.js';
import { jsonColumn, type SqlDatabase, type SqlExecutor, type SqlValue } from './sql-database.js';

const SUMMARY = `id, service, status, step, step_role AS "stepRole", step_office AS "stepOffice", step_due AS "stepDue",
  overall_due AS "overallDue", assignee, applicant_id AS "applicantId", office_id AS "officeId", updated_at AS "updatedAt"`;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** An append named a document that is not the applicant's or already belongs to a case: nothing is written. */
export class AttachmentUnavailable extends Error {
  constructor(readonly attachmentId: string) {
    super(`attachment ${attachmentId} is not available to this case`);
  }
}

/** The case store on any SQL database: one transaction per append, serialised per case. */
export function sqlCaseStore(db: SqlDatabase, now: () => number = Date.now): CaseStore {
  const versionOf = async (tx: SqlExecutor, caseId: string, lock: string) =>
    (await tx.all<{ version: number }>(`SELECT version FROM cases WHERE id = ? ${lock}`, [caseId]))[0]?.version ?? 0;
  const replayed = async (tx: SqlExecutor, key: string | undefined): Promise<Appended | undefined> => {
    if (key === undefined) return undefined;
    const row = (await tx.all<{ version: number; case_id: string }>('SELECT version, case_id FROM idempotency_keys WHERE key = ?', [key]))[0];
    return row && { version: row.version, caseId: row.case_id, replayed: true };
  };

  const write = async (tx: SqlExecutor, r: AppendRequest): Promise<Result<Appended, AppendConflict>> => {
    const seen = await replayed(tx, r.idempotencyKey);
    if (seen) return ok(seen);
    // On PostgreSQL the row lock makes a second command on the case wait here, then see the new version.
    const current = await versionOf(tx, r.caseId, db.lockRow);
    if (current !== r.expectedVersion) return err({ code: 'version-conflict', currentVersion: current });
    const last = (await tx.all<{ seq: number; hash: string }>('SELECT seq, hash FROM case_events WHERE case_id = ? ORDER BY seq DESC LIMIT 1', [r.caseId]))[0];
    const chained = chainEvents(r.caseId, last?.seq ?? 0, last?.hash ?? GENESIS_HASH, r.events);
    for (const e of chained) {
      await tx.run('INSERT INTO case_events (case_id, seq, type, at, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        e.caseId,
        e.seq,
        e.event.type,
        e.event.at,
        JSON.stringify(e.event),
        e.prevHash,
        e.hash,
      ]);
    }
    const c = caseRow(r.state, now());
    await tx.run(
      `INSERT INTO cases (id, service, status, version, office_id, applicant_id, assignee, step_holder, step, step_role, step_office, step_due, overall_due, timer_due, timer_lease, updated_at, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, version = excluded.version, assignee = excluded.assignee, step_holder = excluded.step_holder,
         step = excluded.step, step_role = excluded.step_role, step_office = excluded.step_office, step_due = excluded.step_due,
         overall_due = excluded.overall_due, timer_due = excluded.timer_due, timer_lease = NULL, updated_at = excluded.updated_at, state = excluded.state`,
      [
        c.id,
        c.service,
        c.status,
        c.version,
        c.officeId,
        c.applicantId,
        c.assignee,
        c.stepHolder,
        c.step,
        c.stepRole,
        c.stepOffice,
        c.stepDue,
        c.overallDue,
        c.timerDue,
        c.updatedAt,
        c.state,
      ],
    );
    const side = sideRows(r.state, chained);
    for (const office of side.offices) await tx.run('INSERT INTO case_offices (case_id, office_id) VALUES (?, ?)', [r.caseId, office]);
    for (const { id, by } of side.attachments) {
      // A document joins the case it was submitted with, once, and only the submitter's own upload.
      const linked = await tx.run('UPDATE attachments SET case_id = ? WHERE id = ? AND owner_id = ? AND case_id IS NULL', [r.caseId, id, by]);
      if (linked !== 1) throw new AttachmentUnavailable(id);
    }
    for (const n of side.notifications) {
      await tx.run('INSERT INTO notifications (id, case_id, office_id, role, kind, procedure_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        n.id,
        n.caseId,
        n.officeId,
        n.role,
        n.kind,
        n.procedureId,
        n.at,
      ]);
    }
    for (const g of side.registry) {
      await tx.run(
        `INSERT INTO registry_entries (number, kind, service, variant, case_id, office_id, holder_identifier, holder_name, issued_at, base_number, final_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [g.number, g.kind, g.service, g.variant, g.caseId, g.officeId, g.holderIdentifier, g.holderName, g.issuedAt, g.baseNumber, g.finalHash],
      );
    }
    for (const c of side.consignments) {
      await tx.run(
        `INSERT INTO consignments (manifest, case_id, number, courier, from_office, to_office, service, procedure_id, dispatched_by, dispatched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [c.manifest, c.caseId, c.number, c.courier, c.fromOffice, c.toOffice, c.service, c.procedureId, c.dispatchedBy, c.dispatchedAt],
      );
    }
    for (const g of side.receipts) {
      await tx.run('UPDATE consignments SET received_by = ?, received_at = ? WHERE manifest = ? AND case_id = ?', [g.by, g.at, g.manifest, g.caseId]);
    }
    if (r.idempotencyKey !== undefined)
      await tx.run('INSERT INTO idempotency_keys (key, case_id, version) VALUES (?, ?, ?)', [r.idempotencyKey, r.caseId, r.state.version]);
    return ok({ version: r.state.version, replayed: false, caseId: r.caseId });
  };

  const append = async (r: AppendRequest): Promise<Result<Appended, AppendConflict>> => {
    try {
      // A version conflict returns before writing anything, so committing it changes nothing.
      return await db.transaction((tx) => write(tx, r));
    } catch (e) {
      // Two first appends of one case (or two uses of one key) can race past the row lock: the loser sees the winner.
      if (!db.isUniqueViolation(e)) throw e;
      const seen = await replayed(db, r.idempotencyKey);
      if (seen) return ok(seen);
      return err({ code: 'version-conflict', currentVersion: await versionOf(db, r.caseId, '') });
    }
  };

  const appendAll = async (requests: readonly AppendRequest[]): Promise<Result<void, AppendConflict & { caseId: string }>> => {
    // In one order of cases, so two batches over the same cases wait for each other instead of deadlocking.
    const ordered = [...requests].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
    try {
      await db.transaction(async (tx) => {
        for (const r of ordered) {
          const written = await write(tx, r);
          // Thrown so the transaction rolls back what the earlier cases wrote.
          if (!written.ok) throw new BatchConflict(r.caseId, written.error.currentVersion);
        }
      });
      return ok(undefined);
    } catch (e) {
      if (e instanceof BatchConflict) return err({ code: 'version-conflict', currentVersion: e.currentVersion, caseId: e.caseId });
      if (!db.isUniqueViolation(e)) throw e;
      // A manifest id or a case used twice at once: the other batch won.
      const first = ordered[0]!;
      return err({ code: 'version-conflict', currentVersion: await versionOf(db, first.caseId, ''), caseId: first.caseId });
    }
  };

  const manifestsWhere = async (where: string, params: SqlValue[]): Promise<CourierManifest[]> => {
    const rows = await db.all<ManifestRow>(
      `SELECT manifest, case_id, number, courier, from_office, to_office, service, procedure_id, dispatched_by, dispatched_at, received_by, received_at
       FROM consignments WHERE ${where} ORDER BY dispatched_at DESC, manifest, case_id`,
      params,
    );
    return groupManifests(rows);
  };

  const postsFilter = (posts: readonly Post[]) => ({
    sql: posts.map(() => '(step_office = ? AND step_role = ?)').join(' OR '),
    params: posts.flatMap((p) => [p.officeId, p.role]),
  });

  return {
    append,
    appendAll,
    manifests: async (officeIds, limit) => {
      if (officeIds.length === 0) return [];
      const list = placeholders(officeIds.length);
      // A page of manifests, then every case on them.
      const ids = await db.all<{ manifest: string }>(
        `SELECT manifest FROM consignments WHERE from_office IN (${list}) OR to_office IN (${list}) GROUP BY manifest ORDER BY MAX(dispatched_at) DESC, manifest LIMIT ?`,
        [...officeIds, ...officeIds, limit],
      );
      if (ids.length === 0) return [];
      return manifestsWhere(
        `manifest IN (${placeholders(ids.length)})`,
        ids.map((r) => r.manifest),
      );
    },
    manifest: async (id) => (await manifestsWhere('manifest = ?', [id]))[0],
    history: async (caseId) =>
      (
        await db.all<{ case_id: string; seq: number; body: unknown; prev_hash: string; hash: string }>(
          'SELECT case_id, seq, body, prev_hash, hash FROM case_events WHERE case_id = ? ORDER BY seq',
          [caseId],
        )
      ).map((row) => ({
        caseId: row.case_id,
        seq: row.seq,
        event: jsonColumn<CaseEvent>(row.body),
        prevHash: row.prev_hash,
        hash: row.hash,
      })),
    load: async (caseId) => {
      const row = (await db.all<{ state: unknown }>('SELECT state FROM cases WHERE id = ?', [caseId]))[0];
      return row === undefined ? undefined : jsonColumn<CaseState>(row.state);
    },
    inbox: async (userId, posts, page = { limit: 500, offset: 0 }) => {
      if (posts.length === 0) return [];
      const f = postsFilter(posts);
      return db.all<CaseSummary>(
        `SELECT ${SUMMARY} FROM cases WHERE step IS NOT NULL AND (${f.sql})
           AND (step_holder IS NULL OR step_holder = ?) ORDER BY step_due NULLS LAST, id LIMIT ? OFFSET ?`,
        [...f.params, userId, page.limit, page.offset],
      );
    },
    casesOfApplicant: async (applicantId) =>
      db.all<CaseSummary>(`SELECT ${SUMMARY} FROM cases WHERE applicant_id = ? ORDER BY updated_at DESC, id`, [applicantId]),
    casesAtOffices: async (officeIds, page) =>
      officeIds.length === 0
        ? []
        : db.all<CaseSummary>(
            `SELECT ${SUMMARY} FROM cases WHERE id IN (SELECT case_id FROM case_offices WHERE office_id IN (${placeholders(officeIds.length)}))
               ORDER BY step_due NULLS LAST, updated_at DESC, id LIMIT ? OFFSET ?`,
            [...officeIds, page.limit, page.offset],
          ),
    notifications: async (posts, limit) => {
      if (posts.length === 0) return [];
      return db.all<CaseNotification>(
        `SELECT id, case_id AS "caseId", office_id AS "officeId", role, kind, procedure_id AS "procedureId", at FROM notifications
         WHERE ${posts.map(() => '(office_id = ? AND role = ?)').join(' OR ')} ORDER BY at DESC, id LIMIT ?`,
        [...posts.flatMap((p) => [p.officeId, p.role]), limit],
      );
    },
    claimDueTimers: async (at, limit, leaseMillis) =>
      db.transaction(async (tx) => {
        // SKIP LOCKED: a case another process is claiming (or a command is changing) is left to it.
        const due = await tx.all<{ id: string }>(
          `SELECT id FROM cases WHERE timer_due IS NOT NULL AND timer_due <= ? AND (timer_lease IS NULL OR timer_lease <= ?) ORDER BY timer_due LIMIT ? ${db.skipLocked}`,
          [at, at, limit],
        );
        for (const { id } of due) await tx.run('UPDATE cases SET timer_lease = ? WHERE id = ?', [at + leaseMillis, id]);
        return due.map((r) => r.id);
      }),
    replayOf: async (key) => {
      const seen = await replayed(db, key);
      return seen && { caseId: seen.caseId, version: seen.version };
    },
    caseIds: async () => (await db.all<{ id: string }>('SELECT id FROM cases ORDER BY id')).map((r) => r.id),
    close: () => db.close(),
  };
}

/** A batch of appends met a case that moved on: the whole batch is rolled back. */
class BatchConflict extends Error {
  constructor(
    readonly caseId: string,
    readonly currentVersion: number,
  ) {
    super(`case ${caseId} moved on to version ${currentVersion}`);
  }
}

interface ManifestRow {
  manifest: string;
  case_id: string;
  number: string;
  courier: string;
  from_office: string;
  to_office: string;
  service: string;
  procedure_id: string;
  dispatched_by: string;
  dispatched_at: number | string;
  received_by: string | null;
  received_at: number | string | null;
}

/** Rows of the consignments table, one per case, gathered into their manifests (in the rows' order). */
function groupManifests(rows: readonly ManifestRow[]): CourierManifest[] {
  const byId = new Map<string, CourierManifest & { cases: CourierManifest['cases'][number][] }>();
  for (const r of rows) {
    let m = byId.get(r.manifest);
    if (!m) {
      m = {
        id: r.manifest,
        number: r.number,
        courier: r.courier,
        fromOffice: r.from_office,
        toOffice: r.to_office,
        dispatchedBy: r.dispatched_by,
        dispatchedAt: Number(r.dispatched_at),
        cases: [],
      };
      byId.set(r.manifest, m);
    }
    m.cases.push({
      caseId: r.case_id,
      service: r.service,
      procedureId: r.procedure_id,
      receivedBy: r.received_by,
      receivedAt: r.received_at === null ? null : Number(r.received_at),
    });
  }
  return [...byId.values()];
}
