/**
 * The shapes the web application reads from the API (src/http/routes/*.ts). Declared here rather
 * than imported so that the browser bundle never pulls server code.
 */

export type Lang = 'kk' | 'ru' | 'en';
export type Text = Readonly<Record<Lang, string>>;
export type Channel = 'portal' | 'office' | 'state-corporation';
export type Term = {
  readonly value: number;
  readonly unit: 'minutes' | 'hours' | 'working_days' | 'calendar_days' | 'within_working_day';
  readonly after?: 'review';
};
export type SourceStatus = 'seed' | 'found' | 'inferred' | 'unknown';
export interface Source {
  readonly status: SourceStatus;
  readonly ref?: string;
  readonly note?: string;
}

export interface User {
  readonly id: string;
  readonly login: string;
  readonly name: string;
  readonly kind: 'staff' | 'applicant';
  readonly iin: string | null;
  readonly bin: string | null;
}
export interface Post {
  readonly officeId: string;
  readonly role: string;
}
export interface Me {
  readonly user: User;
  readonly posts: readonly Post[];
  /** What the posts open, by their roles' kinds. */
  readonly can?: { readonly leads: boolean; readonly oversees: boolean; readonly counter: boolean };
}

export interface ServiceLine {
  readonly id: string;
  readonly title: Text;
  readonly provider: Text;
  readonly channels: readonly Channel[];
  readonly variants: readonly { readonly id: string; readonly title: Text }[];
  readonly applicants: readonly string[];
  readonly repeal: Text | null;
}

export interface StandardItem {
  readonly id: string;
  readonly text: Text;
  readonly source: Source;
  readonly variants?: readonly string[];
  readonly channels?: readonly Channel[];
}
export interface StandardContent {
  readonly status: 'known' | 'partly-known' | 'unknown';
  readonly items: readonly StandardItem[];
  readonly source: Source;
}
export interface Outcome {
  readonly id: string;
  readonly label: Text;
  readonly next: string;
  readonly decides?: string;
}
export interface Procedure {
  readonly id: string;
  readonly clause: string;
  readonly actor: string;
  readonly participants?: readonly string[];
  readonly kinds: readonly string[];
  readonly action: Text;
  readonly term: Term | null;
  readonly termSource: string;
  readonly variants?: readonly string[];
  readonly channels?: readonly Channel[];
  readonly outcomes?: readonly Outcome[];
  readonly signers?: readonly string[];
  readonly assigner?: string;
  readonly meeting?: {
    readonly body: string;
    readonly recordedBy: string;
    readonly clause: string;
    readonly decisions?: readonly { readonly id: string; readonly label: Text }[];
  };
}
export interface Regulation {
  readonly id: string;
  readonly title: Text;
  readonly provider: { readonly id: string; readonly title: Text };
  readonly channels: readonly Channel[];
  readonly form: readonly string[];
  readonly applicants: readonly ('individual' | 'legal-entity' | 'entrepreneur')[];
  readonly results: readonly { readonly kind: string; readonly title: Text; readonly positive: boolean; readonly variants?: readonly string[] }[];
  /** Where the applicant may ask for the result on paper (src/core/regulation/schema.ts). */
  readonly paperCopy?: { readonly clause: string; readonly certifiedBy: string; readonly channels: readonly Channel[]; readonly text: Text };
  readonly roles: readonly { readonly id: string; readonly kind: string; readonly title: Text; readonly organisation: string }[];
  readonly variants: readonly { readonly id: string; readonly title: Text }[];
  readonly procedures: readonly Procedure[];
  readonly documents: StandardContent;
  readonly refusalGrounds: StandardContent;
  readonly fee: { readonly text?: Text; readonly source: Source };
  readonly totalTerms: readonly {
    readonly term?: Term;
    readonly variants?: readonly string[];
    readonly channels?: readonly Channel[];
    readonly source: Source;
  }[];
  readonly repeal?: { readonly notice: Text };
  readonly legalBasis: { readonly approvingAct: { readonly number: string; readonly date: string }; readonly annex: string };
}

export interface Office {
  readonly id: string;
  readonly title: Text;
  readonly region?: Text;
  readonly address?: string;
}
export interface ServiceOffices {
  readonly providerOffices: readonly Office[];
  readonly centres: readonly Office[];
}

export interface PlannedStep {
  readonly id: string;
  readonly actor: string;
  readonly clause: string;
  readonly term: Term | null;
  readonly start: number | null;
  readonly due: number | null;
}
export interface Timeline {
  readonly steps: readonly PlannedStep[];
  readonly due: number | null;
}

