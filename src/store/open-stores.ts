import type { Stores } from '../app/ports/stores.js';
import { openPostgresDatabase } from './postgres/postgres-database.js';
import { sqlAttachmentStore } from './sql-attachment-store.js';
import { sqlCaseStore } from './sql-case-store.js';
import { sqlChallengeStore } from './sql-challenge-store.js';
import { sqlDashboardQueries } from './sql-dashboard-queries.js';
import type { SqlDatabase } from './sql-database.js';
import { sqlIdentityStore } from './sql-identity-store.js';
import { sqlOperationsProbe } from './sql-operations-probe.js';
import { sqlRegistryStore } from './sql-registry-store.js';
import { openSqliteDatabase } from './sqlite/sqlite-database.js';

/** Every store on one opened database, with the database itself for the adapters that need it. */
export interface OpenedStores extends Stores {
  readonly db: SqlDatabase;
  close(): Promise<void>;
}

/** Where the data lives: PostgreSQL when a URL is given, else a SQLite file. */
export type DatabaseConfig = { readonly postgresUrl: string; readonly schema?: string } | { readonly sqliteFile: string };

/** Opens (and migrates) the configured database and builds the stores on it; `now` is the application's clock (moved in tests and replays). */
export async function openStores(config: DatabaseConfig, now: () => number = Date.now): Promise<OpenedStores> {
  const db = 'postgresUrl' in config ? await openPostgresDatabase(config.postgresUrl, config.schema) : openSqliteDatabase(config.sqliteFile);
  return {
    db,
    cases: sqlCaseStore(db, now),
    registry: sqlRegistryStore(db),
    identity: sqlIdentityStore(db),
    attachments: sqlAttachmentStore(db),
    challenges: sqlChallengeStore(db),
    dashboards: sqlDashboardQueries(db),
    operations: sqlOperationsProbe(db),
    isUniqueViolation: (e) => db.isUniqueViolation(e),
    close: () => db.close(),
  };
}
