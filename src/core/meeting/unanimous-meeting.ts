import { VOTING_POSITIONS, type TCollectiveBody } from '../directory/collective-body.js';
import type { MeetingRecord } from './meeting-record.js';

/**
 * The record of a meeting every member attends and every voting member votes for the decision: what
 * a demonstration or a simulation records, which any quorum and majority rule accepts.
 */
export function unanimousMeeting(body: TCollectiveBody, decision: string, heldOn: string, minutes: string): MeetingRecord {
  return {
    heldOn,
    present: body.members.map((m) => m.id),
    votes: body.members.filter((m) => VOTING_POSITIONS.has(m.position)).map((m) => ({ member: m.id, vote: 'for' as const })),
    decision,
    minutes,
  };
}
