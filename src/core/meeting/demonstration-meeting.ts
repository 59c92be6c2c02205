import type { CaseCommand } from '../engine/case-commands.js';
import type { TCollectiveBody } from '../directory/collective-body.js';
import { meetingDecisionsOf } from '../engine/duties.js';
import { NEGATIVE_RESULT_KINDS, type TProcedure } from '../regulation/schema.js';
import { unanimousMeeting } from './unanimous-meeting.js';

/**
 * The command a demonstration or a simulation gives at a meeting procedure: the whole body meets on
 * `heldOn` and votes for `decision` (the first decision when none is named); a refusing decision
 * carries grounds in the minutes' words.
 */
export function demonstrationMeeting(
  procedure: TProcedure,
  body: TCollectiveBody,
  input: { decision?: string | undefined; heldOn: string; minutes: string },
): Extract<CaseCommand, { type: 'record-meeting' }> {
  const decision = input.decision ?? meetingDecisionsOf(procedure)[0]!.id;
  const decides = procedure.outcomes?.find((o) => o.id === decision)?.decides;
  const refuses = decides !== undefined && NEGATIVE_RESULT_KINDS.has(decides);
  return {
    type: 'record-meeting',
    procedureId: procedure.id,
    meeting: unanimousMeeting(body, decision, input.heldOn, input.minutes),
    ...(refuses ? { grounds: [`${body.title.kk}: ұсынылған құжаттар талаптарға сәйкес келмейді (хаттама).`] } : {}),
  };
}
