import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/load-catalogue.js';
import { loadClockSet } from '../src/catalogue/load-clock.js';
import { loadDirectory } from '../src/catalogue/load-directory.js';
import type { TChannel, TRegulation, TResultKind } from '../src/core/regulation/schema.js';
import { buildCaseDocument } from '../src/documents/build-case-document.js';
import { buildReceiptDocument } from '../src/documents/build-receipt-document.js';
import { buildRefusalDocument } from '../src/documents/build-refusal-document.js';
import { buildResultDocument } from '../src/documents/build-result-document.js';
import type { CaseDocumentInput } from '../src/documents/case-document-input.js';
import { canonicalDocumentJson } from '../src/documents/canonical-document-json.js';
import { renderDocumentPdf, type DocumentLanguage } from '../src/documents/pdf/render-document-pdf.js';
import { ZResultDocument, type ResultDocument } from '../src/core/documents/result-document.js';
import { sampleApplicant } from '../src/documents/sample/sample-applicant.js';
import { sampleCase, type SampleKind } from '../src/documents/sample/sample-case.js';
import { loadSimulatorSeed } from '../src/gateway/simulator/simulator-seed.js';

const run = promisify(execFile);
// jsqr is CommonJS that declares an ES default export: take the function whichever way it arrives.
type DecodeQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = ((jsQRModule as unknown as { default?: DecodeQr }).default ?? jsQRModule) as unknown as DecodeQr;
const regulations = loadCatalogue().regulations;
const directory = loadDirectory();
const clocks = loadClockSet();
const entities = loadSimulatorSeed().legalEntities;
const BASE_URL = 'https://reglament.test';
const SUBMITTED = Date.parse('2026-03-16T10:00:00+05:00');
const regulation = (id: string) => regulations.find((r) => r.id === id)!;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reglament-documents-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A case run through the engine by the demo people, and what a document of it is built from. */
function caseInput(
  reg: TRegulation,
  kind: SampleKind,
  opts: { variant?: string; channel?: TChannel; applicantName?: string; refusalKind?: TResultKind } = {},
): CaseDocumentInput {
  const applicant = sampleApplicant(reg, directory, entities)!;
  const sample = sampleCase({
    regulation: reg,
    directory,
    clockFor: clocks.clockFor,
    kind,
    variant: opts.variant,
    channel: opts.channel,
    applicant: opts.applicantName ? { ...applicant, name: opts.applicantName } : applicant,
    refusalKind: opts.refusalKind,
    submittedAt: SUBMITTED,
  });
  if (!sample.ok) throw new Error(`${reg.id} ${kind}: ${sample.error.en}`);
  return { ...sample.value, regulation: reg, directory, zone: clocks.clockFor('provider').zone, baseUrl: BASE_URL };
}

function built(result: ReturnType<typeof buildResultDocument>): ResultDocument {
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value;
}

