import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND } from '../src/app/app-error.js';
import { tokenHash } from '../src/app/sign-in.js';
import { DATABASES, startTestApp } from './support/test-app.js';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-05-11T10:00:00+05:00');

interface TokenView {
  id: string;
  name: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
}

describe.each(DATABASES)('API tokens on %s: they expire, are listed and revoked, and every issue and revocation is audited', (database) => {
  let t: TestApp;
  let app: FastifyInstance;
  let now = T0;
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token: string | undefined, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const session = async (login: string) =>
    (await call('POST', '/api/auth/login', undefined, { login, password: t.deps.directory.demoPassword })).json<{ token: string }>().token;
  const issue = async (sessionToken: string, body: Record<string, unknown>) => call('POST', '/api/tokens', sessionToken, body);
  const me = async (token: string) => (await call('GET', '/api/me', token)).statusCode;

  beforeAll(async () => {
    t = await startTestApp(database, { now: () => now });
    app = t.app;
  }, 60_000);
  afterAll(async () => t?.close());

  it('expires after 90 days by default, or after the days asked for; no more than 365', async () => {
    now = T0;
    const askar = await session('doctor.askar');
    const plain = await issue(askar, { name: 'default' });
    expect(plain.statusCode).toBe(201);
    const body = plain.json<{ token: string } & TokenView>();
    expect(body).toMatchObject({ name: 'default', createdAt: T0, expiresAt: T0 + 90 * DAY, id: expect.stringMatching(/^tok_/) });
    const week = (await issue(askar, { name: 'week', expiresInDays: 7 })).json<{ token: string; expiresAt: number }>();
    expect(week.expiresAt).toBe(T0 + 7 * DAY);
    for (const expiresInDays of [0, 366, 1.5, -3, '30']) {
      const refused = await issue(askar, { name: 'bad', expiresInDays });
      expect(refused.statusCode, String(expiresInDays)).toBe(422);
      expect(refused.json()).toMatchObject({ error: { code: 'invalid-input' } });
    }
    expect((await issue(askar, { name: 'year', expiresInDays: 365 })).statusCode).toBe(201);

    // Sessions end in hours; the week's token still works after six days and not after seven.
    now = T0 + 6 * DAY;
    expect(await me(week.token)).toBe(200);
    now = T0 + 7 * DAY;
    expect(await me(week.token)).toBe(401);
    now = T0 + 90 * DAY;
    expect(await me(body.token)).toBe(401);
    now = T0;
  });

  it('checks expiry in the store itself, so no caller can forget it', async () => {
    now = T0;
    const issued = (await issue(await session('doctor.aigul'), { name: 'store', expiresInDays: 1 })).json<{ token: string }>();
    const { identity } = t.deps.stores;
    expect(await identity.apiTokenUser(tokenHash(issued.token), T0 + DAY - 1)).toBe('doctor.aigul');
    expect(await identity.apiTokenUser(tokenHash(issued.token), T0 + DAY)).toBeUndefined();
  });

  it('outlives the session that made it (it is for integrations), yet can be revoked', async () => {
    now = T0;
    const owner = await session('doctor.nursultan');
    const issued = (await issue(owner, { name: 'nightly export' })).json<{ token: string; id: string }>();
    expect((await call('POST', '/api/auth/logout', owner)).statusCode).toBe(200);
    expect(await me(owner)).toBe(401);
    expect(await me(issued.token)).toBe(200);

    const again = await session('doctor.nursultan');
    const revoked = await call('DELETE', `/api/tokens/${issued.id}`, again);
    expect(revoked.statusCode).toBe(204);
    expect(await me(issued.token)).toBe(401);
    // A second revocation finds nothing to revoke.
    expect((await call('DELETE', `/api/tokens/${issued.id}`, again)).statusCode).toBe(404);
  });

  it('cannot mint a token with a token: a leaked token cannot outlive its own revocation', async () => {
    now = T0;
    const owner = await session('doctor.nursultan');
    const parent = (await issue(owner, { name: 'short-lived', expiresInDays: 1 })).json<{ token: string; id: string }>();
    const child = await call('POST', '/api/tokens', parent.token, { name: 'for ever', expiresInDays: 365 });
    expect(child.statusCode).toBe(403);
    expect(child.json<{ error: { message: string } }>().error.message).toBe('An API token cannot issue tokens: sign in and issue it yourself.');
    const kk = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { 'accept-language': 'kk', authorization: `Bearer ${parent.token}` },
      payload: { name: 'x' },
    });
    expect(kk.json<{ error: { message: string } }>().error.message).toBe('API токенімен жаңа токен шығаруға болмайды: жүйеге өзіңіз кіріп шығарыңыз.');
    // Nothing was written: the owner still has only the parent.
    const live = (await call('GET', '/api/tokens', owner)).json<{ tokens: TokenView[] }>().tokens;
    expect(live.filter((tk) => tk.name === 'for ever' || tk.name === 'x')).toEqual([]);
    expect((await call('DELETE', `/api/tokens/${parent.id}`, owner)).statusCode).toBe(204);
  });

  it("lists only the caller's own live tokens, never their secret or hash, with when each was last used", async () => {
    now = T0;
    const clerk = await session('committee-astana.clerk');
    const first = (await issue(clerk, { name: 'first' })).json<{ token: string; id: string }>();
    const second = (await issue(clerk, { name: 'second', expiresInDays: 1 })).json<{ token: string; id: string }>();
    const third = (await issue(clerk, { name: 'third' })).json<{ token: string; id: string }>();
    now = T0 + 5 * 60_000;
    expect(await me(first.token)).toBe(200);
    await call('DELETE', `/api/tokens/${third.id}`, clerk);
    now = T0 + 2 * DAY;
    const later = await session('committee-astana.clerk');
    const listed = await call('GET', '/api/tokens', later);
    expect(listed.statusCode).toBe(200);
    const { tokens } = listed.json<{ tokens: TokenView[] }>();
    // The revoked and the expired one are gone.
    expect(tokens).toEqual([{ id: first.id, name: 'first', createdAt: T0, expiresAt: T0 + 90 * DAY, lastUsedAt: T0 + 5 * 60_000 }]);
    for (const secret of [first.token, second.token, tokenHash(first.token)]) expect(listed.body).not.toContain(secret);
    const others = (await call('GET', '/api/tokens', await session('committee-astana.head'))).json<{ tokens: TokenView[] }>();
    expect(others.tokens.map((x) => x.id)).not.toContain(first.id);
    expect((await call('GET', '/api/tokens', undefined)).statusCode).toBe(401);
    now = T0;
  });

  it("answers 404 to revoking another person's token, in the asked language, and the token keeps working", async () => {
    now = T0;
    const victim = (await issue(await session('doctor.askar'), { name: 'victim' })).json<{ token: string; id: string }>();
    const attacker = await session('doctor.aigul');
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/tokens/${victim.id}`,
      headers: { authorization: `Bearer ${attacker}`, 'accept-language': 'kk' },
    });
    expect(res.statusCode).toBe(404);
    const unknown = await app.inject({
      method: 'DELETE',
      url: '/api/tokens/tok_nosuch',
      headers: { authorization: `Bearer ${attacker}`, 'accept-language': 'kk' },
    });
    // The same answer for a token that does not exist: no oracle.
    expect(unknown.statusCode).toBe(404);
    expect(res.json()).toEqual(unknown.json());
    expect(res.json<{ error: { message: string } }>().error.message).toBe(NOT_FOUND.message.kk);
    expect(await me(victim.token)).toBe(200);
    expect((await call('DELETE', `/api/tokens/${victim.id}`, undefined)).statusCode).toBe(401);
  });

  it('writes an audit entry for every issue and every revocation: who, when, which token', async () => {
    now = T0 + 3 * 60_000;
    const head = await session('committee-astana.head');
    const issued = (await issue(head, { name: 'audit me', expiresInDays: 30 })).json<{ token: string; id: string }>();
    now = T0 + 4 * 60_000;
    await call('DELETE', `/api/tokens/${issued.id}`, head);
    const trail = await t.deps.stores.identity.apiTokenAuditOf('committee-astana.head');
    expect(trail.map(({ id: _, ...rest }) => rest)).toEqual([
      { action: 'revoked', tokenId: issued.id, tokenName: 'audit me', ownerId: 'committee-astana.head', actorId: 'committee-astana.head', at: T0 + 4 * 60_000 },
      { action: 'issued', tokenId: issued.id, tokenName: 'audit me', ownerId: 'committee-astana.head', actorId: 'committee-astana.head', at: T0 + 3 * 60_000 },
    ]);
    expect(JSON.stringify(trail)).not.toContain(issued.token);
    now = T0;
  });
});
