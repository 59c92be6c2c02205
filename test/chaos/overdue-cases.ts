import type { DatabaseConfig } from '../../src/store/open-stores.js';
import { builtModules } from './built-modules.js';

/** The applicant whose applications wait for the timers; the load never touches them. */
export const OVERDUE_APPLICANT = 'doctor.nursultan';

/** How far back the overdue applications were lodged: every step's term has long run out. */
const LODGED_AGO_MILLIS = 30 * 24 * 60 * 60 * 1000;

/**
 * Lodges applications through the real use case, on a clock set a month back, as if they had
 * arrived then and nobody had acted since: the running server's own clock then finds their first
 * step overdue, and its timer must escalate each exactly once. Also creates the demo accounts on
 * an empty database. Resolves to the new case ids.
 */
export async function lodgeOverdueCases(database: DatabaseConfig, count: number): Promise<string[]> {
  const { wiring, seed, submit } = await builtModules();
  const lodgedAt = Date.now() - LODGED_AGO_MILLIS;
  const wired = await wiring.wireApp({ database, now: () => lodgedAt });
  try {
    await seed.seedDemoData(wired.deps);
    const user = await wired.deps.stores.identity.userById(OVERDUE_APPLICANT);
    if (!user) throw new Error(`${OVERDUE_APPLICANT} is not in the database`);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const lodged = await submit.submitApplication(
        wired.deps,
        { user, posts: [] },
        { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
      );
      if (!lodged.ok) throw new Error(`could not lodge an overdue application: ${lodged.error.message.en}`);
      ids.push(lodged.value.id);
    }
    return ids;
  } finally {
    await wired.close();
  }
}
