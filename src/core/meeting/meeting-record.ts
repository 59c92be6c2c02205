/** A member's vote on the decision put to the meeting. */
export const VOTES = ['for', 'against', 'abstain'] as const;
export type Vote = (typeof VOTES)[number];

/** What the minutes of a commission's or council's meeting say, as the one who keeps them records it. */
export interface MeetingRecord {
  /** The day the meeting was held, `YYYY-MM-DD`. */
  readonly heldOn: string;
  /** Ids of the members present (the body's members in the directory). */
  readonly present: readonly string[];
  /** Each present voting member's vote on the decision. */
  readonly votes: readonly { readonly member: string; readonly vote: Vote }[];
  /** The decision taken: an outcome of the procedure, or one of the meeting's decisions. */
  readonly decision: string;
  /** The uploaded minutes (an attachment id), signed by the chair and the secretary. */
  readonly minutes: string;
  /** The keeper's own electronic signature over the minutes' bytes (detached CMS, base64, time-stamped once accepted). */
  readonly minutesSignature?: string;
}

/** The count the minutes give, and what the body's rules made of it (null where a rule is unknown). */
export interface MeetingTally {
  readonly votingMembers: number;
  readonly present: number;
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  readonly quorumMet: boolean | null;
  readonly carried: boolean | null;
}
