import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, LANGUAGES, type TLanguage } from '../../src/core/regulation/schema.js';
import { DATABASES, startTestApp } from '../support/test-app.js';
import { expectHandled, rowCounts } from './api-invariants.js';
import { countCase, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, fuzzSummary } from './fuzz-settings.js';

vi.setConfig({ testTimeout: FUZZ_TEST_TIMEOUT_MS });

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** The people the fuzzer acts as: nobody, an applicant, and staff of each kind on the case's office. */
const PEOPLE = [
  'doctor.askar',
  'doctor.aigul',
  'committee-astana.clerk',
  'committee-astana.department-head',
  'committee-astana.executor-1',
  'committee-turkistan.clerk',
] as const;

const lang = fc.constantFrom<TLanguage>(...LANGUAGES);
/** Text with the awkward parts: control characters, astral planes, lone surrogates, SQL and path metacharacters. */
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '../../etc/passwd',
    '%00',
    '\u0000',
    '\ud800',
    '$where',
    '{{7*7}}',
    '<script>',
    'a'.repeat(5000),
    '١٢٣٤٥٦٧٨٩٠١٢',
    '-0',
    'NaN',
    '1e999',
  ),
);
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 4 }), nastyText);

/** A valid body with one thing wrong: a key dropped, a value replaced, or a key added. */
function mutated(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    valid,
    fc.tuple(valid, fc.nat(), anyJson).map(([v, i, value]) => ({ ...v, [Object.keys(v)[i % Object.keys(v).length]!]: value })),
    fc.tuple(valid, fc.nat()).map(([v, i]) => Object.fromEntries(Object.entries(v).filter((_, j) => j !== i % Object.keys(v).length))),
    fc.tuple(valid, fc.string({ maxLength: 20 }), anyJson).map(([v, k, value]) => ({ ...v, [k]: value })),
    anyJson,
  );
}

const SERVICES = [
  'specialist-certificate',
  'medical-organization-accreditation',
  'medical-activity-licence',
  'organ-tissue-import-export-licence',
  'no-such-service',
];
const submitBody = fc.record(
  {
    service: fc.constantFrom(...SERVICES),
    channel: fc.constantFrom(...CHANNELS, 'fax'),
    variant: fc.constantFrom('initial', 'reissue', 'organs', 'nope'),
    providerOfficeId: fc.constantFrom('committee-astana', 'committee-hq', 'nowhere'),
    centreOfficeId: fc.constantFrom('centre-astana', 'nowhere'),
    applicant: fc.record({ iin: fc.stringMatching(/^\d{12}$/) }, { requiredKeys: [] }),
    as: fc.constantFrom('individual', 'legal-entity'),
    attachments: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 3 }),
    baseNumber: fc.string({ minLength: 1, maxLength: 20 }),
  },
  { requiredKeys: ['service', 'channel'] },
);
const actionBody = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom('complete-step', 'register', 'sign', 'deliver'),
      procedureId: fc.constantFrom('register', 'check-completeness', 'check-compliance', 'issue-result', 'x'),
      outcome: fc.constantFrom('complete', 'incomplete', 'compliant', 'y'),
    },
    { requiredKeys: ['type', 'procedureId'] },
  ),
  fc.record({ type: fc.constant('assign'), assignee: fc.constantFrom('committee-astana.executor-1', 'doctor.askar', 'nobody') }),
  fc.record({ type: fc.constant('refuse'), grounds: fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }) }),
  fc.record({ type: fc.constantFrom('suspend'), reason: fc.string() }),
  fc.record({ type: fc.constantFrom('resume', 'withdraw', 'escalate', 'submit') }),
);
const loginBody = fc.record({ login: fc.oneof(fc.constantFrom(...PEOPLE), fc.string({ maxLength: 30 })), password: fc.string({ maxLength: 40 }) });
const tokenBody = fc.record({ name: fc.string({ maxLength: 120 }) });

