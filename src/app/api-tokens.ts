import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../core/result.js';
import type { ApiTokenRecord } from './ports/identity-store.js';
import type { AppDeps } from './app-deps.js';
import { appError, NOT_FOUND, type AppError } from './app-error.js';
import type { Principal } from './principal.js';
import { newSecret, tokenHash } from './sign-in.js';

/**
 * Integration tokens act as the person who issued them. They are meant to outlive a browser
 * session (a nightly export runs while nobody is signed in), so signing out does not end them:
 * each has an expiry instead, and its owner can list and revoke them.
 */
export const API_TOKEN_DEFAULT_DAYS = 90;
/** No token lives longer than a year: an integration renews its token at least that often. */
export const API_TOKEN_MAX_DAYS = 365;
const DAY_MILLIS = 24 * 60 * 60 * 1000;
/** The public id of a token: random, so ids tell nothing about how many tokens there are. */
const newTokenId = () => `tok_${randomBytes(9).toString('base64url')}`;

/** What the owner sees of a token: never its secret (shown once, at issue) nor its hash. */
export type ApiTokenView = Omit<ApiTokenRecord, 'userId'>;
const viewOf = ({ userId: _, ...view }: ApiTokenRecord): ApiTokenView => view;

const BAD_LIFETIME = appError(
  'invalid-input',
  `Токеннің мерзімі — 1-ден ${API_TOKEN_MAX_DAYS}-ке дейінгі бүтін күн саны.`,
  `Срок действия токена — целое число дней от 1 до ${API_TOKEN_MAX_DAYS}.`,
  `A token's lifetime is a whole number of days from 1 to ${API_TOKEN_MAX_DAYS}.`,
);

const TOKEN_BY_TOKEN = appError(
  'forbidden',
  'API токенімен жаңа токен шығаруға болмайды: жүйеге өзіңіз кіріп шығарыңыз.',
  'API-токеном нельзя выпустить новый токен: войдите в систему и выпустите его сами.',
  'An API token cannot issue tokens: sign in and issue it yourself.',
);

/** Issues a token for integrations, acting as the person who asked for it; the secret is returned once and kept only as its hash. */
export async function issueApiToken(
  deps: AppDeps,
  principal: Principal,
  request: { name: string; expiresInDays?: number | undefined },
): Promise<Result<{ token: string } & ApiTokenView, AppError>> {
  // A token cannot mint tokens: a child would outlive its parent's revocation and expiry, so one
  // leaked token could keep itself alive for ever. Only a person signed in may issue one.
  if (principal.via === 'api-token') return err(TOKEN_BY_TOKEN);
  const name = request.name.trim();
  if (!name) return err(appError('invalid-input', 'Токенге атау беріңіз.', 'Дайте токену название.', 'Give the token a name.'));
  const days = request.expiresInDays ?? API_TOKEN_DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_MAX_DAYS) return err(BAD_LIFETIME);
  const token = `rgl_${newSecret()}`;
  const now = deps.now();
  const record: ApiTokenRecord = { id: newTokenId(), userId: principal.user.id, name, createdAt: now, expiresAt: now + days * DAY_MILLIS, lastUsedAt: null };
  await deps.stores.identity.createApiToken(tokenHash(token), record, auditOf(deps, 'issued', record, principal, now));
  return ok({ token, ...viewOf(record) });
}

/** The caller's own tokens that still authenticate, newest first. */
export async function listApiTokens(deps: AppDeps, principal: Principal): Promise<ApiTokenView[]> {
  return (await deps.stores.identity.liveApiTokensOf(principal.user.id, deps.now())).map(viewOf);
}

/** Revokes one of the caller's own tokens; another person's is "not found", exactly as one that does not exist. */
export async function revokeApiToken(deps: AppDeps, principal: Principal, tokenId: string): Promise<Result<void, AppError>> {
  const { identity } = deps.stores;
  const now = deps.now();
  const token = (await identity.liveApiTokensOf(principal.user.id, now)).find((t) => t.id === tokenId);
  if (!token) return err(NOT_FOUND);
  // The store checks ownership again in the same statement that revokes.
  if (!(await identity.revokeApiToken(principal.user.id, tokenId, now, auditOf(deps, 'revoked', token, principal, now)))) return err(NOT_FOUND);
  return ok(undefined);
}

const auditOf = (deps: AppDeps, action: 'issued' | 'revoked', token: ApiTokenRecord, actor: Principal, at: number) => ({
  id: deps.newId('tokaudit'),
  action,
  tokenId: token.id,
  tokenName: token.name,
  ownerId: token.userId,
  actorId: actor.user.id,
  at,
});
