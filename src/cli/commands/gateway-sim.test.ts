import { describe, expect, it } from 'vitest';
import { createHttpEgovGateway } from '../../gateway/http-egov-gateway.js';
import { CliFailure } from '../cli-io.js';
import { runGatewaySim } from './gateway-sim.js';

function capture() {
  const lines: string[] = [];
  return { lines, io: { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t) } };
}

describe('reglament gateway-sim', () => {
  it('prints its URL and service ids, answers lookups, and stops when told to', async () => {
    const { lines, io } = capture();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = runGatewaySim(io, { port: '0', json: true, stop: stopped });
    await expect.poll(() => lines.length).toBeGreaterThan(0);
    const started = JSON.parse(lines[0]!);
    expect(started).toMatchObject({
      serviceIds: { person: 'ReglamentGbdflPersonByIin', legalEntity: 'ReglamentGbdulEntityByBin' },
      individuals: 6,
      legalEntities: 4,
    });
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sync-channel$/);
    const gateway = createHttpEgovGateway({ url: started.url, senderId: 'demo', password: 'demo', timeoutMs: 2000, retries: 0 });
    expect(await gateway.person('900320410011')).toMatchObject({ ok: true, value: { lastName: 'Жұмабаева' } });
    stop();
    expect(await running).toBe(0);
    expect(await gateway.person('900320410011')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('refuses a port that is not a port', async () => {
    const { io } = capture();
    await expect(runGatewaySim(io, { port: 'eighty', json: false })).rejects.toBeInstanceOf(CliFailure);
    await expect(runGatewaySim(io, { port: '70000', json: false })).rejects.toBeInstanceOf(CliFailure);
  });

  it('says so when the port is taken', async () => {
    const first = capture();
    let stop!: () => void;
    const running = runGatewaySim(first.io, { port: '0', json: true, stop: new Promise<void>((r) => (stop = r)) });
    await expect.poll(() => first.lines.length).toBeGreaterThan(0);
    const port = new URL(JSON.parse(first.lines[0]!).url).port;
    const second = capture();
    const failure = await runGatewaySim(second.io, { port, json: false }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CliFailure);
    expect((failure as CliFailure).message.en).toContain('the port is in use');
    stop();
    await running;
  });
});
