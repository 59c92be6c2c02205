import { err, ok, type Result } from '../core/result.js';
import type { AppDeps } from './app-deps.js';
import { FORBIDDEN, type AppError } from './app-error.js';
import { officesLed } from './leading-posts.js';
import type { CaseSummary } from './ports/case-store.js';
import type { Principal } from './principal.js';

/** Every case of the offices a head leads. */
export interface OfficeCases {
  readonly offices: readonly string[];
  readonly cases: readonly CaseSummary[];
}

/** The cases of the offices the signed-in person leads; refused to anyone who leads none. */
export async function listOfficeCases(deps: AppDeps, principal: Principal): Promise<Result<OfficeCases, AppError>> {
  const offices = officesLed(deps, principal);
  if (offices.length === 0) return err(FORBIDDEN);
  return ok({ offices, cases: await deps.stores.cases.casesAtOffices(offices) });
}
