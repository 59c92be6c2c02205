import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEGATIVE_RESULT_KINDS } from '../src/core/regulation/schema.js';
import { isLeadingRole, signersOf } from '../src/core/engine/duties.js';
import { simulateCase, type SimulatedOutcome } from '../src/http/simulate-case.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

describe.each(DATABASES)('every service end to end through the HTTP API on %s', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database);
  }, 60_000);
  afterAll(async () => t?.close());

  // Every variant and channel each regulation allows, issued and refused.
  const regulations = (() => {
    // The catalogue is loaded again here so the cases can be listed before the app starts.
    return import('../src/catalogue/load-catalogue.js').then((m) => m.loadCatalogue().regulations);
  })();

  it('runs the issued and the refused path of every service, variant and channel', async () => {
    const format = (ms: number) => t.deps.clockFor('provider').zone.format(ms);
    const runs: string[] = [];
    const tokens = new Map<string, string>();
    for (const regulation of await regulations) {
      const variants = regulation.variants.length ? regulation.variants.map((v) => v.id) : [undefined];
      for (const variant of variants) {
        for (const channel of regulation.channels) {
          for (const outcome of ['issued', 'refused'] as SimulatedOutcome[]) {
            const label = `${regulation.id}/${variant ?? '-'}/${channel}/${outcome}`;
            const report = await simulateCase(t.api, { regulation, directory: t.deps.directory, variant, channel, outcome, format, tokens });
            expect(report.status, label).toBe(outcome === 'issued' ? 'satisfied' : 'refused');
            expect(report.result, label).not.toBeNull();
            expect(NEGATIVE_RESULT_KINDS.has(report.result!.kind), label).toBe(outcome === 'refused');
            expect(report.auditVerified, label).toBe(true);
            expect(
              report.steps.every((s) => s.completedAt !== null),
              label,
            ).toBe(true);
            // Every signing step was signed by exactly the roles the definition names, in its order, each by another person.
            const signing = report.steps.filter((s) => s.command === 'sign');
            for (const s of signing) {
              const procedure = regulation.procedures.find((p) => p.id === s.id)!;
              expect(
                s.signers.map((x) => x.role),
                `${label} ${s.id}`,
              ).toEqual(signersOf(procedure));
              expect(new Set(s.signers.map((x) => x.by)).size, `${label} ${s.id}`).toBe(s.signers.length);
            }
            // A result the provider issues bears a leading role's signature (head, department or branch head, chair).
            if (report.result!.kind !== 'acceptance-refusal-receipt') {
              expect(
                signing.flatMap((s) => s.signers).some((x) => isLeadingRole(regulation, x.role)),
                `${label}: ${JSON.stringify(signing)}`,
              ).toBe(true);
            }
            if (outcome === 'issued') {
              const verified = await t.api.request('GET', `/api/registry/${report.result!.number}`);
              expect(verified.status, label).toBe(200);
              expect((verified.json as { verified: boolean }).verified, label).toBe(true);
              // The provider sealed the result, and the registry re-verified that signature over this very number.
              const signature = (verified.json as { signature?: { valid: boolean; documentNumber: string } }).signature;
              expect(signature, label).toMatchObject({ valid: true, documentNumber: report.result!.number });
            }
            runs.push(label);
          }
        }
      }
    }
    // 10 services; their variants × channels, each issued and refused.
    expect(runs.length).toBe(2 * (await regulations).reduce((n, r) => n + Math.max(1, r.variants.length) * r.channels.length, 0));
  }, 300_000);
});
