/** Column types that differ between the databases. */
export interface MigrationTypes {
  /** Milliseconds since the epoch. */
  readonly big: string;
  /** Raw bytes. */
  readonly blob: string;
}

/** Migration 2, the same on both databases but for two column types: inboxes, timers, registries, attachments and people. */
export function inboxAndPeopleMigration(t: MigrationTypes): string {
  return `ALTER TABLE cases ADD COLUMN step_role TEXT;
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
   );`;
}
