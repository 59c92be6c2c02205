import type { AppDeps } from './app-deps.js';
import { capabilitiesOf } from './leading-posts.js';
import type { Post } from './ports/case-store.js';
import type { UserRecord } from './ports/identity-store.js';
import type { Principal } from './principal.js';

/** The signed-in person as the web application needs them: who they are, their posts, and what those posts open. */
export interface Me {
  readonly user: UserRecord;
  readonly posts: readonly Post[];
  readonly can: ReturnType<typeof capabilitiesOf>;
}

/** Describes the signed-in person. */
export function describeMe(deps: Pick<AppDeps, 'regulations'>, principal: Principal): Me {
  return { user: principal.user, posts: principal.posts, can: capabilitiesOf(deps, principal) };
}
