import { verifyChain } from '../core/audit/hash-chain.js';
import type { RegistryRow } from './ports/registry-store.js';
import type { StoredEvent } from './ports/case-store.js';
import type { CaseEvent } from '../core/engine/case-events.js';
import type { CaseState } from '../core/engine/case-model.js';
import { evolveCase } from '../core/engine/evolve-case.js';
import type { TText } from '../core/regulation/schema.js';
import { err, ok, type Result } from '../core/result.js';
import { ZResultDocument, type ResultDocument } from '../core/documents/result-document.js';
import { regulationOf, type AppDeps } from './app-deps.js';
import { documentSigning, type DocumentSigning } from '../core/documents/document-signing.js';
import { NOT_FOUND, type AppError } from './app-error.js';
import type { SealVerification } from './ports/seal-verifier.js';
import { REGISTRY_REASONS, type RegistryField } from './registry-verification-reasons.js';
import { providerOrganisationOf } from './result-provider.js';

/** What the provider signed, as the public is shown it: taken from the signed document, never from the registry row. */
export interface SignedResultFacts {
  readonly number: string;
  readonly kind: string;
  readonly title: TText;
  readonly service: { readonly id: string; readonly title: TText };
  readonly holder: { readonly name: string; readonly identifier: string | null };
  /** ISO-8601 with the office's offset, as the document says it. */
  readonly issuedAt: string;
  readonly provider: { readonly organisation: TText; readonly office: TText };
  readonly baseNumber: string | null;
}

/** One person's signature on a result, as the public is shown it. */
export interface RegistrySigner {
  /** As their certificate names them. */
  readonly name: string | undefined;
  readonly position: TText;
  /** Signed as an appointed stand-in. */
  readonly acting: boolean;
  readonly signedAt: number | undefined;
  /** `signedAt` is a trusted time-stamp's, not the signer's own claim. */
  readonly timeStamped: boolean;
  /** Who issued their certificate (a demonstration CA says so in its name). */
  readonly issuer: string | undefined;
  /** Their certificate was revoked after they signed: the signature, made while it was in force, still holds. */
  readonly revokedLater?: number;
  /** Their signature holds, and its certificate is the one of the person the case file says signed for that post. */
  readonly valid: boolean;
}

/** What anyone may learn of an issued result by its number, and whether its case file proves it. */
export interface RegistryVerification {
  readonly entry: RegistryRow;
  /** The reissues and duplicates issued on it. */
  readonly derived: readonly RegistryRow[];
  /** The case file's hash chain is intact and issued this very entry, its signature (if it was signed) holds and is the provider's, and the entry says what the signed document says. */
  readonly verified: boolean;
  /** The signature over the result document, re-verified now; absent for results issued unsigned. */
  readonly signature?: Omit<SealVerification, 'document' | 'signers'> & { readonly documentNumber: string | undefined };
  /** The people who signed it, post by post, as the case file and their certificates agree (no IIN: this answer is public). */
  readonly signers?: readonly RegistrySigner[];
  /** The signed document's own account of the result, when it was signed and holds a result document. */
  readonly document?: SignedResultFacts;
  /** Why it is not verified, each in kk/ru/en; empty when verified. */
  readonly problems: readonly TText[];
}

/**
 * Public verification of a registry number. The registry row is only an index: the case file (its
 * hash chain) and the provider's signed document are the evidence, and any field of the row that
 * disagrees with them makes the number unverified.
 */
export async function verifyRegistryEntry(deps: AppDeps, number: string): Promise<Result<RegistryVerification, AppError>> {
  const entry = await deps.stores.registry.find(number.trim());
  if (!entry) return err(NOT_FOUND);
  const history = await deps.stores.cases.history(entry.caseId);
  const derived = await deps.stores.registry.derivedFrom(entry.number);
  const problems: TText[] = [];
  if (!verifyChain(deps.sha256, history).ok) problems.push(REGISTRY_REASONS.chainBroken());
  const issuingAt = history.findIndex((h) => h.hash === entry.finalHash);
  const issuing = history[issuingAt]?.event;
  const issued = issuing?.type === 'result-issued' ? issuing : undefined;
  if (!issued) problems.push(REGISTRY_REASONS.notInCaseFile());
  const state = issued ? stateAsIssued(history, issuingAt) : undefined;
  if (issued && state) problems.push(...differences(entry, caseFileView(issued, state)).map(REGISTRY_REASONS.differsFromCaseFile));
  if (!issued?.seal || !deps.sealVerifier || !state) return ok({ entry, derived, verified: problems.length === 0, problems });

  // The seal must be the providing organisation's, judged by the case file's office, not the row's.
  const provider = providerOrganisationOf(deps.directory, state.officeId);
  if (provider?.bin === undefined) problems.push(REGISTRY_REASONS.providerUnknown());
  const { document, signers: signed, ...checked } = await deps.sealVerifier.verify(issued.seal, issued.at, { bin: provider?.bin });
  if (!checked.valid) problems.push(REGISTRY_REASONS.sealInvalid());
  const regulation = regulationOf(deps, state.service);
  const events = history.slice(0, issuingAt + 1).map((h) => h.event);
  const signing = regulation ? documentSigning(events, regulation, issued.at) : undefined;
  const signers = signing ? await signersOf(deps, signing, signed) : [];
  if (signers.some((s) => !s.valid)) problems.push(REGISTRY_REASONS.signerNotInCaseFile());
  const parsed = ZResultDocument.safeParse(document);
  const signature = { ...checked, documentNumber: parsed.success ? parsed.data.number : undefined };
  if (!parsed.success) return ok({ entry, derived, verified: false, signature, signers, problems: [...problems, REGISTRY_REASONS.notAResultDocument()] });
  const signedDocument = parsed.data;
  problems.push(...differences(entry, documentView(signedDocument)).map(REGISTRY_REASONS.differsFromSignedDocument));
  const dated = signing?.instant ?? issued.at;
  if (signedDocument.issuedAt !== deps.clockFor('provider').zone.format(dated)) problems.push(REGISTRY_REASONS.differsFromSignedDocument('issuedAt'));
  if (provider && signedDocument.provider.organisation.kk !== provider.title.kk) problems.push(REGISTRY_REASONS.differsFromSignedDocument('provider'));
  const office = deps.directory.offices.find((o) => o.id === state.officeId);
  if (office && signedDocument.provider.office.kk !== office.title.kk) problems.push(REGISTRY_REASONS.differsFromSignedDocument('officeId'));
  return ok({ entry, derived, verified: problems.length === 0, signature, signers, document: factsOf(signedDocument), problems });
}

