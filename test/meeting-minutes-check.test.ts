import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/load-catalogue.js';
import type { ApiClient, ApiResponse } from '../src/http/api-client.js';
import { simulateCase } from '../src/http/simulate-case.js';
import { rowCounts } from './fuzz/api-invariants.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const regulation = loadCatalogue().regulations.find((r) => r.id === 'clinical-research-permit')!;

// Service 7: the Council's meeting is recorded by the one who keeps its minutes. Someone else who
// sends a record is refused for who they are, before anything they cite is looked at; the keeper
// citing minutes that are not theirs is refused for the minutes.
describe.each(DATABASES)('recording a meeting with minutes on %s', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database);
  }, 60_000);
  afterAll(async () => t?.close());

  const tokenOf = async (login: string) =>
    ((await t.api.request('POST', '/api/auth/login', { body: { login, password: t.deps.directory.demoPassword } })).json as { token: string }).token;

  it('refuses a record from someone who does not keep the minutes with wrong-role, and the keeper’s record citing no minutes of theirs', async () => {
    const tries: { who: string; answer: ApiResponse; before: string; after: string }[] = [];
    const probing: ApiClient = {
      request: async (method, path, options = {}) => {
        const body = options.body as { type?: string; meeting?: Record<string, unknown> } | undefined;
        if (method === 'POST' && path.endsWith('/actions') && body?.type === 'record-meeting' && tries.length === 0) {
          const forged = { ...body, meeting: { ...body.meeting, minutes: 'no-such-minutes' } };
          for (const [who, token] of [
            ['ministry-hq.clerk', await tokenOf('ministry-hq.clerk')],
            ['the keeper', options.token!],
          ] as const) {
            const before = await rowCounts(t.deps);
            const answer = await t.api.request(method, path, { token, body: forged, headers: { 'accept-language': 'en' } });
            tries.push({ who, answer, before, after: await rowCounts(t.deps) });
          }
        }
        return t.api.request(method, path, options);
      },
    };
    const format = (ms: number) => t.deps.clockFor('provider').zone.format(ms);
    const report = await simulateCase(probing, { regulation, directory: t.deps.directory, outcome: 'issued', format });
    expect(report.status).toBe('satisfied');
    expect(tries.map((x) => [x.who, x.answer.status, (x.answer.json as { error: { code: string } }).error.code])).toEqual([
      ['ministry-hq.clerk', 403, 'wrong-role'],
      ['the keeper', 409, 'attachment-unavailable'],
    ]);
    for (const x of tries) expect(x.after, x.who).toBe(x.before);
  });
});
