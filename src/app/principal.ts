import type { CaseActor, CaseState } from '../core/engine/case-model.js';
import type { Post } from '../store/case-store.js';
import type { UserRecord } from '../store/identity-store.js';

/** The signed-in person: who they are and the posts they hold. */
export interface Principal {
  readonly user: UserRecord;
  readonly posts: readonly Post[];
}

/** The offices a case involves. */
export function officesOfCase(state: CaseState): string[] {
  return [...new Set(Object.values(state.offices).filter((o): o is string => typeof o === 'string'))];
}

/**
 * The person as the engine sees them on one case: an applicant, or the roles they hold at the
 * office the case's current step waits on (else at any office the case involves). The engine then
 * checks role and office for each command.
 */
export function actorForCase(principal: Principal, state: CaseState | undefined): CaseActor {
  const { user, posts } = principal;
  if (user.kind === 'applicant') return { userId: user.id, roles: ['applicant'] };
  const involved = state ? officesOfCase(state) : [];
  const officeId = [state?.step?.officeId, ...involved].find((o) => o !== undefined && posts.some((p) => p.officeId === o)) ?? posts[0]?.officeId;
  const roles = posts.filter((p) => p.officeId === officeId).map((p) => p.role);
  return officeId === undefined ? { userId: user.id, roles } : { userId: user.id, roles, officeId };
}

/** Whether the person may see a case: its applicant, or staff of an office it involves. */
export function maySeeCase(principal: Principal, state: CaseState): boolean {
  if (principal.user.kind === 'applicant') return state.applicantId === principal.user.id;
  const involved = officesOfCase(state);
  return principal.posts.some((p) => involved.includes(p.officeId));
}
