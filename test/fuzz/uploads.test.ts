import { deflateRawSync, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src/app/upload-attachment.js';
import { multipartBody } from '../../src/http/api-client.js';
import { LANGUAGES, type TLanguage } from '../../src/core/regulation/schema.js';
import {
  encryptedPdfWithScript,
  inflateBombImage,
  objectStreamData,
  pdfFile,
  pngUpPredicted,
  scriptBehindNestedDecodeParms,
  scriptInImageMarkedObjectStream,
  stream,
  utf16XmlWithEntity,
} from '../support/hostile-documents.js';
import { startTestApp } from '../support/test-app.js';
import { expectHandled, rowCounts } from './api-invariants.js';
import { countCase, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, fuzzSummary } from './fuzz-settings.js';

vi.setConfig({ testTimeout: FUZZ_TEST_TIMEOUT_MS });

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

const BOUNDARY = '----reglament-boundary';
const MAGIC = {
  pdf: '%PDF-1.4\n',
  jpeg: '\xff\xd8\xff\xe0',
  png: '\x89PNG\r\n\x1a\n',
  cms: '\x30\x82',
  xml: '<?xml version="1.0"?>',
  zip: 'PK\x03\x04',
  exe: 'MZ\x90\x00',
  elf: '\x7fELF',
} as const;
const DECLARED = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/pkcs7-signature',
  'application/xml',
  'application/zip',
  'application/x-msdownload',
  'text/html',
  'image/svg+xml',
  'application/octet-stream',
  'APPLICATION/PDF; charset=x',
  '',
];

/** A zip archive with one entry that inflates a thousandfold: refused by type, never opened. */
function zipBomb(): Buffer {
  const data = deflateRawSync(Buffer.alloc(32 * 1024 * 1024));
  const name = Buffer.from('bomb.pdf');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(32 * 1024 * 1024, 22);
  local.writeUInt16LE(name.length, 26);
  return Buffer.concat([local, name, data]);
}

/** A PDF whose object stream holds what is given (a script to hide, or a compression bomb). */
const pdfWithStream = (content: Buffer) =>
  pdfFile([
    '<< /Type /Catalog >>',
    stream(`/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode`, deflateSync(Buffer.concat([Buffer.from('3 0\n', 'latin1'), content]))),
  ]);

/** The filters a stream may be wrapped in, applied in turn: each encodes, and names itself (with parameters) for the dictionary. */
const ENCODINGS = {
  flate: { name: '/FlateDecode', parms: 'null', encode: (b: Buffer) => deflateSync(b) },
  predicted: {
    name: '/FlateDecode',
    parms: '<< /Predictor 12 /Columns 7 >>',
    encode: (b: Buffer) => deflateSync(pngUpPredicted(Buffer.concat([b, Buffer.alloc((7 - (b.length % 7)) % 7, 0x20)]), 7)),
  },
  hex: { name: '/ASCIIHexDecode', parms: 'null', encode: (b: Buffer) => Buffer.from(`${b.toString('hex')}>`, 'latin1') },
  runLength: {
    name: '/RunLengthDecode',
    parms: 'null',
    encode: (b: Buffer) =>
      Buffer.concat([
        ...Array.from({ length: Math.ceil(b.length / 128) }, (_, i) =>
          Buffer.concat([Buffer.from([Math.min(128, b.length - i * 128) - 1]), b.subarray(i * 128, i * 128 + 128)]),
        ),
        Buffer.from([128]),
      ]),
  },
} as const;
type Encoding = keyof typeof ENCODINGS;

/** A stream dictionary's /Filter and /DecodeParms for encodings applied first to last (a reader undoes them last to first). */
function encoded(data: Buffer, encodings: readonly Encoding[]): { data: Buffer; filters: string } {
  let bytes = data;
  for (const e of encodings) bytes = ENCODINGS[e].encode(bytes);
  const reversed = [...encodings].reverse().map((e) => ENCODINGS[e]);
  return reversed.length === 0
    ? { data: bytes, filters: '' }
    : { data: bytes, filters: `/Filter [${reversed.map((e) => e.name).join(' ')}] /DecodeParms [${reversed.map((e) => e.parms).join(' ')}]` };
}

