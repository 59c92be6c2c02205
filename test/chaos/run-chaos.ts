import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/store/open-stores.js';
import { builtModules, REPOSITORY_ROOT } from './built-modules.js';
import { chaosLoad, loadLogins, LOAD_SERVICE, newLedger } from './chaos-load.js';
import { chaosVerdict, type ChaosVerdict } from './chaos-verdict.js';
import { lodgeOverdueCases } from './overdue-cases.js';
import { pause, resilientClient, type ClientCounters } from './resilient-client.js';
import { startServerProcess, type ServerDatabase, type ServerProcess } from './server-process.js';

/**
 * `npm run test:chaos [-- --short] [--kills N] [--db sqlite|postgres] [--seed N]`: runs the real
 * server as a child process under concurrent load, kills it with SIGKILL at random moments,
 * restarts it, and finally holds the database against every answer the clients got. The last
 * line of output is one JSON object with the figures; the exit code is 1 when anything was lost,
 * duplicated or broken.
 */

const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WORKERS = 6;
const TIMER_INTERVAL_MS = 100;
/** A timer claimed by a killed process waits out its lease (60 s) before another run takes it. */
const QUIESCE_TIMEOUT_MS = 120_000;

interface Options {
  readonly kills: number;
  readonly databases: readonly ('postgres' | 'sqlite')[];
  readonly seed: number;
  readonly short: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const short = argv.includes('--short');
  const kills = Number(value('--kills') ?? (short ? 20 : 100));
  if (!Number.isInteger(kills) || kills < 1) throw new Error('--kills takes a positive whole number');
  const db = value('--db');
  if (db !== undefined && db !== 'postgres' && db !== 'sqlite') throw new Error('--db takes sqlite or postgres');
  return { kills, databases: db ? [db] : ['postgres', 'sqlite'], seed: Number(value('--seed') ?? Date.now() % 1_000_000), short };
}

