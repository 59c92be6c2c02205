import { decodeStream, InflateBudget, StreamRefused } from './pdf-stream-filters.js';
import { entry, PdfLexer, PdfSyntaxError, PdfUnreadable, ReadingMeter, readValue, type PdfValue } from './pdf-syntax.js';

/** What walking every object of a PDF found. */
export type PdfWalkOutcome =
  | { readonly kind: 'clean' }
  | { readonly kind: 'name-refused'; readonly name: string }
  | { readonly kind: 'encrypted' }
  | { readonly kind: 'expands-too-far' }
  | { readonly kind: 'unreadable' };

/**
 * Where a reader may begin an object: every `N G obj` in the bytes, wherever it stands (also inside
 * a string or after a broken cross-reference), as a reader rebuilding a damaged file finds them.
 * The cross-reference itself is not trusted, so an object it hides or one a later revision
 * overrides is walked all the same.
 */
const OBJECT_HEADER = /(\d{1,10})(?:[\0\t\n\f\r ]|%[^\r\n]*[\r\n])+(\d{1,5})(?:[\0\t\n\f\r ]|%[^\r\n]*[\r\n])*obj/g;
/** Keywords that end an object for a reader: its own end, or the start of what follows it. */
const OBJECT_ENDS = new Set(['endobj', 'obj', 'xref', 'trailer', 'startxref']);
/** A check reads each byte about once; overlapping objects may make it read some again, never without end. */
const READINGS_PER_BYTE = 4;

interface FoundStream {
  readonly dict: PdfValue;
  readonly data: Buffer;
}

/** Offsets of every occurrence of a word, ascending. */
function offsetsOf(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) out.push(at);
  return out;
}

/** The first offset in an ascending list at or after a position. */
function firstAtOrAfter(sorted: readonly number[], position: number): number | undefined {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < position) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

const isObjectStream = (dict: PdfValue) =>
  entry(dict, 'Type', 'name')?.value === 'ObjStm' || (dict.kind === 'dict' && dict.entries.has('N') && dict.entries.has('First'));

/**
 * Walks every object of a PDF: each indirect object and trailer in the file, then each stream
 * decoded within `maxInflatedBytes` (all streams together, images too), and the objects inside
 * object streams at the offsets a reader uses. Every name met anywhere (escapes decoded) is put to
 * `refused`; an encrypted file is reported before any of its streams is decoded.
 */