describe('hostile uploads', () => {
  let t: TestApp;
  let token = '';

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    token = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'doctor.askar', password: t.deps.directory.demoPassword } })).json<{
      token: string;
    }>().token;
  }, 60_000);
  afterAll(async () => {
    console.log(`[fuzz] uploads: ${fuzzSummary('upload ')}`);
    await t?.close();
  });

  const upload = async (file: { fileName: string; mediaType: string; body: Buffer }, lang: TLanguage, heading: string, payload?: Buffer) => {
    countCase(`upload ${heading}`);
    const before = await rowCounts(t.deps);
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { authorization: `Bearer ${token}`, 'accept-language': lang, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: payload ?? multipartBody(file),
    });
    expectHandled(answer, lang, `${heading} ${file.mediaType} ${file.fileName}`);
    if (answer.statusCode >= 400) expect(await rowCounts(t.deps)).toBe(before);
    return answer;
  };

  it('refuses wrong types, renamed files and mismatched contents, and keeps what matches', async () => {
    const lang = fc.constantFrom<TLanguage>(...LANGUAGES);
    const body = fc
      .tuple(fc.constantFrom(...Object.values(MAGIC), ''), fc.uint8Array({ maxLength: 300 }))
      .map(([magic, rest]) => Buffer.concat([Buffer.from(magic, 'latin1'), Buffer.from(rest)]));
    const fileName = fc
      .oneof(fc.string({ maxLength: 40 }), fc.constantFrom('../../etc/passwd', 'a\\b.pdf', 'x.pdf.exe', '', '%00.pdf', 'диплом.pdf'))
      .map((s) => s.replace(/["\r\n]/g, '_'));
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(...DECLARED), fileName, lang, async (bytes, mediaType, name, language) => {
        const answer = await upload({ fileName: name, mediaType, body: bytes }, language, 'typed files');
        if (answer.statusCode === 201) {
          // Accepted only when the declared type is allowed and the bytes begin as that type says.
          const kept = answer.json<{ mediaType: string; fileName: string }>();
          expect(['application/pdf', 'image/jpeg', 'image/png', 'application/pkcs7-signature', 'application/xml']).toContain(kept.mediaType);
          expect(kept.fileName).not.toMatch(/[\\/\0]/);
        }
      }),
      fuzzParameters(300),
    );
  });

  it('accepts XML that opens with a byte-order mark, in UTF-16, or after white space; refuses what only pretends to be XML', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<statement>Өтініш</statement>\n';
    const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]);
    const bom16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('UTF-8', 'UTF-16'), 'utf16le')]);
    const leading = Buffer.from(`\r\n  ${xml}`);
    for (const [name, body] of [
      ['utf-8 bom', bom8],
      ['utf-16 bom', bom16],
      ['leading white space', leading],
      ['bom then line break', Buffer.concat([bom8.subarray(0, 3), Buffer.from('\n'), Buffer.from(xml)])],
    ] as const) {
      expect((await upload({ fileName: 'export.xml', mediaType: 'application/xml', body }, 'en', 'xml openings')).statusCode, name).toBe(201);
    }
    for (const body of [Buffer.from('hello <x/>'), Buffer.concat([bom8.subarray(0, 3), Buffer.from('MZ\x90\x03')]), Buffer.from('\n\nMZ')]) {
      const refused = await upload({ fileName: 'fake.xml', mediaType: 'application/xml', body }, 'kk', 'xml openings');
      expect(refused.statusCode).toBe(415);
      expect(refused.json<{ error: { message: string } }>().error.message).toBe('Файлдың мазмұны application/xml түріне сәйкес келмейді.');
    }
  });

  it('refuses PDFs with active content however it is hidden', async () => {
    const names = ['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'RichMedia', 'XFA', 'SubmitForm'];
    // Escape any letters of the name as #xx, as PDF allows, to dodge a plain text search.
    const escaped = fc
      .tuple(fc.constantFrom(...names), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }))
      .map(([n, esc]) => [...n].map((c, i) => (esc[i] ? `#${c.charCodeAt(0).toString(16)}` : c)).join(''));
    const where = fc.constantFrom('plain', 'compressed');
    await fc.assert(
      fc.asyncProperty(escaped, where, fc.constantFrom<TLanguage>(...LANGUAGES), async (name, place, language) => {
        const object = `<< /Type /Action /S /${name} /JS (app.alert(1)) >>`;
        const body =
          place === 'plain' ? Buffer.from(`%PDF-1.7\n1 0 obj\n${object}\nendobj\n%%EOF\n`, 'latin1') : pdfWithStream(Buffer.from(`1 0 ${object}`, 'latin1'));
        const answer = await upload({ fileName: 'statement.pdf', mediaType: 'application/pdf', body }, language, 'active PDFs');
        expect(answer.statusCode).toBe(415);
        expect(answer.json<{ error: { code: string } }>().error.code).toBe('attachment-type');
      }),
      fuzzParameters(100),
    );
  });

  it('refuses the five files of the probe, each with a 4xx in the asked language, keeping nothing', async () => {
    const attacks = {
      'script in an image-marked object stream': scriptInImageMarkedObjectStream(),
      'script behind nested /DecodeParms': scriptBehindNestedDecodeParms(),
      'encrypted with an empty user password': encryptedPdfWithScript(),
      '200 MB inflate bomb marked as an image': await inflateBombImage(),
    };
    for (const [what, body] of Object.entries(attacks)) {
      for (const lang of LANGUAGES) {
        const answer = await upload({ fileName: 'scan.pdf', mediaType: 'application/pdf', body }, lang, 'probe files');
        expect(answer.statusCode, what).toBe(415);
      }
    }
    const encrypted = await upload(
      { fileName: 'scan.pdf', mediaType: 'application/pdf', body: attacks['encrypted with an empty user password'] },
      'en',
      'probe files',
    );
    expect(encrypted.json<{ error: { message: string } }>().error.message).toContain('Remove the password/encryption');
    const xml = await upload({ fileName: 'signed.xml', mediaType: 'application/xml', body: utf16XmlWithEntity() }, 'kk', 'probe files');
    expect(xml.statusCode).toBe(415);
    expect(xml.json<{ error: { message: string } }>().error.message).toMatch(/DOCTYPE/);
  });

  it('refuses active-content names hidden by any mix of escapes, object streams, nested filters and image labels', async () => {
    const names = ['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'RichMedia', 'XFA', 'SubmitForm', 'ImportData'];
    const escapedName = fc
      .tuple(fc.constantFrom(...names), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.boolean())
      .map(([n, esc, upper]) => [...n].map((c, i) => (esc[i] ? `#${c.charCodeAt(0).toString(16)[upper ? 'toUpperCase' : 'toLowerCase']()}` : c)).join(''));
    const encodings = fc.array(fc.constantFrom<Encoding>(...(Object.keys(ENCODINGS) as Encoding[])), { maxLength: 3 });
    const label = fc.constantFrom('', '/Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8', '/Type /XObject /Subtype /Image', '/Subtype /Form');
    const placing = fc.constantFrom('object stream', 'object stream without its type', 'plain object');
    await fc.assert(
      fc.asyncProperty(escapedName, encodings, label, placing, fc.constantFrom<TLanguage>(...LANGUAGES), async (name, chain, extra, place, language) => {
        const action = `<< /Type /Action /S /${name} /JS (app.alert\\(1\\)) >>`;
        let body: Buffer;
        if (place === 'plain object') body = pdfFile([`<< /Type /Catalog /OpenAction 2 0 R >>`, action]);
        else {
          const { data, n, first } = objectStreamData([{ number: 3, body: action }]);
          const { data: bytes, filters } = encoded(data, chain);
          const type = place === 'object stream' ? '/Type /ObjStm' : '';
          body = pdfFile(['<< /Type /Catalog /OpenAction 3 0 R >>', stream(`${type} ${extra} /N ${n} /First ${first} ${filters}`, bytes)], {
            compressed: [{ inStream: 2, index: 0 }],
          });
        }
        const answer = await upload({ fileName: 'statement.pdf', mediaType: 'application/pdf', body }, language, 'hidden active names');
        expect(answer.statusCode, `${name} ${chain.join('+')} ${extra} ${place}`).toBe(415);
        expect(answer.json<{ error: { code: string } }>().error.code).toBe('attachment-type');
      }),
      fuzzParameters(150),
    );
  });

  it('answers any damaged or rearranged PDF without a server error, and keeps a plain one', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Diploma');
    const plain = Buffer.from(await doc.save({ useObjectStreams: true }));
    const kept = await upload({ fileName: 'diploma.pdf', mediaType: 'application/pdf', body: plain }, 'ru', 'damaged PDFs');
    expect(kept.statusCode).toBe(201);
    const pieces = fc.constantFrom(
      '<<',
      '>>',
      '[',
      ']',
      '(',
      ')',
      '\\',
      '<',
      '>',
      '/',
      '/J#61vaScript',
      '/Length 999999',
      '/Length 3 0 R',
      '/Filter /FlateDecode',
      '/Type /ObjStm',
      '/N 99',
      '/First 2',
      '/Encrypt',
      'stream\n',
      'endstream',
      'obj',
      'endobj',
      '1 0 obj',
      'trailer',
      '%',
      '\n',
      ' ',
      '#',
    );
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.array(pieces, { maxLength: 8 }).map((p) => p.join(' ')) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.nat({ max: 255 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.constantFrom<TLanguage>(...LANGUAGES), async (mutations, language) => {
        let bytes = Buffer.from(plain);
        for (const m of mutations) {
          const at = 9 + (m.at % Math.max(1, bytes.length - 9)); // the header stays, so the type check passes and the PDF check is what answers
          if (m.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text, 'latin1'), bytes.subarray(at)]);
          else if (m.kind === 'cut') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
          else bytes[at] = m.byte;
        }
        await upload({ fileName: 'diploma.pdf', mediaType: 'application/pdf', body: bytes }, language, 'damaged PDFs');
      }),
      fuzzParameters(200),
    );
  });

  it('refuses bombs, oversized documents and several files at once, in the asked language', async () => {
    const bomb = await upload({ fileName: 'scan.zip', mediaType: 'application/zip', body: zipBomb() }, 'ru', 'bombs');
    expect(bomb.statusCode).toBe(415);
    const disguised = await upload({ fileName: 'scan.pdf', mediaType: 'application/pdf', body: zipBomb() }, 'kk', 'bombs');
    expect(disguised.statusCode).toBe(415);
    const pdfBomb = await upload({ fileName: 'scan.pdf', mediaType: 'application/pdf', body: pdfWithStream(Buffer.alloc(80 * 1024 * 1024)) }, 'en', 'bombs');
    expect(pdfBomb.json<{ error: { message: string } }>().error.message).toContain('expand');
    const xmlBomb = await upload(
      {
        fileName: 'a.xml',
        mediaType: 'application/xml',
        body: Buffer.from('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><x>&b;</x>'),
      },
      'en',
      'bombs',
    );
    expect(xmlBomb.statusCode).toBe(415);

    const huge = await upload(
      { fileName: 'big.pdf', mediaType: 'application/pdf', body: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_ATTACHMENT_BYTES)]) },
      'ru',
      'oversized',
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json<{ error: { message: string } }>().error.message).toMatch(/^Документ/);

    const one = multipartBody({ fileName: 'a.pdf', mediaType: 'application/pdf', body: Buffer.from('%PDF-1.4\n%%EOF\n') });
    const two = Buffer.concat([one.subarray(0, one.length - `--${BOUNDARY}--\r\n`.length), one.subarray(0, one.length)]);
    const several = await upload({ fileName: 'a.pdf', mediaType: 'application/pdf', body: Buffer.alloc(0) }, 'kk', 'several files', two);
    expect(several.statusCode).toBeLessThan(500);
  });

  it('answers a truncated or garbled multipart stream without a server error', async () => {
    const valid = multipartBody({ fileName: 'a.pdf', mediaType: 'application/pdf', body: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: valid.length }),
        fc.uint8Array({ maxLength: 40 }),
        fc.nat({ max: valid.length }),
        fc.constantFrom<TLanguage>(...LANGUAGES),
        async (cut, noise, at, language) => {
          const garbled = Buffer.concat([valid.subarray(0, Math.min(at, cut)), Buffer.from(noise), valid.subarray(Math.min(at, cut), cut)]);
          await upload({ fileName: 'a.pdf', mediaType: 'application/pdf', body: Buffer.alloc(0) }, language, 'garbled multipart', garbled);
        },
      ),
      fuzzParameters(200),
    );
  });
});
