// Small, strict readers over asn1js nodes for the PKCS#12 structures: a malformed container becomes a
// Pkcs12Error instead of a TypeError deep inside.

import * as asn1js from 'asn1js';
import { Pkcs12Error } from './pkcs12-error.js';

/** Parses one DER/BER value that must fill `bytes`. */
export function parseDer(bytes: Uint8Array, what: string): asn1js.AsnType {
  const parsed = asn1js.fromBER(bytes);
  if (parsed.offset === -1 || parsed.offset !== bytes.length) throw new Pkcs12Error('malformed-container', `${what} is not DER`);
  return parsed.result;
}

/** The children of a SEQUENCE. */
export function children(node: unknown, what: string): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) throw new Pkcs12Error('malformed-container', `${what} is not a SEQUENCE`);
  return node.valueBlock.value;
}

/** The dotted form of an OBJECT IDENTIFIER. */
export function oid(node: unknown, what: string): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw new Pkcs12Error('malformed-container', `${what} is not an OID`);
  return node.valueBlock.toString();
}

/** The content of an OCTET STRING (or of an IMPLICIT-tagged one), joining the parts of a constructed one. */
export function octetContent(node: unknown, what: string): Uint8Array {
  if (!(node instanceof asn1js.BaseBlock)) throw new Pkcs12Error('malformed-container', `${what} is missing`);
  const block = node.valueBlock as unknown as { value?: unknown[]; valueHexView?: Uint8Array };
  if (node.idBlock.isConstructed) {
    const parts = (block.value ?? []).map((part) => octetContent(part, what));
    return new Uint8Array(Buffer.concat(parts));
  }
  if (!block.valueHexView) throw new Pkcs12Error('malformed-container', `${what} has no content`);
  return new Uint8Array(block.valueHexView);
}

/** The single value inside an [n] EXPLICIT tag. */
export function explicitContent(node: unknown, what: string): asn1js.AsnType {
  if (!(node instanceof asn1js.Constructed) || node.idBlock.tagClass !== 3) throw new Pkcs12Error('malformed-container', `${what} is not [0] EXPLICIT`);
  const inner = node.valueBlock.value[0];
  if (!inner) throw new Pkcs12Error('malformed-container', `${what} is empty`);
  return inner;
}
