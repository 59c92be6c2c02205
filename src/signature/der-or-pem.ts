// Signed objects arrive as DER, PEM (one or several blocks) or bare base64, as NCALayer returns them.

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** The DER blocks in a PEM text, with their labels. */
export function pemBlocks(text: string): { label: string; der: Uint8Array }[] {
  return [...text.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1]!, der: new Uint8Array(Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64')) }));
}

/** True when the bytes look like PEM or base64 text rather than DER (DER objects start with SEQUENCE). */
function isText(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes[0] !== 0x30;
}

/** The DER objects in a file: each PEM block, or the bare base64 decoded, or the bytes themselves. */
export function derObjects(input: Uint8Array | string): Uint8Array[] {
  const bytes = typeof input === 'string' ? new Uint8Array(Buffer.from(input, 'utf8')) : input;
  if (!isText(bytes)) return [bytes];
  const text = Buffer.from(bytes).toString('utf8');
  const blocks = pemBlocks(text);
  if (blocks.length > 0) return blocks.map((b) => b.der);
  const compact = text.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/]+=*$/.test(compact)) return [new Uint8Array(Buffer.from(compact, 'base64'))];
  return [bytes];
}

/** PEM text of one DER object. */
export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** An ArrayBuffer holding exactly these bytes (pkijs and asn1js want ArrayBuffers). */
export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Byte-wise equality. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
}

/** Upper-case hex. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}
