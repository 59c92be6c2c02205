import { err, ok, type Result } from '../core/result.js';
import { appError, type AppError } from './app-error.js';
import type { CaseAction } from './act-on-case.js';

/**
 * A person's electronic signature on a step. Nothing can verify one yet: staff accounts carry no
 * IIN and no result draft is offered to sign. Kept unverified it would make the result document
 * say it was signed electronically, so any signature on a step is refused until person signing exists.
 */
export const STEP_SIGNATURE_NOT_ACCEPTED: AppError = appError(
  'signature-invalid',
  'Бұл қадамда адамның электрондық цифрлық қолтаңбасы әзірге қабылданбайды: қадамды қолтаңбасыз орындаңыз.',
  'Электронная цифровая подпись сотрудника на этом шаге пока не принимается: выполните шаг без подписи.',
  "A person's electronic signature on this step is not accepted yet: complete the step without one.",
);

/** Refuses a step command that carries a signature; every other action passes. */
export function checkStepSignature(action: CaseAction): Result<void, AppError> {
  return 'signature' in action && action.signature !== undefined ? err(STEP_SIGNATURE_NOT_ACCEPTED) : ok(undefined);
}
