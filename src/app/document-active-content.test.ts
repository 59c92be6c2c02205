import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { MAX_PDF_INFLATED_BYTES, pdfActiveContent, xmlActiveContent } from './document-active-content.js';

const pdf = (...objects: (string | Buffer)[]) => Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), ...objects.map((o) => (typeof o === 'string' ? Buffer.from(o, 'latin1') : o)), Buffer.from('\n%%EOF\n', 'latin1')]);
const flateStream = (dictionary: string, content: Buffer) => Buffer.concat([Buffer.from(`1 0 obj\n<< ${dictionary} /Filter /FlateDecode >>\nstream\n`, 'latin1'), deflateSync(content), Buffer.from('\nendstream\nendobj\n', 'latin1')]);

describe('active content in documents', () => {
  it('accepts a plain PDF made by a real writer, links and an open action to a page included', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Diploma');
    expect(pdfActiveContent(Buffer.from(await doc.save()))).toBeUndefined();
    expect(pdfActiveContent(pdf('1 0 obj << /Type /Catalog /OpenAction [3 0 R /Fit] >> endobj 2 0 obj << /S /URI /URI (https://egov.kz) >> endobj'))).toBeUndefined();
  });

  it('finds a script a real writer put into a compressed object stream', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.addJavaScript('hello', 'app.alert("hi")');
    const bytes = Buffer.from(await doc.save({ useObjectStreams: true }));
    expect(bytes.toString('latin1')).not.toContain('/JavaScript');
    expect(pdfActiveContent(bytes)).toEqual({ kind: 'pdf-active-content', name: 'JavaScript' });
  });

  it('sees through escaped names and each kind of active content', () => {
    expect(pdfActiveContent(pdf('1 0 obj << /S /J#61vaScript /J#53 (app.alert(1)) >> endobj'))).toEqual({ kind: 'pdf-active-content', name: 'JavaScript' });
    for (const name of ['Launch', 'EmbeddedFile', 'RichMedia', 'XFA', 'SubmitForm', 'ImportData', 'JS']) {
      expect(pdfActiveContent(pdf(`1 0 obj << /A << /S /${name} >> >> endobj`))?.kind, name).toBe('pdf-active-content');
    }
  });

  it('refuses a compression bomb without inflating it whole, and ignores images and damaged streams', () => {
    const bomb = pdf(flateStream('/Type /ObjStm', Buffer.alloc(MAX_PDF_INFLATED_BYTES + 1024)));
    expect(bomb.length).toBeLessThan(200_000);
    expect(pdfActiveContent(bomb)).toEqual({ kind: 'pdf-expands-too-far' });
    expect(pdfActiveContent(pdf(flateStream('/Subtype /Image', Buffer.from('/JavaScript'))))).toBeUndefined();
    expect(pdfActiveContent(pdf('1 0 obj << /Filter /FlateDecode >>\nstream\nnot zlib at all\nendstream endobj'))).toBeUndefined();
  });

  it('refuses XML that declares a document type or entities', () => {
    expect(xmlActiveContent(Buffer.from('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><a>&lol;</a>'))).toEqual({ kind: 'xml-document-type' });
    expect(xmlActiveContent(Buffer.from('<?xml version="1.0"?><doc><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/></doc>'))).toBeUndefined();
  });
});