let counter = 0;
/** Renders a document, and reads it back as poppler does: its text, and the QR code on page 1. */
async function renderAndRead(doc: ResultDocument, lang: DocumentLanguage = 'kk') {
  const pdf = await renderDocumentPdf(doc, lang);
  const file = join(dir, `doc-${++counter}.pdf`);
  await writeFile(file, pdf);
  const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  await run('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, join(dir, `page-${counter}`)]);
  const png = PNG.sync.read(await readFile(join(dir, `page-${counter}.png`)));
  const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  return { pdf, file, text: text.replace(/\s+/g, ' '), qr: qr?.data ?? null };
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every variant of every service, ending in its positive result. */
const RESULT_CASES: [string, string, string | undefined][] = regulations.flatMap((r) =>
  r.variants.length ? r.variants.map((v): [string, string, string | undefined] => [`${r.id} (${v.id})`, r.id, v.id]) : [[r.id, r.id, undefined]],
);

describe('result documents: one per service and variant, from a case the engine ran', () => {
  it.each(RESULT_CASES)('%s: Kazakh title, number and applicant in the text; the QR code is the verification URL', async (_, id, variant) => {
    const input = caseInput(regulation(id), 'result', variant ? { variant } : {});
    const doc = built(buildResultDocument(input));
    expect(doc.family).toBe('result');
    expect(doc.number).toBe(input.state.result!.number);
    expect(doc.verificationUrl).toBe(`${BASE_URL}/verify/${doc.number}`);
    const read = await renderAndRead(doc);
    expect(read.text).toContain(flat(doc.title.kk));
    expect(read.text).toContain(doc.number);
    expect(read.text).toContain(input.state.applicant!.name);
    expect(read.qr).toBe(`${BASE_URL}/verify/${doc.number}`);
  });
});

describe('refusals and receipts', () => {
  it('the motivated refusal lists the ground with its clause and the way to appeal, marking what is not known', async () => {
    const input = caseInput(regulation('specialist-certificate'), 'refusal');
    const doc = built(buildRefusalDocument(input));
    expect(doc.kind).toBe('motivated-refusal');
    expect(doc.grounds[0]!.text.kk).toBe('құжаттар пакеті толық емес');
    expect(doc.grounds[0]!.reference.kk).toContain('п. 5.2)');
    expect(doc.grounds[0]!.status).toBe('seed');
    expect(doc.appeal!.status).toBe('unknown');
    const read = await renderAndRead(doc);
    expect(read.text).toContain('Сертификатты беруден бас тарту туралы уәжді жауап');
    expect(read.text).toContain('Бас тарту негіздері');
    expect(read.text).toContain('құжаттар пакеті толық емес');
    expect(read.text).toContain('Шағымдану тәртібі');
    expect(read.text).toContain('анықталмаған');
    expect(read.text).toContain(input.state.applicant!.name);
    expect(read.qr).toBe(`${BASE_URL}/verify/${doc.number}`);
  });

  it('grounds given with a refuse command keep their words and are sourced to the Standard’s clause on grounds', () => {
    const input = caseInput(regulation('specialist-certificate'), 'receipt');
    const at = input.state.receipt + 60_000;
    const history = [
      ...input.history,
      { type: 'refused', at, by: 'committee-astana.executor-1', grounds: ['Дипломның көшірмесі оқылмайды'] },
      { type: 'result-issued', at, kind: 'motivated-refusal', number: `REF-${input.state.id}`, positive: false, baseNumber: undefined },
    ] as const;
    const state = {
      ...input.state,
      status: 'refused' as const,
      step: null,
      result: { kind: 'motivated-refusal' as const, number: `REF-${input.state.id}`, positive: false },
    };
    const doc = built(buildRefusalDocument({ ...input, state, history: [...history] }));
    expect(doc.grounds).toEqual([
      {
        text: { kk: 'Дипломның көшірмесі оқылмайды', ru: 'Дипломның көшірмесі оқылмайды', en: 'Дипломның көшірмесі оқылмайды' },
        reference: { kk: 'Order 294, appendix 1, п. 10', ru: 'Order 294, appendix 1, п. 10', en: 'Order 294, appendix 1, п. 10' },
        status: 'unknown',
      },
    ]);
  });

  it('the Fund’s rejection notice (service 6) is a refusal with its ground from п. 5.2)', async () => {
    const input = caseInput(regulation('gobmp-osms-provider-database'), 'refusal', { refusalKind: 'rejection-notice' });
    const doc = built(buildCaseDocument(input));
    expect(doc.kind).toBe('rejection-notice');
    expect(doc.grounds.map((g) => g.reference.en)).toEqual([expect.stringContaining('п. 5.2)')]);
    const read = await renderAndRead(doc, 'ru');
    expect(read.text).toContain(flat(doc.title.ru));
    expect(read.text).toContain(doc.number);
    expect(read.qr).toBe(doc.verificationUrl);
  });

  it('the receipt refusing acceptance of an incomplete package is given at the State Corporation centre (service 10)', async () => {
    const input = caseInput(regulation('medical-activity-licence'), 'refusal', { variant: 'issue', channel: 'state-corporation' });
    const doc = built(buildReceiptDocument(input));
    expect(doc.kind).toBe('acceptance-refusal-receipt');
    expect(doc.family).toBe('receipt');
    expect(doc.provider.office.kk).toContain('халыққа қызмет көрсету орталығы');
    const read = await renderAndRead(doc);
    expect(read.text).toContain('Өтінішті қабылдаудан бас тарту туралы қолхат');
    expect(read.text).toContain(input.state.applicant!.name);
    expect(read.qr).toBe(doc.verificationUrl);
  });

  it('the receipt of accepted documents (State Corporation, service 8) lists the files, the legal receipt and the due', async () => {
    const input = caseInput(regulation('foreign-specialist-clinical-practice'), 'receipt');
    const content = Buffer.from('diploma');
    const files = [{ fileName: 'диплом.pdf', size: content.length, sha256: createHash('sha256').update(content).digest('hex') }];
    const doc = built(buildReceiptDocument({ ...input, files }));
    expect(doc.kind).toBe('acceptance-receipt');
    expect(doc.number).toBe(input.state.id);
    expect(doc.verificationUrl).toBeNull();
    expect(doc.signatories[0]?.position.kk).toBe(regulation('foreign-specialist-clinical-practice').roles.find((r) => r.id === 'sc-operator')!.title.kk);
    expect(doc.fields.find((f) => f.id === 'due-at')!.value.kk).toMatch(/^2026-\d\d-\d\d \d\d:\d\d:00\+05:00$/);
    const read = await renderAndRead(doc);
    expect(read.text).toContain('Құжаттарды қабылдау туралы қолхат');
    expect(read.text).toContain(input.state.id);
    expect(read.text).toContain(input.state.applicant!.name);
    expect(read.text).toContain('диплом.pdf');
    expect(read.text).toContain(files[0]!.sha256);
    expect(read.qr).toBeNull();
  });

  it('a licence duplicate and a re-registered licence carry their mark and the original number', async () => {
    for (const [variant, mark] of [
      ['duplicate', 'ТЕЛНҰСҚА'],
      ['reissue', 'ҚАЙТА РЕСІМДЕЛДІ'],
    ] as const) {
      const doc = built(buildResultDocument(caseInput(regulation('medical-activity-licence'), 'result', { variant })));
      expect(doc.baseNumber).toBe('LIC-SAMPLE-BASE');
      const read = await renderAndRead(doc, 'kk+ru');
      expect(read.text).toContain(mark);
      expect(read.text).toContain('LIC-SAMPLE-BASE');
      expect(read.text).toContain(variant === 'duplicate' ? 'ДУБЛИКАТ' : 'ПЕРЕОФОРМЛЕНО');
    }
  });

  it('asks for the right document: no result before the end, no result document for a refusal, no refusal for a result', () => {
    const open = caseInput(regulation('specialist-certificate'), 'receipt');
    expect(buildResultDocument(open)).toMatchObject({ ok: false, error: { code: 'no-result' } });
    const refused = caseInput(regulation('specialist-certificate'), 'refusal');
    expect(buildResultDocument(refused)).toMatchObject({
      ok: false,
      error: { code: 'not-a-positive-result', message: { kk: expect.any(String), ru: expect.any(String), en: expect.any(String) } },
    });
    const issued = caseInput(regulation('specialist-certificate'), 'result');
    expect(buildRefusalDocument(issued)).toMatchObject({ ok: false, error: { code: 'not-a-refusal' } });
    expect(buildResultDocument({ ...issued, regulation: regulation('qualification-category') })).toMatchObject({ ok: false, error: { code: 'wrong-service' } });
  });
});

describe('the PDF is built from the machine-readable document', () => {
  it('every Kazakh letter, upper and lower case, renders from the embedded DejaVu Sans subset', async () => {
    const letters = 'Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі';
    const doc = built(buildResultDocument(caseInput(regulation('specialist-certificate'), 'result', { applicantName: `Тест ${letters}` })));
    const read = await renderAndRead(doc);
    expect(read.text).toContain(letters);
    const { stdout: fonts } = await run('pdffonts', [read.file]);
    const rows = fonts.split('\n').filter((l) => l.includes('DejaVuSans'));
    expect(rows.length).toBe(2);
    // "emb" yes and "uni" yes: embedded, with a ToUnicode map (so the text can be found and copied).
    for (const row of rows) expect(row).toMatch(/^DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+(yes|no)\s+yes\b/);
    // Subset: the two faces together weigh ~1.4 MB; the whole PDF holds only the glyphs it uses.
    expect(read.pdf.length).toBeLessThan(120_000);
  });

  it('the canonical JSON is attached to the PDF and its SHA-256 is printed on it; it reads back as the same document', async () => {
    const doc = built(buildResultDocument(caseInput(regulation('clinical-research-permit'), 'result')));
    const json = canonicalDocumentJson(doc);
    expect(ZResultDocument.parse(JSON.parse(json))).toEqual(doc);
    const read = await renderAndRead(doc, 'ru');
    expect(read.text).toContain(createHash('sha256').update(json, 'utf8').digest('hex'));
    await run('pdfdetach', ['-saveall', '-o', dir, read.file]);
    expect(await readFile(join(dir, 'document.json'), 'utf8')).toBe(json);
  });

  it('canonical JSON does not depend on key order, normalises Unicode and changes with the data', () => {
    const doc = built(buildResultDocument(caseInput(regulation('specialist-certificate'), 'result')));
    const reordered = Object.fromEntries(Object.entries(doc).reverse()) as ResultDocument;
    expect(canonicalDocumentJson(reordered)).toBe(canonicalDocumentJson(doc));
    const decomposed = { ...doc, applicant: { ...doc.applicant, name: 'Йе'.normalize('NFD') } };
    const composed = { ...doc, applicant: { ...doc.applicant, name: 'Йе'.normalize('NFC') } };
    expect(canonicalDocumentJson(decomposed)).toBe(canonicalDocumentJson(composed));
    expect(canonicalDocumentJson({ ...doc, number: 'CRT-other' })).not.toBe(canonicalDocumentJson(doc));
    expect(canonicalDocumentJson(doc)).not.toMatch(/\s"|":\s/);
  });

  it('the same document renders to the same bytes', async () => {
    const doc = built(buildResultDocument(caseInput(regulation('qualification-category'), 'result')));
    expect(Buffer.from(await renderDocumentPdf(doc, 'ru')).equals(Buffer.from(await renderDocumentPdf(doc, 'ru')))).toBe(true);
  });

  it('a sample says so on every page, in the language of the page', async () => {
    const doc = { ...built(buildResultDocument(caseInput(regulation('specialist-certificate'), 'result'))), sample: true };
    const read = await renderAndRead(doc, 'kk+ru');
    expect(read.text).toContain('ҮЛГІ — демонстрациялық деректер, заңды күші жоқ');
    expect(read.text).toContain('ОБРАЗЕЦ — демонстрационные данные, юридической силы не имеет');
  });
});
