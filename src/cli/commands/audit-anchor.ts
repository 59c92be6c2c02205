import type { TLanguage } from '../../core/regulation/schema.js';
import { anchorDay, previousDay } from '../../evidence/anchor-day.js';
import { sqlAnchorStore } from '../../evidence/anchor-store.js';
import { CliFailure, type CliIo } from '../cli-io.js';
import { kazakhstanZone, openCliStores } from './cli-database.js';

/** Anchors a day: the hash over every case chain's head at the day's end, chained to the last anchor. */
export async function runAuditAnchor(
  io: CliIo,
  opts: { date?: string; database?: string; json: boolean; lang: TLanguage },
  now: number = Date.now(),
): Promise<number> {
  const zone = kazakhstanZone();
  const day = opts.date ?? previousDay(zone, now);
  const stores = await openCliStores(opts.database);
  try {
    const anchored = await anchorDay(sqlAnchorStore(stores.db), zone, day, now);
    if (!anchored.ok) {
      const e = anchored.error;
      if (e.code === 'bad-date')
        throw new CliFailure({
          kk: `--date күні жарамсыз: ${day} (ЖЖЖЖ-АА-КК).`,
          ru: `Недопустимая дата --date: ${day} (ГГГГ-ММ-ДД).`,
          en: `Invalid --date: ${day} (YYYY-MM-DD).`,
        });
      if (e.code === 'day-not-over')
        throw new CliFailure({ kk: `${day} күні әлі аяқталған жоқ.`, ru: `День ${day} ещё не закончился.`, en: `The day ${day} is not over yet.` });
      throw new CliFailure(
        {
          kk: `${day} күні бекітілген (соңғы якорь: ${e.last}).`,
          ru: `День ${day} уже закреплён (последний якорь: ${e.last}).`,
          en: `The day ${day} is anchored already (last anchor: ${e.last}).`,
        },
        1,
      );
    }
    const a = anchored.value;
    if (opts.json) io.out(JSON.stringify(a, null, 2));
    else io.out(`${a.day}: ${a.cases} case chain(s) anchored, anchor ${a.hash} (links to ${a.prevHash.slice(0, 16)}…)`);
    return 0;
  } finally {
    await stores.close();
  }
}
