import type Database from 'better-sqlite3';
import type { CaseStore } from '../../app/ports/case-store.js';
import { sqlCaseStore } from '../sql-case-store.js';
import { openSqliteDatabase } from './sqlite-database.js';

/** Opens (and migrates) the embedded case store in a SQLite file. */
export function openSqliteCaseStore(file: string): CaseStore & { readonly db: Database.Database } {
  const database = openSqliteDatabase(file);
  return { ...sqlCaseStore(database), db: database.raw };
}
