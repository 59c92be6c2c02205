import type { ChainEntry } from '../../core/audit/hash-chain.js';
import type { CaseEvent } from '../../core/engine/case-events.js';
import type { CaseState, CaseStatus } from '../../core/engine/case-model.js';
import type { Result } from '../../core/result.js';

/** A page of a long list: at most `limit` rows, after skipping `offset`. */
export interface Page {
  readonly limit: number;
  readonly offset: number;
}

/** One entry of a case's history as stored: the event, its place and its link in the hash chain. */
export type StoredEvent = ChainEntry;

/** What to append: the events a command yielded and the state they lead to. */
export interface AppendRequest {
  readonly caseId: string;
  /** The version the command was decided on: 0 for a new case. */
  readonly expectedVersion: number;
  readonly events: readonly CaseEvent[];
  /** The case after the events (the projection the inboxes read). */
  readonly state: CaseState;
  /** A client's key for a POST: the same key never appends twice. */
  readonly idempotencyKey?: string;
}

/** Why an append did not happen. */
export type AppendConflict = { readonly code: 'version-conflict'; readonly currentVersion: number };

/** The outcome of an append: the new version, or that a retry with the same key found the first one. */
export interface Appended {
  readonly version: number;
  readonly replayed: boolean;
  /** The case the append went to: on a replay, the one the key was first used for (a retried submission got a new id). */
  readonly caseId: string;
}

/** A post a person holds: a role at an office, in their own right or, for a time, as a stand-in. */
export interface Post {
  readonly officeId: string;
  readonly role: string;
  /** Set when the post is held only as a stand-in: for whom, on which order. */
  readonly acting?: { readonly for: string; readonly order: string };
}

/** One line of an inbox or a cabinet: where a case stands and when its step is due. */
export interface CaseSummary {
  readonly id: string;
  readonly service: string;
  readonly status: CaseStatus;
  readonly step: string | null;
  readonly stepRole: string | null;
  readonly stepOffice: string | null;
  readonly stepDue: number | null;
  readonly overallDue: number | null;
  readonly assignee: string | null;
  readonly applicantId: string;
  readonly officeId: string;
  readonly updatedAt: number | null;
}

/** A notice for whoever holds a role at an office. */
export interface CaseNotification {
  readonly id: string;
  readonly caseId: string;
  readonly officeId: string | null;
  readonly role: string;
  readonly kind: string;
  readonly procedureId: string | null;
  readonly at: number;
}

/** A courier manifest: the cases one office handed one courier for another office, and their receipt. */
export interface CourierManifest {
  readonly id: string;
  readonly number: string;
  readonly courier: string;
  readonly fromOffice: string;
  readonly toOffice: string;
  readonly dispatchedBy: string;
  readonly dispatchedAt: number;
  readonly cases: readonly {
    readonly caseId: string;
    readonly service: string;
    readonly procedureId: string;
    readonly receivedBy: string | null;
    readonly receivedAt: number | null;
  }[];
}

/** The port the application uses to keep cases: each append is one transaction. */
export interface CaseStore {
  /** Appends atomically, if the case is still at the expected version (two clicks never both win). */
  append(request: AppendRequest): Promise<Result<Appended, AppendConflict>>;
  /** Appends to several cases in one transaction: all of them, or none when any case moved on meanwhile. */
  appendAll(requests: readonly AppendRequest[]): Promise<Result<void, AppendConflict & { readonly caseId: string }>>;
  /** The courier manifests sent from or to these offices, newest first. */
  manifests(officeIds: readonly string[], limit: number): Promise<CourierManifest[]>;
  /** One courier manifest, with every case on it. */
  manifest(id: string): Promise<CourierManifest | undefined>;
  /** The history of a case, in order (empty when there is no such case). */
  history(caseId: string): Promise<StoredEvent[]>;
  /** The current state of a case, as projected. */
  load(caseId: string): Promise<CaseState | undefined>;
  /** Open cases whose current step waits for one of these posts; an executor's only when unassigned or assigned to them. */
  inbox(userId: string, posts: readonly Post[], page?: Page): Promise<CaseSummary[]>;
  /** An applicant's cases, newest first. */
  casesOfApplicant(applicantId: string): Promise<CaseSummary[]>;
  /** A page of the cases some offices took part in: open steps by nearest due first (overdue ones at the top), then the closed by latest change. */
  casesAtOffices(officeIds: readonly string[], page: Page): Promise<CaseSummary[]>;
  /** Notices for these posts, newest first. */
  notifications(posts: readonly Post[], limit: number): Promise<CaseNotification[]>;
  /**
   * Claims up to `limit` cases whose step timer is due at `now` and that no other process holds:
   * each is leased for `leaseMillis`, so a claim lost with its process is retried after the lease.
   */
  claimDueTimers(now: number, limit: number, leaseMillis: number): Promise<string[]>;
  /**
   * The case a client's idempotency key was first used on, if it was: a request resent after its
   * answer was lost is answered from this before anything is checked again (the case has moved on
   * since, so deciding the command afresh would refuse it).
   */
  replayOf(idempotencyKey: string): Promise<{ readonly caseId: string; readonly version: number } | undefined>;
  /** Every case id, in order (for whole-store audits). */
  caseIds(): Promise<string[]>;
  /** Releases the connection(s). */
  close(): Promise<void>;
}
