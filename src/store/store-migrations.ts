/** Column types and table options that differ between the databases. */
export interface MigrationTypes {
  /** Milliseconds since the epoch. */
  readonly big: string;
  /** A JSON document (JSONB on PostgreSQL, text on SQLite). */
  readonly json: string;
  /** Raw bytes. */
  readonly blob: string;
  /** SQLite stores the history clustered by its key. */
  readonly withoutRowid: string;
}

/** The schema of both databases, in order, differing only in the types above; each runs once, recorded in schema_migrations. */
export function storeMigrations(t: MigrationTypes): string[] {
  return [
    // Cases, their hash-chained history, idempotency keys.
    `CREATE TABLE case_events (
     case_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     type TEXT NOT NULL,
     at ${t.big} NOT NULL,
     body ${t.json} NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL,
     PRIMARY KEY (case_id, seq)
   )${t.withoutRowid};
   CREATE TABLE cases (
     id TEXT PRIMARY KEY,
     service TEXT NOT NULL,
     status TEXT NOT NULL,
     version INTEGER NOT NULL,
     office_id TEXT NOT NULL,
     applicant_id TEXT NOT NULL,
     assignee TEXT,
     step TEXT,
     step_due ${t.big},
     overall_due ${t.big},
     state ${t.json} NOT NULL
   );
   CREATE INDEX cases_inbox ON cases (office_id, step_due) WHERE step IS NOT NULL;
   CREATE INDEX cases_applicant ON cases (applicant_id);
   CREATE TABLE idempotency_keys (
     key TEXT PRIMARY KEY,
     case_id TEXT NOT NULL,
     version INTEGER NOT NULL
   );`,
    // Inboxes, timers, registries, attachments and people.
    `ALTER TABLE cases ADD COLUMN step_role TEXT;
   ALTER TABLE cases ADD COLUMN step_office TEXT;
   ALTER TABLE cases ADD COLUMN timer_due ${t.big};
   ALTER TABLE cases ADD COLUMN timer_lease ${t.big};
   ALTER TABLE cases ADD COLUMN updated_at ${t.big};
   CREATE INDEX cases_step_office ON cases (step_office, step_due);
   CREATE INDEX cases_timer ON cases (timer_due) WHERE timer_due IS NOT NULL;
   CREATE TABLE case_offices (
     case_id TEXT NOT NULL,
     office_id TEXT NOT NULL,
     PRIMARY KEY (case_id, office_id)
   );
   CREATE INDEX case_offices_office ON case_offices (office_id);
   CREATE TABLE notifications (
     id TEXT PRIMARY KEY,
     case_id TEXT NOT NULL,
     office_id TEXT,
     role TEXT NOT NULL,
     kind TEXT NOT NULL,
     procedure_id TEXT,
     at ${t.big} NOT NULL
   );
   CREATE INDEX notifications_office ON notifications (office_id, role, at);
   CREATE TABLE registry_entries (
     number TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     service TEXT NOT NULL,
     variant TEXT,
     case_id TEXT NOT NULL,
     office_id TEXT NOT NULL,
     holder_identifier TEXT,
     holder_name TEXT,
     issued_at ${t.big} NOT NULL,
     base_number TEXT,
     final_hash TEXT NOT NULL
   );
   CREATE INDEX registry_holder ON registry_entries (holder_identifier);
   CREATE INDEX registry_base ON registry_entries (base_number);
   CREATE TABLE attachments (
     id TEXT PRIMARY KEY,
     owner_id TEXT NOT NULL,
     case_id TEXT,
     file_name TEXT NOT NULL,
     media_type TEXT NOT NULL,
     size INTEGER NOT NULL,
     sha256 TEXT NOT NULL,
     body ${t.blob} NOT NULL,
     created_at ${t.big} NOT NULL
   );
   CREATE INDEX attachments_case ON attachments (case_id);
   CREATE TABLE users (
     id TEXT PRIMARY KEY,
     login TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     kind TEXT NOT NULL,
     iin TEXT,
     bin TEXT,
     password_hash TEXT NOT NULL,
     created_at ${t.big} NOT NULL
   );
   CREATE TABLE user_posts (
     user_id TEXT NOT NULL,
     office_id TEXT NOT NULL,
     role TEXT NOT NULL,
     PRIMARY KEY (user_id, office_id, role)
   );
   CREATE INDEX user_posts_office ON user_posts (office_id, role);
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     user_id TEXT NOT NULL,
     created_at ${t.big} NOT NULL,
     expires_at ${t.big} NOT NULL
   );
   CREATE TABLE api_tokens (
     token_hash TEXT PRIMARY KEY,
     user_id TEXT NOT NULL,
     name TEXT NOT NULL,
     created_at ${t.big} NOT NULL,
     revoked_at ${t.big}
   );`,
    // Daily anchors over all audit chains (src/evidence). Safe to run again.
    `CREATE TABLE IF NOT EXISTS audit_anchors (
     day TEXT PRIMARY KEY,
     cutoff ${t.big} NOT NULL UNIQUE,
     cases INTEGER NOT NULL,
     heads_hash TEXT NOT NULL,
     prev_hash TEXT NOT NULL UNIQUE,
     hash TEXT NOT NULL,
     created_at ${t.big} NOT NULL
   );`,
    // One-time challenges for signing in with an electronic signature (kept as hashes).
    `CREATE TABLE IF NOT EXISTS login_challenges (
     challenge_hash TEXT PRIMARY KEY,
     created_at ${t.big} NOT NULL,
     expires_at ${t.big} NOT NULL,
     used_at ${t.big}
   );`,
    // Sign-in attempts (lockout per account and per address, shared by every server process, and
    // their audit), and when each session was last used (idle expiry). Safe to run again.
    `CREATE TABLE IF NOT EXISTS login_attempts (
     id TEXT PRIMARY KEY,
     login TEXT NOT NULL,
     ip TEXT NOT NULL,
     at ${t.big} NOT NULL,
     outcome TEXT NOT NULL
   );
   CREATE INDEX IF NOT EXISTS login_attempts_login ON login_attempts (login, at);
   CREATE INDEX IF NOT EXISTS login_attempts_ip ON login_attempts (ip, at);
   CREATE TABLE IF NOT EXISTS session_activity (
     token_hash TEXT PRIMARY KEY,
     last_seen_at ${t.big} NOT NULL
   );`,
    // The inbox reads one post's open steps in due order: an index that serves that page directly.
    `CREATE INDEX IF NOT EXISTS cases_inbox_post ON cases (step_office, step_role, step_due, id) WHERE step IS NOT NULL;`,
    // Integration tokens get a public id (to list and revoke by), an expiry and their last use;
    // tokens issued before expire 90 days after they were made. Issuing and revoking are audited
    // in an append-only table.
    `ALTER TABLE api_tokens ADD COLUMN id TEXT;
   ALTER TABLE api_tokens ADD COLUMN expires_at ${t.big};
   ALTER TABLE api_tokens ADD COLUMN last_used_at ${t.big};
   UPDATE api_tokens SET id = 'tok_' || substr(token_hash, 1, 32), expires_at = created_at + 7776000000 WHERE id IS NULL;
   CREATE UNIQUE INDEX api_tokens_id ON api_tokens (id);
   CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);
   CREATE TABLE api_token_audit (
     id TEXT PRIMARY KEY,
     action TEXT NOT NULL,
     token_id TEXT NOT NULL,
     token_name TEXT NOT NULL,
     owner_id TEXT NOT NULL,
     actor_id TEXT NOT NULL,
     at ${t.big} NOT NULL
   );
   CREATE INDEX api_token_audit_owner ON api_token_audit (owner_id, at);`,
    // Stand-ins: who acts in whose post, from when until when, on which order. Rows are never
    // changed or deleted, so the record of who held authority at an instant stays whole.
    `CREATE TABLE acting_appointments (
     id TEXT PRIMARY KEY,
     acting_user_id TEXT NOT NULL,
     for_user_id TEXT NOT NULL,
     office_id TEXT NOT NULL,
     role TEXT NOT NULL,
     starts_at ${t.big} NOT NULL,
     ends_at ${t.big} NOT NULL,
     order_ref TEXT NOT NULL,
     appointed_by TEXT NOT NULL,
     created_at ${t.big} NOT NULL
   );
   CREATE INDEX acting_appointments_user ON acting_appointments (acting_user_id, ends_at);
   CREATE INDEX acting_appointments_office ON acting_appointments (office_id, ends_at);`,
    // Who alone may take a case's current turn (the executor named in that role), so an inbox lists
    // a bound case only to them whatever the executor role is called; rows written before bound the
    // executor role.
    `ALTER TABLE cases ADD COLUMN step_holder TEXT;
   UPDATE cases SET step_holder = assignee WHERE step_role = 'executor' AND assignee IS NOT NULL;`,
    // Courier manifests: one row per case handed to a courier under a manifest, written with the
    // case's own history in the same transaction; the receipt is filled in when the other office
    // confirms it.
    `CREATE TABLE consignments (
     manifest TEXT NOT NULL,
     case_id TEXT NOT NULL,
     number TEXT NOT NULL,
     courier TEXT NOT NULL,
     from_office TEXT NOT NULL,
     to_office TEXT NOT NULL,
     service TEXT NOT NULL,
     procedure_id TEXT NOT NULL,
     dispatched_by TEXT NOT NULL,
     dispatched_at ${t.big} NOT NULL,
     received_by TEXT,
     received_at ${t.big},
     PRIMARY KEY (manifest, case_id)
   );
   CREATE INDEX consignments_from ON consignments (from_office, dispatched_at);
   CREATE INDEX consignments_to ON consignments (to_office, dispatched_at);`,
  ];
}
