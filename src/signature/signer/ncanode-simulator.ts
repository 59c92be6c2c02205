// A stand-in for an NCANode 3.x server, for tests and demos where no NCANode runs: the subset of its HTTP
// API this project uses (POST /cms/sign), answering as NCANode does and signing with the local adapter.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pkcs12Error } from '../pkcs12/pkcs12-error.js';
import { LocalPkcs12Signer } from './local-pkcs12-signer.js';
import { buildSimulatedCms } from './ncanode-simulator-cms.js';
import { SignerError } from './signer-error.js';

/** A running simulator. */
export interface NcanodeSimulator {
  /** Base URL, e.g. http://127.0.0.1:40123. */
  readonly url: string;
  /** Requests answered so far. */
  readonly requestCount: () => number;
  close(): Promise<void>;
}

/** Knobs for tests. */
export interface NcanodeSimulatorOptions {
  /** Answer each request only after this many milliseconds (to exercise client time-outs). */
  readonly delayMs?: number;
  /** The clock written into signingTime (default: the machine clock). */
  readonly now?: () => Date;
}

const MAX_BODY = 20 * 1024 * 1024;

class BadRequest extends Error {}

function reply(response: ServerResponse, status: number, body: Record<string, unknown>): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ status, message: status === 200 ? 'OK' : 'Error', ...body }));
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest('request too large');
    chunks.push(chunk as Buffer);
  }
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadRequest('expected a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw error instanceof BadRequest ? error : new BadRequest('invalid JSON');
  }
}

function base64Field(value: unknown, name: string): Uint8Array {
  if (typeof value !== 'string' || value.length === 0 || !/^[A-Za-z0-9+/\s]+=*\s*$/.test(value)) throw new BadRequest(`${name} must be base64`);
  return new Uint8Array(Buffer.from(value, 'base64'));
}

async function signCms(body: Record<string, unknown>, now: () => Date): Promise<Record<string, unknown>> {
  const data = base64Field(body.data, 'data');
  if (!Array.isArray(body.signers) || body.signers.length === 0) throw new BadRequest('signers must not be empty');
  if (body.withTsp === true) throw new BadRequest('the simulator has no time-stamp authority (withTsp)');
  const signers = body.signers.map((entry: unknown, i: number) => {
    const signer = (entry ?? {}) as Record<string, unknown>;
    if (typeof signer.password !== 'string' || signer.password.length === 0) throw new BadRequest(`signers[${i}].password must not be empty`);
    try {
      return LocalPkcs12Signer.fromPkcs12(base64Field(signer.key, `signers[${i}].key`), signer.password);
    } catch (error) {
      if (error instanceof Pkcs12Error || error instanceof SignerError) throw new BadRequest(`signers[${i}]: ${error.message}`);
      throw error;
    }
  });
  const cms = await buildSimulatedCms(data, signers, body.detached === true, now());
  return { cms: Buffer.from(cms).toString('base64') };
}

/** Starts the simulator on 127.0.0.1 at a free port. */
export async function startNcanodeSimulator(options: NcanodeSimulatorOptions = {}): Promise<NcanodeSimulator> {
  let count = 0;
  const now = options.now ?? (() => new Date());
  const delays = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    void (async () => {
      if (options.delayMs) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => (delays.delete(timer), resolve()), options.delayMs);
          delays.add(timer);
        });
      }
      if (response.destroyed) return;
      count++;
      try {
        if (request.method !== 'POST' || request.url !== '/cms/sign')
          return reply(response, 404, { message: `no such method: ${request.method} ${request.url}` });
        reply(response, 200, await signCms(await readJson(request), now));
      } catch (error) {
        if (error instanceof BadRequest) reply(response, 400, { message: error.message });
        else reply(response, 500, { message: (error as Error).message });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requestCount: () => count,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of delays) clearTimeout(timer);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
