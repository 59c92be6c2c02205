import type { TChannel } from '../regulation/schema.js';

/** What a person asks the engine to do with a case. */
export type CaseCommand =
  | {
      readonly type: 'submit';
      readonly caseId: string;
      readonly variant: string | undefined;
      readonly channel: TChannel;
      readonly applicantId: string;
      readonly officeId: string;
    }
  | { readonly type: 'complete-step'; readonly procedureId: string; readonly outcome?: string }
  | { readonly type: 'assign'; readonly assignee: string }
  | { readonly type: 'refuse'; readonly grounds: readonly string[] }
  | { readonly type: 'suspend'; readonly reason: string }
  | { readonly type: 'resume' }
  | { readonly type: 'withdraw' };
