import type { CaseEvent } from '../core/engine/case-events.js';
import type { CaseActor, CaseState } from '../core/engine/case-model.js';
import { draftEnding } from '../core/engine/decide-case.js';
import { signersOf } from '../core/engine/duties.js';
import { evolveCase } from '../core/engine/evolve-case.js';
import { err, ok, type Result } from '../core/result.js';
import { regulationOf, type AppDeps } from './app-deps.js';
import { appError, NOT_FOUND, type AppError } from './app-error.js';
import type { CaseAction } from './act-on-case.js';
import { mayDo } from './may-do.js';
import { actorForCase, maySeeCase, type Principal } from './principal.js';
import { acceptPersonSignature, SIGNATURES_NOT_CONFIGURED } from './accept-person-signature.js';

/** The document a signing step signs, as it will be issued: what the signer's key signs. */
export interface ResultDraft {
  readonly procedureId: string;
  /** The outcome it is drafted for (the first signer's, once someone has signed). */
  readonly outcome: string | undefined;
  /** The canonical bytes to sign (UTF-8 JSON), base64: sign them as a detached CMS. */
  readonly base64: string;
  /** The same document, parsed, to show before signing. */
  readonly document: unknown;
  /** How many of the step's signatures are made. */
  readonly signed: number;
}

const NOT_HERE = appError(
  'signature-invalid',
  'ЭЦҚ тек құжатқа қол қою қадамында қойылады.',
  'ЭЦП ставится только на шаге подписания документа.',
  'An electronic signature belongs only to a step that signs the document.',
);
const REQUIRED = appError(
  'signature-required',
  'Құжатқа өз ЭЦҚ-ңызбен қол қойыңыз: алдымен оның жобасын алыңыз.',
  'Подпишите документ своей ЭЦП: сначала получите его проект.',
  'Sign the document with your own electronic digital signature: fetch its draft first.',
);
const MIXED = appError(
  'signature-invalid',
  'Бұл құжатқа алдыңғы қол ЭЦҚ-сыз қойылған: оған ЭЦҚ қосылмайды.',
  'Предыдущая подпись под этим документом поставлена без ЭЦП: ЭЦП к ней не добавляется.',
  'The earlier signature on this document was made without an electronic signature: none can be added to it.',
);
/** The draft of the document the case's signing step signs, for someone who may see the case. */
export async function resultDraftOf(deps: AppDeps, principal: Principal, caseId: string, outcome?: string): Promise<Result<ResultDraft, AppError>> {
  const state = await deps.stores.cases.load(caseId);
  if (!state || principal.user.kind !== 'staff' || !maySeeCase(principal, state)) return err(NOT_FOUND);
  const drafted = await draftOf(deps, state, actorForCase(principal, state), outcome);
  if (!drafted.ok) return drafted;
  return ok({
    procedureId: state.step!.procedureId,
    outcome: drafted.value.outcome,
    base64: Buffer.from(drafted.value.json, 'utf8').toString('base64'),
    document: drafted.value.document,
    signed: state.step?.signatures?.length ?? 0,
  });
}

/** The document as the step's last signature would issue it. */
async function draftOf(
  deps: AppDeps,
  state: CaseState,
  actor: CaseActor,
  outcome: string | undefined,
): Promise<Result<{ json: string; document: unknown; outcome: string | undefined }, AppError>> {
  const regulation = regulationOf(deps, state.service);
  if (!regulation || !deps.sealer) return err(SIGNATURES_NOT_CONFIGURED);
  const ending = draftEnding(state, outcome, { regulation, clockFor: deps.clockFor, policy: deps.policy, now: deps.now(), actor });
  if (!ending.ok) return ending;
  const ended = ending.value.reduce<CaseState | undefined>(evolveCase, state)!;
  const { json, document } = await deps.sealer.documentAfter(ended, ending.value);
  const completed = ending.value[0] as Extract<CaseEvent, { type: 'step-completed' }>;
  return ok({ json, document, outcome: completed.outcome === 'done' ? undefined : completed.outcome });
}

/**
 * Checks the signature a step command carries before the engine sees it. Only a signing step takes
 * one. There it must be the acting person's own (their IIN, their organisation's BIN), made with a
 * signing key valid, unrevoked and trusted now, as a detached CMS over exactly the draft of the
 * document — so every signer of the step signs the same bytes. A step signed electronically by the
 * first signer is signed so by all; where the deployment requires it, nobody signs without.
 * A command the person may not give at all is left to the engine to refuse with its own reason.
 * Gives the signature to record: time-stamped, with the revocation evidence of this moment, where
 * the deployment has a TSA.
 */
export async function checkStepSignature(
  deps: AppDeps,
  principal: Principal,
  state: CaseState,
  action: CaseAction,
): Promise<Result<string | undefined, AppError>> {
  const signature = 'signature' in action ? action.signature : undefined;
  if (action.type !== 'sign') return signature === undefined ? ok(undefined) : err(NOT_HERE);
  const regulation = regulationOf(deps, state.service);
  const actor = actorForCase(principal, state);
  if (!mayDo(deps, state, principal, 'sign')) return ok(undefined);
  const made = state.step?.signatures ?? [];
  const electronicBefore = made.length > 0 ? made[0]!.electronic === true : undefined;
  if (signature === undefined) return deps.requireStaffSignature || electronicBefore === true ? err(REQUIRED) : ok(undefined);
  if (electronicBefore === false) return err(MIXED);
  const drafted = await draftOf(deps, state, actor, action.outcome);
  if (!drafted.ok) return drafted;
  // The signer's certificate names them and the organisation of the office their signing post works at for this case.
  const procedure = regulation!.procedures.find((p) => p.id === state.step!.procedureId)!;
  const due = regulation!.roles.find((r) => r.id === signersOf(procedure)[made.length]);
  return acceptPersonSignature(deps, principal, signature, drafted.value.json, due ? state.offices[due.organisation] : undefined);
}
