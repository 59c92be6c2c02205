import type { WiredDeps } from '../src/compose/wire-app.js';
import { DemoPeople, driveCase } from './case-driver.js';
import { Latencies } from './latency.js';
import { NATIONAL_MIX } from './national-mix.js';

/** What was loaded, and how long it took. */
export interface ScaleDataset {
  readonly cases: number;
  readonly events: number;
  readonly registryEntries: number;
  readonly openCases: number;
  readonly loadSeconds: number;
  /** A few registry numbers of the generated cases, to look up. */
  readonly sampleNumbers: readonly string[];
}

const CHUNK = 50_000;
const DAY = 86_400_000;
// The two services of the Committee's territorial departments, one in each of the 20 regions.
const TERRITORIAL = new Set(['specialist-certificate', 'qualification-category']);
const REGIONS = 20;
// One case in 25 is open: a year of applications with terms of a few weeks leaves about that many waiting.
const OPEN_EVERY = 25;

/**
 * Loads `total` cases with their history into the product's own tables. Each service of the
 * national mix is first run once for real through the use cases; the generated cases copy those
 * (their state, every history entry, their registry entry and offices) under new ids, in the
 * mix's proportions, spread over 20 regional departments for the territorial services. One in 25
 * is open at a step of its path, with a due from ten days overdue to thirty days ahead and, at an
 * executor's step, assigned to the executor every other time. The copies' hash chains name the
 * template case, so `audit verify` would reject them: the data set is for query cost only.
 */
