import type { Post } from './case-store.js';

/** A person who signs in: staff of an office, or an applicant. */
export interface UserRecord {
  readonly id: string;
  readonly login: string;
  readonly name: string;
  readonly kind: 'staff' | 'applicant';
  readonly iin: string | null;
  readonly bin: string | null;
}

/** One attempt to sign in with a password. */
export interface LoginAttempt {
  readonly id: string;
  /** The login as typed (lower-cased), whether or not such an account exists. */
  readonly login: string;
  readonly ip: string;
  readonly at: number;
  /** `locked`: refused unchecked while the account or the address was locked out. */
  readonly outcome: 'succeeded' | 'failed' | 'locked';
}

/** An integration token as its owner sees it: never its secret nor its hash. */
export interface ApiTokenRecord {
  /** Public id (`tok_…`), to list and revoke it by. */
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: number;
  /** After this moment the token authenticates nothing. */
  readonly expiresAt: number;
  /** When it last authenticated a request (to the minute), if ever. */
  readonly lastUsedAt: number | null;
}

/** One line of the append-only audit of integration tokens. */
export interface ApiTokenAuditEntry {
  readonly id: string;
  readonly action: 'issued' | 'revoked';
  readonly tokenId: string;
  readonly tokenName: string;
  /** Whose token it is. */
  readonly ownerId: string;
  /** Who issued or revoked it (today always the owner). */
  readonly actorId: string;
  readonly at: number;
}

/** An acting appointment: a member of staff holds another's post at an office for a period, on an order. */
export interface ActingAppointment {
  readonly id: string;
  readonly actingUserId: string;
  readonly forUserId: string;
  readonly officeId: string;
  readonly role: string;
  /** The period it gives authority in: from `startsAt`, up to (not including) `endsAt`. */
  readonly startsAt: number;
  readonly endsAt: number;
  /** The order that appointed the stand-in (its number and date as written on it). */
  readonly order: string;
  readonly appointedBy: string;
  readonly createdAt: number;
}

/** The people, their posts, their sessions and their integration tokens. Secrets are kept only as hashes. */
export interface IdentityStore {
  /** Adds a person with their posts, in one transaction. */
  createUser(user: UserRecord, passwordHash: string, posts: readonly Post[], at: number): Promise<void>;
  userByLogin(login: string): Promise<(UserRecord & { readonly passwordHash: string }) | undefined>;
  userById(id: string): Promise<UserRecord | undefined>;
  postsOf(userId: string): Promise<Post[]>;
  /**
   * The applicant account of a person: an IIN alone finds the individual's own account; an IIN with
   * a BIN, that person's account as the legal entity's representative (both must match); a BIN alone
   * (staff lodging for an entity), the entity's first representative.
   */
  applicantByIdentifier(identifier: { iin?: string; bin?: string }): Promise<UserRecord | undefined>;
  /** The member of staff with this IIN, if any. */
  staffByIin(iin: string): Promise<UserRecord | undefined>;
  /** Who holds a role at an office (to choose an executor). */
  usersWithPost(post: Post): Promise<UserRecord[]>;
  countUsers(): Promise<number>;
  createSession(tokenHash: string, userId: string, at: number, expiresAt: number): Promise<void>;
  /** The user of a live session: not past its absolute expiry, and (when `idleSince` is given) used since then. */
  sessionUser(tokenHash: string, now: number, idleSince?: number): Promise<string | undefined>;
  /** Records that a session was used at this moment (what idle expiry counts from). */
  touchSession(tokenHash: string, at: number): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Keeps a sign-in attempt: what lockout counts, and the audit of who tried which account from where. */
  recordLoginAttempt(attempt: LoginAttempt): Promise<void>;
  /**
   * Failed attempts since a moment, counted only after the last success of the same scope: on an
   * account (from anywhere), on an account from one address, or from an address (any account).
   */
  failedLoginsSince(who: { readonly login: string; readonly ip?: string } | { readonly ip: string }, since: number): Promise<number>;
  /** The attempts on an account, newest first (the audit). */
  loginAttemptsOf(login: string): Promise<LoginAttempt[]>;
  /** Keeps a new token (by its hash) and its audit line, in one transaction. */
  createApiToken(tokenHash: string, token: Omit<ApiTokenRecord, 'lastUsedAt'>, audit: ApiTokenAuditEntry): Promise<void>;
  /** The user of a token neither revoked nor expired at `now` (checked in the query). */
  apiTokenUser(tokenHash: string, now: number): Promise<string | undefined>;
  /** Records that a token authenticated a request at this moment. */
  touchApiToken(tokenHash: string, at: number): Promise<void>;
  /** A person's tokens neither revoked nor expired at `now`, newest first. */
  liveApiTokensOf(userId: string, now: number): Promise<ApiTokenRecord[]>;
  /**
   * Revokes a person's token and writes the audit line, in one transaction; false (and nothing
   * written) when they have no such live token.
   */
  revokeApiToken(userId: string, tokenId: string, at: number, audit: ApiTokenAuditEntry): Promise<boolean>;
  /** The audit of a person's tokens, newest first. */
  apiTokenAuditOf(ownerId: string): Promise<ApiTokenAuditEntry[]>;
  /** Records an acting appointment (never changed afterwards). */
  appointStandIn(appointment: ActingAppointment): Promise<void>;
  /** The posts a person holds as a stand-in at this instant. */
  actingPostsOf(userId: string, at: number): Promise<Post[]>;
  /** An office's appointments not yet ended at this instant, soonest first. */
  standInsAt(officeId: string, now: number): Promise<ActingAppointment[]>;
}
