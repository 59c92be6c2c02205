import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, hostname, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { seedDemoData } from '../src/app/seed-demo-data.js';
import { wireApp } from '../src/compose/wire-app.js';
import { BENCH_DATABASE_URL, BenchPlaces, postgresFacts } from './bench-database.js';
import { parseBenchOptions } from './bench-options.js';
import { clockSpeed } from './clock-speed.js';
import { postgresCommitFloor, sqliteCommitFloor } from './commit-floor.js';
import { engineThroughput } from './engine-throughput.js';
import { GOALS, type BenchFigures } from './goals.js';
import { graphileJobsPerSec } from './graphile-peer.js';
import { httpLoad } from './http-load.js';
import { round } from './latency.js';
import { nationalYear } from './national-year.js';
import { loadScaleDataset } from './scale-dataset.js';
import { scaleQueries } from './scale-queries.js';

// `npm run bench [-- --quick] [-- --json]`: the whole suite in one run. Progress goes to stderr,
// so that with --json stdout holds exactly one JSON object.
const options = parseBenchOptions(process.argv.slice(2));
const { sizes } = options;
const say = (line: string) => process.stderr.write(`${line}\n`);
const places = new BenchPlaces();
process.once('SIGINT', () => {
  say('interrupted: dropping the bench schemas');
  places.cleanUp().finally(() => process.exit(130));
});

const figures: BenchFigures = {};
const details: Record<string, unknown> = {};
const loadAtStart = loadavg();
const started = performance.now();
try {
  say(`commit floor (${sizes.floorRows} rows, serial and 16 clients)`);
  const pgFloor = await postgresCommitFloor(places, sizes.floorRows);
  const sqliteFloor = await sqliteCommitFloor(places, sizes.floorRows);
  Object.assign(figures, {
    pgCommitFloorPerSec: pgFloor.concurrentPerSec,
    pgCommitFloorSerialPerSec: pgFloor.serialPerSec,
    sqliteCommitFloorPerSec: sqliteFloor.concurrentPerSec,
    sqliteCommitFloorSerialPerSec: sqliteFloor.serialPerSec,
  });

  for (const db of ['sqlite', 'pg'] as const) {
    say(`engine on ${db} (${sizes.engineCases.serial} cases alone, ${sizes.engineCases.concurrent} at 16)`);
    const database = db === 'pg' ? { postgresUrl: BENCH_DATABASE_URL, schema: places.schema('engine') } : { sqliteFile: places.sqliteFile('engine') };
    const { serial, concurrent } = await engineThroughput(database, sizes.engineCases);
    Object.assign(figures, {
      [`${db}TransitionsPerSec`]: concurrent.perSec,
      [`${db}TransitionsP50Ms`]: concurrent.p50Ms,
      [`${db}TransitionsP99Ms`]: concurrent.p99Ms,
      [`${db}SerialTransitionsPerSec`]: serial.perSec,
      [`${db}SerialP50Ms`]: serial.p50Ms,
      [`${db}SerialP99Ms`]: serial.p99Ms,
      [`${db}TransitionsToFloor`]: concurrent.perSec / (db === 'pg' ? pgFloor : sqliteFloor).concurrentPerSec,
    });
  }

  say(`graphile-worker (${sizes.graphileJobs} jobs, 16 workers)`);
  figures.graphileJobsPerSec = await graphileJobsPerSec(places, sizes.graphileJobs);
  figures.pgTransitionsToGraphileJobs = (figures.pgTransitionsPerSec as number) / figures.graphileJobsPerSec;

  say('legal clock');
  const clock = clockSpeed(sizes.clock);
  Object.assign(figures, {
    clockDuesPerSec: clock.duesPerSec,
    clockExplainedDuesPerSec: clock.explainedDuesPerSec,
    clockTimelinesPerSec: clock.timelinesPerSec,
    clockTimelineSteps: clock.timelineSteps,
  });

  const scaleSchema = places.schema('scale');
  const wired = await wireApp({ database: { postgresUrl: BENCH_DATABASE_URL, schema: scaleSchema } });
  let templateCase: string;
  try {
    await seedDemoData(wired.deps);
    say(`scale: loading ${sizes.scaleCases.toLocaleString('en')} cases${options.quick ? ' (--quick: 100,000, not a million)' : ''}`);
    const dataset = await loadScaleDataset(wired.deps, sizes.scaleCases, Date.now(), (n) => say(`  ${n.toLocaleString('en')}`));
    say('scale: inboxes and registry lookups');
    const queries = await scaleQueries(wired.deps, dataset.sampleNumbers, sizes.queryRounds);
    Object.assign(figures, {
      scaleCases: dataset.cases,
      scaleEvents: dataset.events,
      scaleOpenCases: dataset.openCases,
      scaleLoadSeconds: dataset.loadSeconds,
      inboxP50Ms: queries.inboxP50Ms,
      inboxP99Ms: queries.inboxP99Ms,
      inboxRowsMax: queries.inboxRowsMax,
      inboxPageP99Ms: queries.inboxPageP99Ms,
      inboxPageIndexedP99Ms: queries.inboxPageIndexedP99Ms,
      registryLookupP99Ms: queries.registryLookupP99Ms,
      registryVerifyP99Ms: queries.registryVerifyP99Ms,
    });
    details.inboxPlan = queries.inboxPlan;
    details.inboxPageIndexedPlan = queries.inboxPageIndexedPlan;
    templateCase = (await wired.deps.stores.db.all<{ case_id: string }>('SELECT case_id FROM bench_templates WHERE k = 0'))[0]!.case_id;
  } finally {
    await wired.close();
  }

  say(`http: the server on the scale data, ${sizes.httpSeconds} s per route`);
  const http = await httpLoad({
    databaseUrl: BENCH_DATABASE_URL,
    schema: scaleSchema,
    login: 'committee-astana.clerk',
    caseId: templateCase,
    seconds: sizes.httpSeconds,
  });
  Object.assign(figures, {
    httpInboxReqPerSec: http.inbox.reqPerSec,
    httpP99Ms: http.inbox.p99Ms,
    httpCaseViewReqPerSec: http.caseView.reqPerSec,
    httpCaseViewP99Ms: http.caseView.p99Ms,
    serverPeakRssMb: http.serverPeakRssMb,
  });

  say(`national year: ${sizes.yearApplications} applications of the ten services on PostgreSQL`);
  const year = await nationalYear({ postgresUrl: BENCH_DATABASE_URL, schema: places.schema('year') }, sizes.yearApplications);
  Object.assign(figures, {
    nationalYearMinutes: year.minutes,
    nationalYearExtrapolated: year.extrapolated,
    nationalYearApplications: year.applications,
    nationalYearTransitionsPerSec: year.transitionsPerSec,
  });
} finally {
  await places.cleanUp();
}

