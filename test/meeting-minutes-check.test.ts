import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/load-catalogue.js';
import type { ApiClient, ApiResponse } from '../src/http/api-client.js';
import { simulateCase } from '../src/http/simulate-case.js';
import type { CaseEvent } from '../src/core/engine/case-events.js';
import { createCms } from '../src/signature/cms/create-cms.js';
import { verifyCms } from '../src/signature/cms/verify-cms.js';
import { rowCounts } from './fuzz/api-invariants.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const regulation = loadCatalogue().regulations.find((r) => r.id === 'clinical-research-permit')!;

// Service 7: the Council's meeting is recorded by the one who keeps its minutes. Someone else who
// sends a record is refused for who they are, before anything they cite is looked at; the keeper
// citing minutes that are not theirs is refused for the minutes, and the keeper signs the minutes
// with their own key.
describe.each(DATABASES)('recording a meeting with minutes on %s', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database, { staffSignature: 'required' });
  }, 60_000);
  afterAll(async () => t?.close());

  const tokenOf = async (login: string) =>
    ((await t.api.request('POST', '/api/auth/login', { body: { login, password: t.deps.directory.demoPassword } })).json as { token: string }).token;

  it('refuses a record from someone who does not keep the minutes with wrong-role, the keeper’s citing no minutes of theirs, or unsigned, or signed by another', async () => {
    const tries: { who: string; answer: ApiResponse; before: string; after: string }[] = [];
    const probing: ApiClient = {
      request: async (method, path, options = {}) => {
        const body = options.body as { type?: string; meeting?: Record<string, unknown> } | undefined;
        if (method === 'POST' && path.endsWith('/actions') && body?.type === 'record-meeting' && tries.length === 0) {
          const forged = { ...body, meeting: { ...body.meeting, minutes: 'no-such-minutes' } };
          const meeting = body.meeting as { minutes: string; minutesSignature?: string };
          // Someone else's own signature over the same minutes.
          const minutesBytes = await t.deps.stores.attachments.body(meeting.minutes);
          const strangers = Buffer.from(
            await createCms(new Uint8Array(minutesBytes!), t.demoPki.signerOf(t.demoPki.signing('ministry-hq.clerk')!), {
              detached: true,
              signingTime: new Date(),
            }),
          ).toString('base64');
          const unsigned = { ...body, meeting: { ...meeting, minutesSignature: undefined } };
          for (const [who, token, sent] of [
            ['ministry-hq.clerk', await tokenOf('ministry-hq.clerk'), forged],
            ['the keeper', options.token!, forged],
            ['the keeper, minutes unsigned', options.token!, unsigned],
            ["the keeper, with the clerk's signature", options.token!, { ...body, meeting: { ...meeting, minutesSignature: strangers } }],
          ] as const) {
            const before = await rowCounts(t.deps);
            const answer = await t.api.request(method, path, { token, body: sent, headers: { 'accept-language': 'en' } });
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
      ['the keeper, minutes unsigned', 422, 'signature-required'],
      ["the keeper, with the clerk's signature", 422, 'signature-invalid'],
    ]);
    for (const x of tries) expect(x.after, x.who).toBe(x.before);
    // The record kept carries the keeper's own signature over the minutes, time-stamped.
    const recorded = (await t.deps.stores.cases.history(report.caseId))
      .map((h) => h.event)
      .find((e): e is Extract<CaseEvent, { type: 'meeting-recorded' }> => e.type === 'meeting-recorded')!;
    const minutes = await t.deps.stores.attachments.body(recorded.meeting.minutes);
    const verified = await verifyCms(new Uint8Array(Buffer.from(recorded.meeting.minutesSignature!, 'base64')), {
      at: new Date(),
      trust: t.demoPki.trust,
      revocation: t.demoPki.revocation,
      data: new Uint8Array(minutes!),
    });
    expect(verified.valid).toBe(true);
    expect(verified.signers[0]!.signedAtSource).toBe('time-stamp');
    const keeper = t.deps.directory.demoUsers.find((u) => u.login === recorded.by)!;
    expect(verified.signers[0]!.subject.iin).toBe(keeper.iin);
  });
});
