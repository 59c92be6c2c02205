import type { CaseEvent } from '../core/engine/case-events.js';
import { err, ok, type Result } from '../core/result.js';
import { regulationOf, type AppDeps } from './app-deps.js';
import { documentSigning } from '../core/documents/document-signing.js';
import type { DocumentSigner } from './ports/document-renderer.js';
import { appError, NOT_FOUND, type AppError } from './app-error.js';
import { maySeeCase, type Principal } from './principal.js';
import { providerOrganisationOf } from './result-provider.js';

/** A case's issued result as signed: the provider's CMS and the document inside it. */
export interface SealedResult {
  readonly number: string;
  /** DER of the attached CMS (the document's canonical JSON inside). */
  readonly cms: Uint8Array;
  /** The document as signed. */
  readonly document: unknown;
  /** Who signed it for each signatory post, as the case file names them (the signed bytes name only the posts). */
  readonly signedBy: readonly DocumentSigner[];
}

const NOT_SEALED = appError(
  'not-found',
  'Бұл істің қол қойылған нәтиже құжаты жоқ.',
  'У этого дела нет подписанного документа результата.',
  'This case has no signed result document.',
);

/** The signed result of a case, for the applicant and the staff who may see the case. */
export async function sealedResultOf(deps: AppDeps, principal: Principal, caseId: string): Promise<Result<SealedResult, AppError>> {
  const state = await deps.stores.cases.load(caseId);
  if (!state || !maySeeCase(principal, state)) return err(NOT_FOUND);
  const history = (await deps.stores.cases.history(caseId)).map((h) => h.event);
  const issued = history.find((e): e is Extract<CaseEvent, { type: 'result-issued' }> => e.type === 'result-issued');
  if (!issued?.seal || !deps.sealVerifier) return err(NOT_SEALED);
  const verified = await deps.sealVerifier.verify(issued.seal, issued.at, { bin: providerOrganisationOf(deps.directory, state.officeId)?.bin });
  const regulation = regulationOf(deps, state.service);
  const signatures = regulation ? documentSigning(history, regulation, issued.at).signatures : [];
  const nameOf = async (id: string) => (await deps.stores.identity.userById(id))?.name ?? id;
  const signedBy = await Promise.all(
    signatures.map(async (s) => ({
      role: s.role,
      name: await nameOf(s.by),
      ...(s.acting ? { acting: { for: await nameOf(s.acting.for), order: s.acting.order } } : {}),
    })),
  );
  return ok({ number: issued.number, cms: new Uint8Array(Buffer.from(issued.seal, 'base64')), document: verified.document, signedBy });
}
