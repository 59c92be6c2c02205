import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseCertificate } from '../certificate/parse-certificates.js';
import { arrayBufferOf } from '../der-or-pem.js';
import { CMS_OIDS } from '../oids.js';
import type { Signer } from '../signer/signer.js';
import { digestWith } from './digest.js';

/** Options of a CMS signature. */
export interface CreateCmsOptions {
  /** When true the CMS does not carry the data (a detached signature). */
  readonly detached: boolean;
  /** The signingTime attribute (the application's clock, passed in). */
  readonly signingTime: Date;
  /** The type of the content signed: id-data by default; a time-stamp token signs id-ct-TSTInfo. */
  readonly contentType?: string;
  /** Whether the certificates travel with the signature (default); a TSA leaves them out unless asked. */
  readonly includeCertificates?: boolean;
}

function attribute(type: string, value: asn1js.BaseBlock): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** RFC 5280: UTCTime through 2049, GeneralizedTime after. */
function timeValue(date: Date): asn1js.BaseBlock {
  return date.getUTCFullYear() < 2050 ? new asn1js.UTCTime({ valueDate: date }) : new asn1js.GeneralizedTime({ valueDate: date });
}

/** ESS signingCertificateV2 (RFC 5035) with one ESSCertIDv2: the SHA-256 hash of the signer's certificate. */
function signingCertificateV2(certificateDer: Uint8Array): asn1js.BaseBlock {
  const hash = digestWith('2.16.840.1.101.3.4.2.1', certificateDer)!;
  return new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: arrayBufferOf(hash) })] })] })],
  });
}

/**
 * Signs data as CMS SignedData (CAdES-BES): signed attributes contentType, signingTime, messageDigest
 * and signingCertificateV2, the signer's certificate chain included, the data attached or detached.
 */
export async function createCms(data: Uint8Array, signer: Signer, options: CreateCmsOptions): Promise<Uint8Array> {
  const chain = await signer.certificateChain();
  if (chain.length === 0) throw new Error('the signer has no certificate');
  const certificates = chain.map((der) => parseCertificate(der));
  const own = certificates[0]!;
  const { digestAlgorithmOid, signatureAlgorithmOid } = await signer.algorithms();
  const digest = digestWith(digestAlgorithmOid, data);
  if (!digest) throw new Error(`no digest for ${digestAlgorithmOid}`);

  const attributes = [
    attribute(CMS_OIDS.contentType, new asn1js.ObjectIdentifier({ value: options.contentType ?? CMS_OIDS.data })),
    attribute(CMS_OIDS.signingTime, timeValue(options.signingTime)),
    attribute(CMS_OIDS.messageDigest, new asn1js.OctetString({ valueHex: arrayBufferOf(digest) })),
    attribute(CMS_OIDS.signingCertificateV2, signingCertificateV2(own.der)),
  ];
  // DER orders a SET OF by encoding; the same order is signed and serialised.
  const encoded = attributes.map((a) => new Uint8Array(a.toSchema().toBER())).map((der, i) => ({ der, i }));
  encoded.sort((a, b) => Buffer.compare(Buffer.from(a.der), Buffer.from(b.der)));
  const ordered = encoded.map(({ i }) => attributes[i]!);
  const toSign = new Uint8Array(new asn1js.Set({ value: ordered.map((a) => a.toSchema()) }).toBER());
  const raw = await signer.signRaw(toSign);

  const algorithmOf = (oid: string) => new pkijs.AlgorithmIdentifier({ algorithmId: oid, algorithmParams: new asn1js.Null() });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: own.cert.issuer, serialNumber: own.cert.serialNumber }),
    digestAlgorithm: algorithmOf(raw.digestAlgorithmOid),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: ordered }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: raw.signatureAlgorithmOid || signatureAlgorithmOid }),
    signature: new asn1js.OctetString({ valueHex: arrayBufferOf(raw.signature) }),
  });
  const signed = new pkijs.SignedData({
    // RFC 5652 §5.1: version 3 when the content is not id-data.
    version: (options.contentType ?? CMS_OIDS.data) === CMS_OIDS.data ? 1 : 3,
    digestAlgorithms: [algorithmOf(raw.digestAlgorithmOid)],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: options.contentType ?? CMS_OIDS.data,
      ...(options.detached ? {} : { eContent: new asn1js.OctetString({ valueHex: arrayBufferOf(data) }) }),
    }),
    ...(options.includeCertificates === false ? {} : { certificates: certificates.map((c) => c.cert) }),
    signerInfos: [signerInfo],
  });
  const info = new pkijs.ContentInfo({ contentType: CMS_OIDS.signedData, content: signed.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER());
}
