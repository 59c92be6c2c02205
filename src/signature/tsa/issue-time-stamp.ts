import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { randomBytes } from 'node:crypto';
import { createCms } from '../cms/create-cms.js';
import { arrayBufferOf } from '../der-or-pem.js';
import { CMS_OIDS } from '../oids.js';
import type { Signer } from '../signer/signer.js';

/**
 * The policy the bundled demonstration TSA stamps under: an OID of the UUID arc (ITU-T X.667,
 * 2.25.<uuid>), which needs no registration and belongs to no real TSA.
 */
export const DEMO_TSA_POLICY = '2.25.221396155092316577946633312457190155349';

/** A time-stamp request as the TSA reads it (RFC 3161 §2.4.1). */
export interface TimeStampRequest {
  readonly hashAlgorithm: string;
  readonly hashedMessage: Uint8Array;
  readonly nonce?: Uint8Array;
  readonly certReq: boolean;
  readonly reqPolicy?: string;
}

/** Reads a DER TimeStampReq; throws when it is not one. */
export function parseTimeStampRequest(der: Uint8Array): TimeStampRequest {
  const request = pkijs.TimeStampReq.fromBER(arrayBufferOf(der));
  return {
    hashAlgorithm: request.messageImprint.hashAlgorithm.algorithmId,
    hashedMessage: new Uint8Array(request.messageImprint.hashedMessage.valueBlock.valueHexView),
    ...(request.nonce ? { nonce: new Uint8Array(request.nonce.valueBlock.valueHexView) } : {}),
    certReq: request.certReq ?? false,
    ...(request.reqPolicy ? { reqPolicy: request.reqPolicy } : {}),
  };
}

/**
 * Issues an RFC 3161 time-stamp token: TSTInfo (the imprint, a fresh serial, `at` as genTime, the
 * request's nonce) signed by the TSA as CMS SignedData of content type id-ct-TSTInfo, with the
 * TSA's certificate chain when the request asks for it (ESS signingCertificateV2 is always signed).
 */
export async function issueTimeStampToken(request: TimeStampRequest, tsa: Signer, at: Date): Promise<Uint8Array> {
  const serial = new Uint8Array(randomBytes(16));
  serial[0]! &= 0x7f;
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: request.reqPolicy ?? DEMO_TSA_POLICY,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: request.hashAlgorithm, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: arrayBufferOf(request.hashedMessage) }),
    }),
    serialNumber: new asn1js.Integer({ valueHex: arrayBufferOf(serial) }),
    genTime: at,
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ...(request.nonce ? { nonce: new asn1js.Integer({ valueHex: arrayBufferOf(request.nonce) }) } : {}),
  });
  const content = new Uint8Array(tstInfo.toSchema().toBER());
  return createCms(content, tsa, { detached: false, signingTime: at, contentType: CMS_OIDS.tstInfo, includeCertificates: request.certReq });
}
