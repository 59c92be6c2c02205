import type { CaseCommand } from './case-commands.js';
import type { CaseState } from './case-model.js';
import { completingCommand } from './completing-command.js';
import { decideCase, meetingRecorder, type EngineContext } from './decide-case.js';

/** A command the person may give now; for a step, the outcomes they may choose. */
export type AllowedCommand =
  | { readonly type: 'complete-step' | 'register' | 'sign' | 'deliver'; readonly procedureId: string; readonly outcomes: readonly string[] }
  | { readonly type: 'agree' | 'end-review'; readonly procedureId: string }
  | { readonly type: 'record-meeting'; readonly procedureId: string }
  | { readonly type: 'assign' | 'refuse' | 'suspend' | 'resume' | 'withdraw' | 'certify-paper-copy' };

/**
 * What the person in the context may do with the case now, asked of the engine itself: each
 * command is decided on trial (the engine is pure, so nothing happens), so the list can never
 * disagree with what the engine will accept.
 */
export function allowedCommands(state: CaseState, ctx: EngineContext): AllowedCommand[] {
  const accepts = (command: CaseCommand) => decideCase(state, command, ctx).ok;
  const allowed: AllowedCommand[] = [];
  const procedure = state.step ? ctx.regulation.procedures.find((p) => p.id === state.step!.procedureId) : undefined;
  if (procedure) {
    const type = completingCommand(procedure);
    // A meeting's record is judged on what its minutes say: here only whether the person keeps them.
    if (type === 'record-meeting') {
      if (meetingRecorder(state, procedure.id, ctx).ok) allowed.push({ type, procedureId: procedure.id });
      return withCaseCommands(state, ctx, allowed);
    }
    const choices = procedure.outcomes?.map((o) => o.id) ?? [undefined];
    const outcomes = choices.filter((outcome) => accepts({ type, procedureId: procedure.id, ...(outcome ? { outcome } : {}) }));
    if (outcomes.length > 0) allowed.push({ type, procedureId: procedure.id, outcomes: outcomes.filter((o): o is string => o !== undefined) });
    if (accepts({ type: 'agree', procedureId: procedure.id, agreed: true })) allowed.push({ type: 'agree', procedureId: procedure.id });
    if (accepts({ type: 'end-review', procedureId: procedure.id })) allowed.push({ type: 'end-review', procedureId: procedure.id });
  }
  return withCaseCommands(state, ctx, allowed);
}

/** Adds the commands about the case as a whole (naming the executor, refusing, suspending, …) the person may give. */
function withCaseCommands(state: CaseState, ctx: EngineContext, allowed: AllowedCommand[]): AllowedCommand[] {
  const accepts = (command: CaseCommand) => decideCase(state, command, ctx).ok;
  // Trial values: the engine checks who may, not what they will write.
  const trials: CaseCommand[] = [
    { type: 'assign', assignee: '-' },
    { type: 'refuse', grounds: ['-'] },
    { type: 'suspend', reason: '-' },
    { type: 'resume' },
    { type: 'withdraw' },
    { type: 'certify-paper-copy' },
  ];
  for (const trial of trials) if (accepts(trial)) allowed.push({ type: trial.type as 'assign' });
  return allowed;
}