describe.each(DATABASES)('hostile requests to every API body and query on %s', (database) => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  let caseId = '';
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    t = await startTestApp(database);
    for (const login of PEOPLE) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: t.deps.directory.demoPassword } });
      tokens.set(login, res.json<{ token: string }>().token);
    }
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { authorization: `Bearer ${tokens.get('doctor.askar')}` },
      payload: { service: 'specialist-certificate', channel: 'portal', providerOfficeId: 'committee-astana' },
    });
    caseId = submitted.json<{ id: string }>().id;
  }, 60_000);
  afterAll(async () => {
    console.log(`[fuzz] statuses ${JSON.stringify([...statuses])}`);
    console.log(`[fuzz] API on ${database}: ${fuzzSummary(`${database} `)}`);
    await t?.close();
  });

  const who = fc.constantFrom<string | undefined>(undefined, ...PEOPLE);
  const headersOf = (login: string | undefined, language: TLanguage, extra: Record<string, string> = {}) => ({
    'accept-language': language,
    ...(login ? { authorization: `Bearer ${tokens.get(login)}` } : {}),
    ...extra,
  });

  /** Sends one request and checks the invariants: no 5xx, a localised error, and nothing written when refused. */
  const probe = async (
    heading: string,
    request: { method: 'GET' | 'POST'; url: string; headers: Record<string, string>; payload?: string | Buffer | object },
    language: TLanguage,
  ) => {
    countCase(`${database} ${heading}`);
    const before = await rowCounts(t.deps);
    const answer = await t.app.inject(request);
    statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
    const what = `${request.method} ${request.url} ${typeof request.payload === 'object' && !Buffer.isBuffer(request.payload) ? JSON.stringify(request.payload).slice(0, 200) : String(request.payload ?? '').slice(0, 200)}`;
    expectHandled(answer, language, what);
    if (answer.statusCode >= 400) expect(await rowCounts(t.deps), `${what} wrote rows although refused`).toBe(before);
    return answer;
  };

  it('refuses malformed JSON bodies of every POST without a server error or a write', async () => {
    const endpoints = ['/api/auth/login', '/api/tokens', '/api/applications', `/api/cases/CASE/actions`, '/api/auth/logout'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        who,
        fc.record({
          body: mutated(fc.oneof(submitBody, actionBody, loginBody, tokenBody)),
          language: lang,
          idempotencyKey: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
        }),
        async (endpoint, login, { body, language, idempotencyKey }) => {
          const url = endpoint.replace('CASE', caseId);
          await probe(
            'json bodies',
            {
              method: 'POST',
              url,
              headers: headersOf(login, language, {
                'content-type': 'application/json',
                ...(idempotencyKey !== undefined ? { 'idempotency-key': encodeURIComponent(Buffer.from(idempotencyKey, 'utf8').toString('utf8')) } : {}),
              }),
              payload: JSON.stringify(body),
            },
            language,
          );
        },
      ),
      fuzzParameters(database === 'sqlite' ? 250 : 120),
    );
  });

  it('answers each endpoint a body close to a valid one', async () => {
    const cases: [string, fc.Arbitrary<unknown>][] = [
      ['/api/auth/login', mutated(loginBody as fc.Arbitrary<Record<string, unknown>>)],
      ['/api/tokens', mutated(tokenBody as fc.Arbitrary<Record<string, unknown>>)],
      ['/api/applications', mutated(submitBody as fc.Arbitrary<Record<string, unknown>>)],
      ['/api/cases/CASE/actions', mutated(actionBody as fc.Arbitrary<Record<string, unknown>>)],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases).chain(([url, body]) => fc.tuple(fc.constant(url), body)),
        who,
        lang,
        async ([endpoint, body], login, language) => {
          await probe(
            'near-valid bodies',
            {
              method: 'POST',
              url: endpoint.replace('CASE', caseId),
              headers: headersOf(login, language, { 'content-type': 'application/json' }),
              payload: JSON.stringify(body),
            },
            language,
          );
        },
      ),
      fuzzParameters(database === 'sqlite' ? 250 : 120),
    );
  });

  it('refuses raw bytes under any content type', async () => {
    const contentType = fc.constantFrom(
      'application/json',
      'application/json; charset=latin1',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'multipart/form-data; boundary=x',
      'application/xml',
      '',
      'application/json; charset=utf-16',
    );
    const payload = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
      fc.constantFrom(
        '{',
        '[',
        '{"login":',
        'null',
        '""',
        '{"__proto__":{"x":1}}',
        '{"constructor":{"prototype":{"x":1}}}',
        `${'['.repeat(5000)}${']'.repeat(5000)}`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/auth/login', '/api/tokens', '/api/applications', '/api/cases/CASE/actions', '/api/attachments'),
        who,
        contentType,
        payload,
        lang,
        async (endpoint, login, type, body, language) => {
          await probe(
            'raw bodies',
            { method: 'POST', url: endpoint.replace('CASE', caseId), headers: headersOf(login, language, type ? { 'content-type': type } : {}), payload: body },
            language,
          );
        },
      ),
      fuzzParameters(database === 'sqlite' ? 200 : 100),
    );
  });

  it('answers every GET with hostile path parameters and queries', async () => {
    const segment = fc
      .oneof(fc.string({ maxLength: 40 }), nastyText, fc.constantFrom('specialist-certificate', 'committee-astana', caseId || 'x'))
      .map((s) => encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8')));
    const queryValue = fc.oneof(
      fc.string({ maxLength: 40 }),
      nastyText,
      fc.constantFrom(
        '2026-03-20T17:00:00+05:00',
        'portal',
        'office',
        '0',
        '-1',
        '501',
        '1e3',
        'initial',
        '99999999999999999999',
        '1e308',
        'NaN',
        'Infinity',
        '+275760-09-13T00:00:00Z',
        '-000001-01-01T00:00:00Z',
        '0999-12-31',
        '9999-12-31T23:59:59Z',
      ),
    );
    const query = fc.dictionary(
      fc.constantFrom('text', 'kind', 'service', 'limit', 'offset', 'lang', 'submitted', 'variant', 'channel', 'x', 'text[]', '__proto__'),
      queryValue,
      { maxKeys: 4 },
    );
    const route = fc.constantFrom(
      '/api/services/SEG',
      '/api/services/SEG/timeline',
      '/api/services/SEG/offices',
      '/api/cases/SEG',
      '/api/cases/SEG/receipt',
      '/api/registry',
      '/api/registry/SEG',
      '/api/attachments/SEG',
      '/api/offices/SEG/executors',
      '/api/inbox',
      '/api/cabinet',
      '/api/office/cases',
      '/api/me',
      '/api/services',
      '/health',
      '/metrics',
    );
    await fc.assert(
      fc.asyncProperty(route, segment, query, who, lang, async (path, seg, q, login, language) => {
        const search = Object.entries(q)
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(Buffer.from(v, 'utf8').toString('utf8'))}`)
          .join('&');
        const asked = q.lang !== undefined && (LANGUAGES as readonly string[]).includes(q.lang) ? (q.lang as TLanguage) : language;
        await probe(
          'queries',
          { method: 'GET', url: `${path.replace('SEG', seg || 'x')}${search ? `?${search}` : ''}`, headers: headersOf(login, language) },
          asked,
        );
      }),
      fuzzParameters(database === 'sqlite' ? 300 : 150),
    );
  });

  it('refuses forged credentials, cookies and language headers', async () => {
    const header = fc.oneof(fc.string({ maxLength: 80 }), nastyText).map((s) => s.replace(/[^\t\x20-\x7e]/g, ''));
    await fc.assert(
      fc.asyncProperty(
        header,
        header,
        header,
        fc.constantFrom('/api/me', '/api/inbox', '/api/cabinet', `/api/cases/CASE`),
        async (auth, cookie, acceptLanguage, path) => {
          const answer = await t.app.inject({
            method: 'GET',
            url: path.replace('CASE', caseId),
            headers: { authorization: auth, cookie, 'accept-language': acceptLanguage },
          });
          countCase(`${database} credentials`);
          expect(answer.statusCode, `${auth} / ${cookie}`).toBeLessThan(500);
          // No forged credential opens a door; a bearer token the fuzzer typed by chance is never a live one.
          expect(answer.statusCode).toBe(401);
        },
      ),
      fuzzParameters(database === 'sqlite' ? 150 : 80),
    );
  });
});
