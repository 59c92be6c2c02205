import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  encryptedPdfWithScript,
  inflateBombImage,
  scriptBehindNestedDecodeParms,
  scriptInImageMarkedObjectStream,
  utf16XmlWithEntity,
} from '../../test/support/hostile-documents.js';
import { loadCatalogue } from '../catalogue/load-catalogue.js';
import { loadClockSet } from '../catalogue/load-clock.js';
import { loadDirectory } from '../catalogue/load-directory.js';
import { buildCaseDocument } from '../documents/build-case-document.js';
import { buildReceiptDocument } from '../documents/build-receipt-document.js';
import { renderDocumentPdf } from '../documents/pdf/render-document-pdf.js';
import { sampleApplicant } from '../documents/sample/sample-applicant.js';
import { sampleCase, type SampleKind } from '../documents/sample/sample-case.js';
import { loadSimulatorSeed } from '../gateway/simulator/simulator-seed.js';
import { ACTIVE_PDF_NAMES, MAX_PDF_INFLATED_BYTES, pdfActiveContent, xmlActiveContent } from './document-active-content.js';
import { walkPdf } from './pdf-object-walk.js';

const ACTIVE_PDF_NAMES_BUT_EMBEDDED = new Set([...ACTIVE_PDF_NAMES].filter((n) => !n.startsWith('EmbeddedFile')));

const pdf = (...objects: (string | Buffer)[]) =>
  Buffer.concat([
    Buffer.from('%PDF-1.7\n', 'latin1'),
    ...objects.map((o) => (typeof o === 'string' ? Buffer.from(o, 'latin1') : o)),
    Buffer.from('\n%%EOF\n', 'latin1'),
  ]);