/** A small seeded generator, so a run's kill moments can be replayed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type RunFigures = ChaosVerdict & {
  readonly database: string;
  readonly kills: number;
  readonly unanswered: number;
  readonly serverErrors: number;
  readonly refusedAfterRetry: number;
  readonly refused: Record<string, number>;
  readonly seconds: number;
};

async function runOnDatabase(kind: 'postgres' | 'sqlite', options: Options, random: () => number, log: (line: string) => void): Promise<RunFigures> {
  const started = Date.now();
  const schema = `chaos_${process.pid}_${Date.now()}`;
  const dataDir = kind === 'sqlite' ? mkdtempSync(join(tmpdir(), 'reglament-chaos-')) : '';
  const serverDb: ServerDatabase = kind === 'sqlite' ? { dataDir } : { postgresUrl: POSTGRES_URL, schema };
  const storeDb: DatabaseConfig = kind === 'sqlite' ? { sqliteFile: join(dataDir, 'reglament.db') } : { postgresUrl: POSTGRES_URL, schema };
  const built = await builtModules();
  const openStores = built.stores.openStores;
  const regulation = built.catalogue.loadCatalogue().regulations.find((r) => r.id === LOAD_SERVICE)!;
  const directory = built.directory.loadDirectory();
  const ledger = newLedger();
  const counters: ClientCounters = { unanswered: 0, serverErrors: 0 };
  const overdue = await lodgeOverdueCases(storeDb, 4);

  let server: ServerProcess | undefined;
  let url: string | undefined;
  let stopping = false;
  const deadline = Date.now() + options.kills * 20_000 + 300_000;
  const send = resilientClient(
    () => url,
    counters,
    () => deadline,
  );
  try {
    server = await startServerProcess(REPOSITORY_ROOT, serverDb, TIMER_INTERVAL_MS);
    url = server.url;
    const tokens = new Map<string, string>();
    for (const login of loadLogins(regulation, directory)) {
      const answer = await send('POST', '/api/auth/login', { body: { login, password: directory.demoPassword } });
      if (answer.status !== 200) throw new Error(`sign-in as ${login} failed: ${JSON.stringify(answer.json)}`);
      tokens.set(login, (answer.json as { token: string }).token);
    }
    const load = chaosLoad({ send, regulation, directory, tokens, ledger, random });
    const workers = Array.from({ length: WORKERS }, async () => {
      while (!stopping) await load.runOne();
    });
    const workersDone = Promise.all(workers);
    let workerFailure: unknown;
    workersDone.catch((e: unknown) => void (workerFailure = e));

    let kills = 0;
    while (kills < options.kills) {
      // A random moment of the server's life: often while requests and timers are in flight.
      await pause(300 + random() * 1500);
      if (workerFailure) throw workerFailure;
      url = undefined;
      server.child.kill('SIGKILL');
      await server.exited;
      kills++;
      // While it is down, more applications fall overdue (lodged a month back) for the timers of the next run.
      if (kills % 5 === 0) overdue.push(...(await lodgeOverdueCases(storeDb, 2)));
      server = await startServerProcess(REPOSITORY_ROOT, serverDb, TIMER_INTERVAL_MS);
      url = server.url;
      if (kills % 10 === 0) log(`${kind}: ${kills} kills, ${ledger.submissions.length + ledger.actions.length} accepted`);
    }

    // The last server stays up: the clients finish what they were doing, then the timers run dry.
    stopping = true;
    await workersDone;
    const probe = await openStores(storeDb);
    let quiescedAt: number;
    try {
      const end = Date.now() + QUIESCE_TIMEOUT_MS;
      for (;;) {
        const now = Date.now();
        const due = (await probe.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM cases WHERE timer_due IS NOT NULL AND timer_due <= ?', [now]))[0]?.n ?? 0;
        if (Number(due) === 0) {
          quiescedAt = now;
          break;
        }
        if (now > end) {
          quiescedAt = now;
          log(`${kind}: ${due} timer(s) still due after ${QUIESCE_TIMEOUT_MS / 1000} s`);
          break;
        }
        await pause(200);
      }
    } finally {
      await probe.close();
    }
    server.child.kill('SIGTERM');
    await server.exited;
    server = undefined;

    const stores = await openStores(storeDb);
    try {
      const verdict = await chaosVerdict(stores, ledger, overdue, quiescedAt);
      for (const p of verdict.problems) log(`${kind}: ${p}`);
      for (const r of ledger.refusedAfterRetry.slice(0, 10)) log(`${kind}: refused after a resend: ${r.what} → ${r.status} ${r.code}`);
      return {
        database: kind,
        kills,
        ...verdict,
        unanswered: counters.unanswered,
        serverErrors: counters.serverErrors,
        refusedAfterRetry: ledger.refusedAfterRetry.length,
        refused: ledger.refused,
        seconds: Math.round((Date.now() - started) / 1000),
      };
    } finally {
      await stores.close();
    }
  } finally {
    stopping = true;
    if (server) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    if (kind === 'sqlite') rmSync(dataDir, { recursive: true, force: true });
    else {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const random = seededRandom(options.seed);
  const log = (line: string) => console.log(line);
  log(`chaos: ${options.kills} kills on each of ${options.databases.join(', ')}, ${WORKERS} concurrent clients, seed ${options.seed}`);
  const runs: RunFigures[] = [];
  for (const kind of options.databases) {
    const run = await runOnDatabase(kind, options, random, log);
    const { problems: _, ...figures } = run;
    log(`${kind}: ${JSON.stringify(figures)}`);
    runs.push(run);
  }
  const sum = (
    k:
      | 'kills'
      | 'accepted'
      | 'lost'
      | 'duplicated'
      | 'chainBroken'
      | 'timersExpected'
      | 'timersFired'
      | 'timersLost'
      | 'timersDuplicated'
      | 'projectionMismatch'
      | 'unacknowledged'
      | 'refusedAfterRetry'
      | 'cases',
  ) => runs.reduce((n, r) => n + r[k], 0);
  const summary = {
    kills: sum('kills'),
    accepted: sum('accepted'),
    lost: sum('lost'),
    duplicated: sum('duplicated'),
    chainBroken: sum('chainBroken'),
    cases: sum('cases'),
    timersExpected: sum('timersExpected'),
    timersFired: sum('timersFired'),
    timersLost: sum('timersLost'),
    projectionMismatch: sum('projectionMismatch'),
    unacknowledged: sum('unacknowledged'),
    refusedAfterRetry: sum('refusedAfterRetry'),
    seed: options.seed,
    databases: Object.fromEntries(
      runs.map((r) => [
        r.database,
        {
          kills: r.kills,
          accepted: r.accepted,
          lost: r.lost,
          duplicated: r.duplicated,
          chainBroken: r.chainBroken,
          cases: r.cases,
          timersFired: r.timersFired,
          timersLost: r.timersLost,
          unanswered: r.unanswered,
          seconds: r.seconds,
        },
      ]),
    ),
  };
  console.log(JSON.stringify(summary));
  const bad =
    summary.lost +
    summary.duplicated +
    summary.chainBroken +
    summary.timersLost +
    summary.projectionMismatch +
    summary.unacknowledged +
    summary.refusedAfterRetry;
  process.exitCode = bad > 0 ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  console.log(JSON.stringify({ kills: 0, accepted: 0, lost: null, duplicated: null, chainBroken: null, error: String(e instanceof Error ? e.message : e) }));
  process.exitCode = 1;
});
