import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { arrayBufferOf } from '../der-or-pem.js';
import { CMS_OIDS } from '../oids.js';

/** The SignedData inside a CMS ContentInfo (DER), or an error naming what it is instead. */
function signedDataOf(der: Uint8Array): pkijs.SignedData {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(arrayBufferOf(der)).result });
  if (info.contentType !== CMS_OIDS.signedData) throw new Error('not a CMS SignedData');
  return new pkijs.SignedData({ schema: info.content });
}

const hex = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('hex');

/**
 * Co-signs: joins the signer infos of several CMS signatures made over the same content into one
 * SignedData carrying that content, as NCALayer's and NCANode's co-signing do (each signer adds a
 * SignerInfo). Every signature's messageDigest is over the content, attached or not, so none
 * changes; certificates, digest algorithms and revocation evidence are each kept once. Verifying the result is the caller's part.
 */
export function combineCms(signatures: readonly Uint8Array[], content: Uint8Array): Uint8Array {
  if (signatures.length === 0) throw new Error('nothing to combine');
  const parts = signatures.map(signedDataOf);
  const certificates = new Map<string, pkijs.CertificateSetItem>();
  const digestAlgorithms = new Map<string, pkijs.AlgorithmIdentifier>();
  const revocation = new Map<string, pkijs.CertificateRevocationList | pkijs.OtherRevocationInfoFormat>();
  for (const part of parts) {
    for (const c of part.certificates ?? []) certificates.set(hex(c.toSchema().toBER()), c);
    for (const a of part.digestAlgorithms) digestAlgorithms.set(a.algorithmId, a);
    // The revocation evidence kept with each signature when it was accepted travels on with it.
    for (const r of part.crls ?? []) revocation.set(hex(r.toSchema().toBER()), r);
  }
  const combined = new pkijs.SignedData({
    version: Math.max(...parts.map((p) => p.version)),
    digestAlgorithms: [...digestAlgorithms.values()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: CMS_OIDS.data,
      eContent: new asn1js.OctetString({ valueHex: arrayBufferOf(content) }),
    }),
    certificates: [...certificates.values()],
    signerInfos: parts.flatMap((p) => p.signerInfos),
    ...(revocation.size > 0 ? { crls: [...revocation.values()] } : {}),
  });
  const info = new pkijs.ContentInfo({ contentType: CMS_OIDS.signedData, content: combined.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER());
}
