/**
 * The shapes the web application reads from the API: the server's own declarations, imported for
 * their types only (the lint rule refuses a runtime import), so the two cannot drift apart.
 */
import type { TChannel, TLanguage, TText } from '../../../src/core/regulation/schema.js';

export type Lang = TLanguage;
export type Text = TText;
export type Channel = TChannel;
export type {
  TTerm as Term,
  TSource as Source,
  TStandardItem as StandardItem,
  TStandardContent as StandardContent,
  TOutcome as Outcome,
  TProcedure as Procedure,
  TRegulation as Regulation,
} from '../../../src/core/regulation/schema.js';
export type { TOffice as Office } from '../../../src/core/directory/directory-schema.js';
export type { CaseStatus, CurrentStep, CaseState } from '../../../src/core/engine/case-model.js';
export type { AllowedCommand } from '../../../src/core/engine/allowed-commands.js';
export type { ActualStep } from '../../../src/core/engine/actual-steps.js';
export type { PlannedStep, PlannedTimeline as Timeline } from '../../../src/core/timeline/plan-timeline.js';
export type { UserRecord as User } from '../../../src/app/ports/identity-store.js';
export type { Post, CaseSummary, CaseNotification as Notification, CourierManifest } from '../../../src/app/ports/case-store.js';
export type { AttachmentInfo as Attachment } from '../../../src/app/ports/attachment-store.js';
export type { RegistryRow as RegistryEntry } from '../../../src/app/ports/registry-store.js';
export type { StatusCount } from '../../../src/app/ports/dashboard-queries.js';
export type { Me } from '../../../src/app/describe-me.js';
export type { ServiceLine } from '../../../src/app/list-services.js';
export type { ServiceOffices } from '../../../src/app/service-offices.js';
export type { MeetingForm } from '../../../src/app/meeting-form.js';
export type { StoredEvent as HistoryEntry } from '../../../src/app/ports/case-store.js';
export type { CaseView } from '../../../src/app/view-case.js';
export type { Inbox, InboxTask } from '../../../src/app/list-inbox.js';
export type { Cabinet } from '../../../src/app/list-cabinet.js';
export type { OfficeCases } from '../../../src/app/list-office-cases.js';
export type { PersonChoice } from '../../../src/app/list-office-executors.js';
export type { RegistryVerification } from '../../../src/app/verify-registry-entry.js';
export type { Compliance, StepDuration, SeriesPoint, DashboardFigures } from '../../../src/app/dashboard-figures.js';
export type { ManifestList } from '../../../src/app/courier-manifests.js';
export type { ReadyForCourier } from '../../../src/app/courier-manifests.js';
export type { ResultDraft } from '../../../src/app/step-signature.js';
export type { ResultDocument } from '../../../src/core/documents/result-document.js';