export interface Attachment {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: number;
  readonly caseId: string | null;
}

export type CaseStatus = 'submitted' | 'registered' | 'in-progress' | 'suspended' | 'satisfied' | 'refused' | 'withdrawn';

export interface CurrentStep {
  readonly procedureId: string;
  readonly role: string;
  readonly officeId: string | undefined;
  readonly startedAt: number;
  readonly due: number | null;
  readonly escalated: boolean;
  /** Signatures made so far on a step several sign, in order. */
  readonly signatures?: readonly { readonly role: string; readonly by: string; readonly at: number }[];
  /** The performer's decision awaiting agreement. */
  readonly proposal?: {
    readonly outcome: string;
    readonly grounds?: readonly string[];
    readonly by: string;
    readonly at: number;
    readonly agreedBy: readonly string[];
  };
}
/** A command the viewer may give now, as the engine decides it (src/core/engine/allowed-commands.ts). */
export type AllowedCommand =
  | { readonly type: 'complete-step' | 'register' | 'sign' | 'deliver'; readonly procedureId: string; readonly outcomes: readonly string[] }
  | { readonly type: 'agree' | 'end-review'; readonly procedureId: string }
  | { readonly type: 'record-meeting'; readonly procedureId: string }
  | { readonly type: 'assign' | 'refuse' | 'suspend' | 'resume' | 'withdraw' | 'certify-paper-copy' };
/** What the keeper of a meeting's minutes is shown (src/app/meeting-form.ts). */
export interface MeetingForm {
  readonly procedureId: string;
  readonly body: {
    readonly title: Text;
    readonly members: readonly { readonly id: string; readonly name: string; readonly position: 'chair' | 'deputy-chair' | 'member' | 'secretary' }[];
    readonly rules: {
      readonly quorum: { readonly share: number | null; readonly source: string };
      readonly majority: { readonly rule: string | null; readonly source: string };
    };
  };
  readonly decisions: readonly { readonly id: string; readonly label: Text; readonly refuses: boolean }[];
}
export interface CaseState {
  readonly id: string;
  readonly service: string;
  readonly variant?: string;
  readonly channel: Channel;
  readonly applicantId: string;
  readonly officeId: string;
  readonly offices: Readonly<Record<string, string | undefined>>;
  readonly applicant?: { readonly identifier: string; readonly name: string };
  readonly baseNumber?: string;
  readonly receipt: number;
  readonly status: CaseStatus;
  readonly step: CurrentStep | null;
  readonly decision?: string;
  readonly result?: { readonly kind: string; readonly number: string; readonly positive: boolean };
  readonly assignee?: string;
  readonly overallDue: number | null;
  readonly suspension?: { readonly at: number; readonly reason: string };
  /** The applicant asked for the result on paper as well; `paperCopy` once its printed copy is certified. */
  readonly resultOnPaper?: true;
  readonly paperCopy?: { readonly certifiedAt: number; readonly certifiedBy: string; readonly role: string };
  readonly version: number;
}
export interface ActualStep {
  readonly procedureId: string;
  readonly role: string;
  readonly startedAt: number;
  readonly due: number | null;
  readonly completedAt: number | null;
  readonly completedBy: string | null;
  readonly outcome: string | null;
  readonly escalatedAt: number | null;
}
export interface HistoryEntry {
  readonly seq: number;
  readonly event: { readonly type: string; readonly at: number; readonly by?: string } & Readonly<Record<string, unknown>>;
  readonly hash: string;
}
export interface CaseView {
  readonly case: CaseState;
  readonly statusTitle: Text;
  readonly serviceTitle: Text;
  readonly planned: Timeline;
  readonly actual: readonly ActualStep[];
  readonly history: readonly HistoryEntry[];
  readonly historyVerified: boolean;
  readonly attachments: readonly Attachment[];
  readonly allowed: readonly AllowedCommand[];
  readonly meeting?: MeetingForm;
}

export interface CaseSummary {
  readonly id: string;
  readonly service: string;
  readonly status: CaseStatus;
  readonly step: string | null;
  readonly stepRole: string | null;
  readonly stepOffice: string | null;
  readonly stepDue: number | null;
  readonly overallDue: number | null;
  readonly assignee: string | null;
  readonly applicantId: string;
  readonly officeId: string;
  readonly updatedAt: number | null;
}
export interface InboxTask extends CaseSummary {
  readonly overdue: boolean;
}
export interface Notification {
  readonly id: string;
  readonly caseId: string;
  readonly role: string;
  readonly kind: string;
  readonly procedureId: string | null;
  readonly at: number;
}
export interface Inbox {
  readonly now: number;
  readonly tasks: readonly InboxTask[];
  readonly notifications: readonly Notification[];
}

