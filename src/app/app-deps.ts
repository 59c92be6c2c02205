import type { Sha256Hex } from '../core/audit/hash-chain.js';
import type { BoundedMap } from '../core/bounded-map.js';
import { bodyAt } from '../core/directory/body-at.js';
import type { TDirectory } from '../core/directory/directory-schema.js';
import type { AdmissionPolicy } from '../core/regulation/admission.js';
import type { TRegulation } from '../core/regulation/schema.js';
import type { ClockFor } from '../core/timeline/plan-timeline.js';
import type { EgovGateway } from './ports/egov-gateway.js';
import type { DocumentRenderer } from './ports/document-renderer.js';
import type { LoginVerifier } from './ports/login-verifier.js';
import type { PasswordHasher } from './ports/password-hasher.js';
import type { ResultSealer } from './ports/result-sealer.js';
import type { SignatureStamper } from './ports/signature-stamper.js';
import type { SealVerifier } from './ports/seal-verifier.js';
import type { StatementVerifier } from './ports/statement-verifier.js';
import type { Stores } from './ports/stores.js';
import type { CaseDeps } from './run-case-command.js';

/** Everything the use cases need from outside the core, wired once by the server or the CLI. */
export interface AppDeps {
  readonly stores: Stores;
  readonly regulations: readonly TRegulation[];
  readonly directory: TDirectory;
  readonly clockFor: ClockFor;
  readonly policy: AdmissionPolicy;
  readonly gateway: EgovGateway;
  readonly passwords: PasswordHasher;
  /** The current instant (tests and simulations move it). */
  readonly now: () => number;
  /** The hash of the case histories' chains (SHA-256). */
  readonly sha256: Sha256Hex;
  /** When each session or token was last written as used, so a burst of requests writes it once a minute (src/app/sign-in.ts). */
  readonly touches: BoundedMap<string, number>;
  /** A fresh identifier for cases, attachments and users. */
  readonly newId: (prefix: string) => string;
  /** IIN/BIN checks accept test identities that fail the checksum. */
  readonly acceptTestIdentities: boolean;
  /** Builds result documents and seals them as they are issued (the signers' signatures joined, or the organisation's key); absent where signatures are not wired. */
  readonly sealer?: ResultSealer | undefined;
  /** Re-verifies sealed results for the public registry. */
  readonly sealVerifier?: SealVerifier | undefined;
  /** Verifies applicants' signatures over their applications on the portal. */
  readonly statementVerifier?: StatementVerifier | undefined;
  /** Refuse portal applications that come without a signature. */
  readonly requirePortalSignature?: boolean;
  /** Time-stamps each signature a signing step accepts, with the revocation evidence of that moment. */
  readonly stamper?: SignatureStamper | undefined;
  /** Refuse a signing step's signature made without the signer's own electronic signature. */
  readonly requireStaffSignature?: boolean;
  /** Verifies signed log-in challenges. */
  readonly loginVerifier?: LoginVerifier | undefined;
  /** Renders signed result documents as PDF. */
  readonly documents?: DocumentRenderer | undefined;
}

/** What running one command needs, taken from the application's wiring. */
export function caseDeps(deps: AppDeps): CaseDeps {
  return {
    store: deps.stores.cases,
    regulationOf: (id) => regulationOf(deps, id),
    clockFor: deps.clockFor,
    policy: deps.policy,
    now: deps.now,
    sealer: deps.sealer,
    bodyOf: bodyAt(deps.directory),
  };
}

/** The regulation with this id. */
export function regulationOf(deps: Pick<AppDeps, 'regulations'>, id: string): TRegulation | undefined {
  return deps.regulations.find((r) => r.id === id);
}
