import { readFileSync } from 'node:fs';
import type { ResultSealer } from '../app/ports/result-sealer.js';
import type { SealVerifier } from '../app/ports/seal-verifier.js';
import type { StatementVerifier } from '../app/ports/statement-verifier.js';
import type { TDirectory } from '../core/directory/directory-schema.js';
import type { CaseEvent } from '../core/engine/case-events.js';
import type { CaseState } from '../core/engine/case-model.js';
import { documentSigning } from '../core/documents/document-signing.js';
import type { TRegulation } from '../core/regulation/schema.js';
import type { ClockFor } from '../core/timeline/plan-timeline.js';
import { buildCaseDocument } from '../documents/build-case-document.js';
import { canonicalDocumentJson } from '../documents/canonical-document-json.js';
import { cmsResultSealer } from '../signature/adapters/cms-result-sealer.js';
import { cmsLoginVerifier } from '../signature/adapters/cms-login-verifier.js';
import type { LoginVerifier } from '../app/ports/login-verifier.js';
import { cmsSealVerifier } from '../signature/adapters/cms-seal-verifier.js';
import { cmsStatementVerifier } from '../signature/adapters/cms-statement-verifier.js';
import { cmsSignatureStamper } from '../signature/adapters/cms-signature-stamper.js';
import type { SignatureStamper } from '../app/ports/signature-stamper.js';
import { httpTimeStampClient } from '../signature/tsa/http-time-stamp-client.js';
import { startTimeStampServer } from '../signature/tsa/time-stamp-server.js';
import { loadTrustStore } from '../signature/chain/load-trust-store.js';
import type { TrustStore } from '../signature/chain/trust-store.js';
import { openDemoPki, type DemoHolders, type DemoPki } from '../signature/demo-pki/demo-pki.js';
import { fileRevocationSource } from '../signature/revocation/offline-revocation-source.js';
import { onlineRevocationSource } from '../signature/revocation/online-revocation-source.js';
import type { RevocationSource } from '../signature/revocation/revocation-source.js';
import { LocalPkcs12Signer } from '../signature/signer/local-pkcs12-signer.js';
import type { Signer } from '../signature/signer/signer.js';
import type { CaseStore } from '../app/ports/case-store.js';
import { providerOrganisationOf } from '../app/result-provider.js';

/** How a deployment verifies and makes signatures (read from the environment by server-config). */
export interface SignatureSettings {
  /** CA certificates (files or directories) the deployment trusts: NCA RK's in production. Without them the demo PKI is used. */
  readonly trust: readonly string[];
  /** Revocation evidence: 'online' asks the CAs' CRL and OCSP addresses; else the given files. */
  readonly revocation: 'online' | { readonly crls: readonly string[]; readonly ocspResponses: readonly string[] };
  /** A PKCS#12 organisation key that seals what no person signed electronically; without it (and without the demo PKI) such results are issued unsigned. */
  readonly sealKey: { readonly file: string; readonly password: string } | undefined;
  /** Where the demo PKI lives (used when no trust anchors are configured). */
  readonly demoPkiDir: string | undefined;
  /** Whether portal applications must carry the applicant's signature. */
  readonly portalSignature: 'required' | 'optional';
  /** Whether signing steps must carry the signer's own electronic signature over the document's draft. */
  readonly staffSignature?: 'required' | 'optional';
  /** The public address of the web application, printed in QR codes: `${publicUrl}/verify/<number>`. */
  readonly publicUrl: string;
  /** The RFC 3161 time-stamp authority (NCA RK's TSP service in production); without it a demonstration starts its own. */
  readonly tsaUrl?: string | undefined;
}

/** The signature ports of the application, and the demo PKI when it stands in for NCA RK. */
export interface WiredSignatures {
  readonly sealer: ResultSealer;
  readonly sealVerifier: SealVerifier;
  readonly statementVerifier: StatementVerifier;
  readonly loginVerifier: LoginVerifier;
  readonly requirePortalSignature: boolean;
  readonly requireStaffSignature: boolean;
  readonly trust: TrustStore;
  readonly revocation: RevocationSource;
  readonly demo: DemoPki | undefined;
  /** Time-stamps accepted signatures; undefined when no TSA is configured (signatures are then kept without a trusted time). */
  readonly stamper: SignatureStamper | undefined;
  /** Where the time-stamps come from: the configured TSA, the bundled demonstration TSA, or none. */
  readonly tsaUrl: string | undefined;
  /** Stops the bundled TSA, if it was started. */
  close(): Promise<void>;
}

/** What building result documents needs from the rest of the wiring. */
export interface DocumentSources {
  readonly cases: CaseStore;
  readonly regulations: readonly TRegulation[];
  readonly directory: TDirectory;
  readonly clockFor: ClockFor;
  readonly now: () => number;
}

