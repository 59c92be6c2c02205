import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../app/app-deps.js';
import type { EgovGateway } from '../app/ports/egov-gateway.js';
import { loadCatalogue } from '../catalogue/load-catalogue.js';
import { loadClockSet } from '../catalogue/load-clock.js';
import { loadDirectory } from '../catalogue/load-directory.js';
import { DEMONSTRATION_POLICY } from '../core/regulation/admission.js';
import { createHttpEgovGateway } from '../gateway/http-egov-gateway.js';
import { startGatewaySimulator } from '../gateway/simulator/gateway-simulator.js';
import { loadSimulatorSeed } from '../gateway/simulator/simulator-seed.js';
import { argon2PasswordHasher } from '../security/argon2-password-hasher.js';
import { sha256Hex } from '../store/audit-chain.js';
import { openStores, type DatabaseConfig, type OpenedStores } from '../store/open-stores.js';
import { pdfDocumentRenderer } from '../documents/pdf-document-renderer.js';
import { wireSignatures, type SignatureSettings, type WiredSignatures } from './wire-signatures.js';
import { newTouchMemory } from '../app/sign-in.js';

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random identifier with a readable prefix: 40 random bits in 8 unambiguous letters and digits. */
export function newId(prefix: string): string {
  const bytes = randomBytes(8);
  return `${prefix.toUpperCase().slice(0, 1)}${[...bytes].map((b) => BASE32[b % 32]).join('')}`;
}

/** What to wire: the database, the gateway (or none, to start the simulator), the clock. */
export interface WiringOptions {
  readonly database: DatabaseConfig;
  readonly gateway?: { readonly url: string; readonly senderId: string; readonly password: string } | undefined;
  readonly acceptTestIdentities?: boolean;
  readonly now?: () => number;
  /** Trust anchors, revocation, the result-signing key; without them signatures are neither required nor made. */
  readonly signatures?: SignatureSettings;
}

/** The use cases' dependencies as wired here: the stores come with their database, for the server's health checks and the audit anchors. */
export type WiredDeps = AppDeps & { readonly stores: OpenedStores };

/** The application wired to real adapters, and how to let go of them. */
export interface Wired {
  readonly deps: WiredDeps;
  /** The simulator's URL, when the bundled one was started. */
  readonly simulatorUrl: string | undefined;
  /** The signature wiring, when signatures are configured. */
  readonly signatures: WiredSignatures | undefined;
  close(): Promise<void>;
}

/** Loads the catalogue, calendar and directory, opens the database and connects the gateway. */
export async function wireApp(options: WiringOptions): Promise<Wired> {
  const simulator = options.gateway ? undefined : await startGatewaySimulator({ port: 0, seed: loadSimulatorSeed() });
  const target = options.gateway ?? { url: simulator!.url, senderId: 'reglament', password: 'simulator' };
  const gateway: EgovGateway = createHttpEgovGateway({ ...target, timeoutMs: 5000, retries: 2, acceptTestIdentities: options.acceptTestIdentities ?? false });
  const now = options.now ?? Date.now;
  // The stores stamp rows (a case's updated_at) with the application's clock, not the wall's.
  const stores = await openStores(options.database, now);
  const regulations = loadCatalogue().regulations;
  const directory = loadDirectory();
  const clockFor = loadClockSet().clockFor;
  const signatures = options.signatures && (await wireSignatures(options.signatures, { cases: stores.cases, regulations, directory, clockFor, now }));
  const deps: WiredDeps = {
    stores,
    regulations,
    directory,
    clockFor,
    policy: DEMONSTRATION_POLICY,
    gateway,
    passwords: argon2PasswordHasher,
    now,
    sha256: sha256Hex,
    touches: newTouchMemory(),
    newId,
    acceptTestIdentities: options.acceptTestIdentities ?? false,
    documents: pdfDocumentRenderer({
      regulations,
      directory,
      zone: clockFor('provider').zone,
      publicUrl: options.signatures?.publicUrl ?? 'http://localhost:3000',
    }),
    ...(signatures
      ? {
          sealer: signatures.sealer,
          sealVerifier: signatures.sealVerifier,
          statementVerifier: signatures.statementVerifier,
          loginVerifier: signatures.loginVerifier,
          requirePortalSignature: signatures.requirePortalSignature,
          requireStaffSignature: signatures.requireStaffSignature,
          ...(signatures.stamper ? { stamper: signatures.stamper } : {}),
        }
      : {}),
  };
  return {
    deps,
    simulatorUrl: simulator?.url,
    signatures,
    close: async () => {
      await stores.close();
      await simulator?.close();
      await signatures?.close();
    },
  };
}
