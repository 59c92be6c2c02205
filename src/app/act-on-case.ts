import type { CaseCommand } from '../core/engine/case-commands.js';
import type { CaseState } from '../core/engine/case-model.js';
import { err, ok, type Result } from '../core/result.js';
import { caseDeps, type AppDeps } from './app-deps.js';
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

/**
 * Runs a person's action on a case. The engine checks role, office, step and state; here we keep
 * cases hidden from people who may not see them, refuse a step signature nothing can verify, and
 * check that an assignee is an executor of the office that handles the case.
 */
export async function actOnCase(deps: AppDeps, principal: Principal, caseId: string, action: CaseAction, idempotencyKey?: string): Promise<Result<CaseState, AppError>> {
  const state = await deps.stores.cases.load(caseId);
  if (!state || !maySeeCase(principal, state)) return err(NOT_FOUND);
  const signature = checkStepSignature(action);
  if (!signature.ok) return signature;
  const key = idempotencyKey !== undefined ? `${principal.user.id}:${idempotencyKey}` : undefined;
  // A request resent after its answer was lost is answered with the case as it is: deciding it
  // again would refuse the step it already completed.
  const first = key === undefined ? undefined : await deps.stores.cases.replayOf(key);
  if (first) return first.caseId === caseId ? ok(state) : err(KEY_REUSED);
  if (action.type === 'assign') {
    const executors = await deps.stores.identity.usersWithPost({ officeId: state.officeId, role: 'executor' });
    if (!executors.some((u) => u.id === action.assignee)) {
      return err(
        appError('invalid-input', 'Орындаушы осы кеңсенің жауапты орындаушысы болуы керек.', 'Исполнитель должен быть ответственным исполнителем этого подразделения.', 'The assignee must be a responsible executor of this office.', {
          executors: executors.map((u) => ({ id: u.id, name: u.name })),
        }),
      );
    }
  }
  const ran = await runCaseCommand(caseDeps(deps), {
    caseId,
    command: action,
    actor: actorForCase(principal, state),
    loaded: state,
    ...(key !== undefined ? { idempotencyKey: key } : {}),
  });
  return ran.ok ? ok(ran.value.state) : err(ran.error);
}
