import { existsSync } from 'node:fs';
import { loadClockSet } from '../../catalogue/load-clock.js';
import type { TimeZone } from '../../core/clock/time-zone.js';
import { openStores, type OpenedStores } from '../../store/open-stores.js';
import { CliFailure } from '../cli-io.js';

/** The embedded database's default file. */
export const DEFAULT_SQLITE_FILE = './data/reglament.db';

/** Opens every store on the database a command names: a postgres:// URL, DATABASE_URL, or a SQLite file that must exist. */
export async function openCliStores(database: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<OpenedStores> {
  const url = database?.startsWith('postgres') ? database : database === undefined ? env.DATABASE_URL : undefined;
  if (url) return openStores({ postgresUrl: url, ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}) });
  const file = database ?? DEFAULT_SQLITE_FILE;
  if (!existsSync(file)) throw new CliFailure({ kk: `Дерекқор табылмады: ${file}`, ru: `База данных не найдена: ${file}`, en: `Database not found: ${file}` });
  return openStores({ sqliteFile: file });
}

/** Kazakhstan's time, in which the days of anchors begin and end. */
export function kazakhstanZone(): TimeZone {
  return loadClockSet().clocks.get('provider-office')!.zone;
}
