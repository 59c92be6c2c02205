import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { TLanguage } from '../../core/regulation/schema.js';
import { CliFailure, type CliIo } from '../cli-io.js';
import { DEFAULT_SQLITE_FILE } from './cli-database.js';

export const backupHelp = `reglament backup --out FILE [--database FILE] [--json]

Copies the embedded SQLite database while the server runs (SQLite's online backup: a consistent
snapshot, writers are not stopped), then checks the copy (integrity check, cases and history
entries counted) and prints its SHA-256. Restore it with: reglament restore FILE.
PostgreSQL is backed up with its own tools (docs/deployment.md):
  pg_dump --format=custom --file=reglament.dump "$DATABASE_URL"
  pg_restore --clean --if-exists --no-owner --dbname="$NEW_DATABASE_URL" reglament.dump`;

/** What a backup or a restore found in the copy. */
export interface CopyReport {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly cases: number;
  readonly historyEntries: number;
  readonly migrations: number;
}

/** Opens a copy read-only and checks it is a whole reglament database. */
export function inspectCopy(file: string): CopyReport {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity check: ${String(integrity)}`);
    const count = (sql: string) => Number(db.prepare(sql).pluck().get());
    const bytes = readFileSync(file);
    return {
      file,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      cases: count('SELECT COUNT(*) FROM cases'),
      historyEntries: count('SELECT COUNT(*) FROM case_events'),
      migrations: count('SELECT COUNT(*) FROM schema_migrations'),
    };
  } finally {
    db.close();
  }
}

/** Backs up the SQLite database with the online backup API. */
export async function runBackup(
  io: CliIo,
  opts: { out: string | undefined; database?: string; json: boolean; lang: TLanguage },
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (!opts.out)
    throw new CliFailure({
      kk: 'Қолдану: reglament backup --out FILE',
      ru: 'Использование: reglament backup --out FILE',
      en: 'Usage: reglament backup --out FILE',
    });
  if (opts.database?.startsWith('postgres') || (opts.database === undefined && env.DATABASE_URL)) {
    throw new CliFailure({
      kk: 'PostgreSQL дерекқорының сақтық көшірмесі pg_dump арқылы жасалады (docs/deployment.md).',
      ru: 'Резервная копия PostgreSQL делается через pg_dump (docs/deployment.md).',
      en: 'PostgreSQL is backed up with pg_dump (docs/deployment.md).',
    });
  }
  const source = opts.database ?? DEFAULT_SQLITE_FILE;
  if (!existsSync(source))
    throw new CliFailure({ kk: `Дерекқор табылмады: ${source}`, ru: `База данных не найдена: ${source}`, en: `Database not found: ${source}` });
  if (existsSync(opts.out))
    throw new CliFailure({
      kk: `Файл бар, үстінен жазылмайды: ${opts.out}`,
      ru: `Файл уже существует, не перезаписывается: ${opts.out}`,
      en: `The file exists and is not overwritten: ${opts.out}`,
    });
  mkdirSync(dirname(opts.out), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    // WAL mode lets the server keep writing; the backup copies pages until it has one consistent state.
    await db.backup(opts.out);
  } finally {
    db.close();
  }
  const report = inspectCopy(opts.out);
  if (opts.json) io.out(JSON.stringify(report, null, 2));
  else io.out(`${report.file}: ${report.cases} case(s), ${report.historyEntries} history entries, ${report.bytes} bytes, SHA-256 ${report.sha256}`);
  return 0;
}
