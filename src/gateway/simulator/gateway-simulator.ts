import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LegalEntityRecord, PersonRecord } from '../../app/ports/egov-gateway.js';
import { parseBin } from '../../core/identity/bin.js';
import { parseIin } from '../../core/identity/iin.js';
import { DEFAULT_SERVICE_IDS, legalEntityAnswerData, personAnswerData, readRegistryRequest, type RegistryAnswer, type ServiceIds } from '../registry-data.js';
import {
  buildSoapFault,
  buildSyncResponse,
  parseSyncRequest,
  SUCCESS_STATUS,
  type SoapFault,
  type SyncRequest,
  type SyncSender,
} from '../sync-channel-messages.js';
import type { XmlNode } from '../xml-tree.js';
import type { TSimulatorSeed } from './simulator-seed.js';

/** The path the simulator serves SendMessage on. */
export const SIMULATOR_PATH = '/sync-channel';

// Larger bodies are refused: a lookup request is well under a kilobyte.
const MAX_BODY_BYTES = 1024 * 1024;

/** Misbehaviour to inject, for testing how a client copes. */
export interface GatewaySimulatorFaults {
  /** Every answer, good or bad, is held back this long. */
  readonly delayMs?: number;
  /** The first N requests are answered HTTP 503 with no SOAP body, as an overloaded gateway does. */
  readonly failFirst?: number;
}

/** Where to listen, what to answer from and how to misbehave. */
export interface GatewaySimulatorOptions {
  /** The TCP port; 0 picks a free one. */
  readonly port?: number;
  /** The interface; 127.0.0.1 by default. */
  readonly host?: string;
  /** The records to answer from. */
  readonly seed: TSimulatorSeed;
  readonly faults?: GatewaySimulatorFaults;
  /** The service id of each lookup; DEFAULT_SERVICE_IDS by default. */
  readonly serviceIds?: ServiceIds;
  /** When given, only this sender is let in; any sender otherwise. */
  readonly sender?: SyncSender;
  /** The clock for responseDate. */
  readonly now?: () => Date;
}

/** A running simulator. */
export interface GatewaySimulator {
  /** The SyncChannel endpoint to give a client. */
  readonly url: string;
  readonly serviceIds: ServiceIds;
  /** SendMessage requests received so far, the ones answered 503 included. */
  requestCount(): number;
  /** Stops listening, drops open connections and pending delayed answers. */
  close(): Promise<void>;
}

/**
 * Starts a stand-in for the e-government gateway's synchronous channel that answers person and
 * legal-entity lookups from a seed. Rejects with the listen error (e.g. EADDRINUSE).
 */
export async function startGatewaySimulator(options: GatewaySimulatorOptions): Promise<GatewaySimulator> {
  const serviceIds = options.serviceIds ?? DEFAULT_SERVICE_IDS;
  const now = options.now ?? (() => new Date());
  const people = new Map(options.seed.individuals.map((p) => [p.iin, p]));
  const entities = new Map(options.seed.legalEntities.map((e) => [e.bin, e]));
  const delayMs = options.faults?.delayMs ?? 0;
  let failuresLeft = options.faults?.failFirst ?? 0;
  let requests = 0;
  const timers = new Set<NodeJS.Timeout>();

  const later = (fn: () => void): void => {
    if (delayMs <= 0) return fn();
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, delayMs);
    timers.add(timer);
  };

  function answerPerson(iin: string): RegistryAnswer<PersonRecord> {
    if (!parseIin(iin, { acceptTestIdentities: true }).ok) return { result: 'invalid-identifier' };
    const p = people.get(iin);
    if (!p) return { result: 'not-found' };
    if (!p.confirmed) return { result: 'not-confirmed' };
    return {
      result: 'found',
      record: { iin: p.iin, lastName: p.lastName, firstName: p.firstName, ...(p.middleName ? { middleName: p.middleName } : {}), birthDate: p.birthDate },
    };
  }

  function answerEntity(bin: string): RegistryAnswer<LegalEntityRecord> {
    if (!parseBin(bin, { acceptTestIdentities: true }).ok) return { result: 'invalid-identifier' };
    const e = entities.get(bin);
    if (!e) return { result: 'not-found' };
    if (!e.confirmed) return { result: 'not-confirmed' };
    const { confirmed: _c, note: _n, ...record } = e;
    return { result: 'found', record };
  }

  // The answer to a well-formed SendMessage: data for the caller, or the fault to send instead.
  function serve(request: SyncRequest): { data: XmlNode[] } | { fault: SoapFault } {
    if (options.sender && (request.sender.senderId !== options.sender.senderId || request.sender.password !== options.sender.password)) {
      return {
        fault: {
          faultCode: 'Client',
          faultString: 'sender not authorised',
          detail: { errorCode: 'SENDER_NOT_AUTHORISED', errorMessage: `unknown sender ${request.sender.senderId} or wrong password` },
        },
      };
    }
    const asked = readRegistryRequest(request.data);
    if (request.serviceId === serviceIds.person && asked?.kind === 'person') return { data: personAnswerData(answerPerson(asked.iin)) };
    if (request.serviceId === serviceIds.legalEntity && asked?.kind === 'legal-entity') return { data: legalEntityAnswerData(answerEntity(asked.bin)) };
    if (request.serviceId !== serviceIds.person && request.serviceId !== serviceIds.legalEntity) {
      return {
        fault: {
          faultCode: 'Client',
          faultString: `unknown serviceId ${request.serviceId}`,
          detail: { errorCode: 'SERVICE_NOT_FOUND', errorMessage: `no service ${request.serviceId}` },
        },
      };
    }
    return {
      fault: {
        faultCode: 'Client',
        faultString: `the data does not fit service ${request.serviceId}`,
        detail: { errorCode: 'INVALID_DATA', errorMessage: 'unreadable request data' },
      },
    };
  }

  function reply(res: ServerResponse, status: number, body: string, type = 'text/xml; charset=utf-8'): void {
    // A client that gave up (timeout) has closed the socket; there is no one to answer.
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://simulator').pathname;
    if (path !== SIMULATOR_PATH) return reply(res, 404, `Not found; SendMessage is served at ${SIMULATOR_PATH}\n`, 'text/plain; charset=utf-8');
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return reply(res, 405, 'POST a SOAP 1.1 SendMessage envelope\n', 'text/plain; charset=utf-8');
    }
    requests += 1;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      later(() => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          return reply(res, 503, 'Service Unavailable\n', 'text/plain; charset=utf-8');
        }
        if (size > MAX_BODY_BYTES) return reply(res, 413, buildSoapFault({ faultCode: 'Client', faultString: 'message too large' }));
        const parsed = parseSyncRequest(Buffer.concat(chunks).toString('utf8'));
        if (!parsed.ok) return reply(res, 500, buildSoapFault(parsed.error));
        const outcome = serve(parsed.value);
        if ('fault' in outcome) return reply(res, 500, buildSoapFault(outcome.fault));
        const request = parsed.value;
        reply(
          res,
          200,
          buildSyncResponse({
            messageId: randomUUID(),
            correlationId: request.messageId,
            responseDate: now().toISOString(),
            status: { code: SUCCESS_STATUS, message: 'OK' },
            ...(request.sessionId !== undefined ? { sessionId: request.sessionId } : {}),
            data: outcome.data,
          }),
        );
      });
    });
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      // A bug in the simulator must not take it down; the client sees a Server fault.
      reply(res, 500, buildSoapFault({ faultCode: 'Server', faultString: `simulator error: ${e instanceof Error ? e.message : String(e)}` }));
    }
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}${SIMULATOR_PATH}`,
    serviceIds,
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
