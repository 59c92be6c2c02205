import { appError, type AppError } from './app-error.js';
import type { SealCheck } from './ports/seal-verifier.js';

/** A signature refused, with the reason of every check that failed, in each language; the checks go with it. */
export function signatureRefusal(checks: readonly SealCheck[]): AppError {
  const failed = checks.filter((c) => !c.ok);
  const reasons = (lang: 'kk' | 'ru' | 'en') => failed.map((c) => c.reason?.[lang] ?? c.name).join('; ') || '—';
  return appError(
    'signature-invalid',
    `ЭЦҚ қабылданбады: ${reasons('kk')}`,
    `Подпись не принята: ${reasons('ru')}`,
    `The signature is not accepted: ${reasons('en')}`,
    { checks },
  );
}
