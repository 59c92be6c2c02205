import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

/** Requests per second and tail latency of one route under load. */
export interface RouteLoad {
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
}

/** What the HTTP run measured: the inbox, a case view, and the server's peak memory. */
export interface HttpLoad {
  readonly inbox: RouteLoad;
  readonly caseView: RouteLoad;
  readonly serverPeakRssMb: number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONNECTIONS = 16;
// The server's per-IP and per-user request limits would answer the load with 429: lift them for the measurement.
const UNLIMITED = { RATE_LIMIT_IP_PER_MINUTE: '100000000', RATE_LIMIT_USER_PER_MINUTE: '100000000' };

/** A port free right now (the server is told it; nothing else on the machine is fixed). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The server's peak resident set so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? Number.NaN) / 1024;
}

async function untilHealthy(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not become healthy in 60 s');
}

async function load(url: string, token: string, seconds: number): Promise<RouteLoad> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { authorization: `Bearer ${token}` } });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors under load`);
  return { reqPerSec: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, requests: result.requests.total };
}

/**
 * Starts the real server (`node bin/reglament-server.js`, logging on, timers held off so they do
 * not run inside the measurement, request-rate limits lifted) on the given PostgreSQL schema, signs in as a demo clerk and
 * loads its inbox and a case view with autocannon (16 connections) on loopback.
 */
export async function httpLoad(options: { databaseUrl: string; schema: string; login: string; caseId: string; seconds: number }): Promise<HttpLoad> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['bin/reglament-server.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      DATABASE_SCHEMA: options.schema,
      SEED_DEMO: '1',
      TIMER_INTERVAL_MS: '3600000',
      ...UNLIMITED,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout!.resume();
  child.stderr!.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
  try {
    await untilHealthy(base, child).catch((e: Error) => {
      throw new Error(`${e.message}\n${stderr}`);
    });
    const signedIn = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: options.login, password: 'reglament-demo' }),
    });
    if (!signedIn.ok) throw new Error(`sign-in as ${options.login}: HTTP ${signedIn.status}`);
    const { token } = (await signedIn.json()) as { token: string };
    const view = await fetch(`${base}/api/cases/${options.caseId}`, { headers: { authorization: `Bearer ${token}` } });
    if (!view.ok) throw new Error(`case view ${options.caseId}: HTTP ${view.status}`);
    const inbox = await load(`${base}/api/inbox?limit=50`, token, options.seconds);
    const caseView = await load(`${base}/api/cases/${options.caseId}`, token, options.seconds);
    return { inbox, caseView, serverPeakRssMb: peakRssMb(child.pid!) };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }
}
