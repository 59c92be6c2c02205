import type { AppDeps } from '../src/app/app-deps.js';
import { seedDemoData } from '../src/app/seed-demo-data.js';
import { wireApp } from '../src/compose/wire-app.js';
import type { DatabaseConfig } from '../src/store/open-stores.js';
import { DemoPeople, driveCase, type CaseKind } from './case-driver.js';
import { Latencies, runConcurrently } from './latency.js';

/** Commands per second through the use cases at one concurrency, with their latencies. */
export interface Throughput {
  readonly concurrency: number;
  readonly cases: number;
  readonly transitions: number;
  readonly perSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** The two typical regulations: the 11-step accreditation (at the office) and the 4-step certificate (on the portal). */
export function typicalKinds(deps: AppDeps): CaseKind[] {
  const byId = (id: string) => deps.regulations.find((r) => r.id === id)!;
  return [
    { regulation: byId('medical-organization-accreditation'), variant: 'initial', channel: 'office' },
    { regulation: byId('specialist-certificate'), variant: undefined, channel: 'portal' },
  ];
}

/** Drives `cases` applications (the kinds in turn) from `concurrency` callers, each its own case start to end. */
export async function measureThroughput(
  deps: AppDeps,
  people: DemoPeople,
  kinds: readonly CaseKind[],
  cases: number,
  concurrency: number,
): Promise<Throughput> {
  const latencies = new Latencies();
  let transitions = 0;
  const seconds = await runConcurrently(concurrency, cases, async (i) => {
    const driven = await driveCase(deps, people, kinds[i % kinds.length]!, latencies);
    transitions += driven.transitions;
  });
  return { concurrency, cases, transitions, perSec: transitions / seconds, p50Ms: latencies.percentile(50), p99Ms: latencies.percentile(99) };
}

/**
 * The engine on one database, wired as the server wires it (the gateway simulator confirms each
 * applicant over HTTP, commits are durable): a warm-up, then concurrency 1 and 16.
 */
export async function engineThroughput(
  database: DatabaseConfig,
  cases: { serial: number; concurrent: number },
): Promise<{ serial: Throughput; concurrent: Throughput }> {
  const wired = await wireApp({ database });
  try {
    await seedDemoData(wired.deps);
    const people = new DemoPeople(wired.deps);
    const kinds = typicalKinds(wired.deps);
    await measureThroughput(wired.deps, people, kinds, 4, 2);
    const serial = await measureThroughput(wired.deps, people, kinds, cases.serial, 1);
    const concurrent = await measureThroughput(wired.deps, people, kinds, cases.concurrent, 16);
    return { serial, concurrent };
  } finally {
    await wired.close();
  }
}
