import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sameBytes } from '../der-or-pem.js';
import { readOcspRequest } from '../revocation/ocsp-cert-id.js';
import type { TestIdentity, TestPki } from './build-test-pki.js';
import { createTestOcspResponse } from './create-test-ocsp-response.js';

/** A running CRL and OCSP service for a test PKI, on a free loopback port. */
export interface TestPkiServer {
  /** Pass to buildTestPki({ baseUrl }) so the certificates point here. */
  readonly baseUrl: string;
  /** The PKI to answer for (set once it is built). */
  serve(pki: TestPki): void;
  /** Requests received, as "METHOD /path". */
  readonly requests: string[];
  close(): Promise<void>;
}

const LEAVES = ['individualSigning', 'individualAuthentication', 'headSigning', 'employeeSigning', 'expired', 'revoked'] as const;

async function body(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Starts the service: GET /ca.crl, GET /ca-delta.crl, POST /ocsp (RFC 6960 over HTTP). */
export async function startTestPkiServer(): Promise<TestPkiServer> {
  let pki: TestPki | undefined;
  const requests: string[] = [];
  const server = createServer(async (request, response) => {
    const path = (request.url ?? '').replace(/^\/test-pki/, '');
    requests.push(`${request.method} ${path}`);
    if (!pki) return void response.writeHead(503).end();
    if (request.method === 'GET' && path === '/ca.crl')
      return void response.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(Buffer.from(pki.crl));
    if (request.method === 'GET' && path === '/ca-delta.crl')
      return void response.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(Buffer.from(pki.deltaCrl));
    if (request.method === 'POST' && path === '/ocsp') {
      const asked = readOcspRequest(await body(request));
      const serial = asked.serials[0]!;
      const known = LEAVES.map((name) => pki![name] as TestIdentity).find((i) =>
        sameBytes(new Uint8Array(i.certificate.cert.serialNumber.valueBlock.valueHexView), serial),
      );
      const status = !known
        ? { status: 'unknown' as const }
        : known === pki.revoked
          ? { status: 'revoked' as const, revokedAt: pki.revokedAt, reasonCode: 1 }
          : { status: 'good' as const };
      const der = await createTestOcspResponse({
        identity: pki.ocspResponder,
        issuer: pki.issuingCa,
        certificate: { serialNumber: serial },
        status,
        now: pki.now,
        ...(asked.nonce ? { nonce: asked.nonce } : {}),
      });
      return void response.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(Buffer.from(der));
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/test-pki`,
    serve: (p) => void (pki = p),
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
