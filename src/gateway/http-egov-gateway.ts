import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  notConfirmedFailure,
  notFoundFailure,
  type EgovGateway,
  type GatewayFailure,
  type GatewaySubject,
  type LegalEntityRecord,
  type PersonRecord,
} from '../app/ports/egov-gateway.js';
import { parseBin } from '../core/identity/bin.js';
import { parseIin } from '../core/identity/iin.js';
import { err, ok, type Result } from '../core/result.js';
import { identifierRefusedFailure, invalidIdentifierFailure, protocolFailure, timeoutFailure, unavailableFailure } from './gateway-failures.js';
import {
  DEFAULT_SERVICE_IDS,
  legalEntityRequestData,
  personRequestData,
  readLegalEntityAnswer,
  readPersonAnswer,
  type RegistryAnswer,
  type ServiceIds,
} from './registry-data.js';
import { buildSyncRequest, parseSyncReply, SUCCESS_STATUS } from './sync-channel-messages.js';
import type { XmlNode } from './xml-tree.js';

/** How to reach the gateway's synchronous channel and how patiently. */
export interface HttpEgovGatewayOptions {
  /** The SyncChannel endpoint URL. */
  readonly url: string;
  /** The sender id the gateway registered us under. */
  readonly senderId: string;
  /** The sender's password. */
  readonly password: string;
  /** How long one attempt may take, answer body included. */
  readonly timeoutMs: number;
  /** Attempts after the first, made only after a timeout, a network error or an HTTP 5xx without a SOAP answer. */
  readonly retries: number;
  /** The pause before the n-th retry is n × backoffMs; 200 ms by default. */
  readonly backoffMs?: number;
  /** The service id of each lookup; the simulator's by default. */
  readonly serviceIds?: ServiceIds;
  /** Let the 12-digit test identities of the NCA test certificates through (see IdentifierOptions). */
  readonly acceptTestIdentities?: boolean;
  /** The fetch to use; the global one by default. */
  readonly fetch?: typeof fetch;
  /** Makes a message id; a random UUID by default. */
  readonly newMessageId?: () => string;
  /** The clock for messageDate. */
  readonly now?: () => Date;
}

// One attempt either settles the request (an answer, good or bad) or is worth repeating.
type Attempt =
  { readonly settled: Result<readonly XmlNode[], GatewayFailure> } | { readonly retry: 'timeout' } | { readonly retry: 'unavailable'; readonly cause: string };