export interface RegistryEntry {
  readonly number: string;
  readonly kind: string;
  readonly service: string;
  readonly variant: string | null;
  readonly caseId: string;
  readonly officeId: string;
  readonly holderIdentifier: string | null;
  readonly holderName: string | null;
  readonly issuedAt: number;
  readonly baseNumber: string | null;
}
export interface RegistryVerification {
  readonly entry: RegistryEntry;
  readonly derived: readonly RegistryEntry[];
  readonly verified: boolean;
  readonly signature?: {
    readonly valid: boolean;
    readonly signer?: { readonly commonName?: string; readonly organization?: string; readonly bin?: string };
    readonly signedAt?: number;
    readonly checks: readonly { readonly name: string; readonly ok: boolean; readonly reason?: Text }[];
    readonly documentNumber?: string;
  };
  /** What the provider's signed document itself says (shown in place of the registry row when present). */
  readonly document?: {
    readonly number: string;
    readonly kind: string;
    readonly title: Text;
    readonly service: { readonly id: string; readonly title: Text };
    readonly holder: { readonly name: string; readonly identifier: string | null };
    readonly issuedAt: string;
    readonly provider: { readonly organisation: Text; readonly office: Text };
    readonly baseNumber: string | null;
  };
  /** Why it is not verified, in the three languages. */
  readonly problems?: readonly Text[];
}

export interface Compliance {
  readonly onTime: number;
  readonly late: number;
  readonly noDue: number;
}
export interface StatusCount {
  readonly service: string;
  readonly status: CaseStatus;
  readonly count: number;
}
export interface StepDuration {
  readonly service: string;
  readonly procedureId: string;
  readonly clause: string;
  readonly term: Term | null;
  readonly completed: number;
  readonly measure: 'working' | 'calendar';
  readonly averageMillis: number;
  /** Real duration over the time the due allowed, times the term's value. */
  readonly averageInTermUnits: number | null;
}
export interface SeriesPoint {
  readonly start: string;
  readonly submitted: number;
  readonly onTime: number;
  readonly late: number;
  readonly results: number;
  readonly refusals: number;
}
export type Bucket = 'day' | 'week' | 'month';
/** GET /api/dashboard (src/app/dashboard-figures.ts). */
export interface DashboardFigures {
  readonly now: number;
  readonly period: { readonly from: string; readonly to: string; readonly bucket: Bucket };
  readonly offices: readonly { readonly id: string; readonly title: Text }[];
  readonly office: string | null;
  readonly service: string | null;
  readonly byStatus: readonly StatusCount[];
  readonly compliance: {
    readonly byService: readonly ({ readonly service: string } & Compliance)[];
    readonly byStep: readonly ({ readonly service: string; readonly procedureId: string; readonly clause: string } & Compliance)[];
    readonly byOffice: readonly ({ readonly officeId: string; readonly title: Text } & Compliance)[];
    readonly byExecutor: readonly ({ readonly userId: string; readonly name: string } & Compliance)[];
  };
  readonly overdue: readonly {
    readonly caseId: string;
    readonly service: string;
    readonly step: string;
    readonly clause: string;
    readonly stepOffice: string | null;
    readonly stepDue: number;
    readonly assignee: string | null;
    readonly overdueMillis: number;
  }[];
  readonly durations: readonly StepDuration[];
  readonly series: readonly SeriesPoint[];
}

/** A courier manifest (src/store/case-store.ts): the cases one office handed one courier for another, and their receipt. */
export interface CourierManifest {
  readonly id: string;
  readonly number: string;
  readonly courier: string;
  readonly fromOffice: string;
  readonly toOffice: string;
  readonly dispatchedBy: string;
  readonly dispatchedAt: number;
  readonly cases: readonly {
    readonly caseId: string;
    readonly service: string;
    readonly procedureId: string;
    readonly receivedBy: string | null;
    readonly receivedAt: number | null;
  }[];
}
/** GET /api/manifests: the manifests from or to the person's offices, and those offices' names. */
export interface ManifestList {
  readonly manifests: readonly CourierManifest[];
  readonly offices: Readonly<Record<string, Text>>;
}
/** GET /api/manifests/ready (src/app/courier-manifests.ts): what the person could hand a courier now, by destination. */
export interface ReadyForCourier {
  readonly destinations: readonly {
    readonly toOffice: string;
    readonly cases: readonly { readonly id: string; readonly service: string; readonly procedureId: string; readonly stepDue: number | null }[];
  }[];
  readonly offices: Readonly<Record<string, Text>>;
}
