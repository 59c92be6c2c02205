import { inboxAndPeopleMigration } from '../inbox-and-people-migration.js';

/** SQLite schema, in order; each runs once, recorded in schema_migrations. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE case_events (
     case_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     type TEXT NOT NULL,
     at INTEGER NOT NULL,
     body TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL,
     PRIMARY KEY (case_id, seq)
   ) WITHOUT ROWID;
   CREATE TABLE cases (
     id TEXT PRIMARY KEY,
     service TEXT NOT NULL,
     status TEXT NOT NULL,
     version INTEGER NOT NULL,
     office_id TEXT NOT NULL,
     applicant_id TEXT NOT NULL,
     assignee TEXT,
     step TEXT,
     step_due INTEGER,
     overall_due INTEGER,
     state TEXT NOT NULL
   );
   CREATE INDEX cases_inbox ON cases (office_id, step_due) WHERE step IS NOT NULL;
   CREATE INDEX cases_applicant ON cases (applicant_id);
   CREATE TABLE idempotency_keys (
     key TEXT PRIMARY KEY,
     case_id TEXT NOT NULL,
     version INTEGER NOT NULL
   );`,
  // Inboxes, timers, registries, attachments and people.
  inboxAndPeopleMigration({ big: 'INTEGER', blob: 'BLOB' }),
];
