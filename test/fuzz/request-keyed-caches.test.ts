import Fastify from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LANGUAGES } from '../../src/core/regulation/schema.js';
import { plannedPathsKept } from '../../src/core/regulation/planned-path.js';
import { handbookCache } from '../../src/documents/handbook/handbook-cache.js';
import { handbookRoutes } from '../../src/http/routes/handbook-routes.js';
import { startTestApp } from '../support/test-app.js';
import { countCase, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, fuzzSummary } from './fuzz-settings.js';

vi.setConfig({ testTimeout: FUZZ_TEST_TIMEOUT_MS });

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** Query values an anonymous client may send: mostly junk, sometimes what the catalogue holds. */
const queryValue = (known: readonly string[]) =>
  fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 30 }) }, { weight: 1, arbitrary: fc.constantFrom(...known) });

describe('caches keyed by what requests name stay within their bounds', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  }, 60_000);
  afterAll(async () => {
    console.log(`[fuzz] request-keyed caches: ${fuzzSummary('cache ')}`);
    await t?.close();
  });

  it('keeps no handbook of an unknown variant, however many are asked for', async () => {
    const handbooks = handbookCache(t.deps.regulations);
    const app = Fastify();
    await handbookRoutes(app, t.deps, handbooks);
    // Two small services, so a known variant is laid out only a few times.
    const services = ['medical-activity-licence', 'specialist-certificate'];
    const variants = [...new Set(t.deps.regulations.filter((r) => services.includes(r.id)).flatMap((r) => r.variants.map((v) => v.id)))];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...services, 'no-such-service'),
        fc.option(queryValue(variants)),
        fc.option(queryValue([...LANGUAGES])),
        fc.constantFrom('bpmn', 'svg'),
        async (id, variant, lang, as) => {
          countCase('cache handbooks');
          const query = new URLSearchParams({ ...(variant !== null ? { variant } : {}), ...(lang !== null ? { lang } : {}) });
          const answer = await app.inject({ method: 'GET', url: `/api/services/${id}/handbook.${as}?${query}` });
          expect([200, 400, 404]).toContain(answer.statusCode);
          expect(handbooks.size).toBeLessThanOrEqual(handbooks.bound);
        },
      ),
      fuzzParameters(300),
    );
    // Bounded by construction: the catalogue's regulations × their variants (or none) × three languages.
    expect(handbooks.bound).toBe(t.deps.regulations.reduce((n, r) => n + Math.max(1, r.variants.length) * LANGUAGES.length, 0));
    await app.close();
  });

  it('keeps no planned path of an unknown variant or channel asked of the timeline', async () => {
    const regulation = t.deps.regulations.find((r) => r.id === 'medical-activity-licence')!;
    await fc.assert(
      fc.asyncProperty(queryValue(regulation.variants.map((v) => v.id)), queryValue(regulation.channels), async (variant, channel) => {
        countCase('cache planned paths');
        const answer = await t.app.inject({ method: 'GET', url: `/api/services/${regulation.id}/timeline?${new URLSearchParams({ variant, channel })}` });
        expect(answer.statusCode).toBeLessThan(500);
        const kept = plannedPathsKept(regulation);
        expect(kept.size).toBeLessThanOrEqual(kept.bound);
      }),
      fuzzParameters(300),
    );
    expect(plannedPathsKept(regulation).bound).toBe((regulation.variants.length + 1) * 3);
  });
});
