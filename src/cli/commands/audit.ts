import type { TLanguage } from '../../core/regulation/schema.js';
import { verifyChain } from '../../store/audit-chain.js';
import { CliFailure, type CliIo } from '../cli-io.js';
import { openConfiguredStore } from '../open-store.js';

export const auditHelp = `reglament audit verify [--case ID] [--database FILE|URL] [--json]

Proves each case file untouched: re-computes the hash chain of its history and names the first
altered, missing or reordered entry. Every case when --case is not given.
  --database  the SQLite file (default ./data/reglament.db) or a postgres:// URL;
              DATABASE_URL is used when set
Exit code 1 when any chain is broken.`;

/** Verifies case hash chains. */
export async function runAudit(io: CliIo, opts: { action: string | undefined; caseId?: string; database?: string; json: boolean; lang: TLanguage }): Promise<number> {
  if (opts.action !== 'verify') {
    throw new CliFailure({ kk: 'Қолдану: reglament audit verify', ru: 'Использование: reglament audit verify', en: 'Usage: reglament audit verify' });
  }
  const store = await openConfiguredStore(opts.database !== undefined ? { database: opts.database } : {});
  try {
    const ids = opts.caseId ? [opts.caseId] : await store.caseIds();
    const verdicts = [];
    for (const id of ids) {
      const history = await store.history(id);
      if (history.length === 0) {
        throw new CliFailure({ kk: `Іс табылмады: ${id}`, ru: `Дело не найдено: ${id}`, en: `No such case: ${id}` });
      }
      verdicts.push({ caseId: id, ...verifyChain(history) });
    }
    const broken = verdicts.filter((v) => !v.ok);
    if (opts.json) io.out(JSON.stringify({ cases: verdicts.length, broken: broken.length, verdicts }, null, 2));
    else {
      for (const v of verdicts) io.out(v.ok ? `${v.caseId}: intact (${v.entries} entries)` : `${v.caseId}: BROKEN at entry ${v.firstBrokenSeq}: ${v.reason}`);
      io.out(`${verdicts.length} case(s), ${broken.length} broken`);
    }
    return broken.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