/** The e-government gateway over HTTP: SOAP 1.1 SendMessage on the synchronous channel. */
export function createHttpEgovGateway(options: HttpEgovGatewayOptions): EgovGateway {
  const fetchFn = options.fetch ?? fetch;
  const backoffMs = options.backoffMs ?? 200;
  const serviceIds = options.serviceIds ?? DEFAULT_SERVICE_IDS;
  const newMessageId = options.newMessageId ?? randomUUID;
  const now = options.now ?? (() => new Date());
  const identifierOptions = { acceptTestIdentities: options.acceptTestIdentities ?? false };

  async function attempt(body: string, messageId: string): Promise<Attempt> {
    let status: number;
    let text: string;
    try {
      const response = await fetchFn(options.url, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (e) {
      if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return { retry: 'timeout' };
      return { retry: 'unavailable', cause: networkCause(e) };
    }
    const reply = parseSyncReply(text);
    if (reply.ok && reply.value.kind === 'fault') {
      // A fault is the gateway's definite word (SOAP 1.1 sends it with HTTP 500): not retried.
      const f = reply.value.fault;
      const detail = f.detail ? ` [${f.detail.errorCode}: ${f.detail.errorMessage}]` : '';
      return { settled: err(protocolFailure(`SOAP Fault ${f.faultCode}: ${f.faultString}${detail}`)) };
    }
    if (status >= 500) return { retry: 'unavailable', cause: `HTTP ${status}` };
    if (status !== 200) return { settled: err(protocolFailure(`HTTP ${status}`)) };
    if (!reply.ok) return { settled: err(protocolFailure(reply.error)) };
    if (reply.value.kind !== 'response') return { settled: err(protocolFailure('no SendMessageResponse')) };
    const answer = reply.value.response;
    if (answer.correlationId !== undefined && answer.correlationId !== messageId) {
      return { settled: err(protocolFailure(`the answer is to message ${answer.correlationId}, not ${messageId}`)) };
    }
    if (answer.status.code !== SUCCESS_STATUS) return { settled: err(protocolFailure(`status ${answer.status.code}: ${answer.status.message}`)) };
    return { settled: ok(answer.data) };
  }

  async function exchange(serviceId: string, data: readonly XmlNode[]): Promise<Result<readonly XmlNode[], GatewayFailure>> {
    // The same message (same id) is sent on every attempt, so the gateway may tell a repeat.
    const messageId = newMessageId();
    const body = buildSyncRequest({
      messageId,
      serviceId,
      messageDate: now().toISOString(),
      sender: { senderId: options.senderId, password: options.password },
      data,
    });
    const attempts = Math.max(0, Math.floor(options.retries)) + 1;
    // The last attempt's reason is the one reported: it is the freshest news of the gateway.
    let failure = timeoutFailure(options.timeoutMs, attempts);
    for (let n = 1; n <= attempts; n++) {
      if (n > 1) await sleep(backoffMs * (n - 1));
      const outcome = await attempt(body, messageId);
      if ('settled' in outcome) return outcome.settled;
      failure = outcome.retry === 'timeout' ? timeoutFailure(options.timeoutMs, attempts) : unavailableFailure(outcome.cause, attempts);
    }
    return err(failure);
  }

  async function lookup<T>(
    subject: GatewaySubject,
    serviceId: string,
    data: readonly XmlNode[],
    read: (data: readonly XmlNode[]) => Result<RegistryAnswer<T>, string>,
    idOf: (record: T) => string,
  ): Promise<Result<T, GatewayFailure>> {
    const asked = subject.kind === 'person' ? subject.iin : subject.bin;
    const answered = await exchange(serviceId, data);
    if (!answered.ok) return answered;
    const answer = read(answered.value);
    if (!answer.ok) return err(protocolFailure(answer.error));
    switch (answer.value.result) {
      case 'found':
        if (idOf(answer.value.record) !== asked) return err(protocolFailure(`asked for ${asked}, got the record of ${idOf(answer.value.record)}`));
        return ok(answer.value.record);
      case 'not-found':
        return err(notFoundFailure(subject));
      case 'not-confirmed':
        return err(notConfirmedFailure(subject));
      case 'invalid-identifier':
        return err(identifierRefusedFailure(subject.kind, asked));
    }
  }

  return {
    async person(iin: string): Promise<Result<PersonRecord, GatewayFailure>> {
      const parsed = parseIin(iin, identifierOptions);
      if (!parsed.ok) return err(invalidIdentifierFailure(parsed.error));
      const value = parsed.value.value;
      return lookup({ kind: 'person', iin: value }, serviceIds.person, personRequestData(value), readPersonAnswer, (p) => p.iin);
    },
    async legalEntity(bin: string): Promise<Result<LegalEntityRecord, GatewayFailure>> {
      const parsed = parseBin(bin, identifierOptions);
      if (!parsed.ok) return err(invalidIdentifierFailure(parsed.error));
      const value = parsed.value.value;
      return lookup({ kind: 'legal-entity', bin: value }, serviceIds.legalEntity, legalEntityRequestData(value), readLegalEntityAnswer, (e) => e.bin);
    },
  };
}

// fetch reports a refused connection as TypeError("fetch failed") with the system error as cause.
function networkCause(e: unknown): string {
  const cause = e instanceof Error ? (e.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return `network error ${cause.code}`;
  return `network error: ${e instanceof Error ? e.message : String(e)}`;
}
