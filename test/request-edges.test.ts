import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowCounts } from './fuzz/api-invariants.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** Words of English that must never appear inside a Kazakh or Russian answer. */
const ENGLISH = /\b(expected|received|invalid|required|string|number|minute|characters|too|must|error|bad request|client)\b/i;

/** Sends raw bytes to a listening server and reads the whole answer. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', (e) => (answer ? resolve(answer) : reject(e)));
    socket.write(bytes);
  });
}

describe.each(DATABASES)('requests at the edges on %s: a clear 4xx in the asked language, never a 500, nothing written', (database) => {
  let t: TestApp;
  let app: FastifyInstance;
  let clerk: string;
  let doctor: string;
  const get = (url: string, token: string | undefined, lang: string) =>
    app.inject({ method: 'GET', url, headers: { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) } });

  beforeAll(async () => {
    t = await startTestApp(database);
    app = t.app;
    const login = async (l: string) =>
      (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: l, password: t.deps.directory.demoPassword } })).json<{ token: string }>()
        .token;
    clerk = await login('committee-astana.clerk');
    doctor = await login('doctor.askar');
  }, 60_000);
  afterAll(async () => t?.close());

  it('refuses an inbox offset past any database integer with 422, in Kazakh, and still pages the ordinary way', async () => {
    for (const offset of ['99999999999999999999', '1e300', '-1', '1.5']) {
      const answer = await get(`/api/inbox?offset=${offset}`, clerk, 'kk');
      expect(answer.statusCode, offset).toBe(422);
      const message = answer.json<{ error: { code: string; message: string } }>().error;
      expect(message.code).toBe('invalid-input');
      expect(message.message).toMatch(/^Сұраныс жарамсыз \(offset: /);
      expect(message.message).not.toMatch(ENGLISH);
    }
    const page = await get('/api/inbox?offset=5&limit=10', clerk, 'kk');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ offset: 5, limit: 10 });
  });

  it('refuses a timeline instant with a year outside four digits, in Russian', async () => {
    for (const submitted of ['+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z', '0999-12-31T00:00:00Z', '+010000-01-01T00:00:00Z', '2026-13-01']) {
      const answer = await get(`/api/services/specialist-certificate/timeline?submitted=${encodeURIComponent(submitted)}`, undefined, 'ru');
      expect(answer.statusCode, submitted).toBe(422);
      expect(answer.json<{ error: { message: string } }>().error.message).toBe('Некорректное время или канал.');
    }
    expect(
      (await get(`/api/services/specialist-certificate/timeline?submitted=${encodeURIComponent('2026-04-06T10:00:00+05:00')}`, undefined, 'ru')).statusCode,
    ).toBe(200);
  });

  it('refuses a date that does not exist (30 February, 31 April), which the JavaScript parser would roll into March or May', async () => {
    for (const submitted of ['2026-02-30', '2026-02-29T10:00:00+05:00', '2026-04-31T09:00Z', '2026-06-00']) {
      const answer = await get(`/api/services/specialist-certificate/timeline?submitted=${encodeURIComponent(submitted)}`, undefined, 'kk');
      expect(answer.statusCode, submitted).toBe(422);
      expect(answer.json<{ error: { message: string } }>().error.message).toBe('Уақыт немесе арна жарамсыз.');
    }
    expect((await get(`/api/services/specialist-certificate/timeline?submitted=2028-02-29`, undefined, 'kk')).statusCode).not.toBe(200);
    expect((await get(`/api/services/specialist-certificate/timeline?submitted=2024-02-29T10:00:00%2B05:00`, undefined, 'kk')).statusCode).toBe(200);
  });

  it('gives no due for a year the working calendar does not hold, and marks dues that run into one as estimates', async () => {
    const outside = await get(`/api/services/specialist-certificate/timeline?submitted=${encodeURIComponent('2031-03-10T10:00:00+05:00')}`, undefined, 'kk');
    expect(outside.statusCode).toBe(422);
    const message = outside.json<{ error: { message: string } }>().error.message;
    expect(message).toBe(
      'Жұмыс күнтізбесінде 2031 жылдың мерекелері мен ауыстырулары жоқ, сондықтан мерзімдерді есептеу мүмкін емес. Күнтізбе 2015–2027 жылдарды қамтиды.',
    );
    expect(message).not.toMatch(ENGLISH);
    const inside = (
      await get(`/api/services/specialist-certificate/timeline?submitted=${encodeURIComponent('2026-04-06T10:00:00+05:00')}`, undefined, 'en')
    ).json<{ calendarMissingYears: number[] }>();
    expect(inside.calendarMissingYears).toEqual([]);
    const acrossTheEdge = (
      await get(`/api/services/specialist-certificate/timeline?submitted=${encodeURIComponent('2027-12-29T10:00:00+05:00')}`, undefined, 'en')
    ).json<{ calendarMissingYears: number[]; due: number }>();
    expect(new Date(acrossTheEdge.due).getUTCFullYear()).toBe(2028);
    expect(acrossTheEdge.calendarMissingYears).toEqual([2028]);
  });

  it('refuses a multipart upload without a boundary with 4xx in the asked language, storing no document', async () => {
    const before = await rowCounts(t.deps);
    for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; charset=utf-8']) {
      const answer = await app.inject({
        method: 'POST',
        url: '/api/attachments',
        headers: { authorization: `Bearer ${doctor}`, 'accept-language': 'kk', 'content-type': contentType },
        payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--x--\r\n',
      });
      expect(answer.statusCode, contentType).toBeGreaterThanOrEqual(400);
      expect(answer.statusCode, contentType).toBeLessThan(500);
      const message = answer.json<{ error: { message: string } }>().error.message;
      expect(message).toMatch(/[а-яәғқңөұүһі]/i);
      expect(message).not.toMatch(ENGLISH);
    }
    expect(await rowCounts(t.deps)).toEqual(before);
  });

  it('refuses a form cut off before its closing boundary as unreadable (not too large), and a file in another field, storing nothing', async () => {
    const before = await rowCounts(t.deps);
    const post = (payload: string, lang: string) =>
      app.inject({
        method: 'POST',
        url: '/api/attachments',
        headers: { authorization: `Bearer ${doctor}`, 'accept-language': lang, 'content-type': 'multipart/form-data; boundary=x' },
        payload,
      });
    const cut = await post(
      '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n%%EOF',
      'ru',
    );
    expect(cut.statusCode).toBe(422);
    expect(cut.json<{ error: { message: string } }>().error.message).toMatch(/^Не удалось прочитать форму/);
    const elsewhere = await post(
      '--x\r\nContent-Disposition: form-data; name="document"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n%%EOF\r\n--x--\r\n',
      'kk',
    );
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json<{ error: { message: string } }>().error.message).toBe('Файл жіберілмеді (multipart/form-data, "file" өрісі).');
    expect(await rowCounts(t.deps)).toEqual(before);
  });

  it('says why a body is invalid in Kazakh and Russian words, naming the field, with no English', async () => {
    const cases: unknown[] = [
      { service: 'specialist-certificate', channel: 'portal', applicant: { iin: '12' } },
      { service: '', channel: 'nowhere' },
      { channel: 'portal', extra: 1 },
      { service: 7, channel: 'portal', attachments: 'x' },
    ];
    for (const payload of cases) {
      for (const lang of ['kk', 'ru'] as const) {
        const answer = await app.inject({
          method: 'POST',
          url: '/api/applications',
          headers: { authorization: `Bearer ${doctor}`, 'accept-language': lang },
          payload: payload as object,
        });
        expect(answer.statusCode, JSON.stringify(payload)).toBe(422);
        const message = answer.json<{ error: { message: string } }>().error.message;
        expect(message, message).not.toMatch(ENGLISH);
      }
    }
    const iin = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { authorization: `Bearer ${doctor}`, 'accept-language': 'kk' },
      payload: cases[0] as object,
    });
    expect(iin.json<{ error: { message: string } }>().error.message).toContain('applicant.iin: 12 цифр болуы керек');
    const missing = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { authorization: `Bearer ${doctor}`, 'accept-language': 'ru' },
      payload: { channel: 'portal' },
    });
    expect(missing.json<{ error: { message: string } }>().error.message).toContain('service: обязательное поле');
  });

  it('answers requests Node itself cannot read (headers too large, broken framing) in the asked language, not a bare status line', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const huge = await rawExchange(port, `GET /api/services HTTP/1.1\r\nHost: x\r\nAccept-Language: ru\r\nX-Pad: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(huge).toContain('"message":"Заголовки запроса слишком велики."');
    const broken = await rawExchange(port, 'GET /api/services HTTP/1.1\r\nHost: x\r\nAccept-Language: kk\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n');
    expect(broken).toMatch(/^HTTP\/1\.1 400 /);
    expect(broken).toContain('"message":"Сұранысты оқу мүмкін болмады."');
    // An address too long for Node's buffer: Accept-Language arrives after the part the parser saw.
    for (const [length, lang, text] of [
      [200_000, 'ru', 'Заголовки запроса слишком велики.'],
      [900_000, 'en', 'The request headers are too large.'],
    ] as const) {
      const long = await rawExchange(port, `GET /api/registry?text=${'1'.repeat(length)} HTTP/1.1\r\nHost: x\r\nAccept-Language: ${lang}\r\n\r\n`);
      expect(long, String(length)).toMatch(/^HTTP\/1\.1 431 /);
      expect(long).toContain(`"message":"${text}"`);
    }
    const hostless = await rawExchange(port, 'GET /api/services HTTP/1.1\r\nAccept-Language: ru\r\nConnection: close\r\n\r\n');
    expect(hostless).toMatch(/^HTTP\/1\.1 400 /);
    expect(hostless).toContain('"message":"В запросе нет заголовка Host (HTTP/1.1 его требует)."');
    // HTTP/1.0 has no Host requirement.
    expect(await rawExchange(port, 'GET /api/services HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 /);
    const garbage = await rawExchange(port, '\x01\x02 nonsense\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage).toContain('"code":"invalid-input"');
  });
});
