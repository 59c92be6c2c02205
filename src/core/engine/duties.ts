import type { CaseState } from './case-model.js';
import {
  LEADING_ROLE_KINDS,
  NEGATIVE_RESULT_KINDS,
  type TAgreement,
  type TOutcome,
  type TProcedure,
  type TRegulation,
  type TText,
} from '../regulation/schema.js';

/**
 * Who holds which duty at a procedure, as the definition assigns it. The engine takes each
 * command only from the role that holds its duty; these are the one reading of the definition.
 */

/** Whether a role of the regulation leads (head, deputy, department or branch head, chair). */
export function isLeadingRole(regulation: TRegulation, roleId: string): boolean {
  const kind = regulation.roles.find((r) => r.id === roleId)?.kind;
  return kind !== undefined && LEADING_ROLE_KINDS.has(kind);
}

/** Whether a role is a responsible executor's (kind executor): once one is named, the case is theirs alone. */
export function isExecutorRole(regulation: TRegulation, roleId: string): boolean {
  return regulation.roles.find((r) => r.id === roleId)?.kind === 'executor';
}

/** The role whose turn comes first when a procedure starts: its first signer when it is signed, the keeper of the minutes when it is decided at a meeting, else its performer. */
export function firstDutyOf(procedure: TProcedure): string {
  if (procedure.kinds.includes('sign')) return signersOf(procedure)[0]!;
  return procedure.meeting?.recordedBy ?? procedure.actor;
}

/** What a meeting at a procedure may decide: the procedure's outcomes, else the meeting's own decisions. */
export function meetingDecisionsOf(procedure: TProcedure): readonly { readonly id: string; readonly label: TText }[] {
  return procedure.outcomes ?? procedure.meeting?.decisions ?? [];
}

/** The roles that sign a procedure, in order: its signers, else its actor. */
export function signersOf(procedure: TProcedure): readonly string[] {
  return procedure.signers ?? [procedure.actor];
}

/** What must be agreed before an outcome takes effect: the outcome's own agreement, else the procedure's. */
export function agreementOf(procedure: TProcedure, outcome: TOutcome | undefined): TAgreement | undefined {
  return outcome?.agreement ?? procedure.agreement;
}

/** The outcome by which the procedure's performer refuses (the first deciding a negative result). */
export function refusingOutcome(procedure: TProcedure): TOutcome | undefined {
  return procedure.outcomes?.find((o) => o.decides !== undefined && NEGATIVE_RESULT_KINDS.has(o.decides));
}

/**
 * The roles that may name (or rename) the responsible executor while the case is at a procedure:
 * its own assigner; else whoever the regulation names as assigner anywhere (the one who named the
 * executor may reassign later); else, for a definition that names no assigner, the leading roles
 * named at the procedure.
 */
export function assignersOf(regulation: TRegulation, procedure: TProcedure): readonly string[] {
  if (procedure.assigner) return [procedure.assigner];
  const named = [...new Set(regulation.procedures.flatMap((p) => (p.assigner ? [p.assigner] : [])))];
  if (named.length > 0) return named;
  return [procedure.actor, ...(procedure.participants ?? [])].filter((r) => isLeadingRole(regulation, r));
}

/** The role that supervises a procedure when it runs late: the first leading role named with it, else the provider's head. */
export function supervisorOf(regulation: TRegulation, procedure: TProcedure | undefined): string {
  const named = [...(procedure?.participants ?? []), ...(procedure?.signers ?? [])].find((r) => isLeadingRole(regulation, r));
  return (
    named ??
    regulation.roles.find((r) => r.kind === 'head')?.id ??
    regulation.roles.find((r) => isLeadingRole(regulation, r.id))?.id ??
    procedure?.actor ??
    'head'
  );
}

/** Whether the case waits on an executor's step that nobody has been named to (in that executor role). */
export function awaitsExecutor(state: CaseState, regulation: TRegulation): boolean {
  const role = state.step?.role;
  if (role === undefined || !isExecutorRole(regulation, role)) return false;
  return state.assignee === undefined || (state.assigneeRole !== undefined && state.assigneeRole !== role);
}
