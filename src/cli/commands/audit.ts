import type { TLanguage } from '../../core/regulation/schema.js';
import { verifyAnchors } from '../../evidence/audit-anchor.js';
import { sqlAnchorStore } from '../../evidence/anchor-store.js';
import { verifyChain } from '../../store/audit-chain.js';
import { CliFailure, type CliIo } from '../cli-io.js';
import { runAuditAnchor } from './audit-anchor.js';
import { openCliStores } from './cli-database.js';

export const auditHelp = `reglament audit verify [--case ID] [--database FILE|URL] [--json]
reglament audit anchor [--date YYYY-MM-DD] [--database FILE|URL] [--json]

verify: proves each case file untouched: re-computes the hash chain of its history and names the
first altered, missing or reordered entry (every case when --case is not given); then checks the
daily anchors: their own chain, and that the histories before each anchor's cutoff still have the
heads it recorded (so a history rewritten with fresh hashes is found too).
anchor: anchors a day that is over (default: yesterday, Kazakhstan time): one hash over the head of
every case chain at the day's end, linked to the previous anchor. The server does this itself
shortly after midnight; publish the printed hash where the system cannot change it.
  --database  the SQLite file (default ./data/reglament.db) or a postgres:// URL;
              DATABASE_URL is used when set
Exit code 1 when any chain or anchor is broken.`;

/** Verifies case hash chains and the anchors, or anchors a day. */
export async function runAudit(
  io: CliIo,
  opts: { action: string | undefined; caseId?: string; database?: string; date?: string; json: boolean; lang: TLanguage },
): Promise<number> {
  if (opts.action === 'anchor')
    return runAuditAnchor(io, {
      ...(opts.date !== undefined ? { date: opts.date } : {}),
      ...(opts.database !== undefined ? { database: opts.database } : {}),
      json: opts.json,
      lang: opts.lang,
    });
  if (opts.action !== 'verify') {
    throw new CliFailure({
      kk: 'Қолдану: reglament audit verify | anchor',
      ru: 'Использование: reglament audit verify | anchor',
      en: 'Usage: reglament audit verify | anchor',
    });
  }
  const stores = await openCliStores(opts.database);
  try {
    const ids = opts.caseId ? [opts.caseId] : await stores.cases.caseIds();
    const verdicts = [];
    for (const id of ids) {
      const history = await stores.cases.history(id);
      if (history.length === 0) {
        throw new CliFailure({ kk: `Іс табылмады: ${id}`, ru: `Дело не найдено: ${id}`, en: `No such case: ${id}` });
      }
      verdicts.push({ caseId: id, ...verifyChain(history) });
    }
    const broken = verdicts.filter((v) => !v.ok);
    const anchorStore = sqlAnchorStore(stores.db);
    const anchors = await verifyAnchors(await anchorStore.all(), anchorStore.headsAt);
    if (opts.json) io.out(JSON.stringify({ cases: verdicts.length, broken: broken.length, verdicts, anchors }, null, 2));
    else {
      for (const v of verdicts) io.out(v.ok ? `${v.caseId}: intact (${v.entries} entries)` : `${v.caseId}: BROKEN at entry ${v.firstBrokenSeq}: ${v.reason}`);
      io.out(`${verdicts.length} case(s), ${broken.length} broken`);
      io.out(anchors.ok ? `${anchors.anchors} daily anchor(s) intact` : `anchor of ${anchors.day}: BROKEN: ${anchors.reason}`);
    }
    return broken.length > 0 || !anchors.ok ? 1 : 0;
  } finally {
    await stores.close();
  }
}
