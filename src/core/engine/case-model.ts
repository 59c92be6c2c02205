import type { TChannel, TResultKind, TText } from '../regulation/schema.js';

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

/** Who issues a command: a person with roles (ids of the regulation's roles, or "applicant"). */
export interface CaseActor {
  readonly userId: string;
  readonly roles: readonly string[];
  /** The provider office the person works in; undefined for applicants. */
  readonly officeId?: string;
}

/** The procedure a case is at, with when it really started and its due. */
export interface CurrentStep {
  readonly procedureId: string;
  readonly startedAt: number;
  readonly due: number | null;
  readonly escalated: boolean;
}

/** A case: one application running one regulation, pinned to one edition. */
export interface CaseState {
  readonly id: string;
  readonly service: string;
  readonly variant: string | undefined;
  readonly channel: TChannel;
  readonly edition: string;
  readonly applicantId: string;
  readonly officeId: string;
  readonly receipt: number;
  readonly status: CaseStatus;
  readonly step: CurrentStep | null;
  /** The result the procedures have decided on so far (issued when the case ends). */
  readonly decision: TResultKind | undefined;
  readonly assignee: string | undefined;
  /** The overall due of the service term, moved by suspensions. */
  readonly overallDue: number | null;
  readonly suspension: { readonly at: number; readonly reason: string; readonly stepRemainingMillis: number; readonly overallRemainingMillis: number } | undefined;
  /** How many events made it: the optimistic-concurrency version. */
  readonly version: number;
}
