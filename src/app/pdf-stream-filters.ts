import { promisify } from 'node:util';
import { constants, inflateRaw } from 'node:zlib';
import { entry, type PdfValue } from './pdf-syntax.js';

// Decoding a PDF stream's filters (ISO 32000-1, 7.4) under a budget of output bytes shared by the
// whole file: whatever a stream says it is, every byte a filter makes is counted.

/** Why a stream was not decoded. */
export type StreamRefusal = 'expands-too-far' | 'unreadable' | 'encrypted';

export class StreamRefused extends Error {
  constructor(readonly reason: StreamRefusal) {
    super(reason);
  }
}

/** The bytes the filters of one file may still produce. */
export class InflateBudget {
  constructor(private left: number) {}
  get remaining(): number {
    return this.left;
  }
  charge(bytes: number): void {
    if (bytes > this.left) throw new StreamRefused('expands-too-far');
    this.left -= bytes;
  }
}

/** Filters whose output is pixels: nothing a reader parses, and decoding them is the viewer's business. */
const IMAGE_CODECS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'CCITTFaxDecode', 'CCF', 'JBIG2Decode']);

const inflateRawAsync = promisify(inflateRaw);

/** Inflates a zlib (or bare deflate) stream; a missing checksum or a cut-off end still yields what it holds, as readers allow. */
async function flate(data: Buffer, budget: InflateBudget): Promise<Buffer> {
  const zlibHeader = data.length >= 2 && (data[0]! & 0x0f) === 8 && ((data[0]! << 8) | data[1]!) % 31 === 0;
  try {
    const out = await inflateRawAsync(zlibHeader ? data.subarray(2) : data, { maxOutputLength: budget.remaining + 1, finishFlush: constants.Z_SYNC_FLUSH });
    budget.charge(out.length);
    return out;
  } catch (e) {
    if (e instanceof StreamRefused) throw e;
    throw new StreamRefused((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'expands-too-far' : 'unreadable');
  }
}

/** Output collected under the budget. */
class Output {
  private chunks: Buffer[] = [];
  constructor(private readonly budget: InflateBudget) {}
  push(bytes: Uint8Array): void {
    this.budget.charge(bytes.length);
    this.chunks.push(Buffer.from(bytes));
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function lzw(data: Buffer, earlyChange: number, budget: InflateBudget): Buffer {
  const out = new Output(budget);
  let table: Uint8Array[] = [];
  const reset = () => {
    table = Array.from({ length: 256 }, (_, i) => Uint8Array.of(i));
    table.push(new Uint8Array(0), new Uint8Array(0)); // 256 clears the table, 257 ends the data
  };
  reset();
  let width = 9;
  let previous: Uint8Array | undefined;
  let bits = 0;
  let held = 0;
  for (let i = 0; ;) {
    while (held < width && i < data.length) {
      bits = ((bits << 8) | data[i++]!) & 0xffffff;
      held += 8;
    }
    if (held < width) break;
    const code = (bits >> (held - width)) & ((1 << width) - 1);
    held -= width;
    if (code === 256) {
      reset();
      width = 9;
      previous = undefined;
      continue;
    }
    if (code === 257) break;
    let current: Uint8Array;
    if (code < table.length) current = table[code]!;
    else if (code === table.length && previous) current = Uint8Array.from([...previous, previous[0]!]);
    else throw new StreamRefused('unreadable');
    out.push(current);
    if (previous && table.length < 4096) table.push(Uint8Array.from([...previous, current[0]!]));
    previous = current;
    if (table.length + earlyChange >= 1 << width && width < 12) width++;
  }
  return out.bytes();
}

function runLength(data: Buffer, budget: InflateBudget): Buffer {
  const out = new Output(budget);
  for (let i = 0; i < data.length;) {
    const n = data[i++]!;
    if (n === 128) break;
    if (n < 128) {
      out.push(data.subarray(i, i + n + 1));
      i += n + 1;
    } else {
      out.push(Buffer.alloc(257 - n, data[i++] ?? 0));
    }
  }
  return out.bytes();
}

function asciiHex(data: Buffer, budget: InflateBudget): Buffer {
  const text = data.toString('latin1');
  const end = text.indexOf('>');
  const digits = (end < 0 ? text : text.slice(0, end)).replace(/[\0\t\n\f\r ]/g, '');
  if (/[^0-9A-Fa-f]/.test(digits)) throw new StreamRefused('unreadable');
  const out = Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex');
  budget.charge(out.length);
  return out;
}

function ascii85(data: Buffer, budget: InflateBudget): Buffer {
  const text = data.toString('latin1').replace(/[\0\t\n\f\r ]/g, '');
  const end = text.indexOf('~>');
  const body = end < 0 ? text : text.slice(0, end);
  const out = new Output(budget);
  let group: number[] = [];
  const flush = (count: number) => {
    let value = 0;
    for (let k = 0; k < 5; k++) value = value * 85 + (group[k] ?? 84);
    if (value > 0xffffffff) throw new StreamRefused('unreadable');
    const word = Buffer.alloc(4);
    word.writeUInt32BE(value);
    out.push(word.subarray(0, count));
    group = [];
  };
  for (const c of body) {
    if (c === 'z' && group.length === 0) {
      out.push(Buffer.alloc(4));
      continue;
    }
    const digit = c.charCodeAt(0) - 33;
    if (digit < 0 || digit > 84) throw new StreamRefused('unreadable');
    group.push(digit);
    if (group.length === 5) flush(4);
  }
  if (group.length === 1) throw new StreamRefused('unreadable');
  if (group.length > 1) flush(group.length - 1);
  return out.bytes();
}

const parm = (parms: PdfValue | undefined, key: string, fallback: number) => entry(parms, key, 'number')?.value ?? fallback;

/** Undoes a PNG or TIFF predictor (7.4.4.4), so the objects in a stream read as a reader reads them. */
function unpredict(data: Buffer, parms: PdfValue | undefined): Buffer {
  const predictor = parm(parms, 'Predictor', 1);
  if (predictor === 1) return data;
  const colors = parm(parms, 'Colors', 1);
  const bpc = parm(parms, 'BitsPerComponent', 8);
  const columns = parm(parms, 'Columns', 1);
  if (![colors, bpc, columns].every((n) => Number.isInteger(n) && n > 0 && n <= 1 << 16)) throw new StreamRefused('unreadable');
  const rowBytes = Math.ceil((colors * bpc * columns) / 8);
  const pixelBytes = Math.max(1, Math.ceil((colors * bpc) / 8));
  if (predictor === 2) {
    if (bpc !== 8) throw new StreamRefused('unreadable');
    const out = Buffer.from(data);
    for (let row = 0; row < out.length; row += rowBytes)
      for (let i = row + colors; i < Math.min(row + rowBytes, out.length); i++) out[i] = (out[i]! + out[i - colors]!) & 0xff;
    return out;
  }
  if (predictor < 10 || predictor > 15) throw new StreamRefused('unreadable');
  const rows: Buffer[] = [];
  let above = Buffer.alloc(rowBytes);
  for (let at = 0; at < data.length; at += rowBytes + 1) {
    const type = data[at]!;
    const row = Buffer.from(data.subarray(at + 1, at + 1 + rowBytes));
    for (let i = 0; i < row.length; i++) {
      const left = i >= pixelBytes ? row[i - pixelBytes]! : 0;
      const up = above[i]!;
      const upLeft = i >= pixelBytes ? above[i - pixelBytes]! : 0;
      if (type === 1) row[i] = (row[i]! + left) & 0xff;
      else if (type === 2) row[i] = (row[i]! + up) & 0xff;
      else if (type === 3) row[i] = (row[i]! + ((left + up) >> 1)) & 0xff;
      else if (type === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        row[i] = (row[i]! + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)) & 0xff;
      } else if (type !== 0) throw new StreamRefused('unreadable');
    }
    rows.push(row);
    above = Buffer.concat([row, Buffer.alloc(rowBytes - row.length)]);
  }
  return Buffer.concat(rows);
}

/** A stream's filters with their parameters, as its dictionary lists them (a name or an array of names; parameters alike). */
export function filtersOf(dict: PdfValue): { name: string; parms: PdfValue | undefined }[] {
  const filter = dict.kind === 'dict' ? dict.entries.get('Filter') : undefined;
  const parms = dict.kind === 'dict' ? dict.entries.get('DecodeParms') : undefined;
  if (filter === undefined || filter.kind === 'other') return [];
  const names = filter.kind === 'name' ? [filter] : filter.kind === 'array' ? filter.items : [filter];
  return names.map((n, i) => {
    // An indirect filter or parameters cannot be followed without the file's cross-reference: refused rather than guessed.
    if (n.kind !== 'name') throw new StreamRefused('unreadable');
    const p = parms?.kind === 'array' ? parms.items[i] : parms;
    if (p?.kind === 'ref') throw new StreamRefused('unreadable');
    return { name: n.value, parms: p?.kind === 'dict' ? p : undefined };
  });
}

/**
 * Decodes a stream's data through its filters, charging every byte produced to the budget. Image
 * codecs end the chain (their pixels are not read); an unknown filter, data that does not decode,
 * or a Crypt filter refuse the stream. `undefined` when the chain ended at an image codec.
 */
export async function decodeStream(data: Buffer, dict: PdfValue, budget: InflateBudget, options: { readsObjects: boolean }): Promise<Buffer | undefined> {
  let bytes = data;
  const filters = filtersOf(dict);
  for (const [i, { name, parms }] of filters.entries()) {
    if (IMAGE_CODECS.has(name)) return undefined;
    if (name === 'Crypt') throw new StreamRefused('encrypted');
    // A predictor only reorders bytes: undone where the bytes are read (objects) or feed another filter, merely counted elsewhere.
    const predicted = (out: Buffer) => (options.readsObjects || i < filters.length - 1 ? unpredict(out, parms) : out);
    if (name === 'FlateDecode' || name === 'Fl') bytes = predicted(await flate(bytes, budget));
    else if (name === 'LZWDecode' || name === 'LZW') bytes = predicted(lzw(bytes, parm(parms, 'EarlyChange', 1), budget));
    else if (name === 'RunLengthDecode' || name === 'RL') bytes = runLength(bytes, budget);
    else if (name === 'ASCIIHexDecode' || name === 'AHx') bytes = asciiHex(bytes, budget);
    else if (name === 'ASCII85Decode' || name === 'A85') bytes = ascii85(bytes, budget);
    else throw new StreamRefused('unreadable');
  }
  return bytes;
}
