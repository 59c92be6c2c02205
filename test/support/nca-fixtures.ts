// Reads the NCA test PKI files under test/fixtures/nca/ and takes signed objects apart just enough for
// the GOST, PKCS#12 and signer tests (the general certificate parser lives in src/signature/certificate/).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as asn1js from 'asn1js';

const FIXTURES = fileURLToPath(new URL('../fixtures/nca/', import.meta.url));

/** The bytes of a fixture file (path relative to test/fixtures/nca/), PEM turned into DER. */
export function ncaFixture(path: string): Uint8Array {
  const bytes = readFileSync(FIXTURES + path);
  const text = bytes.toString('latin1');
  if (!text.startsWith('-----BEGIN')) return new Uint8Array(bytes);
  return new Uint8Array(Buffer.from(text.replace(/-----(BEGIN|END)[^-]*-----/g, '').replace(/\s+/g, ''), 'base64'));
}

/** The parts of a certificate, CRL or other SIGNED{…} structure. */
export interface SignedParts {
  readonly toBeSigned: Uint8Array;
  readonly signatureAlgorithmOid: string;
  readonly signatureValue: Uint8Array;
}

/** Splits DER SEQUENCE { tbs, AlgorithmIdentifier, BIT STRING }. */
export function signedParts(der: Uint8Array): SignedParts {
  const outer = asn1js.fromBER(der).result as asn1js.Sequence;
  const [tbs, algorithm, value] = outer.valueBlock.value as [asn1js.Sequence, asn1js.Sequence, asn1js.BitString];
  return {
    toBeSigned: new Uint8Array(tbs.toBER()),
    signatureAlgorithmOid: (algorithm.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString(),
    signatureValue: new Uint8Array(value.valueBlock.valueHexView),
  };
}

/** The DER SubjectPublicKeyInfo of a certificate. */
export function subjectPublicKeyInfoOf(certificate: Uint8Array): Uint8Array {
  const outer = asn1js.fromBER(certificate).result as asn1js.Sequence;
  const tbs = outer.valueBlock.value[0] as asn1js.Sequence;
  // tbsCertificate: [0] version, serial, signature, issuer, validity, subject, subjectPublicKeyInfo, …
  const fields = tbs.valueBlock.value;
  const offset = fields[0]!.idBlock.tagClass === 3 ? 1 : 0;
  return new Uint8Array(fields[offset + 5]!.toBER());
}
