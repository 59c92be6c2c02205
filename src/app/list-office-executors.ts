import { err, ok, type Result } from '../core/result.js';
import type { AppDeps } from './app-deps.js';
import { NOT_FOUND, type AppError } from './app-error.js';
import type { Principal } from './principal.js';

/** A person as a choice in a form: who they are, by name; nothing else of their record. */
export interface PersonChoice {
  readonly id: string;
  readonly name: string;
}

/** The responsible executors of an office, to someone who holds a post there (to anyone else, the office is not found). */
export async function listOfficeExecutors(deps: AppDeps, principal: Principal, officeId: string): Promise<Result<PersonChoice[], AppError>> {
  if (!principal.posts.some((p) => p.officeId === officeId)) return err(NOT_FOUND);
  const users = await deps.stores.identity.usersWithPost({ officeId, role: 'executor' });
  return ok(users.map((u) => ({ id: u.id, name: u.name })));
}
