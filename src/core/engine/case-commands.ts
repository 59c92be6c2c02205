import type { TChannel } from '../regulation/schema.js';
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
    }
  | {
      readonly type: StepCommandType;
      /** The procedure the person saw: a second click on a step already done is refused, not repeated. */
      readonly procedureId: string;
      readonly outcome?: string;
      readonly signature?: string;
    }
  | { readonly type: 'assign'; readonly assignee: string }
  | { readonly type: 'refuse'; readonly grounds: readonly string[] }
  | { readonly type: 'suspend'; readonly reason: string }
  | { readonly type: 'resume' }
  | { readonly type: 'withdraw' }
  | { readonly type: 'escalate' };
