import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { X509 } from '../certificate/parse-certificates.js';
import { arrayBufferOf } from '../der-or-pem.js';
import { digestOidOf } from '../oids.js';

/** The OCSP CertID (SHA-256) of a certificate serial under its issuer. */
export function ocspCertId(serialNumber: Uint8Array, issuer: X509): pkijs.CertID {
  const issuerName = new Uint8Array(issuer.cert.subject.toSchema().toBER());
  const issuerKey = issuer.cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  const sha256 = (b: Uint8Array) => arrayBufferOf(new Uint8Array(createHash('sha256').update(b).digest()));
  return new pkijs.CertID({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: digestOidOf('sha256'), algorithmParams: new asn1js.Null() }),
    issuerNameHash: new asn1js.OctetString({ valueHex: sha256(issuerName) }),
    issuerKeyHash: new asn1js.OctetString({ valueHex: sha256(issuerKey) }),
    serialNumber: new asn1js.Integer({ valueHex: arrayBufferOf(serialNumber) }),
  });
}

/** A DER OCSPRequest for one certificate, with a nonce when given (RFC 6960 §4.1, §4.4.1). */
export function ocspRequestFor(certificate: X509, issuer: X509, nonce?: Uint8Array): Uint8Array {
  const request = new pkijs.OCSPRequest();
  request.tbsRequest.requestList = [new pkijs.Request({ reqCert: ocspCertId(new Uint8Array(certificate.cert.serialNumber.valueBlock.valueHexView), issuer) })];
  if (nonce) {
    request.tbsRequest.requestExtensions = [
      new pkijs.Extension({ extnID: '1.3.6.1.5.5.7.48.1.2', extnValue: new asn1js.OctetString({ valueHex: arrayBufferOf(nonce) }).toBER() }),
    ];
  }
  return new Uint8Array(request.toSchema(true).toBER());
}

/** What an OCSPRequest asks: the serials (hex) and the nonce, for responders. */
export function readOcspRequest(der: Uint8Array): { serials: Uint8Array[]; nonce?: Uint8Array } {
  const request = pkijs.OCSPRequest.fromBER(arrayBufferOf(der));
  const serials = request.tbsRequest.requestList.map((r) => new Uint8Array(r.reqCert.serialNumber.valueBlock.valueHexView));
  const nonceExt = request.tbsRequest.requestExtensions?.find((e) => e.extnID === '1.3.6.1.5.5.7.48.1.2');
  if (!nonceExt) return { serials };
  const inner = asn1js.fromBER(arrayBufferOf(new Uint8Array(nonceExt.extnValue.valueBlock.valueHexView)));
  const nonce =
    inner.result instanceof asn1js.OctetString
      ? new Uint8Array(inner.result.valueBlock.valueHexView)
      : new Uint8Array(nonceExt.extnValue.valueBlock.valueHexView);
  return { serials, nonce };
}
