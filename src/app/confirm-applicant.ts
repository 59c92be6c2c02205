import { parseBin } from '../core/identity/bin.js';
import { parseIin } from '../core/identity/iin.js';
import type { CaseApplicant } from '../core/engine/case-model.js';
import { err, ok, type Result } from '../core/result.js';
import type { AppDeps } from './app-deps.js';
import type { AppError } from './app-error.js';

/**
 * Checks the identifier and asks the state databases (through the gateway) who the applicant is.
 * Data the databases do not confirm is a refusal (the regulations' п. 10), not a case.
 */
export async function confirmApplicant(deps: AppDeps, id: { iin?: string; bin?: string }): Promise<Result<CaseApplicant, AppError>> {
  const options = { acceptTestIdentities: deps.acceptTestIdentities };
  const parsed = id.bin ? parseBin(id.bin, options) : parseIin(id.iin ?? '', options);
  if (!parsed.ok) return err({ code: 'invalid-input', message: parsed.error.message });
  const answer = id.bin ? await deps.gateway.legalEntity(id.bin) : await deps.gateway.person(id.iin ?? '');
  if (!answer.ok) {
    const code =
      answer.error.code === 'not-found' || answer.error.code === 'not-confirmed'
        ? 'applicant-not-confirmed'
        : answer.error.code === 'invalid-identifier'
          ? 'invalid-input'
          : 'gateway-unavailable';
    return err({ code, message: answer.error.message });
  }
  const record = answer.value;
  if ('bin' in record) return ok({ identifier: record.bin, name: record.name.kk });
  return ok({ identifier: record.iin, name: [record.lastName, record.firstName, record.middleName].filter(Boolean).join(' ') });
}
