import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Signer } from '../signer/signer.js';
import { issueTimeStampToken, parseTimeStampRequest } from './issue-time-stamp.js';

/** PKIFailureInfo bits (RFC 3161 §2.4.2) this TSA answers with. */
const BAD_ALGORITHM = 0;
const BAD_REQUEST = 2;
const BAD_DATA_FORMAT = 5;
const SHA256 = '2.16.840.1.101.3.4.2.1';
const DIGEST_LENGTHS: Record<string, number> = { [SHA256]: 32, '2.16.840.1.101.3.4.2.2': 48, '2.16.840.1.101.3.4.2.3': 64 };
const MAX_REQUEST = 16 * 1024;

/** A TimeStampResp refusing the request, with the failure bit set. */
function rejection(failureBit: number): Uint8Array {
  const bits = new Uint8Array([0x80 >> (failureBit % 8), 0, 0]).subarray(0, Math.floor(failureBit / 8) + 1);
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({
      status: pkijs.PKIStatus.rejection,
      failInfo: new asn1js.BitString({ valueHex: bits.buffer.slice(bits.byteOffset, bits.byteOffset + bits.byteLength), unusedBits: 7 - (failureBit % 8) }),
    }),
  });
  return new Uint8Array(response.toSchema().toBER());
}

/** The TSA's answer to one request body (DER TimeStampReq): granted with a token, or a rejection. */
export async function answerTimeStampRequest(body: Uint8Array, tsa: Signer, now: () => Date): Promise<Uint8Array> {
  let request;
  try {
    request = parseTimeStampRequest(body);
  } catch {
    return rejection(BAD_DATA_FORMAT);
  }
  const length = DIGEST_LENGTHS[request.hashAlgorithm];
  if (length === undefined) return rejection(BAD_ALGORITHM);
  if (request.hashedMessage.length !== length) return rejection(BAD_REQUEST);
  const token = await issueTimeStampToken(request, tsa, now());
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
    timeStampToken: pkijs.ContentInfo.fromBER(token.buffer.slice(token.byteOffset, token.byteOffset + token.byteLength) as ArrayBuffer),
  });
  return new Uint8Array(response.toSchema().toBER());
}

/**
 * The bundled demonstration TSA: RFC 3161 over HTTP (POST application/timestamp-query, answered
 * application/timestamp-reply) on a loopback port, signing with the demo PKI's TSA key. It stands
 * in for NCA RK's TSP service, which cannot be reached here; clients speak to it as to that one.
 */
export async function startTimeStampServer(options: { tsa: Signer; now?: () => Date; port?: number }): Promise<{ url: string; close: () => Promise<void> }> {
  const now = options.now ?? (() => new Date());
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
      res.writeHead(req.method === 'POST' ? 415 : 405).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      answerTimeStampRequest(new Uint8Array(Buffer.concat(chunks)), options.tsa, now).then(
        (answer) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from(answer)),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
