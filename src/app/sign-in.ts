import { createHash, randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../core/result.js';
import type { AppDeps } from './app-deps.js';
import { appError, type AppError } from './app-error.js';
import type { Principal } from './principal.js';
import { BoundedMap } from '../core/bounded-map.js';

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
 * Password guessing is stopped where it comes from, never by locking the owner out; every count
 * is kept in the database, so every server process sees the same:
 * - an address that has failed `perAccount` times on one account (since that pair's last success,
 *   within `windowMillis`) is refused on that account, unchecked, until the window has passed;
 * - an address that has failed `perAddress` times on any accounts in the window is refused on all;
 * - an account guessed from many addresses (`slowAfter` failures since its last success, within
 *   the window) is slowed, not locked: each attempt on it waits `pauseStepMillis` for every
 *   failure past that, at most `maxPauseMillis`. The owner, from an address not refused, still
 *   signs in with the right password (after that short pause), and their success ends the slowdown.
 * The address limit is well above the pair's, so an office behind one address keeps working while
 * one of its people mistypes.
 */
export interface LoginLimits {
  /** Failures on one account from one address. */
  readonly perAccount: number;
  /** Failures from one address on any accounts. */
  readonly perAddress: number;
  readonly windowMillis: number;
  /** Failures on one account from anywhere before its attempts are slowed. */
  readonly slowAfter: number;
  readonly pauseStepMillis: number;
  readonly maxPauseMillis: number;
}

/** Five failures per account and address, fifty per address, in fifteen minutes; past twenty on an account, up to two seconds' pause. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: 5,
  perAddress: 50,
  windowMillis: 15 * 60 * 1000,
  slowAfter: 20,
  pauseStepMillis: 100,
  maxPauseMillis: 2000,
};

/** How long an attempt on an account with this many recent failures waits before it is checked (0: none). */
export function pauseBeforeAttempt(accountFailures: number, limits: LoginLimits): number {
  if (accountFailures < limits.slowAfter) return 0;
  return Math.min(limits.maxPauseMillis, (accountFailures - limits.slowAfter + 1) * limits.pauseStepMillis);
}

/** A session's or token's use is written down at most this often, not on every request. */
const TOUCH_EVERY_MILLIS = 60 * 1000;
/** How many sessions and tokens an application remembers the last written use of. */
export const TOUCHES_REMEMBERED = 10_000;

/** The minute each session or token was last written as used, by one application; bounded, as its keys come with requests. */
export const newTouchMemory = () => new BoundedMap<string, number>(TOUCHES_REMEMBERED);

/** Tokens are kept only as their SHA-256: a stolen database does not hand out sessions. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
/** A new random secret: 256 bits, URL-safe. */
export const newSecret = () => randomBytes(32).toString('base64url');

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
  /** Waits out the slowdown of a guessed account (a timer by default; tests record it instead). */
  readonly pause?: (millis: number) => Promise<void>;
}

const sleep = (millis: number) => new Promise<void>((resolve) => setTimeout(resolve, millis));

/**
 * Checks a login and password and opens a session; the token is returned once and never stored.
 * Every attempt is recorded (the audit, and what the limits count); a refused address is refused
 * before the password is checked, and a guessed account is slowed (LoginLimits).
 */
export async function signIn(
  deps: AppDeps,
  login: string,
  password: string,
  context: SignInContext,
): Promise<Result<{ token: string; expiresAt: number; principal: Principal }, AppError>> {
  const { identity } = deps.stores;
  const { session = DEFAULT_SESSION_POLICY, limits = DEFAULT_LOGIN_LIMITS, pause = sleep } = context;
  const name = login.trim().toLowerCase();
  const now = deps.now();
  const since = now - limits.windowMillis;
  const record = (outcome: 'succeeded' | 'failed' | 'locked') =>
    identity.recordLoginAttempt({ id: deps.newId('login'), login: name, ip: context.ip, at: now, outcome });
  if (
    (await identity.failedLoginsSince({ login: name, ip: context.ip }, since)) >= limits.perAccount ||
    (await identity.failedLoginsSince({ ip: context.ip }, since)) >= limits.perAddress
  ) {
    await record('locked');
    return err(LOCKED_OUT(Math.ceil(limits.windowMillis / 60_000)));
  }
  const wait = pauseBeforeAttempt(await identity.failedLoginsSince({ login: name }, since), limits);
  if (wait > 0) await pause(wait);
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
export async function openSession(
  deps: AppDeps,
  user: Principal['user'],
  session: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<{ token: string; expiresAt: number; principal: Principal }> {
  const token = newSecret();
  const now = deps.now();
  const expiresAt = now + session.absoluteMillis;
  await deps.stores.identity.createSession(tokenHash(token), user.id, now, expiresAt);
  return { token, expiresAt, principal: { user, posts: await postsAt(deps, user.id, now) } };
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
  const userId = sessionUser ?? (await identity.apiTokenUser(hash, now));
  if (userId === undefined) return undefined;
  // Written at most once a minute per session or token and process, so idle expiry may count from up to a minute early.
  const minute = now - (now % TOUCH_EVERY_MILLIS);
  if (deps.touches.get(hash) !== minute) {
    deps.touches.set(hash, minute);
    await (sessionUser !== undefined ? identity.touchSession(hash, minute) : identity.touchApiToken(hash, minute));
  }
  const user = await identity.userById(userId);
  return user && { user, posts: await postsAt(deps, user.id, now), via: sessionUser !== undefined ? 'session' : 'api-token' };
}

/** A person's posts at an instant: their own, and those they hold then as an appointed stand-in. */
async function postsAt(deps: AppDeps, userId: string, now: number) {
  const { identity } = deps.stores;
  return [...(await identity.postsOf(userId)), ...(await identity.actingPostsOf(userId, now))];
}

// An argon2id hash of a random string: verifying against it always fails, at the normal cost.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$9ivEqrAB+MdpgiSeQtUh1w$zn2wwbt39T/MRiuJn3SghT8NmRKiex8fqeSCLx0PWpQ';
