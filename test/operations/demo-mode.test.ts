import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// Runs the built server (dist/): rebuild with `npx tsc -p tsconfig.build.json` after changing src/.

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

interface Started {
  readonly url: string;
  readonly logLines: () => { level: number; msg: string }[];
}

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

/** Starts bin/reglament-server.js with these arguments and waits until it is ready. */
async function start(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['bin/reglament-server.js', ...args], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'reglament-demo-mode-')),
      DATABASE_URL: '',
      GATEWAY_URL: 'http://127.0.0.1:9/unused',
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      DEMO: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const end = Date.now() + 100_000;
  while (
    !(await fetch(`${url}/ready`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (Date.now() > end) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    logLines: () =>
      out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { level: number; msg: string }),
  };
}

const demoSign = (url: string) =>
  fetch(`${url}/api/signature/demo-sign`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ base64: Buffer.from('challenge').toString('base64'), purpose: 'authentication', login: 'doctor.askar' }),
  });

describe('demo mode: the demo signing route exists only when asked for, and says so loudly', () => {
  it('without demo mode answers 404 to demo-sign and signs nothing, even with the demo PKI in use', async () => {
    const server = await start([]);
    const res = await demoSign(server.url);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain('cms');
    expect(((await (await fetch(`${server.url}/api/signature/mode`)).json()) as { demo: boolean }).demo).toBe(false);
    expect(server.logLines().some((l) => l.level === 40 && /DEMO MODE/.test(l.msg))).toBe(false);
  }, 120_000);

  it('with --demo (what `npm start` passes) or DEMO=1 signs as a demo applicant, with a warning at start', async () => {
    for (const [args, env] of [
      [['--demo'], {}],
      [[], { DEMO: '1' }],
    ] as const) {
      const server = await start([...args], env);
      const res = await demoSign(server.url);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { cms: string }).cms.length).toBeGreaterThan(100);
      expect(((await (await fetch(`${server.url}/api/signature/mode`)).json()) as { demo: boolean }).demo).toBe(true);
      const warning = server.logLines().find((l) => l.level === 40 && /DEMO MODE/.test(l.msg));
      expect(warning?.msg).toMatch(/demo-sign/);
    }
  }, 240_000);

  it('`npm start` runs the demo', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(/reglament-server\.js --demo\b/);
  });
});
