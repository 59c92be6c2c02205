import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SERVICE_IDS,
  legalEntityAnswerData,
  legalEntityRequestData,
  personAnswerData,
  personRequestData,
  readLegalEntityAnswer,
  readPersonAnswer,
  readRegistryRequest,
} from './registry-data.js';
import {
  buildSoapFault,
  buildSyncRequest,
  buildSyncResponse,
  parseSyncReply,
  parseSyncRequest,
  type SyncRequest,
  type SyncResponse,
} from './sync-channel-messages.js';
import { parseXml } from './xml-tree.js';

const request: SyncRequest = {
  messageId: '6f1c2b7e-1d1f-4c55-9a5e-0c2f1f0a9b11',
  serviceId: DEFAULT_SERVICE_IDS.person,
  messageDate: '2025-03-04T09:15:00.000Z',
  sender: { senderId: 'REGLAMENT', password: 'p<a>&"ss\'' },
  data: personRequestData('850515310013'),
};

const response: SyncResponse = {
  messageId: 'a0e4c1d2-0000-4000-8000-000000000001',
  correlationId: request.messageId,
  responseDate: '2025-03-04T09:15:01.000Z',
  status: { code: 'SUCCESS', message: 'OK' },
  data: personAnswerData({
    result: 'found',
    record: { iin: '850515310013', lastName: 'Сейтқали', firstName: 'Асқар', middleName: 'Нұрланұлы', birthDate: '1985-05-15' },
  }),
};

describe('SyncChannel envelopes', () => {
  it('round-trips a SendMessage request, escaping what needs escaping', () => {
    const xml = buildSyncRequest(request);
    expect(xml).toContain('<sc:SendMessage><request><requestInfo><messageId>');
    expect(xml).toContain('p&lt;a&gt;&amp;&quot;ss&apos;');
    expect(parseSyncRequest(xml)).toEqual({ ok: true, value: request });
  });

  it('round-trips optional correlationId and sessionId', () => {
    const withIds = { ...request, correlationId: 'c-1', sessionId: 's-1' };
    expect(parseSyncRequest(buildSyncRequest(withIds))).toEqual({ ok: true, value: withIds });
  });

  it('round-trips a SendMessageResponse with Kazakh text', () => {
    expect(parseSyncReply(buildSyncResponse(response))).toEqual({ ok: true, value: { kind: 'response', response } });
  });

  it('round-trips a SOAP fault with and without detail', () => {
    const fault = {
      faultCode: 'Client' as const,
      faultString: 'unknown serviceId X',
      detail: { errorCode: 'SERVICE_NOT_FOUND', errorMessage: 'no service X' },
    };
    expect(parseSyncReply(buildSoapFault(fault))).toEqual({ ok: true, value: { kind: 'fault', fault } });
    expect(parseSyncReply(buildSoapFault({ faultCode: 'Server', faultString: 'down' }))).toEqual({
      ok: true,
      value: { kind: 'fault', fault: { faultCode: 'Server', faultString: 'down' } },
    });
  });

  it('reads a request written by another client: other prefixes, whitespace, unqualified children', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">
        <S:Header/>
        <S:Body>
          <ns3:SendMessage xmlns:ns3="http://bip.bee.kz/SyncChannel/v10/Types">
            <request>
              <requestInfo>
                <messageId>m-1</messageId>
                <serviceId>${DEFAULT_SERVICE_IDS.legalEntity}</serviceId>
                <messageDate>2025-03-04T15:15:00+06:00</messageDate>
                <sender><senderId>X</senderId><password>Y</password></sender>
              </requestInfo>
              <requestData>
                <data><r:legalEntityRequest xmlns:r="urn:reglament:gateway:registry-data:v1"><r:bin> 090440010017 </r:bin></r:legalEntityRequest></data>
              </requestData>
            </request>
          </ns3:SendMessage>
        </S:Body>
      </S:Envelope>`;
    const parsed = parseSyncRequest(xml);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value).toMatchObject({ messageId: 'm-1', serviceId: DEFAULT_SERVICE_IDS.legalEntity, sender: { senderId: 'X', password: 'Y' } });
      expect(readRegistryRequest(parsed.value.data)).toEqual({ kind: 'legal-entity', bin: '090440010017' });
    }
  });

  it.each([
    ['not XML', 'hello'],
    ['malformed XML', '<a><b></a>'],
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>'],
    ['not an envelope', '<Envelope><Body/></Envelope>'],
    ['another operation', `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetMessage/></s:Body></s:Envelope>`],
    ['a request without sender', buildSyncRequest(request).replace(/<sender>.*<\/sender>/, '')],
  ])('answers %s with a Client fault', (_, xml) => {
    const parsed = parseSyncRequest(xml);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.faultCode).toBe('Client');
  });

  it('says why an answer is unreadable', () => {
    expect(parseSyncReply('<html>502 Bad Gateway</html>')).toMatchObject({ ok: false });
    expect(parseSyncReply(buildSyncRequest(request))).toMatchObject({ ok: false, error: expect.stringContaining('SendMessage') });
  });
});

describe('registry data (our own shape inside <data>)', () => {
  it('round-trips every person answer', () => {
    for (const answer of [
      { result: 'found' as const, record: { iin: '010203510015', lastName: 'Тұрсынов', firstName: 'Нұрсұлтан', birthDate: '2001-02-03' } },
      { result: 'not-found' as const },
      { result: 'not-confirmed' as const },
      { result: 'invalid-identifier' as const },
    ]) {
      expect(readPersonAnswer(personAnswerData(answer))).toEqual({ ok: true, value: answer });
    }
  });

  it('round-trips a legal-entity answer through a whole envelope', () => {
    const answer = {
      result: 'found' as const,
      record: {
        bin: '090440010017',
        name: { kk: '«Шипагер» медициналық орталығы ЖШС', ru: 'ТОО «Медицинский центр "Шипагер"»' },
        registeredAt: '2009-04-14',
        headIin: '771111310012',
        headName: 'Ахметов Ерлан Болатұлы',
        address: 'Астана қ.',
      },
    };
    const reply = parseSyncReply(buildSyncResponse({ ...response, data: legalEntityAnswerData(answer) }));
    expect(reply.ok && reply.value.kind === 'response' && readLegalEntityAnswer(reply.value.response.data)).toEqual({ ok: true, value: answer });
  });

  it('reads the identifier from a request', () => {
    expect(readRegistryRequest(personRequestData('850515310013'))).toEqual({ kind: 'person', iin: '850515310013' });
    expect(readRegistryRequest(legalEntityRequestData('090440010017'))).toEqual({ kind: 'legal-entity', bin: '090440010017' });
    expect(readRegistryRequest([])).toBeUndefined();
  });

  it('rejects an answer with an unknown result code or a missing field', () => {
    const doc = (inner: string) => {
      const parsed = parseXml(`<data><personResponse xmlns="urn:reglament:gateway:registry-data:v1">${inner}</personResponse></data>`);
      return parsed.ok ? parsed.value.children : [];
    };
    expect(readPersonAnswer(doc('<result>MAYBE</result>'))).toMatchObject({ ok: false });
    expect(readPersonAnswer(doc('<result>FOUND</result><person><iin>850515310013</iin></person>'))).toMatchObject({ ok: false });
  });
});
