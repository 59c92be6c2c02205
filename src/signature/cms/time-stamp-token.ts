import * as pkijs from 'pkijs';
import type { X509 } from '../certificate/parse-certificates.js';
import { checkChain, checkValidity } from '../chain/check-chain.js';
import type { TrustStore } from '../chain/trust-store.js';
import { arrayBufferOf, sameBytes } from '../der-or-pem.js';
import { CMS_OIDS } from '../oids.js';
import { digestWith } from './digest.js';
import { certificatesOf, verifySignerInfo } from './verify-signer-info.js';

/** A verified (or refused) RFC 3161 time-stamp token. */
export interface TimeStampVerdict {
  readonly ok: boolean;
  readonly genTime?: Date;
  readonly tsa?: X509;
}

/** Whether the certificate's extended key usage is id-kp-timeStamping alone, marked critical. */
function isTimeStampingCertificate(certificate: X509): boolean {
  const extension = certificate.cert.extensions?.find((e) => e.extnID === '2.5.29.37');
  if (!extension?.critical) return false;
  const usages = (extension.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  return usages.length === 1 && usages[0] === TIME_STAMPING;
}

const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

/** Reads a TimeStampToken (a ContentInfo with SignedData over TSTInfo). */
export function parseTimeStampToken(der: Uint8Array): { signed: pkijs.SignedData; tstInfo: pkijs.TSTInfo; content: Uint8Array } {
  const info = pkijs.ContentInfo.fromBER(arrayBufferOf(der));
  const signed = new pkijs.SignedData({ schema: info.content });
  if (signed.encapContentInfo.eContentType !== CMS_OIDS.tstInfo || !signed.encapContentInfo.eContent) throw new Error('not a time-stamp token');
  const content = new Uint8Array(signed.encapContentInfo.eContent.getValue());
  return { signed, tstInfo: pkijs.TSTInfo.fromBER(arrayBufferOf(content)), content };
}

/**
 * Verifies a time-stamp token over `stamped` (for CAdES, the SignerInfo's signature value): its
 * message imprint, the TSA's signature, and the TSA certificate's chain to a trusted anchor.
 */
export function verifyTimeStampToken(der: Uint8Array, stamped: Uint8Array, trust: TrustStore): TimeStampVerdict {
  let token;
  try {
    token = parseTimeStampToken(der);
  } catch {
    return { ok: false };
  }
  const { signed, tstInfo, content } = token;
  const genTime = tstInfo.genTime;
  const imprint = digestWith(tstInfo.messageImprint.hashAlgorithm.algorithmId, stamped);
  if (!imprint || !sameBytes(imprint, new Uint8Array(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView))) return { ok: false, genTime };
  const certificates = certificatesOf(signed);
  const signer = signed.signerInfos[0];
  if (!signer) return { ok: false, genTime };
  const verdict = verifySignerInfo(signer, content, certificates);
  if (!verdict.integrity.ok || !verdict.certificate) return { ok: false, genTime };
  // Only a time-stamping authority stamps (RFC 3161 §2.3: its certificate's sole, critical extended key
  // usage is id-kp-timeStamping), and only while its certificate is in force: any other key of a
  // trusted CA — a signer's own — would otherwise date their signature as they pleased.
  if (!isTimeStampingCertificate(verdict.certificate)) return { ok: false, genTime };
  const chain = checkChain(verdict.certificate, trust, certificates);
  if (!genTime || !checkValidity(verdict.certificate, chain.chain, genTime).ok) return { ok: false, genTime };
  return { ok: chain.check.ok, genTime, tsa: verdict.certificate };
}
