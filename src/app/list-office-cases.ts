import { err, ok, type Result } from '../core/result.js';
import type { AppDeps } from './app-deps.js';
import { FORBIDDEN, type AppError } from './app-error.js';
import { officesLed } from './leading-posts.js';
import type { CaseSummary } from './ports/case-store.js';
import type { Principal } from './principal.js';

/** Every case of the offices a head leads. */
export interface OfficeCases {
  readonly offices: readonly string[];
  readonly limit: number;
  readonly offset: number;
  readonly cases: readonly CaseSummary[];
}

/** A page of the cases of the offices the signed-in person leads, the most urgent first (200 by default); refused to anyone who leads none. */
export async function listOfficeCases(
  deps: AppDeps,
  principal: Principal,
  page: { readonly limit?: number | undefined; readonly offset?: number | undefined } = {},
): Promise<Result<OfficeCases, AppError>> {
  const offices = officesLed(deps, principal);
  if (offices.length === 0) return err(FORBIDDEN);
  const { limit = 200, offset = 0 } = page;
  return ok({ offices, limit, offset, cases: await deps.stores.cases.casesAtOffices(offices, { limit, offset }) });
}
