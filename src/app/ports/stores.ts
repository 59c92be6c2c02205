import type { AttachmentStore } from './attachment-store.js';
import type { CaseStore } from './case-store.js';
import type { ChallengeStore } from './challenge-store.js';
import type { DashboardQueries } from './dashboard-queries.js';
import type { IdentityStore } from './identity-store.js';
import type { OperationsProbe } from './operations-probe.js';
import type { RegistryStore } from './registry-store.js';

/** Every store the use cases read and write, on one database. */
export interface Stores {
  readonly cases: CaseStore;
  readonly registry: RegistryStore;
  readonly identity: IdentityStore;
  readonly attachments: AttachmentStore;
  readonly challenges: ChallengeStore;
  readonly dashboards: DashboardQueries;
  readonly operations: OperationsProbe;
  /** Whether an error a store threw is a unique-key conflict (another writer got there first). */
  isUniqueViolation(error: unknown): boolean;
}
