import { caseDeps, type AppDeps } from './app-deps.js';
import { runCaseCommand } from './run-case-command.js';

/** The timer acts as the system, not as a person. */
export const SYSTEM_ACTOR = { userId: 'system:timer', roles: [] } as const;

/** How long a claimed timer stays with the process that claimed it. */
const LEASE_MILLIS = 60_000;

/**
 * Fires the overdue timers that are due: each claimed case gets the `escalate` command, which
 * records the escalation and notifies the step's supervisor. Several processes may run this at
 * once: a claim skips cases another process holds, and the case's version check would refuse a
 * second escalation of the same step anyway. Resolves to the cases escalated.
 */
export async function runDueTimers(deps: AppDeps, limit = 100): Promise<string[]> {
  const now = deps.now();
  const claimed = await deps.stores.cases.claimDueTimers(now, limit, LEASE_MILLIS);
  const escalated: string[] = [];
  for (const caseId of claimed) {
    const ran = await runCaseCommand(caseDeps(deps), { caseId, command: { type: 'escalate' }, actor: SYSTEM_ACTOR });
    if (ran.ok) escalated.push(caseId);
  }
  return escalated;
}
