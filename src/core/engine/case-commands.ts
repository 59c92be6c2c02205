import type { TChannel } from '../regulation/schema.js';
import type { MeetingRecord } from '../meeting/meeting-record.js';
import type { ConsignmentNote } from '../custody/consignment.js';
import type { CaseApplicant, CaseOffices } from './case-model.js';

/** An application statement and the applicant's detached CMS over it (base64). */
export interface SignedStatement {
  readonly statement: string;
  readonly signature: string;
}

/** Commands that complete the current procedure; the named ones also require the procedure to be of that kind. */
export const STEP_COMMANDS = ['complete-step', 'register', 'sign', 'deliver'] as const;
export type StepCommandType = (typeof STEP_COMMANDS)[number];

/** What a person (or the timer, for `escalate`) asks the engine to do with a case. */
export type CaseCommand =
  | {
      readonly type: 'submit';
      readonly caseId: string;
      readonly variant: string | undefined;
      readonly channel: TChannel;
      readonly applicantId: string;
      readonly offices: CaseOffices;
      readonly applicant?: CaseApplicant;
      readonly baseNumber?: string;
      readonly attachments?: readonly string[];
      /** The applicant's signature over the application statement (checked before the command reaches the engine). */
      readonly signed?: SignedStatement;
      /** The applicant asks for the result on paper as well (where the regulation's `paperCopy` allows it). */
      readonly resultOnPaper?: true;
    }
  | {
      readonly type: StepCommandType;
      /** The procedure the person saw: a second click on a step already done is refused, not repeated. */
      readonly procedureId: string;
      readonly outcome?: string;
      readonly signature?: string;
      /** A transfer to another office done by courier: the manifest the case travels under (a plain completion only). */
      readonly consignment?: ConsignmentNote;
    }
  | {
      readonly type: 'assign';
      readonly assignee: string;
      /** The executor role the assignee is named in (set by the app from their post): the naming binds that role's steps. */
      readonly role?: string;
    }
  | {
      /** The minutes of a commission's or council's meeting, recorded by the one who keeps them: completes a meeting procedure. */
      readonly type: 'record-meeting';
      readonly procedureId: string;
      readonly meeting: MeetingRecord;
      /** A refusing decision's grounds, in the words of the minutes. */
      readonly grounds?: readonly string[];
    }
  | { readonly type: 'refuse'; readonly grounds: readonly string[] }
  | {
      /** An agreeing or approving role's answer to the proposal at the current step. */
      readonly type: 'agree';
      readonly procedureId: string;
      readonly agreed: boolean;
      /** Why not, when it is sent back. */
      readonly reason?: string;
    }
  | { readonly type: 'suspend'; readonly reason: string }
  | {
      /** Someone at the receiving office confirms the courier handed over the case's package of this manifest. */
      readonly type: 'receive-consignment';
      readonly manifest: string;
    }
  | {
      /** The performer records that their review ended: a term counted from the review («қарап болған соң») starts now. */
      readonly type: 'end-review';
      readonly procedureId: string;
    }
  | {
      /** The printed copy of the issued result certified by hand signature and seal, for an applicant who asked for paper. */
      readonly type: 'certify-paper-copy';
    }
  | { readonly type: 'resume' }
  | { readonly type: 'withdraw' }
  | { readonly type: 'escalate' };