/** Opens the trust store, the revocation source and the result-signing key, or the demo PKI in their place. */
export async function wireSignatures(settings: SignatureSettings, sources: DocumentSources): Promise<WiredSignatures> {
  const demo = settings.trust.length === 0 && settings.demoPkiDir ? await openDemoPki(settings.demoPkiDir, demoHolders(sources.directory)) : undefined;
  const trust = demo ? demo.trust : loadTrustStore(settings.trust);
  const revocation = demo ? demo.revocation : settings.revocation === 'online' ? onlineRevocationSource() : fileRevocationSource(settings.revocation);

  const sealKey = settings.sealKey && LocalPkcs12Signer.fromPkcs12(new Uint8Array(readFileSync(settings.sealKey.file)), settings.sealKey.password);
  const organisationSignerFor = (officeId: string): Signer | undefined => {
    if (sealKey) return sealKey;
    const organisation = sources.directory.offices.find((o) => o.id === officeId)?.organisation;
    const identity = organisation === undefined ? undefined : demo?.signing(organisation);
    return identity && demo!.signerOf(identity);
  };
  const sealsAfterSigners = (officeId: string) => providerOrganisationOf(sources.directory, officeId)?.sealsResults ?? false;
  const sealer = cmsResultSealer({
    organisationSignerFor,
    sealsAfterSigners,
    documentOf: resultDocumentOf(sources, settings.publicUrl),
  });

  // The bundled TSA stands in for NCA RK's only in a demonstration; it speaks RFC 3161 over HTTP like the real one.
  const demoTsa = !settings.tsaUrl && demo ? await startTimeStampServer({ tsa: demo.signerOf(demo.tsa), now: () => new Date(sources.now()) }) : undefined;
  const tsaUrl = settings.tsaUrl ?? demoTsa?.url;
  const stamper = tsaUrl ? cmsSignatureStamper({ tsa: httpTimeStampClient(tsaUrl), trust, revocation }) : undefined;

  return {
    stamper,
    tsaUrl,
    close: async () => demoTsa?.close(),
    sealer,
    sealVerifier: cmsSealVerifier({ trust, revocation }),
    statementVerifier: cmsStatementVerifier({ trust, revocation, now: sources.now }),
    loginVerifier: cmsLoginVerifier({ trust, revocation, now: sources.now }),
    requirePortalSignature: settings.portalSignature === 'required',
    requireStaffSignature: (settings.staffSignature ?? 'required') === 'required',
    trust,
    revocation,
    demo,
  };
}

/** The history of a case with the events a command is about to append. */
async function historyAfter(sources: DocumentSources, state: CaseState, pending: readonly CaseEvent[]): Promise<CaseEvent[]> {
  return [...(await sources.cases.history(state.id)).map((h) => h.event), ...pending];
}

function regulationOf(sources: DocumentSources, state: CaseState): TRegulation {
  const regulation = sources.regulations.find((r) => r.id === state.service);
  if (!regulation) throw new Error(`no regulation ${state.service}`);
  return regulation;
}

/**
 * The result document (or motivated refusal) of a case as it ends, in canonical JSON — what its
 * signers sign — and the signatures the same history holds for it (one read of the history).
 */
function resultDocumentOf(sources: DocumentSources, publicUrl: string) {
  return async (state: CaseState, pending: readonly CaseEvent[]) => {
    const history = await historyAfter(sources, state, pending);
    const regulation = regulationOf(sources, state);
    const built = buildCaseDocument({
      state,
      history,
      regulation,
      directory: sources.directory,
      zone: sources.clockFor('provider').zone,
      baseUrl: publicUrl,
    });
    if (!built.ok) throw new Error(`the result document cannot be built: ${built.error.message.en}`);
    const issued = history.find((e) => e.type === 'result-issued');
    const { signatures } = documentSigning(history, regulation, issued?.at ?? sources.now());
    return { json: canonicalDocumentJson(built.value), document: built.value, signatures };
  };
}

/** Who gets demo certificates: every organisation (to seal what no person signs), every demo applicant and every member of staff. */
export function demoHolders(directory: TDirectory): DemoHolders {
  return {
    staff: directory.demoUsers.flatMap((u) => {
      // A member of staff's certificate names them and their organisation: the one whose office their first post is at.
      const officeId = u.roles[0]?.office;
      const organisation = officeId === undefined ? undefined : providerOrganisationOf(directory, officeId);
      if (u.kind !== 'staff' || !u.iin || !organisation?.bin) return [];
      return [{ id: u.login, name: u.name, iin: u.iin, bin: organisation.bin, organisation: organisation.title.kk, employee: true as const }];
    }),
    organisations: directory.organisations.map((o) => ({ id: o.id, name: o.title.kk, ...(o.bin ? { bin: o.bin } : {}) })),
    applicants: directory.demoUsers
      .filter((u) => u.kind === 'applicant')
      .map((u) => ({
        id: u.login,
        name: u.name,
        ...(u.iin ? { iin: u.iin } : {}),
        ...(u.bin && u.entity ? { bin: u.bin, organisation: u.entity } : {}),
      })),
  };
}
