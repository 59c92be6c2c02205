import * as pkijs from 'pkijs';
import type { X509 } from '../certificate/parse-certificates.js';
import { spkiOf } from '../certificate/parse-certificates.js';
import { arrayBufferOf, hex } from '../der-or-pem.js';
import { EXTENSION_OIDS } from '../oids.js';
import { verifySignatureValue } from '../verify-signature-value.js';

/** A CRL with the facts revocation checking needs. */
export interface Crl {
  readonly crl: pkijs.CertificateRevocationList;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  readonly crlNumber?: bigint;
  /** Set on a delta CRL: the number of the full CRL it completes. */
  readonly baseCrlNumber?: bigint;
}

/** One revoked entry. */
export interface CrlEntry {
  readonly serialNumber: string;
  readonly revokedAt: Date;
  readonly reasonCode?: number;
}

/** An INTEGER extension value as a bigint. */
function integerExtension(crl: pkijs.CertificateRevocationList, oid: string): bigint | undefined {
  const ext = crl.crlExtensions?.extensions.find((e) => e.extnID === oid);
  const value = ext?.parsedValue as { valueBlock?: { valueHexView: Uint8Array } } | undefined;
  return value?.valueBlock ? BigInt(`0x${hex(value.valueBlock.valueHexView) || '0'}`) : undefined;
}

/** Parses a DER CRL. */
export function parseCrl(der: Uint8Array): Crl {
  const crl = pkijs.CertificateRevocationList.fromBER(arrayBufferOf(der));
  const crlNumber = integerExtension(crl, EXTENSION_OIDS.crlNumber);
  const baseCrlNumber = integerExtension(crl, EXTENSION_OIDS.deltaCrlIndicator);
  return {
    crl,
    thisUpdate: crl.thisUpdate.value,
    ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate.value } : {}),
    ...(crlNumber !== undefined ? { crlNumber } : {}),
    ...(baseCrlNumber !== undefined ? { baseCrlNumber } : {}),
  };
}

/** True when the CRL names this issuer and the issuer's key verifies its signature. */
export function crlIssuedBy(crl: Crl, issuer: X509): boolean {
  if (!crl.crl.issuer.isEqual(issuer.cert.subject)) return false;
  return (
    verifySignatureValue({
      algorithmOid: crl.crl.signature.algorithmId,
      spki: spkiOf(issuer),
      data: new Uint8Array(crl.crl.tbsView),
      signature: new Uint8Array(crl.crl.signatureValue.valueBlock.valueHexView),
    }) === true
  );
}

/** Normalised serial: upper-case hex without leading zero bytes. */
export function serialHex(bytes: Uint8Array): string {
  return hex(bytes).replace(/^(00)+(?=.)/, '');
}

/** The CRL's entry for a serial number, if it lists one. */
export function crlEntryFor(crl: Crl, serial: string): CrlEntry | undefined {
  const entry = crl.crl.revokedCertificates?.find((r) => serialHex(r.userCertificate.valueBlock.valueHexView) === serial);
  if (!entry) return undefined;
  const reason = entry.crlEntryExtensions?.extensions.find((e) => e.extnID === EXTENSION_OIDS.crlReason)?.parsedValue as
    { valueBlock?: { valueDec: number } } | undefined;
  return { serialNumber: serial, revokedAt: entry.revocationDate.value, ...(reason?.valueBlock ? { reasonCode: reason.valueBlock.valueDec } : {}) };
}