export async function loadScaleDataset(deps: WiredDeps, total: number, now: number, progress: (done: number) => void = () => undefined): Promise<ScaleDataset> {
  const db = deps.stores.db;
  const people = new DemoPeople(deps);
  const started = performance.now();
  await db.run(
    'CREATE TABLE bench_templates (k INTEGER PRIMARY KEY, case_id TEXT NOT NULL, office_id TEXT NOT NULL, territorial BOOLEAN NOT NULL, steps INTEGER NOT NULL)',
  );
  await db.run(
    'CREATE TABLE bench_template_steps (k INTEGER NOT NULL, n INTEGER NOT NULL, step TEXT NOT NULL, step_role TEXT NOT NULL, step_office TEXT, actor TEXT NOT NULL, PRIMARY KEY (k, n))',
  );
  await db.run('CREATE TABLE bench_slots (slot INTEGER PRIMARY KEY, k INTEGER NOT NULL)');
  let slot = 0;
  for (const [k, entry] of NATIONAL_MIX.entries()) {
    const regulation = deps.regulations.find((r) => r.id === entry.service)!;
    const steps: { step: string; role: string; office: string | undefined; actor: string }[] = [];
    const { state } = await driveCase(deps, people, { regulation, variant: entry.variant, channel: entry.channel }, new Latencies(), (s, actor) =>
      steps.push({ step: s.procedureId, role: s.role, office: s.officeId, actor }),
    );
    await db.run('INSERT INTO bench_templates VALUES (?, ?, ?, ?, ?)', [
      k,
      state.id,
      state.officeId,
      TERRITORIAL.has(entry.service) ? 'true' : 'false',
      steps.length,
    ]);
    for (const [n, s] of steps.entries())
      await db.run('INSERT INTO bench_template_steps VALUES (?, ?, ?, ?, ?, ?)', [k, n, s.step, s.role, s.office ?? null, s.actor]);
    for (let i = 0; i < entry.perMille; i++) await db.run('INSERT INTO bench_slots VALUES (?, ?)', [slot++, k]);
  }

  // Secondary indexes are dropped for the bulk load and rebuilt after it from their own definitions.
  const indexes = await db.all<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('cases', 'case_events', 'case_offices', 'registry_entries') AND indexname NOT LIKE '%_pkey'`,
  );
  for (const i of indexes) await db.run(`DROP INDEX ${i.indexname}`);

  // g → its template t (by slot) and, for an open case, the step st it waits at.
  const from = (a: number, b: number) => `FROM generate_series(${a}::bigint, ${b}::bigint) g
    JOIN bench_slots s ON s.slot = g % 1000
    JOIN bench_templates t ON t.k = s.k`;
  const newId = `'Z' || lpad(g::text, 9, '0')`;
  const office = `CASE WHEN t.territorial AND g % ${REGIONS} <> 0 THEN 'committee-region-' || (g % ${REGIONS}) ELSE t.office_id END`;
  for (let a = 1; a <= total; a += CHUNK) {
    const b = Math.min(total, a + CHUNK - 1);
    await db.run(`INSERT INTO cases (id, service, status, version, office_id, applicant_id, assignee, step, step_role, step_office, step_due, overall_due, timer_due, timer_lease, updated_at, state)
      SELECT ${newId}, c.service, CASE WHEN st.step IS NULL THEN c.status ELSE 'in-progress' END, c.version, ${office}, 'bench-applicant-' || (g % 400000),
        CASE WHEN st.step_role = 'executor' AND (g / ${OPEN_EVERY}) % 2 = 0 THEN st.actor END,
        st.step, st.step_role, CASE WHEN st.step_office = t.office_id THEN ${office} ELSE st.step_office END,
        CASE WHEN st.step IS NOT NULL THEN ${now} + (g * 7919 * 60000) % ${40 * DAY} - ${10 * DAY} END, c.overall_due,
        CASE WHEN st.step IS NOT NULL THEN ${now} + (g * 7919 * 60000) % ${40 * DAY} - ${10 * DAY} END, NULL,
        ${now} - (g % 365) * ${DAY}::bigint, jsonb_set(c.state, '{id}', to_jsonb(${newId}))
      ${from(a, b)}
      JOIN cases c ON c.id = t.case_id
      LEFT JOIN bench_template_steps st ON g % ${OPEN_EVERY} = 0 AND st.k = t.k AND st.n = (g / ${OPEN_EVERY}) % t.steps`);
    await db.run(`INSERT INTO case_events (case_id, seq, type, at, body, prev_hash, hash)
      SELECT ${newId}, e.seq, e.type, e.at, e.body, e.prev_hash, e.hash ${from(a, b)} JOIN case_events e ON e.case_id = t.case_id`);
    await db.run(`INSERT INTO case_offices (case_id, office_id)
      SELECT ${newId}, CASE WHEN o.office_id = t.office_id THEN ${office} ELSE o.office_id END ${from(a, b)} JOIN case_offices o ON o.case_id = t.case_id`);
    await db.run(`INSERT INTO registry_entries (number, kind, service, variant, case_id, office_id, holder_identifier, holder_name, issued_at, base_number, final_hash)
      SELECT replace(r.number, t.case_id, ${newId}), r.kind, r.service, r.variant, ${newId}, ${office}, r.holder_identifier, r.holder_name, r.issued_at, r.base_number, r.final_hash
      ${from(a, b)} JOIN registry_entries r ON r.case_id = t.case_id WHERE g % ${OPEN_EVERY} <> 0`);
    progress(b);
  }
  for (const i of indexes) await db.run(i.indexdef);
  await db.run('ANALYZE');
  const count = async (sql: string) => Number((await db.all<{ n: number }>(sql))[0]!.n);
  const sampleNumbers = (await db.all<{ number: string }>(`SELECT number FROM registry_entries WHERE case_id LIKE 'Z%' ORDER BY md5(number) LIMIT 200`)).map(
    (r) => r.number,
  );
  return {
    cases: await count(`SELECT count(*) AS n FROM cases WHERE id LIKE 'Z%'`),
    events: await count(`SELECT count(*) AS n FROM case_events WHERE case_id LIKE 'Z%'`),
    registryEntries: await count(`SELECT count(*) AS n FROM registry_entries WHERE case_id LIKE 'Z%'`),
    openCases: await count(`SELECT count(*) AS n FROM cases WHERE id LIKE 'Z%' AND step IS NOT NULL`),
    loadSeconds: (performance.now() - started) / 1000,
    sampleNumbers,
  };
}
