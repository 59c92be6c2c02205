import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CMS_OIDS } from '../../src/signature/oids.js';

/** A detached CMS turned into an attached one by putting `content` in its encapsulated content (the signer infos untouched). */
export function rewrapAsAttached(detached: Uint8Array, content: Uint8Array): Uint8Array {
  const info = pkijs.ContentInfo.fromBER(detached.slice().buffer);
  const signed = new pkijs.SignedData({ schema: info.content });
  signed.encapContentInfo = new pkijs.EncapsulatedContentInfo({
    eContentType: CMS_OIDS.data,
    eContent: new asn1js.OctetString({ valueHex: content.slice().buffer }),
  });
  return new Uint8Array(new pkijs.ContentInfo({ contentType: CMS_OIDS.signedData, content: signed.toSchema(true) }).toSchema().toBER());
}
