import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createDeflate, deflateSync } from 'node:zlib';

// Hostile documents built byte by byte, so no attack file is committed: each is what a probe sent,
// shaped as a reader expects it (offsets, an xref stream, an object stream with /N and /First).

const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** One indirect object's body: a dictionary, or a stream with its dictionary. */
export type PdfBody = string | { readonly dict: string; readonly data: Buffer };

/** A stream body: the data and the dictionary that describes it (its /Length is added). */
export const stream = (dict: string, data: Buffer): PdfBody => ({ dict, data });

const bodyBytes = (body: PdfBody): Buffer =>
  typeof body === 'string'
    ? latin1(body)
    : Buffer.concat([latin1(`<< ${body.dict} /Length ${body.data.length} >>\nstream\n`), body.data, latin1('\nendstream')]);

/**
 * A PDF of numbered objects (1, 2, …) with a cross-reference stream, so objects can also live in
 * an object stream: `compressed` names, for object numbers after the plain ones, the object stream
 * (by number) and the index in it. The xref stream is the last object.
 */
export function pdfFile(objects: readonly PdfBody[], options: { compressed?: readonly { inStream: number; index: number }[]; trailer?: string } = {}): Buffer {
  const parts: Buffer[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const bytes = Buffer.concat([latin1(`${i + 1} 0 obj\n`), bodyBytes(body), latin1('\nendobj\n')]);
    parts.push(bytes);
    at += bytes.length;
  });
  const compressed = options.compressed ?? [];
  const xrefNumber = objects.length + compressed.length + 1;
  const entry = (type: number, a: number, b: number) => {
    const e = Buffer.alloc(7);
    e.writeUInt8(type, 0);
    e.writeUInt32BE(a, 1);
    e.writeUInt16BE(b, 5);
    return e;
  };
  const rows = [entry(0, 0, 0xffff), ...offsets.map((o) => entry(1, o, 0)), ...compressed.map((c) => entry(2, c.inStream, c.index)), entry(1, at, 0)];
  const xref = Buffer.concat([
    latin1(`${xrefNumber} 0 obj\n`),
    bodyBytes(stream(`/Type /XRef /Size ${xrefNumber + 1} /W [1 4 2] /Root 1 0 R ${options.trailer ?? ''}`, Buffer.concat(rows))),
    latin1('\nendobj\n'),
  ]);
  parts.push(xref, latin1(`startxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** An object stream's data: the header of object numbers and offsets, then the objects; and its /N and /First. */
export function objectStreamData(objects: readonly { number: number; body: string }[]): { data: Buffer; n: number; first: number } {
  let offset = 0;
  const header: string[] = [];
  for (const o of objects) {
    header.push(`${o.number} ${offset}`);
    offset += o.body.length + 1;
  }
  const head = `${header.join(' ')}\n`;
  return { data: latin1(head + objects.map((o) => `${o.body}\n`).join('')), n: objects.length, first: head.length };
}

/** An open action that runs a script: what each attack hides. */
export const SCRIPT_ACTION = '<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>';

const catalog = (action: number) => `<< /Type /Catalog /Pages 2 0 R /OpenAction ${action} 0 R >>`;
const PAGES = '<< /Type /Pages /Kids [] /Count 0 >>';

/** A script in a compressed object stream whose dictionary also says it is an image. */
export function scriptInImageMarkedObjectStream(): Buffer {
  const { data, n, first } = objectStreamData([{ number: 4, body: SCRIPT_ACTION }]);
  return pdfFile(
    [catalog(4), PAGES, stream(`/Type /ObjStm /Subtype /Image /Width 1 /Height 1 /N ${n} /First ${first} /Filter /FlateDecode`, deflateSync(data))],
    { compressed: [{ inStream: 3, index: 0 }] },
  );
}

/** PNG "Up" prediction of rows of `columns` bytes, as /Predictor 12 expects before compression. */
export function pngUpPredicted(data: Buffer, columns: number): Buffer {
  const rows: Buffer[] = [];
  for (let at = 0; at < data.length; at += columns) {
    const row = Buffer.alloc(columns);
    data.copy(row, 0, at, Math.min(at + columns, data.length));
    const out = Buffer.alloc(columns + 1);
    out[0] = 2;
    for (let i = 0; i < columns; i++) out[i + 1] = (row[i]! - (at >= columns ? (data[at - columns + i] ?? 0) : 0)) & 0xff;
    rows.push(out);
  }
  return Buffer.concat(rows);
}

/** A script in an object stream whose /DecodeParms is a nested dictionary (and predicted, so its bytes do not show after inflating). */
export function scriptBehindNestedDecodeParms(): Buffer {
  const { data, n, first } = objectStreamData([{ number: 4, body: SCRIPT_ACTION }]);
  const columns = 5;
  const padded = Buffer.concat([data, Buffer.alloc((columns - (data.length % columns)) % columns, 0x20)]);
  return pdfFile(
    [
      catalog(4),
      PAGES,
      stream(
        `/Type /ObjStm /N ${n} /First ${first} /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns ${columns} >>`,
        deflateSync(pngUpPredicted(padded, columns)),
      ),
    ],
    {
      compressed: [{ inStream: 3, index: 0 }],
    },
  );
}

/** The key-derivation hash of PDF 2.0 (ISO 32000-2, 7.6.4.3.4, algorithm 2.B) for AES-256 encryption. */
function hash2B(password: Buffer, salt: Buffer, userKey: Buffer): Buffer {
  let k = createHash('sha256')
    .update(Buffer.concat([password, salt, userKey]))
    .digest();
  for (let round = 0; ; round++) {
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([password, k, userKey])));
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32)).setAutoPadding(false);
    const e = Buffer.concat([cipher.update(k1), cipher.final()]);
    const mod = e.subarray(0, 16).reduce((a, b) => a + b, 0) % 3;
    k = createHash(['sha256', 'sha384', 'sha512'][mod]!).update(e).digest();
    if (round >= 63 && e[e.length - 1]! <= round + 1 - 32) return k.subarray(0, 32);
  }
}

const aes256 = (key: Buffer, iv: Buffer | null, data: Buffer, padding: boolean) => {
  const cipher = createCipheriv(iv ? 'aes-256-cbc' : 'aes-256-ecb', key, iv).setAutoPadding(padding);
  return Buffer.concat([cipher.update(data), cipher.final()]);
};

/**
 * An AES-256 (revision 6) encrypted PDF that opens without a password (the user password is
 * empty) and runs a script: the action sits in an encrypted, compressed object stream, so none of
 * its bytes show.
 */
export function encryptedPdfWithScript(): Buffer {
  const fileKey = randomBytes(32);
  const empty = Buffer.alloc(0);
  const [uValidation, uKey, oValidation, oKey] = [randomBytes(8), randomBytes(8), randomBytes(8), randomBytes(8)];
  const u = Buffer.concat([hash2B(empty, uValidation, empty), uValidation, uKey]);
  const ue = aes256(hash2B(empty, uKey, empty), Buffer.alloc(16), fileKey, false);
  const owner = Buffer.from('owner');
  const o = Buffer.concat([hash2B(owner, oValidation, u), oValidation, oKey]);
  const oe = aes256(hash2B(owner, oKey, u), Buffer.alloc(16), fileKey, false);
  const perms = Buffer.alloc(16);
  perms.writeInt32LE(-4, 0);
  perms.writeUInt32LE(0xffffffff, 4);
  perms.write('Tadb', 8, 'latin1');
  const encryptedPerms = aes256(fileKey, null, perms, false);
  const { data, n, first } = objectStreamData([{ number: 5, body: SCRIPT_ACTION }]);
  const iv = randomBytes(16);
  const sealed = Buffer.concat([iv, aes256(fileKey, iv, deflateSync(data), true)]);
  const hex = (b: Buffer) => `<${b.toString('hex')}>`;
  const encrypt = `<< /Filter /Standard /V 5 /R 6 /Length 256 /CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV3 /Length 32 >> >> /StmF /StdCF /StrF /StdCF /O ${hex(o)} /U ${hex(u)} /OE ${hex(oe)} /UE ${hex(ue)} /P -4 /Perms ${hex(encryptedPerms)} >>`;
  const id = randomBytes(16);
  return pdfFile([catalog(5), PAGES, stream(`/Type /ObjStm /N ${n} /First ${first} /Filter /FlateDecode`, sealed), encrypt], {
    compressed: [{ inStream: 3, index: 0 }],
    trailer: `/Encrypt 4 0 R /ID [${hex(id)} ${hex(id)}]`,
  });
}

/** The zlib compression of `size` zero bytes, made a megabyte at a time so the zeros are never held whole. */
export async function deflatedZeros(size: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const megabyte = Buffer.alloc(1024 * 1024);
  for (let left = size; left > 0; left -= megabyte.length) {
    if (!deflate.write(left >= megabyte.length ? megabyte : megabyte.subarray(0, left))) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(out);
}

/** A 200 MB inflate bomb marked as an image (a picture 10,000 × 20,000 grey pixels) in a file of a few hundred kilobytes. */
export async function inflateBombImage(): Promise<Buffer> {
  const zeros = await deflatedZeros(200 * 1024 * 1024);
  return pdfFile([
    catalog(4),
    PAGES,
    stream('/Type /XObject /Subtype /Image /Width 10000 /Height 20000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', zeros),
  ]);
}

/** XML declaring an entity, encoded as UTF-16LE without a byte-order mark: its first byte is still "<". */
export const utf16XmlWithEntity = (): Buffer => Buffer.from('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', 'utf16le');
