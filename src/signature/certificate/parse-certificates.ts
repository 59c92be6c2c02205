import * as pkijs from 'pkijs';
import { arrayBufferOf, derObjects } from '../der-or-pem.js';

/** A parsed X.509 certificate with the DER it came from. */
export interface X509 {
  readonly der: Uint8Array;
  readonly cert: pkijs.Certificate;
}

/** Parses one DER certificate; throws on bytes that are not one. */
export function parseCertificate(der: Uint8Array): X509 {
  return { der, cert: pkijs.Certificate.fromBER(arrayBufferOf(der)) };
}

/** Parses every certificate in a file: DER, one PEM, a PEM bundle (chain) or bare base64. */
export function parseCertificates(input: Uint8Array | string): X509[] {
  return derObjects(input).map(parseCertificate);
}

/** The DER of the certificate's SubjectPublicKeyInfo. */
export function spkiOf(x: X509): Uint8Array {
  return new Uint8Array(x.cert.subjectPublicKeyInfo.toSchema().toBER());
}
