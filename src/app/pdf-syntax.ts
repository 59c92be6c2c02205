// The object syntax of PDF (ISO 32000-1, 7.2–7.3): tokens, and the values built from them. Enough
// to read every dictionary of an uploaded file; strings are skipped over, never decoded.

/** A PDF value, as far as checking a file needs it: dictionaries, arrays, names, numbers and references. */
export type PdfValue =
  | { readonly kind: 'dict'; readonly entries: ReadonlyMap<string, PdfValue> }
  | { readonly kind: 'array'; readonly items: readonly PdfValue[] }
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'ref'; readonly number: number }
  | { readonly kind: 'other' };

type Lexeme =
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'keyword'; readonly value: string }
  | { readonly kind: 'string' }
  | { readonly kind: 'delimiter'; readonly value: string };

/** A token, and the offset just past it. */
export type PdfToken = Lexeme & { readonly end: number };

/** A value that does not follow the grammar: the tokens after it are still read, so it hides no name. */
export class PdfSyntaxError extends Error {}

/** The file cannot be checked at all (read over too often, or a stream without an end). */
export class PdfUnreadable extends Error {}

/** Bytes a check may read, summed over every place it reads: overlapping objects cannot make it read a file without end. */
export class ReadingMeter {
  constructor(private left: number) {}
  charge(bytes: number): void {
    this.left -= bytes;
    if (this.left < 0) throw new PdfUnreadable('the file makes a reader go over it too many times');
  }
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const isRegular = (byte: number) => !WHITESPACE.has(byte) && !DELIMITERS.has(byte);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const hexDigit = (byte: number) => (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);

/** The name a reader sees: `#xx` escapes decoded, in either case of hexadecimal digits. */
export function decodeName(raw: Buffer): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!;
    if (byte === 0x23 && i + 2 < raw.length && hexDigit(raw[i + 1]!) && hexDigit(raw[i + 2]!)) {
      out += String.fromCharCode(parseInt(raw.subarray(i + 1, i + 3).toString('latin1'), 16));
      i += 2;
    } else out += String.fromCharCode(byte);
  }
  return out;
}

/** Reads tokens from a byte range; every name it meets is reported, whatever the grammar around it. */
export class PdfLexer {
  private pending: PdfToken[] = [];
  private at: number;

  constructor(
    readonly bytes: Buffer,
    start: number,
    private readonly meter: ReadingMeter,
    private readonly onName: (name: string) => void,
  ) {
    this.at = start;
  }

  /** Where the next unread byte is (tokens peeked at are already read). */
  get position(): number {
    return this.at;
  }

  /** Moves past bytes that are not tokens (stream data). */
  jumpTo(position: number): void {
    this.pending = [];
    this.meter.charge(Math.max(0, position - this.at));
    this.at = position;
  }

  peek(ahead = 0): PdfToken | undefined {
    while (this.pending.length <= ahead) {
      const token = this.read();
      if (!token) return undefined;
      this.pending.push(token);
    }
    return this.pending[ahead];
  }

  next(): PdfToken | undefined {
    return this.pending.shift() ?? this.read();
  }

