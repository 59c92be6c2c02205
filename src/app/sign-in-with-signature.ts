import { createHash, randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../core/result.js';
import type { AppDeps } from './app-deps.js';
import { appError, type AppError } from './app-error.js';
import type { Principal } from './principal.js';
import { providerOrganisationOf } from './result-provider.js';
import { DEFAULT_SESSION_POLICY, openSession, type SessionPolicy } from './sign-in.js';

/** A challenge is good for five minutes and once. */
const CHALLENGE_MILLIS = 5 * 60 * 1000;
const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const REFUSED = (reasons: { kk: string; ru: string; en: string }) =>
  appError(
    'bad-credentials',
    `ЭЦҚ арқылы кіру мүмкін емес: ${reasons.kk}`,
    `Вход по ЭЦП невозможен: ${reasons.ru}`,
    `Signing in with the signature failed: ${reasons.en}`,
  );
const STALE = appError(
  'bad-credentials',
  'Сұрау мерзімі өтті немесе қолданылды: қайта кіріңіз.',
  'Запрос на вход истёк или уже использован: войдите заново.',
  'The sign-in challenge has expired or was used: start again.',
);
const NO_ACCOUNT = appError(
  'bad-credentials',
  'Бұл сертификаттың иесінің тіркелгісі жоқ.',
  'Для владельца этого сертификата нет учётной записи.',
  "The certificate's holder has no account.",
);

/**
 * The member of staff a certificate names: their IIN, and the BIN of an organisation they hold a
 * post in — staff sign in with their organisation's key, so a personal key or another body's does not do.
 */
async function staffMemberOf(deps: AppDeps, signer: { iin: string; bin?: string }) {
  if (signer.bin === undefined) return undefined;
  const user = await deps.stores.identity.staffByIin(signer.iin);
  if (!user) return undefined;
  const posts = await deps.stores.identity.postsOf(user.id);
  const bins = posts.map((p) => providerOrganisationOf(deps.directory, p.officeId)?.bin);
  return bins.includes(signer.bin) ? user : undefined;
}

/** A fresh random challenge for the client to sign; only its hash is kept. */
export async function issueLoginChallenge(deps: AppDeps): Promise<{ challenge: string; expiresAt: number }> {
  const challenge = randomBytes(32);
  const now = deps.now();
  await deps.stores.challenges.issue(hashOf(challenge), now, now + CHALLENGE_MILLIS);
  return { challenge: challenge.toString('base64'), expiresAt: now + CHALLENGE_MILLIS };
}

/**
 * Signs a person in by a challenge they signed with their authentication key: the signature must
 * hold now, the challenge must be one we issued, unexpired and unused, and the certificate's IIN
 * (with the BIN, for a legal entity's key) must be an applicant's account, or a member of staff's
 * with the BIN of an organisation they work in.
 */
export async function signInWithSignature(
  deps: AppDeps,
  cms: string,
  session: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<Result<{ token: string; expiresAt: number; principal: Principal }, AppError>> {
  if (!deps.loginVerifier) return err(REFUSED({ kk: 'бапталмаған', ru: 'не настроен', en: 'not configured' }));
  const verified = await deps.loginVerifier.verify(cms);
  if (!verified.valid || !verified.content || !verified.signer?.iin) {
    const failed = verified.checks.filter((c) => !c.ok);
    const say = (lang: 'kk' | 'ru' | 'en') => failed.map((c) => c.reason?.[lang] ?? c.name).join('; ') || '—';
    return err(REFUSED({ kk: say('kk'), ru: say('ru'), en: say('en') }));
  }
  const now = deps.now();
  if (!(await deps.stores.challenges.consume(hashOf(verified.content), now))) return err(STALE);
  const signer = { iin: verified.signer.iin, ...(verified.signer.bin ? { bin: verified.signer.bin } : {}) };
  const user = (await deps.stores.identity.applicantByIdentifier(signer)) ?? (await staffMemberOf(deps, signer));
  if (!user) return err(NO_ACCOUNT);
  return ok(await openSession(deps, user, session));
}
