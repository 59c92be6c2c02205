import { storeMigrations } from '../store-migrations.js';

/** SQLite schema, in order. */
export const SQLITE_MIGRATIONS: readonly string[] = storeMigrations({ big: 'INTEGER', json: 'TEXT', blob: 'BLOB', withoutRowid: ' WITHOUT ROWID' });
