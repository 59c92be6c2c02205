import { verifyChain } from '../core/audit/hash-chain.js';
import { actualSteps, type ActualStep } from '../core/engine/actual-steps.js';
import { allowedCommands, type AllowedCommand } from '../core/engine/allowed-commands.js';
import { STATUS_TITLES, type CaseState } from '../core/engine/case-model.js';
import type { TText } from '../core/regulation/schema.js';
import { err, ok, type Result } from '../core/result.js';
import { planTimeline, type PlannedStep } from '../core/timeline/plan-timeline.js';
import type { AttachmentInfo } from './ports/attachment-store.js';
import type { StoredEvent } from './ports/case-store.js';
import { regulationOf, type AppDeps } from './app-deps.js';
import { bodyAt } from '../core/directory/body-at.js';
import { meetingFormFor, type MeetingForm } from './meeting-form.js';
import { NOT_FOUND, type AppError } from './app-error.js';
import { actorForCase, maySeeCase, type Principal } from './principal.js';

/** A case as its applicant or its staff see it: where it stands, what was planned, what happened. */
export interface CaseView {
  readonly case: CaseState;
  readonly statusTitle: TText;
  readonly serviceTitle: TText;
  /** The regulation's plan for this application, counted from its submission. */
  readonly planned: { readonly steps: readonly PlannedStep[]; readonly due: number | null };
  readonly actual: readonly ActualStep[];
  readonly history: readonly StoredEvent[];
  readonly historyVerified: boolean;
  readonly attachments: readonly AttachmentInfo[];
  /** What the person viewing may do with the case now, as the engine decides it. */
  readonly allowed: readonly AllowedCommand[];
  /** For the keeper of a meeting's minutes, at a meeting procedure: the body and what it may decide. */
  readonly meeting?: MeetingForm;
}

/** Loads a case for someone who may see it (others get "not found", so they learn nothing of it). */
export async function viewCase(deps: AppDeps, principal: Principal, caseId: string): Promise<Result<CaseView, AppError>> {
  const state = await deps.stores.cases.load(caseId);
  if (!state || !maySeeCase(principal, state)) return err(NOT_FOUND);
  const regulation = regulationOf(deps, state.service)!;
  const history = await deps.stores.cases.history(caseId);
  const submittedAt = history[0]?.event.at ?? state.receipt;
  const plan = planTimeline(regulation, { variant: state.variant, channel: state.channel, submitted: submittedAt }, deps.clockFor);
  const allowed = allowedCommands(state, { regulation, clockFor: deps.clockFor, policy: deps.policy, now: deps.now(), actor: actorForCase(principal, state) });
  const meeting = meetingFormFor(state, regulation, allowed, bodyAt(deps.directory));
  return ok({
    case: state,
    statusTitle: STATUS_TITLES[state.status],
    serviceTitle: regulation.title,
    planned: { steps: plan.steps, due: plan.due },
    actual: actualSteps(history.map((h) => h.event)),
    history,
    historyVerified: verifyChain(deps.sha256, history).ok,
    attachments: await deps.stores.attachments.ofCase(caseId),
    allowed,
    ...(meeting ? { meeting } : {}),
  });
}
