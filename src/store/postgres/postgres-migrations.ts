import { storeMigrations } from '../store-migrations.js';

/** PostgreSQL schema, in order. */
export const POSTGRES_MIGRATIONS: readonly string[] = storeMigrations({ big: 'BIGINT', json: 'JSONB', blob: 'BYTEA', withoutRowid: '' });