/**
 * The people who signed, when people did (an organisation's seal names nobody): each signature in
 * the CMS must be, in order, that of the member of staff the case file says signed for the post —
 * their IIN on the certificate — so a valid signature by someone else does not pass.
 */
async function signersOf(deps: AppDeps, signing: DocumentSigning, signed: SealVerification['signers']): Promise<RegistrySigner[]> {
  const electronic = signing.signatures.filter((s) => s.signature !== undefined);
  if (electronic.length === 0) return [];
  return Promise.all(
    electronic.map(async (s, i) => {
      const person = await deps.stores.identity.userById(s.by);
      const certificate = signed[i];
      const post = signing.signatories.find((p) => p.role === s.role);
      return {
        name: certificate?.commonName,
        position: post?.position ?? { kk: s.role, ru: s.role, en: s.role },
        acting: s.acting !== undefined,
        signedAt: certificate?.signedAt,
        timeStamped: certificate?.timeStamped ?? false,
        issuer: certificate?.issuer,
        ...(certificate?.revokedLater !== undefined ? { revokedLater: certificate.revokedLater } : {}),
        valid: certificate !== undefined && certificate.valid && person?.iin != null && certificate.iin === person.iin && sealsAfter(signed, electronic.length),
      };
    }),
  );
}

/** The CMS holds the people's signatures and nothing else but, at most, one organisation seal after them (a certificate naming no person). */
function sealsAfter(signed: SealVerification['signers'], people: number): boolean {
  if (signed.length === people) return true;
  return signed.length === people + 1 && signed[people]!.iin === undefined && signed[people]!.valid;
}

/** The case as it stood once the entry that issued the result was appended (with the events appended alongside it). */
function stateAsIssued(history: readonly StoredEvent[], issuingAt: number): CaseState | undefined {
  return history.slice(0, issuingAt + 1).reduce<CaseState | undefined>((state, h) => evolveCase(state, h.event), undefined);
}

/** A registry row's fields, as some evidence states them; a field the evidence does not speak to is absent. */
type RowView = Partial<Record<RegistryField, string | number | null>>;

function caseFileView(issued: Extract<CaseEvent, { type: 'result-issued' }>, state: CaseState): RowView {
  return {
    number: issued.number,
    kind: issued.kind,
    service: state.service,
    variant: state.variant ?? null,
    caseId: state.id,
    officeId: state.officeId,
    holderName: state.applicant?.name ?? null,
    holderIdentifier: state.applicant?.identifier ?? null,
    issuedAt: issued.at,
    baseNumber: issued.baseNumber ?? null,
  };
}

function documentView(document: ResultDocument): RowView {
  return {
    number: document.number,
    kind: document.kind,
    service: document.service.id,
    variant: document.service.variant?.id ?? null,
    caseId: document.caseId,
    holderName: document.applicant.name,
    holderIdentifier: document.applicant.identifier,
    baseNumber: document.baseNumber,
  };
}

/** The fields where the row says something other than the evidence. */
function differences(entry: RegistryRow, view: RowView): RegistryField[] {
  return (Object.keys(view) as RegistryField[]).filter((field) => (entry as unknown as Record<string, unknown>)[field] !== view[field]);
}

function factsOf(d: ResultDocument): SignedResultFacts {
  return {
    number: d.number,
    kind: d.kind,
    title: d.title,
    service: { id: d.service.id, title: d.service.title },
    holder: { name: d.applicant.name, identifier: d.applicant.identifier },
    issuedAt: d.issuedAt,
    provider: { organisation: d.provider.organisation, office: d.provider.office },
    baseNumber: d.baseNumber,
  };
}
