import type { Principal } from './principal.js';
import type { AppDeps } from './app-deps.js';
import type { CaseNotification, CaseSummary } from './ports/case-store.js';

/** How many of the latest notices an inbox shows. */
export const NOTICES_SHOWN = 100;

/** A task in a staff inbox: the case's summary, and whether its step is past its due at the moment of asking. */
export interface InboxTask extends CaseSummary {
  readonly overdue: boolean;
}

/** A page of a person's inbox: the tasks their posts may take (overdue first) and the notices for their posts. */
export interface Inbox {
  readonly now: number;
  readonly limit: number;
  readonly offset: number;
  readonly tasks: readonly InboxTask[];
  readonly notifications: readonly CaseNotification[];
}

/** One page of an inbox: up to `limit` (200 by default) tasks from `offset`, the most urgent first. */
export async function listInbox(
  deps: AppDeps,
  principal: Principal,
  page: { readonly limit?: number | undefined; readonly offset?: number | undefined },
): Promise<Inbox> {
  const now = deps.now();
  const { limit = 200, offset = 0 } = page;
  const tasks = await deps.stores.cases.inbox(principal.user.id, principal.posts, { limit, offset });
  return {
    now,
    limit,
    offset,
    tasks: tasks.map((t) => ({ ...t, overdue: t.stepDue !== null && t.stepDue < now })),
    notifications: await deps.stores.cases.notifications(principal.posts, NOTICES_SHOWN),
  };
}
