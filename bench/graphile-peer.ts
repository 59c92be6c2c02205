import { EventEmitter } from 'node:events';
import { Logger, makeWorkerUtils, run, type WorkerEvents } from 'graphile-worker';
import { BENCH_DATABASE_URL, type BenchPlaces } from './bench-database.js';

const CONCURRENCY = 16;
const silent = new Logger(() => () => undefined);

/**
 * The peer: graphile-worker on the same PostgreSQL, in its own schema, draining `jobs` trivial
 * jobs queued beforehand with 16 concurrent workers (each job is taken and completed in its own
 * transactions, as in production). Resolves to jobs per second, queueing excluded.
 */
export async function graphileJobsPerSec(places: BenchPlaces, jobs: number): Promise<number> {
  const schema = places.schema('graphile');
  const options = { connectionString: BENCH_DATABASE_URL, schema, logger: silent };
  const utils = await makeWorkerUtils(options);
  try {
    await utils.migrate();
    for (let queued = 0; queued < jobs; queued += 1000) {
      await utils.addJobs(Array.from({ length: Math.min(1000, jobs - queued) }, () => ({ identifier: 'noop', payload: {} })));
    }
  } finally {
    await utils.release();
  }
  let done = 0;
  let drained!: () => void;
  const allDone = new Promise<void>((resolve) => (drained = resolve));
  // A job counts once its completion is written back to the database.
  const events: WorkerEvents = new EventEmitter();
  events.on('job:complete', () => {
    if (++done === jobs) drained();
  });
  const start = performance.now();
  const runner = await run({
    ...options,
    concurrency: CONCURRENCY,
    maxPoolSize: CONCURRENCY + 2,
    noHandleSignals: true,
    events,
    pollInterval: 1000,
    taskList: {
      noop: async () => undefined,
    },
  });
  try {
    await allDone;
    const seconds = (performance.now() - start) / 1000;
    return jobs / seconds;
  } finally {
    await runner.stop();
  }
}
