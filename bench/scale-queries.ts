import type { WiredDeps } from '../src/compose/wire-app.js';
import { verifyRegistryEntry } from '../src/app/verify-registry-entry.js';
import type { Post } from '../src/app/ports/case-store.js';
import { DemoPeople } from './case-driver.js';
import { Latencies } from './latency.js';

/** Query latencies at scale, with what the inbox returned and how PostgreSQL ran it. */
export interface ScaleQueries {
  /** `CaseStore.inbox` as the product calls it (every open task of the person's posts, no page). */
  readonly inboxP50Ms: number;
  readonly inboxP99Ms: number;
  /** The same query cut to its first page of 50 rows (what a paged inbox would cost). */
  readonly inboxPageP99Ms: number;
  /** The page again with an index that serves it in order, (step_office, step_role, step_due, id) — a proposal measured here, not in the product. */
  readonly inboxPageIndexedP99Ms: number;
  readonly inboxRowsMax: number;
  readonly inboxRowsMean: number;
  /** `RegistryStore.find`: an entry by its number. */
  readonly registryLookupP99Ms: number;
  /** The public verification of a number (entry, history, hash chain): what GET /api/registry/{number} does. */
  readonly registryVerifyP99Ms: number;
  /** EXPLAIN ANALYZE of the largest inbox, and of its first page with the proposed index. */
  readonly inboxPlan: string;
  readonly inboxPageIndexedPlan: string;
}

// The store's inbox statement (src/store/sql-case-store.ts), repeated here to measure it paged and to explain it.
function inboxSql(posts: readonly Post[], page: boolean) {
  return `SELECT id, service, status, step, step_role AS "stepRole", step_office AS "stepOffice", step_due AS "stepDue",
  overall_due AS "overallDue", assignee, applicant_id AS "applicantId", office_id AS "officeId", updated_at AS "updatedAt"
  FROM cases WHERE step IS NOT NULL AND (${posts.map(() => '(step_office = ? AND step_role = ?)').join(' OR ')})
  AND (step_role <> 'executor' OR assignee IS NULL OR assignee = ?) ORDER BY step_due IS NULL, step_due, id${page ? ' LIMIT 50' : ''}`;
}

/** Every demo member of staff's inbox, `rounds` times; registry numbers looked up and verified. */
export async function scaleQueries(deps: WiredDeps, numbers: readonly string[], rounds: number): Promise<ScaleQueries> {
  const people = new DemoPeople(deps);
  const staff = await Promise.all(deps.directory.demoUsers.filter((u) => u.kind === 'staff').map((u) => people.of(u.login)));
  const inbox = new Latencies();
  const page = new Latencies();
  const rows: number[] = [];
  let largest = { size: -1, params: [] as (string | number)[], posts: [] as readonly Post[] };
  for (let r = 0; r < rounds; r++) {
    for (const p of staff) {
      const tasks = await inbox.time(() => deps.stores.cases.inbox(p.user.id, p.posts, { limit: 50, offset: 0 }));
      if (p.posts.length === 0) continue;
      const params = [...p.posts.flatMap((x) => [x.officeId, x.role]), p.user.id];
      await page.time(() => deps.stores.db.all(inboxSql(p.posts, true), params));
      if (r === 0) rows.push(tasks.length);
      if (tasks.length > largest.size) largest = { size: tasks.length, params, posts: p.posts };
    }
  }
  const indexed = new Latencies();
  await deps.stores.db.run('CREATE INDEX bench_inbox_page ON cases (step_office, step_role, step_due, id) WHERE step IS NOT NULL');
  for (let r = 0; r < rounds; r++) {
    for (const p of staff) {
      if (p.posts.length === 0) continue;
      await indexed.time(() => deps.stores.db.all(inboxSql(p.posts, true), [...p.posts.flatMap((x) => [x.officeId, x.role]), p.user.id]));
    }
  }
  const indexedPlan = await deps.stores.db.all<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${inboxSql(largest.posts, true)}`, largest.params);
  await deps.stores.db.run('DROP INDEX bench_inbox_page');
  const plan = await deps.stores.db.all<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${inboxSql(largest.posts, false)}`, largest.params);
  const lookup = new Latencies();
  const verify = new Latencies();
  for (let r = 0; r < rounds; r++) {
    for (const n of numbers) {
      const found = await lookup.time(() => deps.stores.registry.find(n));
      if (!found) throw new Error(`registry number ${n} not found`);
    }
    for (const n of numbers.slice(0, 50)) await verify.time(() => verifyRegistryEntry(deps, n));
  }
  return {
    inboxP50Ms: inbox.percentile(50),
    inboxP99Ms: inbox.percentile(99),
    inboxPageP99Ms: page.percentile(99),
    inboxPageIndexedP99Ms: indexed.percentile(99),
    inboxRowsMax: Math.max(...rows),
    inboxRowsMean: rows.reduce((a, b) => a + b, 0) / rows.length,
    registryLookupP99Ms: lookup.percentile(99),
    registryVerifyP99Ms: verify.percentile(99),
    inboxPlan: plan.map((l) => l['QUERY PLAN']).join('\n'),
    inboxPageIndexedPlan: indexedPlan.map((l) => l['QUERY PLAN']).join('\n'),
  };
}
