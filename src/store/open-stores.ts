import type { AttachmentStore } from './attachment-store.js';
import type { CaseStore } from './case-store.js';
import type { ChallengeStore } from './challenge-store.js';
import type { IdentityStore } from './identity-store.js';
import { openPostgresDatabase } from './postgres/postgres-database.js';
import type { RegistryStore } from './registry-store.js';
import { sqlAttachmentStore } from './sql-attachment-store.js';
import { sqlCaseStore } from './sql-case-store.js';
import { sqlChallengeStore } from './sql-challenge-store.js';
import type { SqlDatabase } from './sql-database.js';
import { sqlIdentityStore } from './sql-identity-store.js';
import { sqlRegistryStore } from './sql-registry-store.js';
import { openSqliteDatabase } from './sqlite/sqlite-database.js';

/** Every store, on one database. */
export interface Stores {
  readonly db: SqlDatabase;
  readonly cases: CaseStore;
  readonly registry: RegistryStore;
  readonly identity: IdentityStore;
  readonly attachments: AttachmentStore;
  readonly challenges: ChallengeStore;
  close(): Promise<void>;
}

/** Where the data lives: PostgreSQL when a URL is given, else a SQLite file. */
export type DatabaseConfig = { readonly postgresUrl: string; readonly schema?: string } | { readonly sqliteFile: string };

/** Opens (and migrates) the configured database and builds the stores on it; `now` is the application's clock (moved in tests and replays). */
export async function openStores(config: DatabaseConfig, now: () => number = Date.now): Promise<Stores> {
  const db = 'postgresUrl' in config ? await openPostgresDatabase(config.postgresUrl, config.schema) : openSqliteDatabase(config.sqliteFile);
  return {
    db,
    cases: sqlCaseStore(db, now),
    registry: sqlRegistryStore(db),
    identity: sqlIdentityStore(db),
    attachments: sqlAttachmentStore(db),
    challenges: sqlChallengeStore(db),
    close: () => db.close(),
  };
}
