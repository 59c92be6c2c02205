import { existsSync } from 'node:fs';
import type { CaseStore } from '../app/ports/case-store.js';
import { openPostgresCaseStore } from '../store/postgres/postgres-case-store.js';
import { openSqliteCaseStore } from '../store/sqlite/sqlite-case-store.js';
import { CliFailure } from './cli-io.js';

/** The embedded database's default file. */
export const DEFAULT_SQLITE_FILE = './data/reglament.db';

/** Opens the store the configuration names: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export async function openConfiguredStore(options: { database?: string }, env: NodeJS.ProcessEnv = process.env): Promise<CaseStore> {
  const url = options.database?.startsWith('postgres') ? options.database : env.DATABASE_URL;
  if (url) return openPostgresCaseStore(url);
  const file = options.database ?? DEFAULT_SQLITE_FILE;
  if (!existsSync(file)) {
    throw new CliFailure({ kk: `Дерекқор табылмады: ${file}`, ru: `База данных не найдена: ${file}`, en: `Database not found: ${file}` });
  }
  return openSqliteCaseStore(file);
}
