import { seedDemoData } from '../src/app/seed-demo-data.js';
import { wireApp } from '../src/compose/wire-app.js';
import type { DatabaseConfig } from '../src/store/open-stores.js';
import { DemoPeople, driveCase, DriveFailed, type CaseKind } from './case-driver.js';
import { Latencies, runConcurrently } from './latency.js';
import { allocate, NATIONAL_MIX } from './national-mix.js';

/** A replay of a national year's applications, measured on a sample and scaled to the year. */
export interface NationalYear {
  readonly applications: number;
  readonly transitions: number;
  readonly seconds: number;
  readonly transitionsPerSec: number;
  /** Minutes for 1,000,000 applications in the mix's proportions. */
  readonly minutes: number;
  /** True when fewer than 1,000,000 were replayed and `minutes` is scaled from the sample. */
  readonly extrapolated: boolean;
}

const YEAR = 1_000_000;
const CONCURRENCY = 16;

/**
 * Replays `applications` applications of the ten services in the mix's proportions through the use
 * cases on one database, 16 at a time, each to its issued result. The year's time is the sample's
 * transition rate applied to the transitions a year of the mix takes (each service's commands per
 * case, as measured, times its share of a million).
 */
export async function nationalYear(database: DatabaseConfig, applications: number): Promise<NationalYear> {
  const wired = await wireApp({ database });
  try {
    await seedDemoData(wired.deps);
    const people = new DemoPeople(wired.deps);
    const counts = allocate(applications);
    const kinds: { kind: CaseKind; entry: number }[] = [];
    // Interleaved as they would arrive: every service throughout the run, not one after another.
    for (let round = 0; kinds.length < applications; round++) {
      NATIONAL_MIX.forEach((m, entry) => {
        if (round < counts[entry]!)
          kinds.push({ entry, kind: { regulation: wired.deps.regulations.find((r) => r.id === m.service)!, variant: m.variant, channel: m.channel } });
      });
    }
    const perService = NATIONAL_MIX.map(() => ({ cases: 0, transitions: 0 }));
    const latencies = new Latencies();
    const seconds = await runConcurrently(CONCURRENCY, kinds.length, async (i) => {
      const { kind, entry } = kinds[i]!;
      const driven = await driveCase(wired.deps, people, kind, latencies);
      if (driven.state.status !== 'satisfied' || !driven.state.result?.positive)
        throw new DriveFailed(`${kind.regulation.id} ended ${driven.state.status} without its result`);
      perService[entry]!.cases++;
      perService[entry]!.transitions += driven.transitions;
    });
    const transitions = perService.reduce((a, s) => a + s.transitions, 0);
    const rate = transitions / seconds;
    const yearTransitions = NATIONAL_MIX.reduce((sum, m, i) => sum + ((m.perMille * YEAR) / 1000) * (perService[i]!.transitions / perService[i]!.cases), 0);
    return {
      applications: kinds.length,
      transitions,
      seconds,
      transitionsPerSec: rate,
      minutes: yearTransitions / rate / 60,
      extrapolated: kinds.length < YEAR,
    };
  } finally {
    await wired.close();
  }
}
