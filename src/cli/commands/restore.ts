import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TLanguage } from '../../core/regulation/schema.js';
import { verifyAnchors } from '../../evidence/audit-anchor.js';
import { sqlAnchorStore } from '../../evidence/anchor-store.js';
import { verifyChain } from '../../store/audit-chain.js';
import { openStores } from '../../store/open-stores.js';
import { CliFailure, type CliIo } from '../cli-io.js';
import { DEFAULT_SQLITE_FILE } from './cli-database.js';
import { inspectCopy } from './backup.js';

export const restoreHelp = `reglament restore FILE [--database TARGET] [--json]

Restores a backup made by "reglament backup" into TARGET (default ./data/reglament.db), which must
not exist: stop the server and move the damaged database aside first. The copy is checked
(integrity), upgraded to the current schema if it is older, and every case's audit chain and every
daily anchor is verified before the command reports success. Exit code 1 if any is broken.`;

/** Restores a SQLite backup into a new location and verifies every audit chain in it. */
export async function runRestore(io: CliIo, opts: { file: string | undefined; database?: string; json: boolean; lang: TLanguage }): Promise<number> {
  if (!opts.file)
    throw new CliFailure({ kk: 'Қолдану: reglament restore FILE', ru: 'Использование: reglament restore FILE', en: 'Usage: reglament restore FILE' });
  if (opts.database?.startsWith('postgres')) {
    throw new CliFailure({
      kk: 'PostgreSQL pg_restore арқылы қалпына келтіріледі (docs/deployment.md).',
      ru: 'PostgreSQL восстанавливается через pg_restore (docs/deployment.md).',
      en: 'PostgreSQL is restored with pg_restore (docs/deployment.md).',
    });
  }
  const target = opts.database ?? DEFAULT_SQLITE_FILE;
  if (!existsSync(opts.file))
    throw new CliFailure({
      kk: `Сақтық көшірме табылмады: ${opts.file}`,
      ru: `Резервная копия не найдена: ${opts.file}`,
      en: `Backup not found: ${opts.file}`,
    });
  if (existsSync(target))
    throw new CliFailure({
      kk: `Мақсатты дерекқор бар: ${target}. Серверді тоқтатып, оны басқа жерге жылжытыңыз.`,
      ru: `Целевая база уже существует: ${target}. Остановите сервер и переместите её.`,
      en: `The target database exists: ${target}. Stop the server and move it aside first.`,
    });
  try {
    inspectCopy(opts.file);
  } catch (e) {
    throw new CliFailure(
      {
        kk: `Сақтық көшірме бүлінген: ${(e as Error).message}`,
        ru: `Резервная копия повреждена: ${(e as Error).message}`,
        en: `The backup is damaged: ${(e as Error).message}`,
      },
      1,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(opts.file, target);
  // Opening migrates an older backup to the current schema.
  const stores = await openStores({ sqliteFile: target });
  let broken = 0;
  let cases = 0;
  let anchorsOk = true;
  try {
    for (const id of await stores.cases.caseIds()) {
      cases++;
      if (!verifyChain(await stores.cases.history(id)).ok) broken++;
    }
    const anchorStore = sqlAnchorStore(stores.db);
    anchorsOk = (await verifyAnchors(await anchorStore.all(), anchorStore.headsAt)).ok;
  } finally {
    await stores.close();
  }
  if (broken > 0 || !anchorsOk) {
    // A restore that does not verify is not left where the server would start on it.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  }
  const report = { target, cases, brokenChains: broken, anchorsIntact: anchorsOk };
  if (opts.json) io.out(JSON.stringify(report, null, 2));
  else
    io.out(
      broken === 0 && anchorsOk
        ? `${target}: restored, ${cases} case chain(s) and the daily anchors verified`
        : `${target}: NOT restored: ${broken} broken chain(s)${anchorsOk ? '' : ', anchors broken'}`,
    );
  return broken === 0 && anchorsOk ? 0 : 1;
}
