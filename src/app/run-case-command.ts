import type { CaseCommand } from '../core/engine/case-commands.js';
import type { CaseEvent } from '../core/engine/case-events.js';
import type { CaseActor, CaseState } from '../core/engine/case-model.js';
import { rejection, type CaseRejection } from '../core/engine/case-rejection.js';
import { decideCase, type EngineContext } from '../core/engine/decide-case.js';
import { evolveCase } from '../core/engine/evolve-case.js';
import type { AdmissionPolicy } from '../core/regulation/admission.js';
import type { TRegulation } from '../core/regulation/schema.js';
import { err, ok, type Result } from '../core/result.js';
import type { ClockFor } from '../core/timeline/plan-timeline.js';
import type { CaseStore } from './ports/case-store.js';
import type { ResultSealer } from './ports/result-sealer.js';

/** What a use case needs from the outside: the store, the rules, the clocks and the time. */
export interface CaseDeps {
  readonly store: CaseStore;
  readonly regulationOf: (serviceId: string) => TRegulation | undefined;
  readonly clockFor: ClockFor;
  readonly policy: AdmissionPolicy;
  readonly now: () => number;
  /** The commissions and councils whose meetings are recorded, as the directory holds them. */
  readonly bodyOf?: EngineContext['bodyOf'];
  /** Signs results as they are issued; without it (or where it has no key and nobody signed) results are issued unsigned. */
  readonly sealer?: ResultSealer | undefined;
}

/**
 * Runs one command on one case: load, decide, append in one transaction. When another command
 * won the race, it decides once more on the fresh state, which usually turns the loser's
 * command into an explained rejection (a second click on a step already done).
 */
export async function runCaseCommand(
  deps: CaseDeps,
  input: { caseId: string; serviceId?: string; command: CaseCommand; actor: CaseActor; idempotencyKey?: string; loaded?: CaseState },
): Promise<Result<{ state: CaseState; replayed: boolean }, CaseRejection>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    // The caller may already have read the case (to check who may see it): the first attempt decides on that.
    const state = attempt === 0 && input.loaded !== undefined ? input.loaded : await deps.store.load(input.caseId);
    const serviceId = state?.service ?? input.serviceId;
    const regulation = serviceId === undefined ? undefined : deps.regulationOf(serviceId);
    if (!regulation) return err(rejection('invalid-input', 'Мұндай қызмет жоқ.', 'Такой услуги нет.', 'No such service.'));
    const decided = decideCase(state, input.command, {
      regulation,
      clockFor: deps.clockFor,
      policy: deps.policy,
      now: deps.now(),
      actor: input.actor,
      ...(deps.bodyOf ? { bodyOf: deps.bodyOf } : {}),
    });
    if (!decided.ok) return decided;
    const next = decided.value.reduce<CaseState | undefined>(evolveCase, state)!;
    const events = deps.sealer ? await sealIssuedResults(deps.sealer, decided.value, next) : decided.value;
    const appended = await deps.store.append({
      caseId: input.caseId,
      expectedVersion: state?.version ?? 0,
      events,
      state: next,
      ...(input.idempotencyKey !== undefined ? { idempotencyKey: input.idempotencyKey } : {}),
    });
    if (appended.ok) {
      const current = appended.value.replayed ? ((await deps.store.load(appended.value.caseId)) ?? next) : next;
      return ok({ state: current, replayed: appended.value.replayed });
    }
  }
  return err(
    rejection(
      'wrong-state',
      'Іс бір мезгілде өзгертілді: қайталап көріңіз.',
      'Дело одновременно изменено: повторите попытку.',
      'The case changed at the same moment: try again.',
    ),
  );
}

/** Adds the signed document to the event that issues a result (the signatures need the case as it ends). */
async function sealIssuedResults(sealer: ResultSealer, events: readonly CaseEvent[], ended: CaseState): Promise<CaseEvent[]> {
  return Promise.all(
    events.map(async (e) => {
      if (e.type !== 'result-issued') return e;
      const seal = await sealer.seal(ended, e, events);
      return seal === undefined ? e : { ...e, seal };
    }),
  );
}