const flateStream = (dictionary: string, content: Buffer) =>
  Buffer.concat([
    Buffer.from(`1 0 obj\n<< ${dictionary} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
    deflateSync(content),
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);

/** What a PDF reader runs when the file opens: the scripts pdf.js finds in it. */
async function scriptsAReaderRuns(bytes: Buffer): Promise<unknown> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    return await doc.getJSActions();
  } finally {
    await doc.destroy();
  }
}

/** The PDFs this project writes itself: a result, a refusal and a receipt of one service, in both languages. */
async function projectPdfs(): Promise<Buffer[]> {
  const regulation = loadCatalogue().regulations.find((r) => r.id === 'specialist-certificate')!;
  const directory = loadDirectory();
  const clocks = loadClockSet();
  const applicant = sampleApplicant(regulation, directory, loadSimulatorSeed().legalEntities)!;
  const out: Buffer[] = [];
  for (const kind of ['result', 'refusal', 'receipt'] as SampleKind[]) {
    const sample = sampleCase({ regulation, directory, clockFor: clocks.clockFor, kind, applicant, submittedAt: Date.parse('2026-03-16T10:00:00+05:00') });
    if (!sample.ok) throw new Error(sample.error.en);
    const input = { ...sample.value, regulation, directory, zone: clocks.clockFor('provider').zone, baseUrl: 'https://reglament.test' };
    const doc = kind === 'receipt' ? buildReceiptDocument(input) : buildCaseDocument(input);
    if (!doc.ok) throw new Error(doc.error.message.en);
    out.push(Buffer.from(await renderDocumentPdf(doc.value, 'kk+ru')));
  }
  return out;
}

/** A scan as a plain PDF writer makes it: a page with a PNG picture (and, when asked, its objects in object streams). */
async function scanWithImage(useObjectStreams: boolean): Promise<Buffer> {
  const png = new PNG({ width: 64, height: 48 });
  for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 37) & 0xff;
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(PNG.sync.write(png));
  doc.addPage().drawImage(image, { x: 10, y: 10, width: 320, height: 240 });
  return Buffer.from(await doc.save({ useObjectStreams }));
}

describe('active content in documents', () => {
  it('accepts a plain PDF made by a real writer, links and an open action to a page included', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Diploma');
    expect(await pdfActiveContent(Buffer.from(await doc.save()))).toBeUndefined();
    expect(
      await pdfActiveContent(pdf('1 0 obj << /Type /Catalog /OpenAction [3 0 R /Fit] >> endobj 2 0 obj << /S /URI /URI (https://egov.kz) >> endobj')),
    ).toBeUndefined();
  });

  it('reads the PDFs the project writes itself, finding nothing but the JSON they carry as an embedded file', async () => {
    // Embedded files stay refused (the policy did not change): a result PDF of this service, sent back as an upload, is refused for its attached JSON.
    for (const bytes of await projectPdfs()) {
      expect(await pdfActiveContent(bytes)).toEqual({ kind: 'pdf-active-content', name: 'EmbeddedFile' });
      expect(await walkPdf(bytes, (name) => ACTIVE_PDF_NAMES_BUT_EMBEDDED.has(name), MAX_PDF_INFLATED_BYTES)).toEqual({ kind: 'clean' });
    }
  });

  it('accepts a scan with a picture in it, its objects in object streams or not', async () => {
    for (const objectStreams of [false, true])
      expect(await pdfActiveContent(await scanWithImage(objectStreams)), `object streams ${objectStreams}`).toBeUndefined();
  });

  it('finds a script a real writer put into a compressed object stream', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.addJavaScript('hello', 'app.alert("hi")');
    const bytes = Buffer.from(await doc.save({ useObjectStreams: true }));
    expect(bytes.toString('latin1')).not.toContain('/JavaScript');
    expect(await pdfActiveContent(bytes)).toEqual({ kind: 'pdf-active-content', name: 'JavaScript' });
  });

  it('sees through escaped names and each kind of active content', async () => {
    expect(await pdfActiveContent(pdf('1 0 obj << /S /J#61vaScript /J#53 (app.alert(1)) >> endobj'))).toEqual({
      kind: 'pdf-active-content',
      name: 'JavaScript',
    });
    for (const name of ['Launch', 'EmbeddedFile', 'RichMedia', 'XFA', 'SubmitForm', 'ImportData', 'JS', 'GoToR', 'GoToE']) {
      expect((await pdfActiveContent(pdf(`1 0 obj << /A << /S /${name} >> >> endobj`)))?.kind, name).toBe('pdf-active-content');
    }
  });

  it('refuses a link that opens a file on another host (GoToR to a UNC path), escaped or not', async () => {
    expect(
      await pdfActiveContent(pdf('1 0 obj << /Type /Annot /Subtype /Link /A << /S /GoToR /F (\\\\attacker.example\\share\\x.pdf) /D [0 /Fit] >> >> endobj')),
    ).toEqual({ kind: 'pdf-active-content', name: 'GoToR' });
    expect(await pdfActiveContent(pdf('1 0 obj << /OpenAction << /S /GoTo#52 /F (//attacker.example/x.pdf) >> >> endobj'))).toEqual({
      kind: 'pdf-active-content',
      name: 'GoToR',
    });
    // A go-to within the document itself is harmless and stays allowed.
    expect(await pdfActiveContent(pdf('1 0 obj << /Type /Annot /Subtype /Link /A << /S /GoTo /D [0 /Fit] >> >> endobj'))).toBeUndefined();
  });

  it('refuses a script in an object stream that calls itself an image, which a reader runs', async () => {
    const attack = scriptInImageMarkedObjectStream();
    expect(await scriptsAReaderRuns(attack)).toEqual({ OpenAction: ['app.alert(1)'] });
    expect(await pdfActiveContent(attack)).toEqual({ kind: 'pdf-active-content', name: 'JavaScript' });
  });

  it('refuses a script in an object stream behind a nested /DecodeParms with a predictor, which a reader runs', async () => {
    const attack = scriptBehindNestedDecodeParms();
    expect(await scriptsAReaderRuns(attack)).toEqual({ OpenAction: ['app.alert(1)'] });
    expect(await pdfActiveContent(attack)).toEqual({ kind: 'pdf-active-content', name: 'JavaScript' });
  });

  it('refuses an encrypted PDF, even one that opens without a password and runs a script', async () => {
    const attack = encryptedPdfWithScript();
    expect(await scriptsAReaderRuns(attack)).toEqual({ OpenAction: ['app.alert(1)'] });
    expect(await pdfActiveContent(attack)).toEqual({ kind: 'pdf-encrypted' });
  });

  it('refuses a 200 MB inflate bomb that calls itself an image, without inflating it whole', async () => {
    const bomb = await inflateBombImage();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await pdfActiveContent(bomb)).toEqual({ kind: 'pdf-expands-too-far' });
  });

  it('refuses a compression bomb in an object stream, and ignores what an image holds', async () => {
    const bomb = pdf(flateStream('/Type /ObjStm', Buffer.alloc(MAX_PDF_INFLATED_BYTES + 1024)));
    expect(bomb.length).toBeLessThan(200_000);
    expect(await pdfActiveContent(bomb)).toEqual({ kind: 'pdf-expands-too-far' });
    expect(await pdfActiveContent(pdf(flateStream('/Subtype /Image /Width 11 /Height 1', Buffer.from('/JavaScript'))))).toBeUndefined();
  });

  it('refuses a stream that does not decode: a reader that decodes it anyway may find what a check could not', async () => {
    expect(await pdfActiveContent(pdf('1 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\nnot zlib at all\nendstream endobj'))).toEqual({
      kind: 'pdf-unreadable',
    });
    expect(await pdfActiveContent(pdf('1 0 obj << /Filter /NoSuchDecode >>\nstream\nabc\nendstream endobj'))).toEqual({ kind: 'pdf-unreadable' });
  });

  it('refuses XML that declares a document type or entities', () => {
    expect(xmlActiveContent(Buffer.from('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><a>&lol;</a>'))).toEqual({ kind: 'xml-document-type' });
    expect(xmlActiveContent(Buffer.from('<?xml version="1.0"?><doc><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/></doc>'))).toBeUndefined();
  });

  it('reads XML in UTF-16 with or without a byte-order mark, and refuses a document type in it', () => {
    const little = utf16XmlWithEntity();
    expect(little.subarray(0, 1).toString('latin1')).toBe('<');
    expect(xmlActiveContent(little)).toEqual({ kind: 'xml-document-type' });
    expect(xmlActiveContent(Buffer.concat([Buffer.from([0xff, 0xfe]), little]))).toEqual({ kind: 'xml-document-type' });
    const big = Buffer.from(little).swap16();
    expect(xmlActiveContent(big)).toEqual({ kind: 'xml-document-type' });
    expect(xmlActiveContent(Buffer.concat([Buffer.from([0xfe, 0xff]), big]))).toEqual({ kind: 'xml-document-type' });
    expect(xmlActiveContent(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<!DOCTYPE x><x/>')]))).toEqual({ kind: 'xml-document-type' });
    expect(xmlActiveContent(Buffer.from('<?xml version="1.0" encoding="UTF-16"?><doc/>', 'utf16le'))).toBeUndefined();
  });

  it('refuses XML in an encoding it cannot read', () => {
    expect(xmlActiveContent(Buffer.from('<?xml version="1.0" encoding="UTF-7"?><doc>+ADw-!DOCTYPE x+AD4-</doc>'))).toEqual({ kind: 'xml-encoding' });
    expect(xmlActiveContent(Buffer.from([0x3c, 0, 0, 0, 0x3f, 0, 0, 0]))).toEqual({ kind: 'xml-encoding' });
    expect(xmlActiveContent(Buffer.from('<?xml version="1.0" encoding="windows-1251"?><doc/>'))).toBeUndefined();
  });
});
