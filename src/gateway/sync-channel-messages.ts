// The synchronous channel of the e-government gateway (ШЭП / ЭҮШ), SOAP 1.1.
//
// Modelled on the public shape of its SyncChannel v10 service, as it shows in published
// client code and WSDL-generated types:
//   - operation SendMessage in namespace http://bip.bee.kz/SyncChannel/v10/Types, its
//     children unqualified: request { requestInfo, requestData };
//   - requestInfo { messageId, correlationId?, serviceId, messageDate, sender { senderId,
//     password }, sessionId? }, requestData { data } where data is xs:anyType;
//   - SendMessageResponse { response { responseInfo { messageId, correlationId?,
//     responseDate, status { code, message }, sessionId? }, responseData { data } } };
//   - errors as a SOAP Fault whose detail holds SendMessageFault1_SendMessageFault.
// Our own assumptions, not established from a public source:
//   - the fault detail's children (errorCode, errorMessage);
//   - the status code of a delivered answer, SUCCESS_STATUS below;
//   - the SOAPAction header (we send an empty one) and the endpoint path;
//   - no WS-Security: the live gateway wants the message signed (XML-DSig, GOST) and a
//     registered sender; the simulator checks neither the signature nor the sender's rights.
// What travels inside <data> for the person and legal-entity services is ours too: see
// registry-data.ts.
import { err, ok, type Result } from '../core/result.js';
import { childNamed, el, elementChildren, parseXml, serializeXml, textOf, type XmlElement, type XmlNode } from './xml-tree.js';

/** The SOAP 1.1 envelope namespace. */
export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** The namespace of the SyncChannel v10 operation elements. */
export const SYNC_CHANNEL_NS = 'http://bip.bee.kz/SyncChannel/v10/Types';
/** The status code our simulator gives a delivered answer (an assumption; see the file head). */
export const SUCCESS_STATUS = 'SUCCESS';

const PREFIXES = { soap: SOAP_ENVELOPE_NS, sc: SYNC_CHANNEL_NS };

/** Who calls the gateway: a registered sender and its password. */
export interface SyncSender {
  readonly senderId: string;
  readonly password: string;
}

/** A SendMessage request. */
export interface SyncRequest {
  readonly messageId: string;
  readonly correlationId?: string;
  readonly serviceId: string;
  /** ISO 8601 date-time. */
  readonly messageDate: string;
  readonly sender: SyncSender;
  readonly sessionId?: string;
  /** The content of <data>, for the service to read. */
  readonly data: readonly XmlNode[];
}

/** A SendMessage answer. */
export interface SyncResponse {
  readonly messageId: string;
  readonly correlationId?: string;
  /** ISO 8601 date-time. */
  readonly responseDate: string;
  readonly status: { readonly code: string; readonly message: string };
  readonly sessionId?: string;
  readonly data: readonly XmlNode[];
}

/** A SOAP 1.1 fault: who is at fault (Client or Server), why, and the gateway's own error. */
export interface SoapFault {
  readonly faultCode: 'Client' | 'Server';
  readonly faultString: string;
  readonly detail?: { readonly errorCode: string; readonly errorMessage: string };
}

/** What came back on the synchronous channel: an answer or a fault. */
export type SyncReply = { readonly kind: 'response'; readonly response: SyncResponse } | { readonly kind: 'fault'; readonly fault: SoapFault };

const leaf = (local: string, text: string | undefined): XmlElement | undefined => (text === undefined ? undefined : el(null, local, text));

const envelope = (body: XmlElement): string =>
  `<?xml version="1.0" encoding="UTF-8"?>${serializeXml(el(SOAP_ENVELOPE_NS, 'Envelope', el(SOAP_ENVELOPE_NS, 'Body', body)), PREFIXES)}`;

/** Writes a SendMessage request envelope. */
export function buildSyncRequest(request: SyncRequest): string {
  return envelope(
    el(
      SYNC_CHANNEL_NS,
      'SendMessage',
      el(
        null,
        'request',
        el(
          null,
          'requestInfo',
          leaf('messageId', request.messageId),
          leaf('correlationId', request.correlationId),
          leaf('serviceId', request.serviceId),
          leaf('messageDate', request.messageDate),
          el(null, 'sender', leaf('senderId', request.sender.senderId), leaf('password', request.sender.password)),
          leaf('sessionId', request.sessionId),
        ),
        el(null, 'requestData', el(null, 'data', ...request.data)),
      ),
    ),
  );
}

/** Writes a SendMessageResponse envelope. */
export function buildSyncResponse(response: SyncResponse): string {
  return envelope(
    el(
      SYNC_CHANNEL_NS,
      'SendMessageResponse',
      el(
        null,
        'response',
        el(
          null,
          'responseInfo',
          leaf('messageId', response.messageId),
          leaf('correlationId', response.correlationId),
          leaf('responseDate', response.responseDate),
          el(null, 'status', leaf('code', response.status.code), leaf('message', response.status.message)),
          leaf('sessionId', response.sessionId),
        ),
        el(null, 'responseData', el(null, 'data', ...response.data)),
      ),
    ),
  );
}

/** Writes a SOAP 1.1 Fault envelope. */
export function buildSoapFault(fault: SoapFault): string {
  return envelope(
    el(
      SOAP_ENVELOPE_NS,
      'Fault',
      el(null, 'faultcode', `soap:${fault.faultCode}`),
      el(null, 'faultstring', fault.faultString),
      fault.detail
        ? el(
            null,
            'detail',
            el(
              SYNC_CHANNEL_NS,
              'SendMessageFault1_SendMessageFault',
              el(null, 'errorCode', fault.detail.errorCode),
              el(null, 'errorMessage', fault.detail.errorMessage),
            ),
          )
        : undefined,
    ),
  );
}