const rounded: BenchFigures = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? round(v, v >= 100 ? 0 : 2) : v]));
rounded.quick = options.quick;
const goals = GOALS.map((g) => ({ figure: g.figure, goal: g.text, value: rounded[g.figure], met: g.met(figures[g.figure] as number) }));
const date = new Date().toISOString().slice(0, 10);
const record = {
  date: new Date().toISOString(),
  host: hostname(),
  machine: {
    cpu: readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model,
    cores: cpus().length,
    memoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    postgres: await postgresFacts(),
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadavg(),
  },
  sizes,
  minutes: round((performance.now() - started) / 60_000),
  figures: rounded,
  goals,
  details,
};
const resultsDir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });
const file = `${resultsDir}${date}-${hostname()}.json`;
writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);

if (options.json) process.stdout.write(`${JSON.stringify(rounded)}\n`);
else {
  const goalOf = new Map(goals.map((g) => [g.figure, g]));
  const rows = Object.entries(rounded).map(([k, v]) => {
    const g = goalOf.get(k);
    return [k, String(v), g ? g.goal : '', g ? (g.met ? 'met' : 'MISSED') : ''];
  });
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length), 6));
  for (const r of [['figure', 'value', 'goal', ''], ...rows])
    process.stdout.write(`${r.map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ')}\n`);
  process.stdout.write(`\n${extrapolationNote(rounded)}written ${file}\n`);
}

function extrapolationNote(f: BenchFigures): string {
  return f.nationalYearExtrapolated ? `nationalYearMinutes is EXTRAPOLATED from ${f.nationalYearApplications} applications replayed.\n` : '';
}
