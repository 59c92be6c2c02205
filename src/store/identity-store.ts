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

/** The people, their posts, their sessions and their integration tokens. Secrets are kept only as hashes. */
export interface IdentityStore {
  /** Adds a person with their posts, in one transaction. */
  createUser(user: UserRecord, passwordHash: string, posts: readonly Post[], at: number): Promise<void>;
  userByLogin(login: string): Promise<(UserRecord & { readonly passwordHash: string }) | undefined>;
  userById(id: string): Promise<UserRecord | undefined>;
  postsOf(userId: string): Promise<Post[]>;
  /** The applicant account of an IIN (or, with a BIN, of the legal entity's representative). */
  applicantByIdentifier(identifier: { iin?: string; bin?: string }): Promise<UserRecord | undefined>;
  /** Who holds a role at an office (to choose an executor). */
  usersWithPost(post: Post): Promise<UserRecord[]>;
  countUsers(): Promise<number>;
  createSession(tokenHash: string, userId: string, at: number, expiresAt: number): Promise<void>;
  /** The user of a live session. */
  sessionUser(tokenHash: string, now: number): Promise<string | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  createApiToken(tokenHash: string, userId: string, name: string, at: number): Promise<void>;
  /** The user of a token not revoked. */
  apiTokenUser(tokenHash: string): Promise<string | undefined>;
}
