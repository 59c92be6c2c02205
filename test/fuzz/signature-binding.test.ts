import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyBase64Cms } from '../../src/signature/adapters/read-signed-document.js';
import { createCms } from '../../src/signature/cms/create-cms.js';
import { verifyCms } from '../../src/signature/cms/verify-cms.js';
import { openDemoPki, type DemoPki } from '../../src/signature/demo-pki/demo-pki.js';
import { rewrapAsAttached } from '../support/rewrap-cms.js';
import { countCase, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, fuzzSummary } from './fuzz-settings.js';

vi.setConfig({ testTimeout: FUZZ_TEST_TIMEOUT_MS });

/** Attached content that differs from the expected bytes: a flipped byte, a cut, bytes appended, or something else entirely. */
function differentFrom(expected: Uint8Array): fc.Arbitrary<{ how: string; bytes: Uint8Array }> {
  return fc
    .tuple(fc.constantFrom('flip', 'truncate', 'append', 'other'), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.uint8Array({ minLength: 1, maxLength: 64 }))
    .map(([how, at, bits, noise]) => {
      const b = new Uint8Array(expected);
      const i = at % b.length;
      if (how === 'flip') b[i] = b[i]! ^ bits;
      if (how === 'truncate') return { how, bytes: b.subarray(0, i) };
      if (how === 'append') return { how, bytes: new Uint8Array([...b, ...noise]) };
      if (how === 'other') return { how, bytes: Buffer.from(noise).equals(Buffer.from(expected)) ? new Uint8Array([...noise, 0]) : noise };
      return { how, bytes: b };
    });
}

describe('a CMS is bound to the bytes the verifier expects', () => {
  let pki: DemoPki;
  beforeAll(async () => {
    pki = await openDemoPki(mkdtempSync(join(tmpdir(), 'reglament-binding-')), {
      organisations: [],
      applicants: [{ id: 'applicant', name: 'Тестов Тест Тестұлы', iin: '850515310013' }],
    });
  }, 60_000);
  afterAll(() => console.log(`[fuzz] signature binding: ${fuzzSummary('bind ')}`));

  const options = () => ({ at: new Date(), trust: pki.trust, revocation: pki.revocation, expected: { iin: '850515310013' } });
  const sign = async (bytes: Uint8Array, detached: boolean) => createCms(bytes, pki.signerOf(pki.signing('applicant')!), { detached, signingTime: new Date() });
  const integrityOf = (report: Awaited<ReturnType<typeof verifyCms>>) => report.signers.flatMap((s) => s.checks).find((c) => c.name === 'integrity');

  it('accepts an attached CMS whose content is the expected bytes exactly (the control)', async () => {
    const expected = new TextEncoder().encode('{"service":"specialist-certificate"}');
    expect((await verifyCms(await sign(expected, false), { ...options(), data: expected })).valid).toBe(true);
    expect((await verifyCms(await sign(expected, true), { ...options(), data: expected })).valid).toBe(true);
  });

  it('refuses any attached CMS whose content differs from the expected bytes, with the reason in three languages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 200 }).chain((expected) => fc.tuple(fc.constant(expected), differentFrom(expected))),
        async ([expected, attached]) => {
          countCase(`bind attached ${attached.how}`);
          // The signer really signed the attached bytes: the signature is valid, but not over what is expected.
          const cms = await sign(attached.bytes, false);
          const report = await verifyCms(cms, { ...options(), data: expected });
          expect(report.valid).toBe(false);
          const integrity = integrityOf(report);
          expect(integrity?.ok).toBe(false);
          expect(integrity?.reason?.en).toMatch(/not the document expected/);
          expect(integrity?.reason?.ru).toMatch(/не тот документ/);
          expect(integrity?.reason?.kk).toMatch(/күтілген құжат емес/);
          // The same through the adapter the application uses.
          expect((await verifyBase64Cms(Buffer.from(cms).toString('base64'), { ...options(), data: expected })).valid).toBe(false);
        },
      ),
      fuzzParameters(120),
    );
  });

  it('refuses an old detached signature re-wrapped with its old content as attached, for new expected bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 200 }).chain((old) => fc.tuple(fc.constant(old), differentFrom(old))),
        async ([old, fresh]) => {
          countCase('bind re-wrapped detached');
          const rewrapped = rewrapAsAttached(await sign(old, true), old);
          // The re-wrapped CMS is a valid attached signature of the old bytes on its own...
          expect((await verifyCms(rewrapped, { ...options(), data: old })).valid).toBe(true);
          // ...and never passes for anything else.
          const report = await verifyCms(rewrapped, { ...options(), data: fresh.bytes });
          expect(report.valid).toBe(false);
          expect(integrityOf(report)?.ok).toBe(false);
        },
      ),
      fuzzParameters(60),
    );
  });
});
