import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCase, fuzzParameters, fuzzSummary } from './fuzz/fuzz-settings.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

// Two holders the public cannot tell apart: the same name and the same visible last four digits.
const HIDDEN_A = '850515310013';
const HIDDEN_B = '120101990013';
// A legal entity's BIN is public (the national register of legal entities publishes it).
const ENTITY_BIN = '090440010017';

describe.each(DATABASES)('the public registry search reveals nothing beyond the masked identifier, on %s', (database) => {
  let t: TestApp;
  const search = async (text: string) =>
    ((await t.api.request('GET', `/api/registry?text=${encodeURIComponent(text)}`)).json as { entries: { number: string }[] }).entries
      .map((e) => e.number)
      .sort();
  beforeAll(async () => {
    t = await startTestApp(database);
    for (const [number, iin] of [
      ['RGX-QA', HIDDEN_A],
      ['RGX-QB', HIDDEN_B],
      ['RGX-QC', ENTITY_BIN],
    ] as const) {
      await t.deps.stores.db.run(
        'INSERT INTO registry_entries (number, kind, service, variant, case_id, office_id, holder_identifier, holder_name, issued_at, base_number, final_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [number, 'certificate', 'specialist-certificate', null, `case-${number}`, 'committee-astana', iin, 'Ұқсас Адам', 1_700_000_000_000, null, 'x'],
      );
    }
  }, 60_000);
  afterAll(async () => t?.close());

  it('does not let wildcards test hidden digits one at a time', async () => {
    expect(await search('85%0013')).toEqual([]);
    expect(await search('8_______0013')).toEqual([]);
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect(await search('851%')).toEqual([]);
  });

  it('finds a holder by the visible digits or the masked form, and an organisation by its whole BIN', async () => {
    expect(await search('0013')).toEqual(['RGX-QA', 'RGX-QB']);
    expect(await search('********0013')).toEqual(['RGX-QA', 'RGX-QB']);
    expect(await search('013')).toEqual(['RGX-QA', 'RGX-QB']);
    expect(await search('9013')).toEqual([]);
    expect(await search(ENTITY_BIN)).toEqual(['RGX-QC']);
    expect(await search('0017')).toEqual(['RGX-QC']);
  });

  it('finds a holder by a Kazakh or Russian name in any case', async () => {
    expect(await search('ҰҚСАС')).toEqual(['RGX-QA', 'RGX-QB', 'RGX-QC']);
    expect(await search('ұқсас адам')).toEqual(['RGX-QA', 'RGX-QB', 'RGX-QC']);
    expect(await search('ҰҚСАС ЖОҚ')).toEqual([]);
  });

  it("never confirms a person's whole IIN: one who knows the birth date and the last four cannot try the rest", async () => {
    // 850515 (birth date) + 3 (century and sex) + the serial + 0013 as shown: try the serials.
    const candidates = ['850515310013', '850515300013', '850515320013'];
    for (const candidate of candidates) expect(await search(candidate)).toEqual([]);
    expect(await search(HIDDEN_B)).toEqual([]);
  });

  it('answers any query alike for two holders who differ only in hidden digits', async () => {
    const alphabet = fc.constantFrom(...'0123456789%_*\\ -RGXАқ'.split(''));
    // Random texts, and the whole IINs themselves among them.
    const texts = fc.oneof(fc.string({ unit: alphabet, minLength: 1, maxLength: 14 }), fc.constantFrom(HIDDEN_A, HIDDEN_B, ` ${HIDDEN_A} `));
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        countCase('registry search: hidden digits');
        const found = await search(text);
        const a = found.includes('RGX-QA');
        const b = found.includes('RGX-QB');
        expect(a).toBe(b);
      }),
      fuzzParameters(database === 'sqlite' ? 200 : 100),
    );
    console.log(`registry search fuzz on ${database}: ${fuzzSummary('registry search')}`);
  }, 60_000);
});
