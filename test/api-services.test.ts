import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEGATIVE_RESULT_KINDS } from '../src/core/regulation/schema.js';
import { isLeadingRole, signersOf } from '../src/core/engine/duties.js';
import { loadCatalogue } from '../src/catalogue/load-catalogue.js';
import { simulateCase, type SimulatedOutcome } from '../src/http/simulate-case.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** Every variant and channel each regulation allows, issued and refused: one test each, so one failure hides none of the rest. */
const PATHS = loadCatalogue().regulations.flatMap((regulation) =>
  (regulation.variants.length ? regulation.variants.map((v) => v.id) : [undefined]).flatMap((variant) =>
    regulation.channels.flatMap((channel) =>
      (['issued', 'refused'] as SimulatedOutcome[]).map((outcome) => ({
        label: `${regulation.id}/${variant ?? '-'}/${channel}/${outcome}`,
        regulation,
        variant,
        channel,
        outcome,
      })),
    ),
  ),
);

describe.each(DATABASES)('every service end to end through the HTTP API on %s', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database);
  }, 60_000);
  afterAll(async () => t?.close());

  const format = (ms: number) => t.deps.clockFor('provider').zone.format(ms);
  const tokens = new Map<string, string>();

  it.each(PATHS)(
    '$label',
    async ({ label, regulation, variant, channel, outcome }) => {
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
    },
    120_000,
  );
});
