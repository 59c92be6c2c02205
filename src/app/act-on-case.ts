import type { CaseCommand } from '../core/engine/case-commands.js';
import type { CaseState } from '../core/engine/case-model.js';
import type { TRegulation } from '../core/regulation/schema.js';
import { err, ok, type Result } from '../core/result.js';
import { mayDo } from './may-do.js';
import { checkMinutes } from './meeting-minutes.js';
import { caseDeps, regulationOf, type AppDeps } from './app-deps.js';
import { appError, NOT_FOUND, type AppError } from './app-error.js';
import { actorForCase, maySeeCase, type Principal } from './principal.js';
import { runCaseCommand } from './run-case-command.js';
import { checkStepSignature } from './step-signature.js';

/** What a person can ask to do with an existing case (submission and the timer's escalation are separate). */
export type CaseAction = Exclude<CaseCommand, { type: 'submit' } | { type: 'escalate' }>;

const KEY_REUSED = appError(
  'invalid-input',
  'Бұл Idempotency-Key басқа іс бойынша сұрауға қолданылған.',
  'Этот Idempotency-Key уже использован в запросе по другому делу.',
  'This Idempotency-Key was already used for a request on another case.',
);

/** The people who may be named executor on a case: holders of an executor-kind role of its regulation, at that role's office. */
export async function executorsOfCase(deps: AppDeps, regulation: TRegulation, state: CaseState) {
  const posts = regulation.roles
    .filter((r) => r.kind === 'executor')
    .flatMap((r) => {
      const officeId = state.offices[r.organisation];
      return officeId ? [{ officeId, role: r.id }] : [];
    });
  return (await Promise.all(posts.map(async (p) => (await deps.stores.identity.usersWithPost(p)).map((user) => ({ user, role: p.role }))))).flat();
}

/** The people who may be named executor on a case, for someone who may see it. */
export async function executorsForCase(deps: AppDeps, principal: Principal, caseId: string): Promise<Result<{ id: string; name: string }[], AppError>> {
  const state = await deps.stores.cases.load(caseId);
  const regulation = state && regulationOf(deps, state.service);
  if (!state || !regulation || principal.user.kind !== 'staff' || !maySeeCase(principal, state)) return err(NOT_FOUND);
  const people = (await executorsOfCase(deps, regulation, state)).map(({ user }) => ({ id: user.id, name: user.name }));
  return ok([...new Map(people.map((p) => [p.id, p])).values()]);
}

/**
 * Runs a person's action on a case. The engine checks role, office, step and state; here we keep
 * cases hidden from people who may not see them, check a signer's signature over the document's draft, and
 * check that an assignee is an executor of the office that handles the case.
 */
export async function actOnCase(
  deps: AppDeps,
  principal: Principal,
  caseId: string,
  action: CaseAction,
  idempotencyKey?: string,
): Promise<Result<CaseState, AppError>> {
  const state = await deps.stores.cases.load(caseId);
  if (!state || !maySeeCase(principal, state)) return err(NOT_FOUND);
  const signature = await checkStepSignature(deps, principal, state, action);
  if (!signature.ok) return signature;
  // The signature recorded is the one accepted, with its time-stamp and revocation evidence.
  if (signature.value !== undefined && 'signature' in action) action = { ...action, signature: signature.value };
  // The minutes are looked at only for the one who may record the meeting: anyone else is refused by the engine for who they are.
  if (action.type === 'record-meeting' && mayDo(deps, state, principal, 'record-meeting')) {
    const meeting = await checkMinutes(deps, principal, state, action.meeting);
    if (!meeting.ok) return meeting;
    action = { ...action, meeting: meeting.value };
  }
  const key = idempotencyKey !== undefined ? `${principal.user.id}:${idempotencyKey}` : undefined;
  // A request resent after its answer was lost is answered with the case as it is: deciding it
  // again would refuse the step it already completed.
  const first = key === undefined ? undefined : await deps.stores.cases.replayOf(key);
  if (first) return first.caseId === caseId ? ok(state) : err(KEY_REUSED);
  const actor = actorForCase(principal, state);
  const regulation = regulationOf(deps, state.service);
  // Only someone who may name the executor learns who the office's executors are; anyone else is refused by the engine below.
  const mayAssign = mayDo(deps, state, principal, 'assign');
  let command: CaseAction = action;
  if (action.type === 'assign' && mayAssign) {
    const executors = await executorsOfCase(deps, regulation!, state);
    const posts = executors.filter((e) => e.user.id === action.assignee);
    if (posts.length === 0) {
      const people = [...new Map(executors.map(({ user }) => [user.id, { id: user.id, name: user.name }])).values()];
      return err(
        appError(
          'invalid-input',
          'Орындаушы осы кеңсенің жауапты орындаушысы болуы керек.',
          'Исполнитель должен быть ответственным исполнителем этого подразделения.',
          'The assignee must be a responsible executor of this office.',
          {
            executors: people,
          },
        ),
      );
    }
    // Named in the post the case now waits on when they hold it, else in their executor post.
    const role = posts.find((p) => p.role === state.step?.role)?.role ?? posts[0]!.role;
    command = { ...action, role };
  }
  const ran = await runCaseCommand(caseDeps(deps), {
    caseId,
    command,
    actor,
    loaded: state,
    ...(key !== undefined ? { idempotencyKey: key } : {}),
  });
  return ran.ok ? ok(ran.value.state) : err(ran.error);
}
