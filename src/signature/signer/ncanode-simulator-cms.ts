// The CMS SignedData the NCANode simulator answers with: signed attributes (content type, signing time,
// message digest) signed through the Signer port, the signers' certificates included. Kept to what the
// simulator needs; the application's own CMS builder lives elsewhere in src/signature/.

import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digestByOid } from './digest-by-oid.js';
import type { Signer } from './signer.js';

const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

/** DER CMS SignedData over `data` by every signer, signed at `signingTime`. */
export async function buildSimulatedCms(data: Uint8Array, signers: readonly Signer[], detached: boolean, signingTime: Date): Promise<Uint8Array> {
  const certificates: pkijs.Certificate[] = [];
  const signerInfos: pkijs.SignerInfo[] = [];
  const digestAlgorithms = new Map<string, pkijs.AlgorithmIdentifier>();
  for (const signer of signers) {
    const chain = await signer.certificateChain();
    const own = pkijs.Certificate.fromBER(toArrayBuffer(chain[0]!));
    for (const der of chain) certificates.push(pkijs.Certificate.fromBER(toArrayBuffer(der)));
    const { digestAlgorithmOid } = await signer.algorithms();
    const digest = digestByOid(digestAlgorithmOid);
    if (!digest) throw new Error(`no digest for ${digestAlgorithmOid}`);
    const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        new pkijs.Attribute({ type: OIDS.contentType, values: [new asn1js.ObjectIdentifier({ value: OIDS.data })] }),
        new pkijs.Attribute({ type: OIDS.signingTime, values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
        new pkijs.Attribute({ type: OIDS.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest(data)) })] }),
      ],
    });
    // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] IMPLICIT field.
    const toSign = new Uint8Array(signedAttrs.toSchema().toBER());
    toSign[0] = 0x31;
    const raw = await signer.signRaw(toSign);
    digestAlgorithms.set(raw.digestAlgorithmOid, new pkijs.AlgorithmIdentifier({ algorithmId: raw.digestAlgorithmOid }));
    signerInfos.push(
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: own.issuer, serialNumber: own.serialNumber }),
        digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: raw.digestAlgorithmOid }),
        signedAttrs,
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: raw.signatureAlgorithmOid }),
        signature: new asn1js.OctetString({ valueHex: toArrayBuffer(raw.signature) }),
      }),
    );
  }
  const encapContentInfo = new pkijs.EncapsulatedContentInfo({ eContentType: OIDS.data });
  // Set after construction: pkijs's constructor would split the content into a constructed (BER) string.
  if (!detached) encapContentInfo.eContent = new asn1js.OctetString({ valueHex: toArrayBuffer(data) });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [...digestAlgorithms.values()],
    encapContentInfo,
    certificates,
    signerInfos,
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OIDS.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}
