import { createHash, randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../core/result.js';
import type { AppDeps } from './app-deps.js';
import { appError, type AppError } from './app-error.js';
import type { Principal } from './principal.js';

/** How long a session lasts without signing in again. */
export const SESSION_MILLIS = 12 * 60 * 60 * 1000;

/** Tokens are kept only as their SHA-256: a stolen database does not hand out sessions. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

const BAD_CREDENTIALS = appError('bad-credentials', 'Логин немесе құпиясөз қате.', 'Неверный логин или пароль.', 'Wrong login or password.');

/** Checks a login and password and opens a session; the token is returned once and never stored. */
export async function signIn(deps: AppDeps, login: string, password: string): Promise<Result<{ token: string; expiresAt: number; principal: Principal }, AppError>> {
  const { identity } = deps.stores;
  const user = await identity.userByLogin(login.trim().toLowerCase());
  // Verify even for an unknown login, so the answer takes as long either way.
  const valid = await deps.passwords.verify(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !valid) return err(BAD_CREDENTIALS);
  const token = newToken();
  const now = deps.now();
  await identity.createSession(tokenHash(token), user.id, now, now + SESSION_MILLIS);
  const { passwordHash: _, ...record } = user;
  return ok({ token, expiresAt: now + SESSION_MILLIS, principal: { user: record, posts: await identity.postsOf(user.id) } });
}

/** Ends a session. */
export async function signOut(deps: AppDeps, token: string): Promise<void> {
  await deps.stores.identity.deleteSession(tokenHash(token));
}

/** The person behind a session token or an API token, if it is live. */
export async function principalOf(deps: AppDeps, token: string): Promise<Principal | undefined> {
  const { identity } = deps.stores;
  const hash = tokenHash(token);
  const userId = (await identity.sessionUser(hash, deps.now())) ?? (await identity.apiTokenUser(hash));
  const user = userId === undefined ? undefined : await identity.userById(userId);
  return user && { user, posts: await identity.postsOf(user.id) };
}

/** Issues an API token for integrations, acting as the person who asked for it. */
export async function issueApiToken(deps: AppDeps, principal: Principal, name: string): Promise<Result<{ token: string }, AppError>> {
  if (!name.trim()) return err(appError('invalid-input', 'Токенге атау беріңіз.', 'Дайте токену название.', 'Give the token a name.'));
  const token = `rgl_${newToken()}`;
  await deps.stores.identity.createApiToken(tokenHash(token), principal.user.id, name.trim(), deps.now());
  return ok({ token });
}

// An argon2id hash of a random string: verifying against it always fails, at the normal cost.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$9ivEqrAB+MdpgiSeQtUh1w$zn2wwbt39T/MRiuJn3SghT8NmRKiex8fqeSCLx0PWpQ';
