import { BENCH_DATABASE_URL, BenchPlaces } from './bench-database.js';
import { clockSpeed } from './clock-speed.js';
import { engineThroughput } from './engine-throughput.js';

// A short run of one part under `node --cpu-prof` (see bench/README.md, "Profiles"):
//   node --cpu-prof --cpu-prof-dir=/tmp/prof dist-bench/bench/profile-engine.js sqlite|pg|clock
const part = process.argv[2] ?? 'sqlite';
const places = new BenchPlaces();
try {
  if (part === 'clock') clockSpeed({ dues: 300_000, timelines: 5_000 });
  else {
    const database = part === 'pg' ? { postgresUrl: BENCH_DATABASE_URL, schema: places.schema('profile') } : { sqliteFile: places.sqliteFile('profile') };
    process.stdout.write(`${JSON.stringify(await engineThroughput(database, { serial: 10, concurrent: 120 }))}\n`);
  }
} finally {
  await places.cleanUp();
}
