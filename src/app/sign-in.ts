import { createHash, randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../core/result.js';
import type { AppDeps } from './app-deps.js';
import { appError, type AppError } from './app-error.js';
import type { Principal } from './principal.js';

/** How long a session lasts without signing in again (the default absolute expiry). */
export const SESSION_MILLIS = 12 * 60 * 60 * 1000;

/** When a session ends: after `idleMillis` unused, and `absoluteMillis` after sign-in whatever happens. */
export interface SessionPolicy {
  readonly idleMillis: number;
  readonly absoluteMillis: number;
}

/** Thirty minutes idle, twelve hours at most. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMillis: 30 * 60 * 1000, absoluteMillis: SESSION_MILLIS };

/**
 * Password guessing is stopped per account and per address, counted in the database so that every
 * server process sees the same count: after `perAccount` failures on an account (since its last
 * success) or `perAddress` from one address within `windowMillis`, sign-in is refused unchecked
 * until the window has passed. An address limit well above the account's lets an office behind
 * one address keep working while one of its people mistypes.
 */
export interface LoginLimits {
  readonly perAccount: number;
  readonly perAddress: number;
  readonly windowMillis: number;
}

/** Five failures per account, fifty per address, in fifteen minutes. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perAddress: 50, windowMillis: 15 * 60 * 1000 };

/** A session's use is written down at most this often, not on every request. */
const TOUCH_EVERY_MILLIS = 60 * 1000;
const touched = new Map<string, number>();

/** Tokens are kept only as their SHA-256: a stolen database does not hand out sessions. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

const BAD_CREDENTIALS = appError('bad-credentials', 'Логин немесе құпиясөз қате.', 'Неверный логин или пароль.', 'Wrong login or password.');

const LOCKED_OUT = (minutes: number) =>
  appError(
    'too-many-attempts',
    `Кіру әрекеттері тым көп: ${minutes} минуттан кейін қайталаңыз.`,
    `Слишком много попыток входа: повторите через ${minutes} мин.`,
    `Too many sign-in attempts: try again in ${minutes} minutes.`,
  );

/** Where a sign-in comes from, and the rules it is held to. */
export interface SignInContext {
  /** The client's address (the proxy's forwarded one when it is trusted). */
  readonly ip: string;
  readonly session?: SessionPolicy;
  readonly limits?: LoginLimits;
}

/**
 * Checks a login and password and opens a session; the token is returned once and never stored.
 * Every attempt is recorded (the audit, and what lockout counts); a locked account or address is
 * refused before the password is checked.
 */
export async function signIn(deps: AppDeps, login: string, password: string, context: SignInContext): Promise<Result<{ token: string; expiresAt: number; principal: Principal }, AppError>> {
  const { identity } = deps.stores;
  const { session = DEFAULT_SESSION_POLICY, limits = DEFAULT_LOGIN_LIMITS } = context;
  const name = login.trim().toLowerCase();
  const now = deps.now();
  const since = now - limits.windowMillis;
  const record = (outcome: 'succeeded' | 'failed' | 'locked') => identity.recordLoginAttempt({ id: deps.newId('login'), login: name, ip: context.ip, at: now, outcome });
  if ((await identity.failedLoginsSince({ login: name }, since)) >= limits.perAccount || (await identity.failedLoginsSince({ ip: context.ip }, since)) >= limits.perAddress) {
    await record('locked');
    return err(LOCKED_OUT(Math.ceil(limits.windowMillis / 60_000)));
  }
  const user = await identity.userByLogin(name);
  // Verify even for an unknown login, so the answer takes as long either way.
  const valid = await deps.passwords.verify(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !valid) {
    await record('failed');
    return err(BAD_CREDENTIALS);
  }
  await record('succeeded');
  const { passwordHash: _, ...account } = user;
  return ok(await openSession(deps, account, session));
}

/** Opens a session for a person who has proved who they are; the token is returned once and never stored. */
export async function openSession(deps: AppDeps, user: Principal['user'], session: SessionPolicy = DEFAULT_SESSION_POLICY): Promise<{ token: string; expiresAt: number; principal: Principal }> {
  const token = newToken();
  const now = deps.now();
  const expiresAt = now + session.absoluteMillis;
  await deps.stores.identity.createSession(tokenHash(token), user.id, now, expiresAt);
  return { token, expiresAt, principal: { user, posts: await deps.stores.identity.postsOf(user.id) } };
}

/** Ends a session. */
export async function signOut(deps: AppDeps, token: string): Promise<void> {
  await deps.stores.identity.deleteSession(tokenHash(token));
}

/** The person behind a session token or an API token, if it is live; a session's use keeps it from idling out. */
export async function principalOf(deps: AppDeps, token: string, session: SessionPolicy = DEFAULT_SESSION_POLICY): Promise<Principal | undefined> {
  const { identity } = deps.stores;
  const hash = tokenHash(token);
  const now = deps.now();
  const sessionUser = await identity.sessionUser(hash, now, now - session.idleMillis);
  if (sessionUser !== undefined) {
    // Written at most once a minute per session and process, so idle expiry may count from up to a minute early.
    const minute = now - (now % TOUCH_EVERY_MILLIS);
    if (touched.get(hash) !== minute) {
      if (touched.size > 10_000) touched.clear();
      touched.set(hash, minute);
      await identity.touchSession(hash, minute);
    }
  }
  const userId = sessionUser ?? (await identity.apiTokenUser(hash));
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
