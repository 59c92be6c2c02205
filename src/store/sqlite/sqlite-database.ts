import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDatabase, SqlExecutor, SqlValue } from '../sql-database.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';

/** Opens (and migrates) the embedded database: a WAL file with full fsync on commit. */
export function openSqliteDatabase(file: string): SqlDatabase & { readonly raw: Database.Database } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('foreign_keys = ON');
  // SQLite's own LOWER() folds only ASCII, so «Ұқсас» would not find «ҰҚСАС»; PostgreSQL's folds by
  // the database's ctype (UTF-8 there). Replacing it keeps both databases' searches alike.
  raw.function('lower', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : text) as string | null);
  raw.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
  const applied = new Set(raw.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  SQLITE_MIGRATIONS.forEach((sql, i) => {
    if (applied.has(i + 1)) return;
    raw.transaction(() => {
      raw.exec(sql);
      raw.prepare('INSERT INTO schema_migrations (version) VALUES (?)').run(i + 1);
    })();
  });

  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = raw.prepare(sql)));
    return s;
  };
  const direct: SqlExecutor = {
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => prepared(sql).all(...params) as T[],
    run: async (sql: string, params: readonly SqlValue[] = []) => prepared(sql).run(...params).changes,
  };

  // One connection serves every request, and a transaction awaits between its statements: a queue
  // keeps another request's statements from landing inside someone else's open transaction.
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    raw,
    dialect: 'sqlite',
    lockRow: '',
    skipLocked: '',
    all: (sql, params) => serialised(() => direct.all(sql, params)),
    run: (sql, params) => serialised(() => direct.run(sql, params)),
    transaction: (fn) =>
      serialised(async () => {
        // IMMEDIATE takes the write lock before the first read, so a check and its write are one step.
        raw.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(direct);
          raw.exec('COMMIT');
          return result;
        } catch (e) {
          raw.exec('ROLLBACK');
          throw e;
        }
      }),
    isUniqueViolation: (e) => /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/.test((e as { code?: string }).code ?? ''),
    close: async () => serialised(async () => void raw.close()),
  };
}
