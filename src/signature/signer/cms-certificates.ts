// The certificates a CMS SignedData carries, the first signer's own certificate first: how a remote CMS
// signer's certificate chain is learnt when its API returns no certificates of its own.

import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const SIGNED_DATA = '1.2.840.113549.1.7.2';

/** The DER certificates of a CMS SignedData; undefined when the bytes are not one. */
export function certificatesOfCms(cms: Uint8Array): Uint8Array[] | undefined {
  const parsed = asn1js.fromBER(cms);
  if (parsed.offset === -1) return undefined;
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== SIGNED_DATA) return undefined;
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return undefined;
  }
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = signedData.signerInfos[0]?.sid;
  const isSigners = (c: pkijs.Certificate) =>
    sid instanceof pkijs.IssuerAndSerialNumber && c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer);
  const own = certificates.find(isSigners);
  const ordered = own ? [own, ...certificates.filter((c) => c !== own)] : certificates;
  return ordered.map((c) => new Uint8Array(c.toSchema().toBER()));
}
