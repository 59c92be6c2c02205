import { verifyChain } from '../store/audit-chain.js';
import type { RegistryRow } from '../store/case-projection.js';
import { err, ok, type Result } from '../core/result.js';
import type { AppDeps } from './app-deps.js';
import { NOT_FOUND, type AppError } from './app-error.js';
import type { SealVerification } from './ports/seal-verifier.js';

/** What anyone may learn of an issued result by its number, and whether its case file proves it. */
export interface RegistryVerification {
  readonly entry: RegistryRow;
  /** The reissues and duplicates issued on it. */
  readonly derived: readonly RegistryRow[];
  /** The case file's hash chain is intact, holds the entry that issued this number, and its signature (if it was signed) holds. */
  readonly verified: boolean;
  /** The provider's signature over the result document, re-verified now; absent for results issued unsigned. */
  readonly signature?: Omit<SealVerification, 'document'> & { readonly documentNumber: string | undefined };
}

/** Public verification of a registry number: the entry, its later history, the proof from the case file and the signature. */
export async function verifyRegistryEntry(deps: AppDeps, number: string): Promise<Result<RegistryVerification, AppError>> {
  const entry = await deps.stores.registry.find(number.trim());
  if (!entry) return err(NOT_FOUND);
  const history = await deps.stores.cases.history(entry.caseId);
  const issuing = history.find((h) => h.hash === entry.finalHash)?.event;
  const issued = issuing?.type === 'result-issued' && issuing.number === entry.number ? issuing : undefined;
  const chainHolds = verifyChain(history).ok && issued !== undefined;
  const derived = await deps.stores.registry.derivedFrom(entry.number);
  if (!issued?.seal || !deps.sealVerifier) return ok({ entry, derived, verified: chainHolds });
  const { document, ...checked } = await deps.sealVerifier.verify(issued.seal, issued.at);
  // The signed document must be the one this number names, not another valid signature pasted in.
  const documentNumber = numberOf(document);
  const signature = { ...checked, documentNumber };
  return ok({ entry, derived, verified: chainHolds && checked.valid && documentNumber === entry.number, signature });
}

function numberOf(document: unknown): string | undefined {
  const n = (document as { number?: unknown } | null)?.number;
  return typeof n === 'string' ? n : undefined;
}