  private read(): PdfToken | undefined {
    const b = this.bytes;
    const start = this.at;
    let i = this.at;
    for (;;) {
      while (i < b.length && WHITESPACE.has(b[i]!)) i++;
      if (b[i] !== 0x25) break; // a comment runs to the end of its line
      while (i < b.length && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    }
    if (i >= b.length) {
      this.advance(start, i);
      return undefined;
    }
    const byte = b[i]!;
    let token: Lexeme;
    if (byte === 0x2f) {
      let end = i + 1;
      while (end < b.length && isRegular(b[end]!)) end++;
      const name = decodeName(b.subarray(i + 1, end));
      this.onName(name);
      token = { kind: 'name', value: name };
      i = end;
    } else if (byte === 0x28) {
      i = this.endOfString(i);
      token = { kind: 'string' };
    } else if (byte === 0x3c && b[i + 1] === 0x3c) {
      token = { kind: 'delimiter', value: '<<' };
      i += 2;
    } else if (byte === 0x3e && b[i + 1] === 0x3e) {
      token = { kind: 'delimiter', value: '>>' };
      i += 2;
    } else if (byte === 0x3c) {
      const close = b.indexOf(0x3e, i + 1);
      i = close < 0 ? b.length : close + 1;
      token = { kind: 'string' };
    } else if (DELIMITERS.has(byte)) {
      token = { kind: 'delimiter', value: String.fromCharCode(byte) };
      i++;
    } else {
      let end = i;
      while (end < b.length && isRegular(b[end]!)) end++;
      const word = b.subarray(i, end).toString('latin1');
      token = NUMBER.test(word) ? { kind: 'number', value: Number(word) } : { kind: 'keyword', value: word };
      i = end;
    }
    this.advance(start, i);
    return { ...token, end: i };
  }

  /** Past a literal string: balanced parentheses, backslash escapes; an unclosed one runs to the end. */
  private endOfString(open: number): number {
    const b = this.bytes;
    let depth = 0;
    for (let i = open; i < b.length; i++) {
      const byte = b[i]!;
      if (byte === 0x5c) i++;
      else if (byte === 0x28) depth++;
      else if (byte === 0x29 && --depth === 0) return i + 1;
    }
    return b.length;
  }

  private advance(from: number, to: number): void {
    this.meter.charge(to - from);
    this.at = to;
  }
}

/** Deeper than any real file nests; deeper still would only exhaust the stack. */
const MAX_DEPTH = 100;

/** Reads one value: a dictionary, an array, a reference (`12 0 R`), a name, a number or something else. */
export function readValue(lexer: PdfLexer, depth = 0): PdfValue {
  if (depth > MAX_DEPTH) throw new PdfSyntaxError('nested too deep');
  const token = lexer.next();
  if (!token) throw new PdfSyntaxError('the file ends inside a value');
  switch (token.kind) {
    case 'name':
      return { kind: 'name', value: token.value };
    case 'string':
      return { kind: 'other' };
    case 'number': {
      const generation = lexer.peek();
      const r = lexer.peek(1);
      if (Number.isInteger(token.value) && generation?.kind === 'number' && r?.kind === 'keyword' && r.value === 'R') {
        lexer.next();
        lexer.next();
        return { kind: 'ref', number: token.value };
      }
      return { kind: 'number', value: token.value };
    }
    case 'keyword':
      if (['true', 'false', 'null'].includes(token.value)) return { kind: 'other' };
      throw new PdfSyntaxError(`unexpected ${token.value}`);
    case 'delimiter':
      if (token.value === '<<') {
        const entries = new Map<string, PdfValue>();
        for (;;) {
          const key = lexer.next();
          if (key?.kind === 'delimiter' && key.value === '>>') return { kind: 'dict', entries };
          if (key?.kind !== 'name') throw new PdfSyntaxError('a dictionary key that is not a name');
          entries.set(key.value, readValue(lexer, depth + 1));
        }
      }
      if (token.value === '[') {
        const items: PdfValue[] = [];
        for (;;) {
          const next = lexer.peek();
          if (next?.kind === 'delimiter' && next.value === ']') {
            lexer.next();
            return { kind: 'array', items };
          }
          items.push(readValue(lexer, depth + 1));
        }
      }
      throw new PdfSyntaxError(`unexpected ${token.value}`);
  }
}

/** A dictionary's entry, when it is of the kind asked for. */
export function entry<K extends PdfValue['kind']>(dict: PdfValue | undefined, key: string, kind: K): Extract<PdfValue, { kind: K }> | undefined {
  const value = dict?.kind === 'dict' ? dict.entries.get(key) : undefined;
  return value?.kind === kind ? (value as Extract<PdfValue, { kind: K }>) : undefined;
}
