import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultSealer } from '../src/app/ports/result-sealer.js';
import { loadCatalogue } from '../src/catalogue/load-catalogue.js';
import { simulateCase } from '../src/http/simulate-case.js';
import { subjectOf } from '../src/signature/certificate/describe-certificate.js';
import { createCms } from '../src/signature/cms/create-cms.js';
import { attachedContent, parseSignedData } from '../src/signature/cms/verify-cms.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
type Text = { kk: string; ru: string; en: string };
interface Verification {
  verified: boolean;
  entry: { number: string; kind: string; holderName: string | null };
  document?: { number: string; kind: string; holder: { name: string; identifier: string | null }; issuedAt: string; provider: { organisation: Text } };
  signature?: { valid: boolean; checks: { name: string; ok: boolean; reason?: Text }[] };
  problems: Text[];
}
const regulation = loadCatalogue().regulations.find((r) => r.id === 'specialist-certificate')!;

// The registry row is only an index: what /verify shows and whether it says "valid" comes from the
// case file and the provider's signed document, and the seal must be the providing organisation's.
describe.each(DATABASES)('verifying a registry number on %s', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database);
  }, 60_000);
  afterAll(async () => t?.close());

  const issue = async () => {
    const format = (ms: number) => t.deps.clockFor('provider').zone.format(ms);
    return simulateCase(t.api, { regulation, directory: t.deps.directory, outcome: 'issued', format });
  };
  const verify = async (number: string) => (await t.api.request('GET', `/api/registry/${encodeURIComponent(number)}`)).json as Verification;
  const sql = (statement: string, params: (string | number)[]) => t.deps.stores.db.run(statement, params);
  const providerOf = (officeId: string) =>
    t.deps.directory.organisations.find((o) => o.id === t.deps.directory.offices.find((f) => f.id === officeId)!.organisation)!;

  it("gives every organisation's result certificate its BIN from the directory", () => {
    for (const organisation of t.deps.directory.organisations) {
      expect(organisation.bin, organisation.id).toMatch(/^\d{12}$/);
      expect(subjectOf(t.demoPki.signing(organisation.id)!.certificate.cert.subject).bin, organisation.id).toBe(organisation.bin);
    }
  });

  it('shows the signed document, and refuses a row edited to another holder, kind or number', async () => {
    const report = await issue();
    const number = report.result!.number;
    const genuine = await verify(number);
    expect(genuine.problems).toEqual([]);
    expect(genuine.verified).toBe(true);
    expect(genuine.document).toMatchObject({
      number,
      kind: genuine.entry.kind,
      holder: { name: genuine.entry.holderName, identifier: expect.stringMatching(/^\*{8}\d{4}$/) },
    });
    expect(genuine.document!.provider.organisation.kk).toBe(providerOf((await t.deps.stores.cases.load(report.caseId))!.officeId).title.kk);

    await sql('UPDATE registry_entries SET holder_name = ? WHERE number = ?', ['Подставной Иван Иванович', number]);
    const holder = await verify(number);
    expect(holder.verified).toBe(false);
    expect(holder.entry.holderName).toBe('Подставной Иван Иванович');
    expect(holder.document!.holder.name).toBe(genuine.document!.holder.name);
    expect(holder.problems.map((p) => p.ru)).toContain('Имя владельца в реестре не совпадает с подписанным документом');
    expect(holder.problems.map((p) => p.kk)).toContain('Тізілімдегі иесінің аты-жөні қол қойылған құжаттағыдан өзгеше');
    expect(holder.problems.map((p) => p.en)).toContain("The registry's holder's name differs from the signed document");
    await sql('UPDATE registry_entries SET holder_name = ? WHERE number = ?', [genuine.entry.holderName!, number]);
    expect((await verify(number)).verified).toBe(true);

    await sql('UPDATE registry_entries SET kind = ? WHERE number = ?', ['licence', number]);
    const kind = await verify(number);
    expect(kind.verified).toBe(false);
    expect(kind.document!.kind).toBe(genuine.entry.kind);
    expect(kind.problems.map((p) => p.en)).toContain("The registry's kind of document differs from the signed document");
    await sql('UPDATE registry_entries SET kind = ? WHERE number = ?', [genuine.entry.kind, number]);

    const forged = `${number}-X`;
    await sql('UPDATE registry_entries SET number = ? WHERE number = ?', [forged, number]);
    const renumbered = await verify(forged);
    expect(renumbered.verified).toBe(false);
    expect(renumbered.document!.number).toBe(number);
    expect(renumbered.problems.map((p) => p.en)).toContain("The registry's number differs from the signed document");
  });

  it("refuses a result sealed with another organisation's trusted key", async () => {
    const deps = t.deps as { sealer: ResultSealer | undefined };
    const own = deps.sealer!;
    const stranger = t.deps.directory.organisations.find((o) => o.id === 'social-health-insurance-fund')!;
    // The same document, signed by a certificate the trust store accepts, but not the provider's.
    deps.sealer = {
      documentAfter: (state, pending) => own.documentAfter(state, pending),
      seal: async (state, issued, pending) => {
        const content = attachedContent(parseSignedData(new Uint8Array(Buffer.from((await own.seal(state, issued, pending))!, 'base64'))))!;
        return Buffer.from(
          await createCms(content, t.demoPki.signerOf(t.demoPki.signing(stranger.id)!), { detached: false, signingTime: new Date(issued.at) }),
        ).toString('base64');
      },
    };
    let number: string;
    try {
      number = (await issue()).result!.number;
    } finally {
      deps.sealer = own;
    }
    const answer = await verify(number);
    expect(answer.verified).toBe(false);
    expect(answer.signature!.valid).toBe(false);
    const identity = answer.signature!.checks.find((c) => c.name === 'identity-match');
    expect(identity).toMatchObject({ ok: false });
    expect(identity!.reason!.ru).toContain(stranger.bin!);
    expect(answer.problems.map((p) => p.ru)).toContain('Электронная подпись услугодателя не подтверждена');
  });
});
