import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { arrayBufferOf, sameBytes } from '../der-or-pem.js';
import { parseTimeStampToken } from '../cms/time-stamp-token.js';

const SHA256 = '2.16.840.1.101.3.4.2.1';

/** Gets RFC 3161 time-stamp tokens over data. */
export interface TimeStampClient {
  /** A token whose message imprint is the SHA-256 of `data` (DER ContentInfo). */
  timeStamp(data: Uint8Array): Promise<Uint8Array>;
}

/** A TSA that did not grant a token, or answered something that is not the token asked for. */
export class TimeStampFailed extends Error {}

/**
 * RFC 3161 over HTTP (§3.4): POST a DER TimeStampReq (SHA-256 imprint, a fresh nonce, the TSA's
 * certificate asked for) as application/timestamp-query; the reply must grant a token whose
 * imprint and nonce are the ones sent. NCA RK's TSP service is spoken to this way.
 */
export function httpTimeStampClient(url: string, options: { timeoutMs?: number } = {}): TimeStampClient {
  return {
    async timeStamp(data) {
      const hashed = new Uint8Array(createHash('sha256').update(data).digest());
      const nonce = new Uint8Array(randomBytes(8));
      nonce[0]! &= 0x7f;
      const request = new pkijs.TimeStampReq({
        version: 1,
        messageImprint: new pkijs.MessageImprint({
          hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256, algorithmParams: new asn1js.Null() }),
          hashedMessage: new asn1js.OctetString({ valueHex: arrayBufferOf(hashed) }),
        }),
        nonce: new asn1js.Integer({ valueHex: arrayBufferOf(nonce) }),
        certReq: true,
      });
      let answer: Response;
      try {
        answer = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/timestamp-query' },
          body: Buffer.from(request.toSchema().toBER()),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (e) {
        throw new TimeStampFailed(`the TSA at ${url} did not answer: ${(e as Error).message}`);
      }
      if (!answer.ok) throw new TimeStampFailed(`the TSA answered HTTP ${answer.status}`);
      const response = pkijs.TimeStampResp.fromBER(await answer.arrayBuffer());
      if (response.status.status !== pkijs.PKIStatus.granted && response.status.status !== pkijs.PKIStatus.grantedWithMods) {
        throw new TimeStampFailed(`the TSA refused the request (status ${response.status.status})`);
      }
      if (!response.timeStampToken) throw new TimeStampFailed('the TSA granted no token');
      const token = new Uint8Array(response.timeStampToken.toSchema().toBER());
      const { tstInfo } = parseTimeStampToken(token);
      const imprint = new Uint8Array(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView);
      const echoed = tstInfo.nonce ? new Uint8Array(tstInfo.nonce.valueBlock.valueHexView) : undefined;
      if (tstInfo.messageImprint.hashAlgorithm.algorithmId !== SHA256 || !sameBytes(imprint, hashed)) throw new TimeStampFailed('the token stamps other data');
      if (!echoed || !sameBytes(echoed, nonce)) throw new TimeStampFailed('the token does not answer this request (nonce)');
      return token;
    },
  };
}
