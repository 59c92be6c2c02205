import type { Consignment } from '../custody/consignment.js';
import type { TChannel, TResultKind, TRole, TText } from '../regulation/schema.js';

/** Statuses an applicant sees. */
export const CASE_STATUSES = ['submitted', 'registered', 'in-progress', 'suspended', 'satisfied', 'refused', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The statuses in the applicant's language. */
export const STATUS_TITLES: Record<CaseStatus, TText> = {
  submitted: { kk: 'Берілді', ru: 'Подано', en: 'Submitted' },
  registered: { kk: 'Тіркелді', ru: 'Зарегистрировано', en: 'Registered' },
  'in-progress': { kk: 'Қаралуда', ru: 'На рассмотрении', en: 'In progress' },
  suspended: { kk: 'Тоқтатылды (өтініш берушіні күтуде)', ru: 'Приостановлено (ожидает заявителя)', en: 'Suspended (waiting for the applicant)' },
  satisfied: { kk: 'Қанағаттанарлық', ru: 'Исполнено', en: 'Satisfied (result issued)' },
  refused: { kk: 'Бас тарту', ru: 'Отказано', en: 'Refused' },
  withdrawn: { kk: 'Кері қайтарылды', ru: 'Отозвано', en: 'Withdrawn' },
};

/** A role a person holds for a time as a stand-in («оны алмастыратын адам»): whose, and on which order. */
export interface ActingRole {
  readonly role: string;
  readonly for: string;
  readonly order: string;
}

/** Who issues a command: a person with roles (ids of the regulation's roles, or "applicant"). */
export interface CaseActor {
  readonly userId: string;
  /** Every role they hold now at the office, their own and those they act in. */
  readonly roles: readonly string[];
  /** The provider office the person works in; undefined for applicants. */
  readonly officeId?: string;
  /** Which of the roles they hold only as a stand-in, now. */
  readonly acting?: readonly ActingRole[];
}

/** The kinds of organisation a role works in. */
export type OrganisationKind = TRole['organisation'];

/** The office of each organisation taking part in a case (the provider's, a centre, the Ministry, the Fund's head office). */
export type CaseOffices = Readonly<Partial<Record<OrganisationKind, string>>>;

/** Who applied, as the state databases confirmed it. */
export interface CaseApplicant {
  /** IIN of an individual, or BIN of a legal entity. */
  readonly identifier: string;
  readonly name: string;
}

/** A result document: what was issued (or refused) and its number. */
export interface IssuedResult {
  readonly kind: TResultKind;
  readonly number: string;
  readonly positive: boolean;
}

/** The procedure a case is at, with who must act, when it really started and its due. */
export interface CurrentStep {
  readonly procedureId: string;
  /** The role that completes it, and the office that role must work in. */
  readonly role: string;
  readonly officeId: string | undefined;
  readonly startedAt: number;
  readonly due: number | null;
  /** When the performer recorded the end of their review, for a term counted from it (the due is set then). */
  readonly reviewEndedAt?: number;
  readonly escalated: boolean;
  /** The signatures made so far on a signing step with several signers, in order. */
  /** `for`: the post holder a stand-in signed for; `outcome`: what they signed for; `electronic`: with their own key. */
  readonly signatures?: readonly {
    readonly role: string;
    readonly by: string;
    readonly at: number;
    readonly for?: string;
    readonly outcome?: string;
    readonly electronic?: true;
  }[];
  /** The performer's decision awaiting agreement, and the roles that have agreed so far. */
  readonly proposal?: {
    readonly outcome: string;
    readonly decides: TResultKind | undefined;
    readonly grounds?: readonly string[];
    readonly by: string;
    readonly at: number;
    readonly agreedBy: readonly string[];
  };
}

/** A meeting held on the case: what it decided, on which day, and where its minutes are. */
export interface CaseMeeting {
  readonly procedureId: string;
  readonly body: string;
  readonly heldOn: string;
  readonly decision: string;
  readonly minutes: string;
}

/** A case: one application running one regulation, pinned to one edition. */
export interface CaseState {
  readonly id: string;
  readonly service: string;
  readonly variant: string | undefined;
  readonly channel: TChannel;
  readonly edition: string;
  readonly applicantId: string;
  /** The provider office that handles the case. */
  readonly officeId: string;
  readonly offices: CaseOffices;
  readonly applicant: CaseApplicant | undefined;
  /** The registry number a reissue or duplicate is about. */
  readonly baseNumber: string | undefined;
  readonly receipt: number;
  readonly status: CaseStatus;
  readonly step: CurrentStep | null;
  /** The result the procedures have decided on so far (issued when the case ends). */
  readonly decision: TResultKind | undefined;
  /** The document the case ended with. */
  readonly result: IssuedResult | undefined;
  readonly assignee: string | undefined;
  /** The executor role the assignee was named in; the naming binds only that role's steps (absent in older histories: every executor step). */
  readonly assigneeRole?: string;
  /** The overall due of the service term, moved by suspensions. */
  readonly overallDue: number | null;
  readonly suspension:
    { readonly at: number; readonly reason: string; readonly stepRemainingMillis: number; readonly overallRemainingMillis: number } | undefined;
  /** The meetings of commissions and councils held on it, in order (absent before the first). */
  readonly meetings?: readonly CaseMeeting[];
  /** The applicant asked for the result on paper as well. */
  readonly resultOnPaper?: true;
  /** The paper copy of the result, once certified by hand signature and seal. */
  readonly paperCopy?: { readonly certifiedAt: number; readonly certifiedBy: string; readonly role: string };
  /** The latest courier package the case travelled in (absent when it never left an office by courier). */
  readonly consignment?: Consignment;
  /** How many events made it: the optimistic-concurrency version. */
  readonly version: number;
}
