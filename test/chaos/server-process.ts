import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A port nobody listens on right now, chosen by the system (other servers run on this machine too). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Where the server keeps its data: a SQLite directory, or a PostgreSQL schema. */
export type ServerDatabase = { readonly dataDir: string } | { readonly postgresUrl: string; readonly schema: string };

/** One run of `node bin/reglament-server.js`, from start to its death. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** The end of what it wrote to stderr, for a failure report. */
  stderrTail(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
}

/** Starts the real server as a child process on a free port and resolves once /health answers. */
export async function startServerProcess(root: string, database: ServerDatabase, timerIntervalMs: number): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TIMER_INTERVAL_MS: String(timerIntervalMs),
    SEED_DEMO: '0',
    LOG: '0',
    RATE_LIMIT_IP_PER_MINUTE: '0',
    RATE_LIMIT_USER_PER_MINUTE: '0',
    // Crash safety is measured on the case engine and the store: applications and signing steps go
    // unsigned, and no demo PKI is generated at each start (nor written into the working tree).
    PORTAL_SIGNATURE: 'optional',
    STAFF_SIGNATURE: 'optional',
    DEMO_PKI: '0',
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_SCHEMA;
  if ('dataDir' in database) env.DATA_DIR = database.dataDir;
  else Object.assign(env, { DATABASE_URL: database.postgresUrl, DATABASE_SCHEMA: database.schema });
  const child = spawn(process.execPath, [join(root, 'bin/reglament-server.js')], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready:\n${stderr}`);
    const healthy = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not become ready within 60 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return { url, child, exited, stderrTail: () => stderr };
}
