import type { RegistryRow } from '../app/ports/registry-store.js';
import type { RegistryStore } from '../app/ports/registry-store.js';
import type { SqlDatabase, SqlValue } from './sql-database.js';
import { registryTextMatch } from './registry-text-match.js';
import { NEGATIVE_RESULT_KINDS } from '../core/regulation/schema.js';

/** Refusals are verifiable by their number but are not listed: a registry lists what was granted. */
const GRANTED = `kind NOT IN (${[...NEGATIVE_RESULT_KINDS].map((k) => `'${k}'`).join(', ')})`;

const COLUMNS = `number, kind, service, variant, case_id AS "caseId", office_id AS "officeId", holder_identifier AS "holderIdentifier",
  holder_name AS "holderName", issued_at AS "issuedAt", base_number AS "baseNumber", final_hash AS "finalHash"`;

/** The registries on any SQL database; the rows are written by the case store when a result is issued. */
export function sqlRegistryStore(db: SqlDatabase): RegistryStore {
  return {
    find: async (number) => (await db.all<RegistryRow>(`SELECT ${COLUMNS} FROM registry_entries WHERE number = ?`, [number]))[0],
    search: async (q) => {
      const where: string[] = [GRANTED];
      const params: SqlValue[] = [];
      if (q.text?.trim()) {
        const match = registryTextMatch(q.text);
        where.push(match.sql);
        params.push(...match.params);
      }
      if (q.kind) (where.push('kind = ?'), params.push(q.kind));
      if (q.service) (where.push('service = ?'), params.push(q.service));
      params.push(Math.min(Math.max(q.limit ?? 50, 1), 500));
      return db.all<RegistryRow>(`SELECT ${COLUMNS} FROM registry_entries WHERE ${where.join(' AND ')} ORDER BY issued_at DESC, number LIMIT ?`, params);
    },
    derivedFrom: async (number) =>
      db.all<RegistryRow>(`SELECT ${COLUMNS} FROM registry_entries WHERE base_number = ? AND ${GRANTED} ORDER BY issued_at, number`, [number]),
  };
}
