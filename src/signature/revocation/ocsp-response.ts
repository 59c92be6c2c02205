import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { mayHaveIssued } from '../chain/build-chain.js';
import { issuerSignatureVerifies } from '../chain/check-chain.js';
import { parseCertificate, spkiOf, type X509 } from '../certificate/parse-certificates.js';
import { arrayBufferOf, sameBytes } from '../der-or-pem.js';
import { DIGEST_OIDS, OCSP_OIDS } from '../oids.js';
import { verifySignatureValue } from '../verify-signature-value.js';
import { serialHex } from './crl.js';

/** A certificate's status in one OCSP SingleResponse. */
export interface OcspStatus {
  readonly status: 'good' | 'revoked' | 'unknown';
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  readonly revokedAt?: Date;
  readonly reasonCode?: number;
  /** RFC 6960 §2.2: "revoked", on hold since 1970 with the extended-revoke extension, means "never issued". */
  readonly notIssued?: boolean;
}

/** A parsed successful OCSP response. */
export interface OcspResponse {
  readonly basic: pkijs.BasicOCSPResponse;
  readonly producedAt: Date;
  /** The nonce extension's value (the inner OCTET STRING's contents when wrapped). */
  readonly nonce?: Uint8Array;
  readonly extendedRevoke: boolean;
}

/** Parses an OCSPResponse (DER); throws when it is not a successful basic response. */
export function parseOcspResponse(der: Uint8Array): OcspResponse {
  const response = pkijs.OCSPResponse.fromBER(arrayBufferOf(der));
  const status = response.responseStatus.valueBlock.valueDec;
  if (status !== 0 || !response.responseBytes) throw new Error(`OCSP response status ${status}`);
  if (response.responseBytes.responseType !== OCSP_OIDS.basicResponse) throw new Error('not a basic OCSP response');
  const basic = pkijs.BasicOCSPResponse.fromBER(arrayBufferOf(response.responseBytes.response.valueBlock.valueHexView));
  const extensions = basic.tbsResponseData.responseExtensions ?? [];
  const nonceExt = extensions.find((e) => e.extnID === OCSP_OIDS.nonce);
  return {
    basic,
    producedAt: basic.tbsResponseData.producedAt,
    ...(nonceExt ? { nonce: nonceValue(new Uint8Array(nonceExt.extnValue.valueBlock.valueHexView)) } : {}),
    extendedRevoke: extensions.some((e) => e.extnID === OCSP_OIDS.extendedRevoke),
  };
}

/** Responders put the nonce either bare or wrapped in an OCTET STRING; compare the inner bytes. */
function nonceValue(extnValue: Uint8Array): Uint8Array {
  const inner = asn1js.fromBER(arrayBufferOf(extnValue));
  if (inner.offset === extnValue.length && inner.result instanceof asn1js.OctetString) return new Uint8Array(inner.result.valueBlock.valueHexView);
  return extnValue;
}

/** True when the response carries this nonce. */
export function nonceMatches(response: OcspResponse, nonce: Uint8Array): boolean {
  return response.nonce !== undefined && (sameBytes(response.nonce, nonce) || sameBytes(response.nonce, nonceValue(nonce)));
}

/** The certificate that signed the response: the issuer itself, or a delegated responder it issued for OCSP signing. */
function responderOf(response: OcspResponse, issuer: X509): X509 | undefined {
  const embedded = (response.basic.certs ?? []).map((c) => parseCertificate(new Uint8Array(c.toSchema().toBER())));
  const candidates = [
    issuer,
    ...embedded.filter((c) => mayHaveIssued(issuer, c) && issuerSignatureVerifies(issuer, c) && ekuOf(c).includes(OCSP_OIDS.ocspSigning)),
  ];
  return candidates.find((c) => signatureVerifies(response, c));
}

function ekuOf(x: X509): string[] {
  return (x.cert.extensions?.find((e) => e.extnID === '2.5.29.37')?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
}

function signatureVerifies(response: OcspResponse, signer: X509): boolean {
  return (
    verifySignatureValue({
      algorithmOid: response.basic.signatureAlgorithm.algorithmId,
      spki: spkiOf(signer),
      data: new Uint8Array(response.basic.tbsResponseData.tbsView),
      signature: new Uint8Array(response.basic.signature.valueBlock.valueHexView),
    }) === true
  );
}

/** The responder's certificate when the response is signed by the issuer or its delegated responder; else undefined. */
export function verifiedResponder(response: OcspResponse, issuer: X509): X509 | undefined {
  return responderOf(response, issuer);
}

/** The SingleResponse about this certificate, if the response has one (CertID matched with its own hash). */
export function ocspStatusFor(response: OcspResponse, certificate: X509, issuer: X509): OcspStatus | undefined {
  const serial = serialHex(certificate.cert.serialNumber.valueBlock.valueHexView);
  const issuerName = new Uint8Array(certificate.cert.issuer.toSchema().toBER());
  const issuerKey = issuer.cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  for (const single of response.basic.tbsResponseData.responses) {
    const id = single.certID;
    const digest = DIGEST_OIDS[id.hashAlgorithm.algorithmId];
    if (!digest || serialHex(id.serialNumber.valueBlock.valueHexView) !== serial) continue;
    const nameHash = createHash(digest).update(issuerName).digest();
    const keyHash = createHash(digest).update(issuerKey).digest();
    if (!sameBytes(nameHash, id.issuerNameHash.valueBlock.valueHexView) || !sameBytes(keyHash, id.issuerKeyHash.valueBlock.valueHexView)) continue;
    return statusOf(single, response.extendedRevoke);
  }
  return undefined;
}

function statusOf(single: pkijs.SingleResponse, extendedRevoke: boolean): OcspStatus {
  const base = { thisUpdate: single.thisUpdate, ...(single.nextUpdate ? { nextUpdate: single.nextUpdate } : {}) };
  const tag = single.certStatus.idBlock.tagNumber;
  if (tag === 0) return { status: 'good', ...base };
  if (tag === 2) return { status: 'unknown', ...base };
  // revoked [1] RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL }
  const parts = (single.certStatus as asn1js.Constructed).valueBlock.value;
  const revokedAt = (parts[0] as asn1js.GeneralizedTime).toDate();
  const reasonTagged = parts[1] as asn1js.Constructed | undefined;
  const reasonCode = reasonTagged ? (reasonTagged.valueBlock.value[0] as asn1js.Enumerated).valueBlock.valueDec : undefined;
  const notIssued = extendedRevoke && reasonCode === 6 && revokedAt.getTime() === 0;
  return { status: 'revoked', revokedAt, ...(reasonCode !== undefined ? { reasonCode } : {}), ...(notIssued ? { notIssued } : {}), ...base };
}
