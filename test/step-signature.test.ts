import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/load-catalogue.js';
import type { CaseEvent } from '../src/core/engine/case-events.js';
import type { ApiClient, ApiResponse } from '../src/http/api-client.js';
import { simulateCase } from '../src/http/simulate-case.js';
import { verifyCms } from '../src/signature/cms/verify-cms.js';
import { rowCounts } from './fuzz/api-invariants.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const regulation = loadCatalogue().regulations.find((r) => r.id === 'specialist-certificate')!;

// Until people sign steps with their own keys (a draft to sign, staff IINs), a step's `signature`
// is refused: stored unverified, it made the result document claim an electronic signature.
describe.each(DATABASES)('a signature on a step command on %s', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database);
  }, 60_000);
  afterAll(async () => t?.close());

  it('is refused with 4xx in the asked language, writes nothing, and the result says it was not signed electronically', async () => {
    const refusals: { lang: string; answer: ApiResponse; before: string; after: string }[] = [];
    // The simulation drives the case; at every signing step the same request is first sent with a forged signature.
    const probing: ApiClient = {
      request: async (method, path, options = {}) => {
        const body = options.body as { type?: string } | undefined;
        if (method === 'POST' && path.endsWith('/actions') && body?.type === 'sign') {
          for (const lang of ['kk', 'ru', 'en'] as const) {
            const before = await rowCounts(t.deps);
            const answer = await t.api.request(method, path, {
              ...options,
              body: { ...body, signature: 'THIS-IS-NOT-A-SIGNATURE' },
              headers: { 'accept-language': lang },
            });
            refusals.push({ lang, answer, before, after: await rowCounts(t.deps) });
            if (answer.status < 400) return answer;
          }
        }
        return t.api.request(method, path, options);
      },
    };
    const format = (ms: number) => t.deps.clockFor('provider').zone.format(ms);
    const report = await simulateCase(probing, { regulation, directory: t.deps.directory, outcome: 'issued', format });

    expect(refusals.length).toBeGreaterThanOrEqual(3);
    const expected = { kk: 'қабылданбайды', ru: 'не принимается', en: 'not accepted yet' } as Record<string, string>;
    for (const { lang, answer, before, after } of refusals) {
      expect(answer.status).toBe(422);
      const error = (answer.json as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('signature-invalid');
      expect(error.message).toContain(expected[lang]);
      if (lang !== 'en') expect(error.message).not.toMatch(/[A-Za-z]{3,}/);
      expect(after).toBe(before);
    }

    const history = (await t.deps.stores.cases.history(report.caseId)).map((h) => h.event);
    expect(history.some((e) => e.type === 'step-completed' && e.signature !== undefined)).toBe(false);
    const issued = history.find((e): e is Extract<CaseEvent, { type: 'result-issued' }> => e.type === 'result-issued')!;
    const sealed = await verifyCms(new Uint8Array(Buffer.from(issued.seal!, 'base64')), {
      at: new Date(issued.at),
      trust: t.demoPki.trust,
      revocation: t.demoPki.revocation,
    });
    const document = JSON.parse(new TextDecoder().decode(sealed.content)) as { signer: { electronic: boolean } };
    expect(document.signer.electronic).toBe(false);
  });
});