export async function walkPdf(bytes: Buffer, refused: (name: string) => boolean, maxInflatedBytes: number): Promise<PdfWalkOutcome> {
  const text = bytes.toString('latin1');
  const meter = new ReadingMeter(READINGS_PER_BYTE * bytes.length + 1024 * 1024);
  const names = new Set<string>();
  const note = (name: string) => names.add(name);
  const endstreams = offsetsOf(text, 'endstream');
  const headers = [...text.matchAll(OBJECT_HEADER)].map((m) => ({ number: Number(m[1]), after: m.index + m[0].length }));
  const streams: FoundStream[] = [];

  /** The integers an indirect /Length may stand for: every definition of that object in the file. */
  const lengthsOf = (ref: number): number[] =>
    headers
      .filter((h) => h.number === ref)
      .map((h) => {
        try {
          const value = readValue(new PdfLexer(bytes, h.after, meter, note));
          return value.kind === 'number' ? value.value : undefined;
        } catch (e) {
          if (e instanceof PdfSyntaxError) return undefined;
          throw e;
        }
      })
      .filter((n): n is number => n !== undefined && Number.isInteger(n) && n >= 0);

  /**
   * A stream's data. Of the ends a reader may take (its /Length, direct or indirect, and the first
   * `endstream`), the furthest: decoding more never shows less, and a short /Length cannot hide a tail.
   */
  const readStream = (lexer: PdfLexer, dict: PdfValue, keywordEnd: number): void => {
    let start = keywordEnd;
    if (bytes[start] === 0x0d && bytes[start + 1] === 0x0a) start += 2;
    else if (bytes[start] === 0x0a || bytes[start] === 0x0d) start += 1;
    const first = firstAtOrAfter(endstreams, start);
    if (first === undefined) throw new PdfUnreadable('a stream without an end');
    let end = first;
    if (bytes[end - 1] === 0x0a) end--;
    if (bytes[end - 1] === 0x0d) end--;
    const length = dict.kind === 'dict' ? dict.entries.get('Length') : undefined;
    const lengths = length?.kind === 'number' ? [length.value] : length?.kind === 'ref' ? lengthsOf(length.number) : [];
    for (const n of lengths) if (Number.isInteger(n) && n >= 0) end = Math.max(end, Math.min(start + n, bytes.length));
    streams.push({ dict, data: bytes.subarray(start, Math.max(start, end)) });
    lexer.jumpTo((firstAtOrAfter(endstreams, end) ?? bytes.length - 9) + 9);
  };

  const readIndirectObject = (after: number): void => {
    const lexer = new PdfLexer(bytes, after, meter, note);
    try {
      const value = readValue(lexer);
      const next = lexer.peek();
      if (next?.kind === 'keyword' && next.value === 'stream') {
        lexer.next();
        if (value.kind !== 'dict') throw new PdfUnreadable('a stream without a dictionary');
        readStream(lexer, value, next.end);
      }
    } catch (e) {
      if (!(e instanceof PdfSyntaxError)) throw e;
    }
    // What follows the value up to the object's end is read too: no grammar error hides a name.
    for (let token = lexer.next(); token; token = lexer.next()) {
      if (token.kind === 'keyword' && OBJECT_ENDS.has(token.value)) break;
      if (token.kind === 'keyword' && token.value === 'stream') throw new PdfUnreadable('a stream a reader cannot place');
    }
  };

  const firstRefused = () => [...names].find(refused);

  try {
    for (const header of headers) readIndirectObject(header.after);
    for (const at of offsetsOf(text, 'trailer')) {
      try {
        readValue(new PdfLexer(bytes, at + 'trailer'.length, meter, note));
      } catch (e) {
        if (!(e instanceof PdfSyntaxError)) throw e;
      }
    }
    // Strings and streams of an encrypted file are ciphertext: nothing in them can be checked.
    if (names.has('Encrypt')) return { kind: 'encrypted' };
    const plain = firstRefused();
    if (plain) return { kind: 'name-refused', name: plain };

    const budget = new InflateBudget(maxInflatedBytes);
    for (const { dict, data } of streams) {
      const objects = isObjectStream(dict);
      const decoded = await decodeStream(data, dict, budget, { readsObjects: objects });
      if (!objects) continue;
      if (!decoded) throw new PdfUnreadable('an object stream compressed as an image');
      readObjectStream(decoded, dict, note);
      const hidden = firstRefused();
      if (hidden) return { kind: 'name-refused', name: hidden };
    }
    return { kind: 'clean' };
  } catch (e) {
    if (e instanceof StreamRefused) return { kind: e.reason === 'encrypted' ? 'encrypted' : e.reason };
    if (e instanceof PdfUnreadable) return { kind: 'unreadable' };
    throw e;
  }
}

/** Reads an object stream as a reader does: /N pairs of object number and offset, each object at /First plus its offset; then every token in it, in order. */
function readObjectStream(data: Buffer, dict: PdfValue, note: (name: string) => void): void {
  const meter = new ReadingMeter(READINGS_PER_BYTE * data.length + 1024 * 1024);
  const n = entry(dict, 'N', 'number')?.value;
  const first = entry(dict, 'First', 'number')?.value;
  if (n === undefined || first === undefined || !Number.isInteger(n) || !Number.isInteger(first) || n < 0 || first < 0 || first > data.length) {
    throw new PdfUnreadable('an object stream without its /N and /First');
  }
  const header = new PdfLexer(data, 0, meter, note);
  const offsets: number[] = [];
  for (let i = 0; i < n; i++) {
    const [number, offset] = [header.next(), header.next()];
    if (number?.kind !== 'number' || offset?.kind !== 'number' || !Number.isInteger(offset.value) || offset.value < 0 || first + offset.value > data.length) {
      throw new PdfUnreadable('an object stream whose header does not read');
    }
    offsets.push(first + offset.value);
  }
  for (const at of offsets) {
    try {
      readValue(new PdfLexer(data, at, meter, note));
    } catch (e) {
      if (!(e instanceof PdfSyntaxError)) throw e;
    }
  }
  const all = new PdfLexer(data, 0, meter, note);
  while (all.next());
}
