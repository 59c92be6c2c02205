import type { CaseActor, CaseState } from '../core/engine/case-model.js';
import type { Post } from './ports/case-store.js';
import type { UserRecord } from './ports/identity-store.js';

/** The signed-in person: who they are and the posts they hold. */
export interface Principal {
  readonly user: UserRecord;
  readonly posts: readonly Post[];
  /** How the request proved who it is: a sign-in session, or an integration's API token. */
  readonly via?: 'session' | 'api-token';
}

/** The offices a case involves. */
export function officesOfCase(state: CaseState): string[] {
  return [...new Set(Object.values(state.offices).filter((o): o is string => typeof o === 'string'))];
}

/**
 * A member of staff as the engine sees them: the roles they hold at the first of these offices
 * they work in (else at their first office). The engine then checks role and office per command.
 */
export function staffActorAt(principal: Principal, offices: readonly (string | undefined)[]): CaseActor {
  const { user, posts } = principal;
  const officeId = offices.find((o) => o !== undefined && posts.some((p) => p.officeId === o)) ?? posts[0]?.officeId;
  const here = posts.filter((p) => p.officeId === officeId);
  const roles = [...new Set(here.map((p) => p.role))];
  const acting = here.flatMap((p) => (p.acting ? [{ role: p.role, for: p.acting.for, order: p.acting.order }] : []));
  return { userId: user.id, roles, ...(officeId === undefined ? {} : { officeId }), ...(acting.length > 0 ? { acting } : {}) };
}

/** The person as the engine sees them on a case: an applicant, or staff at the office its current step waits on (else any office it involves). */
export function actorForCase(principal: Principal, state: CaseState): CaseActor {
  if (principal.user.kind === 'applicant') return { userId: principal.user.id, roles: ['applicant'] };
  return staffActorAt(principal, [state.step?.officeId, ...officesOfCase(state)]);
}

/** Whether the person may see a case: its applicant, or staff of an office it involves. */
export function maySeeCase(principal: Principal, state: CaseState): boolean {
  if (principal.user.kind === 'applicant') return state.applicantId === principal.user.id;
  const involved = officesOfCase(state);
  return principal.posts.some((p) => involved.includes(p.officeId));
}