// Inside the operation element the WSDL's children are unqualified, but clients differ in
// how they write them; matching by local name accepts both.
const part = (parent: XmlElement, local: string): XmlElement | undefined => elementChildren(parent).find((c) => c.local === local);
const partText = (parent: XmlElement, local: string): string | undefined => {
  const p = part(parent, local);
  const text = p ? textOf(p) : '';
  return text === '' ? undefined : text;
};

const clientFault = (why: string): SoapFault => ({ faultCode: 'Client', faultString: why });

/** The single element inside soap:Body, or why there is none. */
function bodyContent(xml: string): Result<XmlElement, string> {
  const doc = parseXml(xml);
  if (!doc.ok) return doc;
  const root = doc.value;
  if (root.ns !== SOAP_ENVELOPE_NS || root.local !== 'Envelope') return err('not a SOAP 1.1 envelope');
  const body = childNamed(root, SOAP_ENVELOPE_NS, 'Body');
  if (!body) return err('the SOAP envelope has no Body');
  const content = elementChildren(body);
  if (content.length !== 1) return err('the SOAP Body must hold exactly one element');
  return ok(content[0]!);
}

/** Reads a SendMessage request; a request that cannot be read gives the fault to answer with. */
export function parseSyncRequest(xml: string): Result<SyncRequest, SoapFault> {
  const content = bodyContent(xml);
  if (!content.ok) return err(clientFault(content.error));
  const op = content.value;
  if (op.ns !== SYNC_CHANNEL_NS || op.local !== 'SendMessage') return err(clientFault(`unknown operation {${op.ns ?? ''}}${op.local}; expected SendMessage`));
  const request = part(op, 'request');
  const info = request && part(request, 'requestInfo');
  if (!request || !info) return err(clientFault('SendMessage has no request/requestInfo'));
  const sender = part(info, 'sender');
  const messageId = partText(info, 'messageId');
  const serviceId = partText(info, 'serviceId');
  const messageDate = partText(info, 'messageDate');
  const senderId = sender && partText(sender, 'senderId');
  const password = sender && partText(sender, 'password');
  const missing = Object.entries({ messageId, serviceId, messageDate, senderId, password })
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  if (missing.length > 0) return err(clientFault(`requestInfo lacks ${missing.join(', ')}`));
  const requestData = part(request, 'requestData');
  const data = requestData && part(requestData, 'data');
  if (!data) return err(clientFault('SendMessage has no requestData/data'));
  const correlationId = partText(info, 'correlationId');
  const sessionId = partText(info, 'sessionId');
  return ok({
    messageId: messageId!,
    ...(correlationId !== undefined ? { correlationId } : {}),
    serviceId: serviceId!,
    messageDate: messageDate!,
    sender: { senderId: senderId!, password: password! },
    ...(sessionId !== undefined ? { sessionId } : {}),
    data: data.children,
  });
}

/** Reads what the gateway answered: a SendMessageResponse or a Fault, or why it is neither. */
export function parseSyncReply(xml: string): Result<SyncReply, string> {
  const content = bodyContent(xml);
  if (!content.ok) return content;
  const node = content.value;
  if (node.ns === SOAP_ENVELOPE_NS && node.local === 'Fault') return ok({ kind: 'fault', fault: readFault(node) });
  if (node.ns !== SYNC_CHANNEL_NS || node.local !== 'SendMessageResponse') return err(`unexpected answer {${node.ns ?? ''}}${node.local}`);
  const response = part(node, 'response');
  const info = response && part(response, 'responseInfo');
  const status = info && part(info, 'status');
  if (!response || !info || !status) return err('SendMessageResponse has no response/responseInfo/status');
  const messageId = partText(info, 'messageId');
  const responseDate = partText(info, 'responseDate');
  const code = partText(status, 'code');
  if (messageId === undefined || responseDate === undefined || code === undefined) return err('responseInfo lacks messageId, responseDate or status code');
  const responseData = part(response, 'responseData');
  const data = responseData && part(responseData, 'data');
  const correlationId = partText(info, 'correlationId');
  const sessionId = partText(info, 'sessionId');
  return ok({
    kind: 'response',
    response: {
      messageId,
      ...(correlationId !== undefined ? { correlationId } : {}),
      responseDate,
      status: { code, message: partText(status, 'message') ?? '' },
      ...(sessionId !== undefined ? { sessionId } : {}),
      data: data?.children ?? [],
    },
  });
}

function readFault(fault: XmlElement): SoapFault {
  const code = partText(fault, 'faultcode') ?? '';
  // faultcode is a QName such as soap:Client; SOAP 1.1 lets it be refined as Client.Auth.
  const local = code.slice(code.indexOf(':') + 1);
  const detail = part(fault, 'detail');
  const info = detail && elementChildren(detail)[0];
  const errorCode = info && partText(info, 'errorCode');
  const errorMessage = info && partText(info, 'errorMessage');
  return {
    faultCode: local.startsWith('Client') ? 'Client' : 'Server',
    faultString: partText(fault, 'faultstring') ?? '',
    ...(errorCode !== undefined ? { detail: { errorCode, errorMessage: errorMessage ?? '' } } : {}),
  };
}
