import pg from 'pg';
import type { SqlDatabase, SqlExecutor, SqlValue } from '../sql-database.js';
import { numberedPlaceholders as numbered } from './numbered-placeholders.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';

const UNIQUE_VIOLATION = '23505';
const INT8_OID = 20;
const MIGRATION_LOCK = 728100;

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => (await client.query(numbered(sql), params as SqlValue[])).rows as T[],
    run: async (sql: string, params: readonly SqlValue[] = []) => (await client.query(numbered(sql), params as SqlValue[])).rowCount ?? 0,
  };
}

/** Opens (and migrates) a PostgreSQL database in a schema (default public). */
export async function openPostgresDatabase(connectionString: string, schema = 'public'): Promise<SqlDatabase & { readonly pool: pg.Pool }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  // Instants are milliseconds in BIGINT columns: well inside a double, so read them as numbers.
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)),
  } as pg.CustomTypesConfig;
  const pool = new pg.Pool({ connectionString, options: `-c search_path=${schema}`, max: 20, types });
  const boot = await pool.connect();
  try {
    // One migrator at a time, even with several server processes starting together (creating the
    // schema included: two concurrent CREATE SCHEMA IF NOT EXISTS can still collide).
    await boot.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await boot.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await boot.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
    const applied = new Set((await boot.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const [i, sql] of POSTGRES_MIGRATIONS.entries()) {
      if (applied.has(i + 1)) continue;
      await boot.query('BEGIN');
      await boot.query(sql);
      await boot.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
      await boot.query('COMMIT');
    }
  } finally {
    await boot.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    boot.release();
  }

  return {
    pool,
    dialect: 'postgres',
    lockRow: 'FOR UPDATE',
    skipLocked: 'FOR UPDATE SKIP LOCKED',
    ...executor(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    isUniqueViolation: (e) => (e as { code?: string }).code === UNIQUE_VIOLATION,
    close: () => pool.end(),
  };
}
