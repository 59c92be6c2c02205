import type pg from 'pg';
import type { CaseStore } from '../../app/ports/case-store.js';
import { sqlCaseStore } from '../sql-case-store.js';
import { openPostgresDatabase } from './postgres-database.js';

/** Opens (and migrates) the case store on PostgreSQL, in a schema (default public). */
export async function openPostgresCaseStore(connectionString: string, schema = 'public'): Promise<CaseStore & { readonly pool: pg.Pool }> {
  const database = await openPostgresDatabase(connectionString, schema);
  return { ...sqlCaseStore(database), pool: database.pool };
}
