import type { CaseState } from '../core/engine/case-model.js';
import type { AllowedCommand } from '../core/engine/allowed-commands.js';
import { meetingDecisionsOf } from '../core/engine/duties.js';
import type { TBodyPosition, TVotingRules } from '../core/directory/collective-body.js';
import { NEGATIVE_RESULT_KINDS, type TRegulation, type TText } from '../core/regulation/schema.js';
import type { EngineContext } from '../core/engine/decide-case.js';

/** What the keeper of the minutes needs to record a meeting: the body as the directory holds it, and what it may decide. */
export interface MeetingForm {
  readonly procedureId: string;
  readonly body: {
    readonly title: TText;
    readonly members: readonly { readonly id: string; readonly name: string; readonly position: TBodyPosition }[];
    readonly rules: TVotingRules;
  };
  readonly decisions: readonly { readonly id: string; readonly label: TText; readonly refuses: boolean }[];
}

/** The meeting form for someone who may record the meeting at the case's step; undefined for anyone else or where no body is configured. */
export function meetingFormFor(
  state: CaseState,
  regulation: TRegulation,
  allowed: readonly AllowedCommand[],
  bodyOf: EngineContext['bodyOf'],
): MeetingForm | undefined {
  const may = allowed.find((a): a is Extract<AllowedCommand, { type: 'record-meeting' }> => a.type === 'record-meeting');
  const procedure = may && regulation.procedures.find((p) => p.id === may.procedureId);
  const meeting = procedure?.meeting;
  if (!procedure || !meeting) return undefined;
  const body = bodyOf?.(meeting.body, state.offices[regulation.roles.find((r) => r.id === meeting.body)?.organisation ?? 'provider']);
  if (!body) return undefined;
  return {
    procedureId: procedure.id,
    body: { title: body.title, members: body.members.map(({ id, name, position }) => ({ id, name, position })), rules: body.rules },
    decisions: meetingDecisionsOf(procedure).map((d) => {
      const decides = procedure.outcomes?.find((o) => o.id === d.id)?.decides;
      return { id: d.id, label: d.label, refuses: decides !== undefined && NEGATIVE_RESULT_KINDS.has(decides) };
    }),
  };
}
