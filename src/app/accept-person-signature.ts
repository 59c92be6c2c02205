import { err, ok, type Result } from '../core/result.js';
import type { AppDeps } from './app-deps.js';
import { appError, type AppError } from './app-error.js';
import type { Principal } from './principal.js';
import { providerOrganisationOf } from './result-provider.js';
import { signatureRefusal } from './signature-refusal.js';

const NO_IIN = appError(
  'signature-invalid',
  'Тіркелгіңізде ЖСН жоқ: қолтаңбаны сізбен байланыстыру мүмкін емес.',
  'В вашей учётной записи нет ИИН: подпись нельзя связать с вами.',
  'Your account has no IIN: the signature cannot be tied to you.',
);
export const SIGNATURES_NOT_CONFIGURED = appError(
  'signature-invalid',
  'Қолтаңбаны тексеру бапталмаған.',
  'Проверка подписи не настроена.',
  'Signature verification is not configured.',
);
const TSA_UNAVAILABLE = appError(
  'gateway-unavailable',
  'Уақыт белгісі қызметі жауап бермеді: қолыңыз сақталмады, қайталап көріңіз.',
  'Служба меток времени не ответила: подпись не сохранена, повторите попытку.',
  'The time-stamp service did not answer: the signature was not kept, try again.',
);

/**
 * Accepts a member of staff's own electronic signature over what they sign (a document's draft,
 * a meeting's minutes): a detached CMS over exactly those bytes, by a signing key valid, unrevoked
 * and trusted now, whose certificate names them (their IIN) and the organisation of `officeId`, where
 * they act (its BIN). Gives the signature to record: time-stamped, with the revocation evidence of
 * this moment, where the deployment has a TSA; nothing is kept when the TSA cannot give a stamp.
 */
export async function acceptPersonSignature(
  deps: AppDeps,
  principal: Principal,
  signature: string,
  signed: string | Uint8Array,
  officeId: string | undefined,
): Promise<Result<string, AppError>> {
  if (!principal.user.iin) return err(NO_IIN);
  if (!deps.statementVerifier) return err(SIGNATURES_NOT_CONFIGURED);
  const bin = officeId === undefined ? undefined : providerOrganisationOf(deps.directory, officeId)?.bin;
  const verified = await deps.statementVerifier.verify(signature, signed, { iin: principal.user.iin, ...(bin ? { bin } : {}) });
  if (!verified.valid) return err(signatureRefusal(verified.checks));
  if (!deps.stamper) return ok(signature);
  try {
    return ok(await deps.stamper.stamp(signature));
  } catch {
    return err(TSA_UNAVAILABLE);
  }
}
