import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { arrayBufferOf } from '../der-or-pem.js';
import { OCSP_OIDS } from '../oids.js';
import { ocspCertId } from '../revocation/ocsp-cert-id.js';
import type { TestIdentity } from './build-test-pki.js';

// OCSP responses of the test PKI's delegated responder (RFC 6960), signed with its ECDSA key.

/** The status to report. */
export type TestOcspStatus = { status: 'good' } | { status: 'unknown' } | { status: 'revoked'; revokedAt: Date; reasonCode?: number };

const crypto = webcrypto as unknown as Crypto;
pkijs.setEngine('node-webcrypto', new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto }));

function certStatusOf(s: TestOcspStatus): asn1js.BaseBlock {
  if (s.status === 'good') return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } });
  if (s.status === 'unknown') return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 } });
  const reason =
    s.reasonCode === undefined
      ? []
      : [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.Enumerated({ value: s.reasonCode })] })];
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: s.revokedAt }), ...reason] });
}

/** Signs an OCSP response about one certificate, carrying the nonce when one was asked for. */
export async function createTestOcspResponse(params: {
  identity: TestIdentity;
  issuer: TestIdentity;
  certificate: TestIdentity | { serialNumber: Uint8Array };
  status: TestOcspStatus;
  now: Date;
  nonce?: Uint8Array;
  nextUpdate?: Date;
}): Promise<Uint8Array> {
  const serial =
    'serialNumber' in params.certificate
      ? params.certificate.serialNumber
      : new Uint8Array(params.certificate.certificate.cert.serialNumber.valueBlock.valueHexView);
  const certId = ocspCertId(serial, params.issuer.certificate);

  const single = new pkijs.SingleResponse({
    certID: certId,
    certStatus: certStatusOf(params.status),
    thisUpdate: params.now,
    nextUpdate: params.nextUpdate ?? new Date(params.now.getTime() + 86400_000),
  });
  const basic = new pkijs.BasicOCSPResponse();
  basic.tbsResponseData.responderID = params.identity.certificate.cert.subject;
  basic.tbsResponseData.producedAt = params.now;
  basic.tbsResponseData.responses.push(single);
  if (params.nonce) {
    basic.tbsResponseData.responseExtensions = [
      new pkijs.Extension({ extnID: OCSP_OIDS.nonce, extnValue: new asn1js.OctetString({ valueHex: arrayBufferOf(params.nonce) }).toBER() }),
    ];
  }
  basic.certs = [params.identity.certificate.cert];
  await basic.sign(params.identity.privateKey, 'SHA-256');
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({ responseType: OCSP_OIDS.basicResponse, response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER() }) }),
  });
  return new Uint8Array(response.toSchema().toBER());
}
