/**
 * The text of an XML document, in the encoding its first bytes show (XML 1.0, appendix F): a
 * byte-order mark, else the pattern of `<?` in UTF-16 (either byte order), else an 8-bit
 * encoding whose declaration, if any, names one that keeps ASCII as it is. `undefined` for what
 * cannot be read safely: UCS-4/UTF-32, EBCDIC, UTF-7 and other encodings that change ASCII, or
 * NUL characters (which XML forbids, and which a UTF-16 document read as 8-bit text shows).
 */
export function xmlText(body: Buffer): string | undefined {
  const [b0, b1, b2, b3] = [body[0], body[1], body[2], body[3]];
  let text: string;
  const ucs4 = (b0 === 0x00 && b1 === 0x00) || (b2 === 0x00 && b3 === 0x00 && (b0 === 0x00 || b1 === 0x00 || (b0 === 0xff && b1 === 0xfe)));
  const ebcdic = b0 === 0x4c && b1 === 0x6f && b2 === 0xa7 && b3 === 0x94;
  if (ucs4 || ebcdic) return undefined;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) text = body.subarray(3).toString('utf8');
  else if (b0 === 0xff && b1 === 0xfe) text = utf16le(body.subarray(2));
  else if (b0 === 0xfe && b1 === 0xff) text = utf16be(body.subarray(2));
  else if (b1 === 0x00 && b0 !== 0x00) text = utf16le(body);
  else if (b0 === 0x00 && b1 !== 0x00) text = utf16be(body);
  else {
    const declared = /^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(body.subarray(0, 200).toString('latin1'))?.[1];
    if (declared !== undefined && !ASCII_KEEPING.test(declared)) return undefined;
    // ASCII-keeping encodings read alike in latin1 as far as markup goes; UTF-8 is read as UTF-8.
    text = !declared || /^utf-?8$/i.test(declared) ? body.toString('utf8') : body.toString('latin1');
  }
  return text.includes('\0') ? undefined : text;
}

/** Encodings in which every ASCII character is its own single byte: markup reads the same in all of them. */
const ASCII_KEEPING = /^(utf-?8|us-ascii|ascii|iso-8859-\d{1,2}|latin-?1|windows-125\d|cp125\d|koi8-[ru])$/i;

const utf16le = (bytes: Buffer) => bytes.subarray(0, bytes.length - (bytes.length % 2)).toString('utf16le');
const utf16be = (bytes: Buffer) =>
  Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)))
    .swap16()
    .toString('utf16le');
