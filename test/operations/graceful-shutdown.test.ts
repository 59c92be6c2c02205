import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startGatewaySimulator, type GatewaySimulator } from '../../src/gateway/simulator/gateway-simulator.js';
import { loadSimulatorSeed } from '../../src/gateway/simulator/simulator-seed.js';
import { openStores } from '../../src/store/open-stores.js';

const IN_FLIGHT = 12;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!(await Promise.resolve(probe()).catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('graceful shutdown of the server process', () => {
  let gateway: GatewaySimulator | undefined;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    // Only if the test failed before the server stopped by itself.
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await gateway?.close();
  });

  it('answers every request in flight after SIGTERM, commits their commands, and exits 0', async () => {
    // A slow e-government gateway keeps each submission in flight for a second.
    gateway = await startGatewaySimulator({ port: 0, seed: loadSimulatorSeed(), faults: { delayMs: 1000 } });
    const dataDir = mkdtempSync(join(tmpdir(), 'reglament-shutdown-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['bin/reglament-server.js'], {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        GATEWAY_URL: gateway.url,
        GATEWAY_PASSWORD: 'x',
        LOG: '0',
        TIMER_INTERVAL_MS: '100',
        RATE_LIMIT_IP_PER_MINUTE: '0',
        RATE_LIMIT_USER_PER_MINUTE: '0',
        PORTAL_SIGNATURE: 'optional',
        DEMO_PKI: '0',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const server = child;
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    // Seeding the demo accounts hashes 45 passwords: the first start takes a while on a busy machine.
    await until('the server', async () => (await fetch(`${url}/ready`)).ok, 100_000);

    const token = (
      (await (
        await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login: 'doctor.askar', password: 'reglament-demo' }),
        })
      ).json()) as { token: string }
    ).token;
    const answers = Array.from({ length: IN_FLIGHT }, (_, i) =>
      fetch(`${url}/api/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `shutdown-${i}` },
        body: JSON.stringify({ service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id?: string } })),
    );
    // Every submission has reached the gateway, so every one is inside the server when the signal comes.
    const before = gateway.requestCount();
    await until('the submissions to reach the gateway', () => gateway!.requestCount() - before >= IN_FLIGHT);
    server.kill('SIGTERM');

    const results = await Promise.all(answers);
    expect(results.map((r) => r.status)).toEqual(Array(IN_FLIGHT).fill(201));
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();

    const stores = await openStores({ sqliteFile: join(dataDir, 'reglament.db') });
    try {
      const ids = await stores.cases.caseIds();
      expect(ids.sort()).toEqual(results.map((r) => r.body.id!).sort());
    } finally {
      await stores.close();
    }
  }, 180_000);
});
