import type { TChannel, TResultKind } from '../regulation/schema.js';
import type { SignedStatement } from './case-commands.js';
import type { CaseApplicant, CaseOffices } from './case-model.js';

/** A step the case moves to: who must act, where, and by when (counted from the moment it started). */
export interface StepStart {
  readonly procedureId: string;
  readonly role: string;
  readonly officeId: string | undefined;
  readonly due: number | null;
}

/** What happened to a case; the history is the list of these, in order. */
export type CaseEvent =
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
    }
  | { readonly type: 'assigned'; readonly at: number; readonly by: string; readonly assignee: string }
  | { readonly type: 'refused'; readonly at: number; readonly by: string; readonly grounds: readonly string[] }
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
    };

/** The type names of events. */
export type CaseEventType = CaseEvent['type'];
