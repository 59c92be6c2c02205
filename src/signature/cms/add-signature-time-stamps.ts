import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { checkChain } from '../chain/check-chain.js';
import type { TrustStore } from '../chain/trust-store.js';
import { arrayBufferOf } from '../der-or-pem.js';
import { CMS_OIDS } from '../oids.js';
import type { RevocationSource } from '../revocation/revocation-source.js';
import type { TimeStampClient } from '../tsa/http-time-stamp-client.js';
import { parseSignedData } from './verify-cms.js';
import { certificatesOf, verifySignerInfo } from './verify-signer-info.js';

const berOf = (bytes: Uint8Array) => asn1js.fromBER(arrayBufferOf(bytes)).result;

/**
 * Makes each signature of a CMS the server has just accepted provable after its certificate ends
 * (CAdES-T, with the evidence of CAdES-X-L kept in the SignedData itself): every SignerInfo gets an
 * RFC 3161 time-stamp token over its signature value (id-aa-signatureTimeStampToken) from the
 * server's TSA, in place of any the signer brought, and the CRLs and OCSP
 * responses the revocation source gives for the signer's certificate now — when it was accepted —
 * are added to the SignedData's revocation information. The signed attributes are not touched.
 */
export async function addSignatureTimeStamps(
  der: Uint8Array,
  options: { tsa: TimeStampClient; trust: TrustStore; revocation?: RevocationSource },
): Promise<Uint8Array> {
  const signed = parseSignedData(der);
  const certificates = certificatesOf(signed);
  const crls: Uint8Array[] = [];
  const ocspResponses: Uint8Array[] = [];
  for (const info of signed.signerInfos) {
    // A token the signer brought is not the server's word on when it accepted the signature: replaced.
    const attributes = (info.unsignedAttrs?.attributes ?? []).filter((a) => a.type !== CMS_OIDS.timeStampToken);
    const token = await options.tsa.timeStamp(new Uint8Array(info.signature.valueBlock.valueHexView));
    info.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [...attributes, new pkijs.Attribute({ type: CMS_OIDS.timeStampToken, values: [berOf(token)] })],
    });
    const certificate = verifySignerInfo(info, undefined, certificates).certificate;
    const issuer = certificate && checkChain(certificate, options.trust, certificates).chain?.[1];
    if (certificate && issuer && options.revocation) {
      const evidence = await options.revocation.evidenceFor({ certificate, issuer });
      crls.push(...evidence.crls);
      ocspResponses.push(...evidence.ocspResponses);
    }
  }
  if (crls.length > 0 || ocspResponses.length > 0) {
    signed.crls = [
      ...(signed.crls ?? []),
      ...crls.map((c) => new pkijs.CertificateRevocationList({ schema: berOf(c) })),
      ...ocspResponses.map((o) => new pkijs.OtherRevocationInfoFormat({ otherRevInfoFormat: CMS_OIDS.ocspRevocationInfo, otherRevInfo: berOf(o) })),
    ];
    // RFC 5652 §5.1: a SignedData with other revocation information formats is version 5.
    if (ocspResponses.length > 0) signed.version = Math.max(signed.version, 5);
  }
  const info = new pkijs.ContentInfo({ contentType: CMS_OIDS.signedData, content: signed.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER());
}
