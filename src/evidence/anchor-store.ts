import type { SqlDatabase } from '../store/sql-database.js';
import type { AuditAnchor, ChainHead } from './audit-anchor.js';

const ANCHOR = `day, cutoff, cases, heads_hash AS "headsHash", prev_hash AS "prevHash", hash, created_at AS "createdAt"`;

/** The anchors and the chain heads they are computed from, on either database. */
export interface AnchorStore {
  /** Every case's last entry strictly before an instant. */
  headsAt(cutoff: number): Promise<ChainHead[]>;
  /** Every anchor, oldest first. */
  all(): Promise<AuditAnchor[]>;
  last(): Promise<AuditAnchor | undefined>;
  /** Stores an anchor; false when that day was anchored already (another process won). */
  insert(anchor: AuditAnchor): Promise<boolean>;
}

/** The anchor store over the SQL port (table audit_anchors, migration 4). */
export function sqlAnchorStore(db: SqlDatabase): AnchorStore {
  const toAnchor = (r: AuditAnchor): AuditAnchor => ({ ...r, cutoff: Number(r.cutoff), cases: Number(r.cases), createdAt: Number(r.createdAt) });
  return {
    headsAt: async (cutoff) =>
      (
        await db.all<{ caseId: string; seq: number; hash: string }>(
          `SELECT e.case_id AS "caseId", e.seq, e.hash FROM case_events e
             JOIN (SELECT case_id, MAX(seq) AS seq FROM case_events WHERE at < ? GROUP BY case_id) h ON h.case_id = e.case_id AND h.seq = e.seq
           ORDER BY e.case_id`,
          [cutoff],
        )
      ).map((r) => ({ caseId: r.caseId, seq: Number(r.seq), hash: r.hash })),
    all: async () => (await db.all<AuditAnchor>(`SELECT ${ANCHOR} FROM audit_anchors ORDER BY cutoff`)).map(toAnchor),
    last: async () => {
      const row = (await db.all<AuditAnchor>(`SELECT ${ANCHOR} FROM audit_anchors ORDER BY cutoff DESC LIMIT 1`))[0];
      return row && toAnchor(row);
    },
    insert: async (a) => {
      try {
        await db.run('INSERT INTO audit_anchors (day, cutoff, cases, heads_hash, prev_hash, hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
          a.day,
          a.cutoff,
          a.cases,
          a.headsHash,
          a.prevHash,
          a.hash,
          a.createdAt,
        ]);
        return true;
      } catch (e) {
        if (db.isUniqueViolation(e)) return false;
        throw e;
      }
    },
  };
}
