import { err, ok, type Result } from '../core/result.js';
import type { AppDeps } from './app-deps.js';
import { FORBIDDEN, type AppError } from './app-error.js';
import type { CaseSummary } from './ports/case-store.js';
import type { Principal } from './principal.js';

/** An applicant's personal cabinet: their own cases, the latest first. */
export interface Cabinet {
  readonly cases: readonly CaseSummary[];
}

/** The signed-in applicant's cabinet; staff have none. */
export async function listCabinet(deps: AppDeps, principal: Principal): Promise<Result<Cabinet, AppError>> {
  if (principal.user.kind !== 'applicant') return err(FORBIDDEN);
  return ok({ cases: await deps.stores.cases.casesOfApplicant(principal.user.id) });
}
