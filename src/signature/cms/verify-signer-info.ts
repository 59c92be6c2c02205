import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseCertificate, spkiOf, type X509 } from '../certificate/parse-certificates.js';
import { sameBytes } from '../der-or-pem.js';
import { CMS_OIDS } from '../oids.js';
import { REASONS } from '../reasons.js';
import { failed, passed, type SignatureCheck } from '../signature-check.js';
import { verifySignatureValue } from '../verify-signature-value.js';
import { digestWith } from './digest.js';

/** A SignerInfo's own verdict: whose it is, whether its signature covers the content, and when it claims it was made. */
export interface SignerInfoVerdict {
  readonly certificate?: X509;
  readonly integrity: SignatureCheck;
  /** The signingTime signed attribute (a claim of the signer). */
  readonly claimedSigningTime?: Date;
}

/** The certificates a SignedData carries. */
export function certificatesOf(signed: pkijs.SignedData): X509[] {
  return (signed.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => parseCertificate(new Uint8Array(c.toSchema().toBER())));
}

/** The certificate a SignerInfo names (issuer+serial or subject key identifier). */
function signerCertificate(info: pkijs.SignerInfo, certificates: readonly X509[]): X509 | undefined {
  const sid = info.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find(
      (c) =>
        c.cert.issuer.isEqual(sid.issuer) &&
        sameBytes(new Uint8Array(c.cert.serialNumber.valueBlock.valueHexView), new Uint8Array(sid.serialNumber.valueBlock.valueHexView)),
    );
  }
  const keyId = new Uint8Array((sid as asn1js.OctetString).valueBlock.valueHexView);
  return certificates.find((c) => {
    const ski = c.cert.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue as asn1js.OctetString | undefined;
    return ski && sameBytes(new Uint8Array(ski.valueBlock.valueHexView), keyId);
  });
}

/** A signed attribute's first value. */
export function signedAttribute(info: pkijs.SignerInfo, oid: string): asn1js.AsnType | undefined {
  return info.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];
}

/** ESS signingCertificateV2 (RFC 5035): the certHash of the first ESSCertIDv2 and its hash OID (SHA-256 by default). */
function essCertHash(info: pkijs.SignerInfo): { hashOid: string; hash: Uint8Array } | undefined {
  const value = signedAttribute(info, CMS_OIDS.signingCertificateV2) as asn1js.Sequence | undefined;
  const certs = value?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const first = certs?.valueBlock.value[0] as asn1js.Sequence | undefined;
  if (!first) return undefined;
  const parts = first.valueBlock.value;
  if (parts[0] instanceof asn1js.OctetString) return { hashOid: '2.16.840.1.101.3.4.2.1', hash: new Uint8Array(parts[0].valueBlock.valueHexView) };
  const algorithm = new pkijs.AlgorithmIdentifier({ schema: parts[0] });
  return { hashOid: algorithm.algorithmId, hash: new Uint8Array((parts[1] as asn1js.OctetString).valueBlock.valueHexView) };
}

/** The time in a signingTime attribute. */
function timeOf(value: asn1js.AsnType | undefined): Date | undefined {
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) return value.toDate();
  return undefined;
}

/**
 * Verifies one SignerInfo over the content: the messageDigest attribute against the content, the
 * signature over the signed attributes (or over the content when there are none), and that the
 * certificate ESS signingCertificateV2 names is the one that verifies.
 */
export function verifySignerInfo(info: pkijs.SignerInfo, content: Uint8Array | undefined, certificates: readonly X509[]): SignerInfoVerdict {
  const certificate = signerCertificate(info, certificates);
  const claimed = timeOf(signedAttribute(info, CMS_OIDS.signingTime));
  const base = { ...(certificate ? { certificate } : {}), ...(claimed ? { claimedSigningTime: claimed } : {}) };
  if (!certificate) return { ...base, integrity: failed('integrity', REASONS.signerCertificateMissing()) };
  if (!content) return { ...base, integrity: failed('integrity', REASONS.noContent()) };
  const digestOid = info.digestAlgorithm.algorithmId;
  let signedBytes: Uint8Array;
  if (info.signedAttrs) {
    const messageDigest = signedAttribute(info, CMS_OIDS.messageDigest) as asn1js.OctetString | undefined;
    const actual = digestWith(digestOid, content);
    if (!actual) return { ...base, integrity: failed('integrity', REASONS.unsupportedAlgorithm(digestOid)) };
    if (!messageDigest || !sameBytes(new Uint8Array(messageDigest.valueBlock.valueHexView), actual))
      return { ...base, integrity: failed('integrity', REASONS.contentChanged()) };
    // The signature covers the attributes DER-encoded as a SET, not as the [0] IMPLICIT field they sit in.
    signedBytes = new Uint8Array(info.signedAttrs.encodedValue.slice(0));
    signedBytes[0] = 0x31;
  } else {
    signedBytes = content;
  }
  const verdict = verifySignatureValue({
    algorithmOid: info.signatureAlgorithm.algorithmId,
    digestOid,
    spki: spkiOf(certificate),
    data: signedBytes,
    signature: new Uint8Array(info.signature.valueBlock.valueHexView),
  });
  if (verdict === undefined) return { ...base, integrity: failed('integrity', REASONS.unsupportedAlgorithm(info.signatureAlgorithm.algorithmId)) };
  if (!verdict) return { ...base, integrity: failed('integrity', REASONS.badSignature()) };
  const ess = essCertHash(info);
  if (ess) {
    const hash = digestWith(ess.hashOid, certificate.der);
    if (!hash || !sameBytes(hash, ess.hash)) return { ...base, integrity: failed('integrity', REASONS.signingCertificateMismatch()) };
  }
  return { ...base, integrity: passed('integrity') };
}
