import { afterEach, describe, expect, it } from 'vitest';
import { createHttpEgovGateway, type HttpEgovGatewayOptions } from './http-egov-gateway.js';
import { startGatewaySimulator, type GatewaySimulator, type GatewaySimulatorOptions } from './simulator/gateway-simulator.js';
import { loadSimulatorSeed } from './simulator/simulator-seed.js';

const seed = loadSimulatorSeed();
const running: GatewaySimulator[] = [];

async function simulator(options: Partial<GatewaySimulatorOptions> = {}): Promise<GatewaySimulator> {
  const sim = await startGatewaySimulator({ port: 0, seed, ...options });
  running.push(sim);
  return sim;
}

function gatewayFor(sim: GatewaySimulator, options: Partial<HttpEgovGatewayOptions> = {}) {
  return createHttpEgovGateway({ url: sim.url, senderId: 'REGLAMENT', password: 'secret', timeoutMs: 2000, retries: 0, backoffMs: 5, ...options });
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

describe('the HTTP gateway adapter against the simulator', () => {
  it('finds a person', async () => {
    const sim = await simulator();
    expect(await gatewayFor(sim).person('850515310013')).toEqual({
      ok: true,
      value: { iin: '850515310013', lastName: 'Сейтқали', firstName: 'Асқар', middleName: 'Нұрланұлы', birthDate: '1985-05-15' },
    });
  });

  it('finds a legal entity with its head', async () => {
    const sim = await simulator();
    expect(await gatewayFor(sim).legalEntity('090440010017')).toEqual({
      ok: true,
      value: {
        bin: '090440010017',
        name: { kk: '«Шипагер» медициналық орталығы ЖШС', ru: 'ТОО «Медицинский центр "Шипагер"»' },
        registeredAt: '2009-04-14',
        headIin: '771111310012',
        headName: 'Ахметов Ерлан Болатұлы',
        address: 'Астана қ.',
      },
    });
  });

  it('answers not-found for a valid number the registry does not hold, in the words of the regulation', async () => {
    const sim = await simulator();
    const gateway = gatewayFor(sim);
    // valid numbers (check digits 0 and 5) that the seed does not hold
    const person = await gateway.person('920101300010');
    expect(person).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!person.ok) expect(person.error.message.ru).toContain('ИИН 920101300010');
    const entity = await gateway.legalEntity('190640010015');
    expect(entity).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!entity.ok) expect(entity.error.message.kk).toContain('деректерінің болмауына байланысты деректерді алу мүмкін емес');
  });

  it('answers not-confirmed for a person whose data the state systems do not confirm', async () => {
    const sim = await simulator();
    const r = await gatewayFor(sim).person('951230310018');
    expect(r).toMatchObject({ ok: false, error: { code: 'not-confirmed' } });
    if (!r.ok) {
      expect(r.error.message.kk).toContain('деректерінің расталмауына байланысты сұратылған қызметтен бас тартылады');
      expect(r.error.message.ru).toContain('неподтверждением данных');
      expect(r.error.message.en).toContain('not confirmed');
    }
  });

  it('rejects a bad checksum before sending anything', async () => {
    const sim = await simulator();
    const gateway = gatewayFor(sim);
    expect(await gateway.person('850515310014')).toMatchObject({ ok: false, error: { code: 'invalid-identifier' } });
    expect(await gateway.legalEntity('09044001001')).toMatchObject({ ok: false, error: { code: 'invalid-identifier' } });
    expect(sim.requestCount()).toBe(0);
  });

  it('lets test identities through only when configured to, and the registry then does not know them', async () => {
    const sim = await simulator();
    expect(await gatewayFor(sim).person('123456789011')).toMatchObject({ ok: false, error: { code: 'invalid-identifier' } });
    expect(sim.requestCount()).toBe(0);
    expect(await gatewayFor(sim, { acceptTestIdentities: true }).person('123456789011')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(sim.requestCount()).toBe(1);
  });

  it('times out after the configured retries when the gateway is slower than the timeout', async () => {
    const sim = await simulator({ faults: { delayMs: 400 } });
    const r = await gatewayFor(sim, { timeoutMs: 100, retries: 2 }).person('850515310013');
    expect(r).toMatchObject({ ok: false, error: { code: 'timeout' } });
    if (!r.ok) {
      expect(r.error.message.en).toBe('The e-government gateway did not answer within 0.1 s (attempts: 3). Try again later.');
      expect(r.error.message.kk).toContain('0.1 с ішінде жауап бермеді');
    }
    expect(sim.requestCount()).toBe(3);
  });

  it('succeeds after two 503s with retries=2', async () => {
    const sim = await simulator({ faults: { failFirst: 2 } });
    const r = await gatewayFor(sim, { retries: 2 }).legalEntity('151240010016');
    expect(r).toMatchObject({ ok: true, value: { bin: '151240010016', headIin: '880707410019' } });
    expect(sim.requestCount()).toBe(3);
  });

  it('gives up as unavailable when the 503s outlast the retries', async () => {
    const sim = await simulator({ faults: { failFirst: 5 } });
    const r = await gatewayFor(sim, { retries: 1 }).person('850515310013');
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    if (!r.ok) expect(r.error.message.en).toContain('HTTP 503; attempts: 2');
    expect(sim.requestCount()).toBe(2);
  });

  it('maps a SOAP fault to protocol and does not retry it', async () => {
    const sim = await simulator();
    const r = await gatewayFor(sim, { retries: 3, serviceIds: { person: 'NoSuchService', legalEntity: 'NoSuchService' } }).person('850515310013');
    expect(r).toMatchObject({ ok: false, error: { code: 'protocol' } });
    if (!r.ok) expect(r.error.message.en).toContain('SOAP Fault Client: unknown serviceId NoSuchService');
    expect(sim.requestCount()).toBe(1);
  });

  it('maps a refused sender to protocol', async () => {
    const sim = await simulator({ sender: { senderId: 'REGLAMENT', password: 'right' } });
    expect(await gatewayFor(sim, { password: 'wrong' }).person('850515310013')).toMatchObject({ ok: false, error: { code: 'protocol' } });
    expect(await gatewayFor(sim, { password: 'right' }).person('850515310013')).toMatchObject({ ok: true });
  });

  it('reports a gateway that cannot be reached as unavailable, after retrying', async () => {
    const sim = await simulator();
    const url = sim.url;
    await sim.close();
    running.splice(0);
    const r = await createHttpEgovGateway({ url, senderId: 'a', password: 'b', timeoutMs: 1000, retries: 1, backoffMs: 1 }).person('850515310013');
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    if (!r.ok) expect(r.error.message.en).toContain('network error');
  });

  it('refuses an answer about someone else', async () => {
    const sim = await simulator();
    // A fetch that forwards to the simulator but swaps the IIN in the answer.
    const tampering: typeof fetch = async (input, init) => {
      const real = await fetch(input, init);
      const text = (await real.text()).replaceAll('850515310013', '900320410011');
      return new Response(text, { status: real.status, headers: real.headers });
    };
    expect(await gatewayFor(sim, { fetch: tampering }).person('850515310013')).toMatchObject({ ok: false, error: { code: 'protocol' } });
  });

  it('answers a malformed envelope with a SOAP fault over HTTP 500', async () => {
    const sim = await simulator();
    const res = await fetch(sim.url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<not-soap/>' });
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('<faultcode>soap:Client</faultcode>');
  });
});
