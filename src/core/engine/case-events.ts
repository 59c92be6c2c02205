import type { ConsignmentNote } from '../custody/consignment.js';
import type { TChannel, TResultKind } from '../regulation/schema.js';
import type { MeetingRecord, MeetingTally } from '../meeting/meeting-record.js';
import type { SignedStatement } from './case-commands.js';
import type { CaseApplicant, CaseOffices } from './case-model.js';

/** A step the case moves to: who must act, where, and by when (counted from the moment it started). */
export interface StepStart {
  readonly procedureId: string;
  readonly role: string;
  readonly officeId: string | undefined;
  readonly due: number | null;
}

/** Whose turn it becomes at the step (the next signer or agreeing role, or the performer again), and where. */
export interface Turn {
  readonly role: string;
  readonly officeId: string | undefined;
}

/** Set on an act done by a stand-in: whom they acted for, on which order. */
export interface ActingFor {
  readonly for: string;
  readonly order: string;
}

/**
 * What happened to a case; the history is the list of these, in order. `at` is the event's legal
 * instant; `recordedAt` is set only when the act was really done earlier (before legal receipt).
 */
export type CaseEvent = { readonly recordedAt?: number } & (
  | {
      readonly type: 'submitted';
      readonly at: number;
      readonly by: string;
      readonly caseId: string;
      readonly service: string;
      readonly variant: string | undefined;
      readonly channel: TChannel;
      readonly edition: string;
      readonly applicantId: string;
      readonly officeId: string;
      readonly offices: CaseOffices;
      readonly applicant: CaseApplicant | undefined;
      readonly baseNumber: string | undefined;
      /** Ids of the documents attached to the application. */
      readonly attachments: readonly string[];
      /** What the applicant signed on the portal, kept as evidence. */
      readonly signed?: SignedStatement;
      /** The applicant asked for the result on paper as well. */
      readonly resultOnPaper?: true;
      readonly receipt: number;
      readonly firstStep: StepStart;
      readonly overallDue: number | null;
    }
  | {
      readonly type: 'step-completed';
      readonly at: number;
      readonly by: string;
      readonly procedureId: string;
      readonly outcome: string;
      readonly decides: TResultKind | undefined;
      /** The next procedure, counted from now; null when the case ends here. */
      readonly next: StepStart | null;
      /** The signature over the result, when the step signs it (verified before the command reaches the engine). */
      readonly signature?: string;
      /** The role whose duty completed it (the last signer of a signing step). */
      readonly role?: string;
      readonly acting?: ActingFor;
      /** Set when the step handed the case to a courier for another office, under a manifest. */
      readonly consignment?: ConsignmentNote & { readonly fromOffice: string; readonly toOffice: string };
    }
  | {
      /** The receiving office confirmed the courier handed over the case's package. */
      readonly type: 'consignment-received';
      readonly at: number;
      readonly by: string;
      readonly manifest: string;
      readonly officeId: string;
    }
  | {
      /** One signature of several on a signing step, before the last (which completes the step). */
      readonly type: 'signed';
      readonly at: number;
      readonly by: string;
      readonly procedureId: string;
      readonly role: string;
      /** The outcome signed for: every later signer signs the same document, so the same outcome. */
      readonly outcome?: string;
      readonly turn?: Turn;
      readonly signature?: string;
      readonly acting?: ActingFor;
    }
  | {
      /** The performer's decision (with a refusal's grounds) put to agreement or approval; it takes effect when the last agrees. */
      readonly type: 'step-proposed';
      readonly at: number;
      readonly by: string;
      readonly procedureId: string;
      readonly outcome: string;
      readonly decides: TResultKind | undefined;
      readonly grounds?: readonly string[];
      readonly turn?: Turn;
      readonly acting?: ActingFor;
    }
  | {
      /** A commission's or council's meeting as its minutes record it; the step-completed that follows carries its decision. */
      readonly type: 'meeting-recorded';
      readonly at: number;
      readonly by: string;
      readonly procedureId: string;
      readonly role: string;
      /** The collective-body role that met. */
      readonly body: string;
      readonly meeting: MeetingRecord;
      readonly tally: MeetingTally;
      readonly acting?: ActingFor;
    }
  | {
      readonly type: 'agreed';
      readonly at: number;
      readonly by: string;
      readonly procedureId: string;
      readonly role: string;
      readonly turn?: Turn;
      readonly acting?: ActingFor;
    }
  | {
      /** An agreeing role sent the proposal back to the performer, with why. */
      readonly type: 'agreement-declined';
      readonly at: number;
      readonly by: string;
      readonly procedureId: string;
      readonly role: string;
      readonly reason: string;
      readonly turn?: Turn;
      readonly acting?: ActingFor;
    }
  | { readonly type: 'assigned'; readonly at: number; readonly by: string; readonly assignee: string; readonly role?: string; readonly acting?: ActingFor }
  | {
      readonly type: 'refused';
      readonly at: number;
      readonly by: string;
      readonly grounds: readonly string[];
      /**
       * Set when the refusal goes on to be signed (the step-completed that follows moves the case);
       * absent in histories written before refusals were signed, where the refusal closed the case.
       */
      readonly continues?: true;
      readonly acting?: ActingFor;
    }
  | {
      readonly type: 'suspended';
      readonly at: number;
      readonly by: string;
      readonly reason: string;
      readonly stepRemainingMillis: number;
      readonly overallRemainingMillis: number;
    }
  | { readonly type: 'resumed'; readonly at: number; readonly by: string; readonly stepDue: number | null; readonly overallDue: number | null }
  | { readonly type: 'withdrawn'; readonly at: number; readonly by: string }
  | {
      readonly type: 'escalated';
      readonly at: number;
      readonly procedureId: string;
      readonly supervisorRole: string;
      readonly supervisorOfficeId: string | undefined;
    }
  | {
      readonly type: 'result-issued';
      readonly at: number;
      readonly kind: TResultKind;
      readonly number: string;
      readonly positive: boolean;
      readonly baseNumber: string | undefined;
      /** The result document signed by the provider (base64 CMS holding its canonical JSON), when the deployment signs results. */
      readonly seal?: string;
      /** Who is to certify the paper copy, when the applicant asked for one: the notice goes to that post. */
      readonly paperCopyBy?: Turn;
    }
  | {
      /** The performer's review at the step ended: the step's term runs from now, to `due`. */
      readonly type: 'review-ended';
      readonly at: number;
      readonly by: string;
      readonly procedureId: string;
      readonly due: number;
      readonly acting?: ActingFor;
    }
  | {
      /** The issued result printed and certified by hand signature and seal (the copy on paper the applicant asked for). */
      readonly type: 'paper-copy-certified';
      readonly at: number;
      readonly by: string;
      readonly role: string;
      readonly number: string;
      readonly acting?: ActingFor;
    }
);

/** The type names of events. */
export type CaseEventType = CaseEvent['type'];
