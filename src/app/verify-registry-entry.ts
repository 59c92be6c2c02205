import { verifyChain } from '../store/audit-chain.js';
import type { RegistryRow } from '../store/case-projection.js';
import { err, ok, type Result } from '../core/result.js';
import type { AppDeps } from './app-deps.js';
import { NOT_FOUND, type AppError } from './app-error.js';

/** What anyone may learn of an issued result by its number, and whether its case file proves it. */
export interface RegistryVerification {
  readonly entry: RegistryRow;
  /** The reissues and duplicates issued on it. */
  readonly derived: readonly RegistryRow[];
  /** The case file's hash chain is intact and holds the entry that issued this number. */
  readonly verified: boolean;
}

/** Public verification of a registry number: the entry, its later history, and the proof from the case file. */
export async function verifyRegistryEntry(deps: AppDeps, number: string): Promise<Result<RegistryVerification, AppError>> {
  const entry = await deps.stores.registry.find(number.trim());
  if (!entry) return err(NOT_FOUND);
  const history = await deps.stores.cases.history(entry.caseId);
  const issuing = history.find((h) => h.hash === entry.finalHash);
  const verified = verifyChain(history).ok && issuing?.event.type === 'result-issued' && issuing.event.number === entry.number;
  return ok({ entry, derived: await deps.stores.registry.derivedFrom(entry.number), verified });
}
