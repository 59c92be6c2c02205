import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { subjectOf } from '../certificate/describe-certificate.js';
import { checkCertificate } from '../check-certificate.js';
import { arrayBufferOf, sameBytes } from '../der-or-pem.js';
import { CMS_OIDS } from '../oids.js';
import { REASONS } from '../reasons.js';
import { allPassed, failed, type SignatureCheck } from '../signature-check.js';
import type { SignedDocumentReport, SignerReport, VerifyOptions } from '../signed-document-report.js';
import type { RevocationSource } from '../revocation/revocation-source.js';
import { verifyTimeStampToken } from './time-stamp-token.js';
import { certificatesOf, verifySignerInfo } from './verify-signer-info.js';

/** Reads a CMS ContentInfo holding SignedData; throws when it is not one. */
export function parseSignedData(der: Uint8Array): pkijs.SignedData {
  const info = pkijs.ContentInfo.fromBER(arrayBufferOf(der));
  if (info.contentType !== CMS_OIDS.signedData) throw new Error('not CMS SignedData');
  return new pkijs.SignedData({ schema: info.content });
}

/** The encapsulated content of an attached signature (constructed OCTET STRINGs joined). */
export function attachedContent(signed: pkijs.SignedData): Uint8Array | undefined {
  const e = signed.encapContentInfo.eContent;
  return e ? new Uint8Array(e.getValue()) : undefined;
}

/** The time-stamp token among a SignerInfo's unsigned attributes, if any. */
function timeStampTokenOf(info: pkijs.SignerInfo): Uint8Array | undefined {
  const value = info.unsignedAttrs?.attributes.find((a) => a.type === CMS_OIDS.timeStampToken)?.values[0] as asn1js.BaseBlock | undefined;
  return value ? new Uint8Array(value.toBER()) : undefined;
}

/**
 * The CRLs and OCSP responses a CMS carries (RevocationInfoChoices, kept there when it was signed),
 * added to the source's own: evidence produced at signing time still speaks for that instant when
 * the CA's current lists are gone or say nothing of it.
 */
function withEmbeddedEvidence(source: RevocationSource | undefined, signed: pkijs.SignedData): RevocationSource | undefined {
  const crls: Uint8Array[] = [];
  const ocspResponses: Uint8Array[] = [];
  for (const item of signed.crls ?? []) {
    if (item instanceof pkijs.CertificateRevocationList) crls.push(new Uint8Array(item.toSchema().toBER()));
    else if (item.otherRevInfoFormat === CMS_OIDS.ocspRevocationInfo) ocspResponses.push(new Uint8Array((item.otherRevInfo as asn1js.BaseBlock).toBER()));
  }
  if (crls.length === 0 && ocspResponses.length === 0) return source;
  return {
    online: source?.online ?? false,
    async evidenceFor(query) {
      const own = source ? await source.evidenceFor(query) : { crls: [], ocspResponses: [] };
      return { crls: [...own.crls, ...crls], ocspResponses: [...own.ocspResponses, ...ocspResponses] };
    },
  };
}

/**
 * Verifies a CMS signature (CAdES-BES, attached or detached, any number of signers, with an optional
 * time-stamp token per signer). Each signer gets integrity, chain, validity, revocation, key-usage and
 * (when expected) identity-match checks; certificates are judged at the time-stamp's genTime when a
 * verified one is present, else at `options.at`.
 *
 * `options.data` is the document the caller expects to be signed. When it is given, the signature is
 * checked over those bytes and nothing else: content carried inside the CMS must be the same bytes,
 * or integrity fails — a valid signature over some other text proves nothing about this document.
 */
export async function verifyCms(der: Uint8Array, options: VerifyOptions & { data?: Uint8Array }): Promise<SignedDocumentReport> {
  const signed = parseSignedData(der);
  const attached = attachedContent(signed);
  const content = options.data ?? attached;
  const notExpected = options.data !== undefined && attached !== undefined && !sameBytes(attached, options.data);
  if (options.acceptingNow && signed.signerInfos.length > options.acceptingNow.maxSigners) {
    return {
      valid: false,
      format: 'cms',
      signers: [{ subject: {}, signedAtSource: 'none', checks: [failed('integrity', REASONS.tooManySigners(options.acceptingNow.maxSigners))] }],
    };
  }
  const certificates = certificatesOf(signed);
  // Evidence and time-stamps carried in the CMS speak for when it was signed; a signature accepted now is judged now, on the source's own evidence.
  const revocation = options.acceptingNow ? options.revocation : withEmbeddedEvidence(options.revocation, signed);
  const signers: SignerReport[] = [];
  for (const info of signed.signerInfos) {
    const own = verifySignerInfo(info, content, certificates);
    let signedAt = own.claimedSigningTime;
    let signedAtSource: SignerReport['signedAtSource'] = signedAt ? 'signing-time' : 'none';
    let integrity: SignatureCheck = notExpected ? failed('integrity', REASONS.notTheExpectedDocument()) : own.integrity;
    const token = options.acceptingNow ? undefined : timeStampTokenOf(info);
    if (token && integrity.ok) {
      const stamp = verifyTimeStampToken(token, new Uint8Array(info.signature.valueBlock.valueHexView), options.trust);
      if (!stamp.ok || !stamp.genTime) integrity = failed('integrity', REASONS.badTimestamp());
      else {
        signedAt = stamp.genTime;
        signedAtSource = 'time-stamp';
      }
    }
    if (!own.certificate) {
      signers.push({ subject: {}, signedAtSource, ...(signedAt ? { signedAt } : {}), checks: [integrity] });
      continue;
    }
    const at = signedAtSource === 'time-stamp' ? signedAt! : options.at;
    const verdict = await checkCertificate(own.certificate, {
      at,
      trust: options.trust,
      intermediates: certificates,
      purpose: options.purpose ?? 'signing',
      ...(revocation ? { revocation } : {}),
      ...(options.expected ? { expected: options.expected } : {}),
    });
    signers.push({
      subject: subjectOf(own.certificate.cert.subject),
      certificate: verdict.summary,
      ...(signedAt ? { signedAt } : {}),
      signedAtSource,
      ...(verdict.revocation.revokedLater ? { revokedLater: verdict.revocation.revokedLater } : {}),
      checks: [integrity, ...verdict.checks],
    });
  }
  return {
    valid: signers.length > 0 && signers.every((s) => allPassed(s.checks)),
    format: 'cms',
    signers,
    ...(attached ? { content: attached } : {}),
  };
}
