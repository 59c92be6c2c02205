import type { TRegulation } from '../regulation/schema.js';
import type { CaseState } from './case-model.js';
import { completingCommand, type CompletingCommand } from './completing-command.js';
import { agreementOf, firstDutyOf, signersOf } from './duties.js';

/** Whose turn it is at a case's current step, and with which command. */
export type NextDuty = { readonly role: string; readonly command: 'agree' } | { readonly role: string; readonly command: CompletingCommand };

/**
 * The duty due next at the current step: the next agreeing role while a decision awaits
 * agreement, the next signer of a signing step, else the performer with the step's own command.
 * Undefined when the case is at no step.
 */
export function nextDuty(state: CaseState, regulation: TRegulation): NextDuty | undefined {
  const step = state.step;
  const procedure = step && regulation.procedures.find((p) => p.id === step.procedureId);
  if (!step || !procedure) return undefined;
  if (step.proposal) {
    const agreement = agreementOf(
      procedure,
      procedure.outcomes?.find((o) => o.id === step.proposal!.outcome),
    );
    const role = agreement?.by[step.proposal.agreedBy.length];
    if (role) return { role, command: 'agree' };
  }
  const command = completingCommand(procedure);
  if (command === 'sign') return { role: signersOf(procedure)[step.signatures?.length ?? 0] ?? procedure.actor, command };
  return { role: firstDutyOf(procedure), command };
}
