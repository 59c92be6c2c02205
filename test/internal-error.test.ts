import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStore } from '../src/app/ports/case-store.js';
import { startTestApp } from './support/test-app.js';

describe('a failure of the server itself (a bug), as its user reads it', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let token = '';
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    const login = await t.api.request('POST', '/api/auth/login', { body: { login: 'doctor.askar', password: t.deps.directory.demoPassword } });
    token = (login.json as { token: string }).token;
    // The store breaks as a disk or a driver might: every read of a case throws.
    (t.deps.stores.cases as { -readonly [K in keyof CaseStore]: CaseStore[K] }).load = async () => {
      throw new Error('the disk is gone');
    };
  }, 60_000);
  afterAll(() => t?.close());

  it.each([
    ['kk', /Серверде ішкі қате/],
    ['ru', /Внутренняя ошибка сервера/],
    ['en', /The server failed/],
  ])('is a 500 with the code «internal» and a message wholly in %s, telling nothing of the cause', async (lang, words) => {
    const res = await t.api.request('GET', '/api/cases/C123', { token, headers: { 'accept-language': lang } });
    expect(res.status).toBe(500);
    const { error } = res.json as { error: { code: string; message: string } };
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(words);
    expect(error.message).not.toContain('disk');
    if (lang !== 'en') expect(error.message).not.toMatch(/[A-Za-z]/);
  });
});
