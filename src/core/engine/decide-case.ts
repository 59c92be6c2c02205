import { dueOf } from '../clock/due-of.js';
import { formatLocalDate } from '../clock/local-date.js';
import { receiptOf } from '../clock/receipt.js';
import { err, ok, type Result } from '../result.js';
import { admitApplication, type AdmissionPolicy } from '../regulation/admission.js';
import { firstApplicableFrom, procedureAfter, selectVariantAndChannel } from '../regulation/planned-path.js';
import { NEGATIVE_RESULT_KINDS, type TProcedure, type TProcedureKind, type TRegulation, type TResult, type TResultKind } from '../regulation/schema.js';
import { clockOfRole, planTimeline, type ClockFor } from '../timeline/plan-timeline.js';
import type { CaseCommand, StepCommandType } from './case-commands.js';
import type { CaseEvent, StepStart } from './case-events.js';
import type { CaseActor, CaseOffices, CaseState } from './case-model.js';
import { resultNumber } from './result-number.js';
import { rejection, type CaseRejection } from './case-rejection.js';

/** Everything a decision depends on besides the case: the rules, the clocks, the moment, the person. */
export interface EngineContext {
  readonly regulation: TRegulation;
  readonly clockFor: ClockFor;
  readonly policy: AdmissionPolicy;
  /** The instant the command is decided at (the core never reads the clock). */
  readonly now: number;
  readonly actor: CaseActor;
}

type Decision = Result<CaseEvent[], CaseRejection>;

const CLOSED = new Set(['satisfied', 'refused', 'withdrawn']);

const officeClockOf = (ctx: EngineContext, roleId: string) => clockOfRole(ctx.regulation, ctx.clockFor, roleId);

/** The office a role of the regulation must work in to act on this case. */
function officeOfRole(regulation: TRegulation, offices: CaseOffices, roleId: string): string | undefined {
  return offices[regulation.roles.find((r) => r.id === roleId)?.organisation ?? 'provider'];
}

/** Where a procedure starts: its actor, the actor's office, and its due on that office's clock. */
function stepStart(ctx: EngineContext, offices: CaseOffices, procedure: TProcedure, start: number): StepStart {
  return {
    procedureId: procedure.id,
    role: procedure.actor,
    officeId: officeOfRole(ctx.regulation, offices, procedure.actor),
    due: procedure.term ? dueOf(officeClockOf(ctx, procedure.actor), start, procedure.term) : null,
  };
}

/** The clocks a suspension runs on: the current step's office, and the receiving office for the overall term. */
function suspensionClocks(ctx: EngineContext, state: CaseState, procedure: TProcedure) {
  const receivingActor = firstApplicableFrom(ctx.regulation, 0, state.variant, state.channel)?.actor ?? procedure.actor;
  return { stepClock: officeClockOf(ctx, procedure.actor), receiving: officeClockOf(ctx, receivingActor) };
}

function currentProcedure(ctx: EngineContext, state: CaseState): TProcedure | undefined {
  return state.step ? ctx.regulation.procedures.find((p) => p.id === state.step!.procedureId) : undefined;
}

/**
 * Whether the person may act on the current procedure: they hold its actor's role (or, when
 * participants count, a role named with it) in the office that role works in for this case.
 */
function authorise(ctx: EngineContext, offices: CaseOffices, procedure: TProcedure, allowed: readonly string[]): CaseRejection | undefined {
  const held = allowed.filter((r) => ctx.actor.roles.includes(r));
  if (held.length === 0) return wrongRole(procedure);
  if (held.some((r) => officeOfRole(ctx.regulation, offices, r) === ctx.actor.officeId)) return undefined;
  return rejection(
    'wrong-office',
    'Бұл іс басқа кеңседе қаралады: оған тек сол кеңсенің қызметкерлері әрекет ете алады.',
    'Это дело рассматривает другое подразделение: действовать по нему могут только его сотрудники.',
    'Another office handles this case: only its staff may act on it.',
  );
}

const withParticipants = (procedure: TProcedure) => [procedure.actor, ...(procedure.participants ?? [])];

function wrongRole(procedure: TProcedure): CaseRejection {
  return rejection(
    'wrong-role',
    `Бұл әрекетті "${procedure.id}" рәсімінде тек оның орындаушысы (${procedure.actor}) жасай алады.`,
    `Это действие на процедуре "${procedure.id}" может выполнить только её исполнитель (${procedure.actor}).`,
    `Only the procedure's actor (${procedure.actor}) may do this at "${procedure.id}".`,
  );
}

/** The result a case ends with: what its procedures decided, else the positive result of its variant. */
function closingResult(ctx: EngineContext, state: CaseState, decided: TResultKind | undefined, now: number): CaseEvent {
  const { results } = ctx.regulation;
  const ofVariant = (r: TResult) => !r.variants || (state.variant !== undefined && r.variants.includes(state.variant));
  const kind = decided ?? results.find((r) => r.positive && ofVariant(r))?.kind ?? results[0]!.kind;
  const positive = results.find((r) => r.kind === kind)?.positive ?? !NEGATIVE_RESULT_KINDS.has(kind);
  return { type: 'result-issued', at: now, kind, number: resultNumber(state.id, kind), positive, baseNumber: state.baseNumber };
}

function decideSubmit(command: Extract<CaseCommand, { type: 'submit' }>, ctx: EngineContext): Decision {
  const { regulation, actor } = ctx;
  const selection = selectVariantAndChannel(regulation, command.variant, command.channel);
  if (!selection.ok) {
    return err(rejection('invalid-input', 'Қызмет нұсқасы немесе арнасы жарамсыз.', 'Недопустимый вариант или канал услуги.', `Invalid variant or channel: ${selection.error.code}.`));
  }
  const { variant, channel } = selection.value;
  const first = firstApplicableFrom(regulation, 0, variant, channel);
  if (!first) return err(rejection('invalid-input', 'Бұл арнада рәсім жоқ.', 'Для этого канала нет процедур.', 'No procedure applies to this channel.'));
  const isApplicant = actor.roles.includes('applicant');
  if (isApplicant && actor.userId !== command.applicantId) {
    return err(rejection('not-own-case', 'Өтінішті тек өз атыңыздан бере аласыз.', 'Подать заявление можно только от своего имени.', 'You can only apply in your own name.'));
  }
  if (!isApplicant) {
    const refused = authorise(ctx, command.offices, first, [first.actor]);
    if (refused) return err(refused);
  }
  if (command.offices.provider === undefined) {
    return err(rejection('invalid-input', 'Қызмет берушінің кеңсесі көрсетілмеген.', 'Не указано подразделение услугодателя.', 'The provider office is not given.'));
  }
  const receiving = officeClockOf(ctx, first.actor);
  const receipt = receiptOf(receiving, ctx.now).receipt;
  const admitted = admitApplication(regulation, formatLocalDate(receiving.zone.local(receipt).day), ctx.policy);
  if (!admitted.ok) return err({ code: 'not-admissible', message: admitted.error.message });
  const plan = planTimeline(regulation, { variant, channel, submitted: ctx.now }, ctx.clockFor);
  return ok([
    {
      type: 'submitted',
      at: ctx.now,
      by: actor.userId,
      caseId: command.caseId,
      service: regulation.id,
      variant,
      channel,
      edition: admitted.value.edition.id,
      applicantId: command.applicantId,
      officeId: command.offices.provider,
      offices: command.offices,
      applicant: command.applicant,
      baseNumber: command.baseNumber,
      attachments: command.attachments ?? [],
      ...(command.signed !== undefined ? { signed: command.signed } : {}),
      receipt,
      firstStep: stepStart(ctx, command.offices, first, receipt),
      overallDue: plan.due,
    },
  ]);
}

/** The procedure kinds each named step command requires. */
const KINDS_OF_COMMAND: Record<StepCommandType, readonly TProcedureKind[] | undefined> = {
  'complete-step': undefined,
  register: ['register', 'receive'],
  sign: ['sign'],
  deliver: ['deliver'],
};

function decideStep(state: CaseState, command: Extract<CaseCommand, { type: StepCommandType }>, ctx: EngineContext): Decision {
  const procedure = currentProcedure(ctx, state);
  if (!procedure || procedure.id !== command.procedureId) {
    return err(
      rejection(
        'wrong-step',
        `Іс қазір "${state.step?.procedureId ?? '—'}" рәсімінде, "${command.procedureId}" емес.`,
        `Дело сейчас на процедуре "${state.step?.procedureId ?? '—'}", а не "${command.procedureId}".`,
        `The case is at "${state.step?.procedureId ?? '—'}", not "${command.procedureId}".`,
      ),
    );
  }
  const required = KINDS_OF_COMMAND[command.type];
  if (required && !procedure.kinds.some((k) => required.includes(k))) {
    return err(
      rejection(
        'wrong-kind',
        `"${procedure.id}" рәсімі "${command.type}" әрекеті емес (${procedure.kinds.join(', ')}).`,
        `Процедура "${procedure.id}" не является действием "${command.type}" (${procedure.kinds.join(', ')}).`,
        `Procedure "${procedure.id}" is not a "${command.type}" act (${procedure.kinds.join(', ')}).`,
      ),
    );
  }
  const refused = authorise(ctx, state.offices, procedure, [procedure.actor]);
  if (refused) return err(refused);
  if (procedure.actor === 'executor' && state.assignee !== undefined && state.assignee !== ctx.actor.userId) {
    return err(rejection('not-assignee', 'Бұл іс басқа орындаушыға жүктелген.', 'Дело поручено другому исполнителю.', 'The case is assigned to another executor.'));
  }
  const outcomes = procedure.outcomes ?? [];
  const outcome = command.outcome === undefined ? (outcomes.length <= 1 ? outcomes[0] : undefined) : outcomes.find((o) => o.id === command.outcome);
  if (outcomes.length > 0 && !outcome) {
    const known = outcomes.map((o) => o.id).join(', ');
    return err(rejection('unknown-outcome', `Нәтижені таңдаңыз: ${known}.`, `Выберите исход: ${known}.`, `Choose an outcome: ${known}.`));
  }
  const next = procedureAfter(ctx.regulation, procedure, outcome?.id, state.variant, state.channel);
  const completed: CaseEvent = {
    type: 'step-completed',
    at: ctx.now,
    by: ctx.actor.userId,
    procedureId: procedure.id,
    outcome: outcome?.id ?? 'done',
    decides: outcome?.decides,
    next: next ? stepStart(ctx, state.offices, next, ctx.now) : null,
    ...(command.signature !== undefined ? { signature: command.signature } : {}),
  };
  return ok(next ? [completed] : [completed, closingResult(ctx, state, outcome?.decides ?? state.decision, ctx.now)]);
}

/** Decides a command on a case: the events it yields, or why it is refused. Pure. */
export function decideCase(state: CaseState | undefined, command: CaseCommand, ctx: EngineContext): Decision {
  if (command.type === 'submit') {
    if (state) return err(rejection('already-exists', 'Мұндай іс бар.', 'Такое дело уже существует.', 'This case already exists.'));
    return decideSubmit(command, ctx);
  }
  if (!state) return err(rejection('no-such-case', 'Іс табылмады.', 'Дело не найдено.', 'No such case.'));
  if (CLOSED.has(state.status)) {
    return err(rejection('case-closed', 'Іс аяқталған: өзгертуге болмайды.', 'Дело завершено: изменения невозможны.', 'The case is closed: nothing more can be done.'));
  }
  const { actor, now } = ctx;
  const procedure = currentProcedure(ctx, state)!;
  const suspended = state.status === 'suspended';
  const notWhileSuspended = () =>
    err(rejection('wrong-state', 'Іс тоқтатылған: алдымен оны жаңартыңыз.', 'Дело приостановлено: сначала возобновите его.', 'The case is suspended: resume it first.'));

  switch (command.type) {
    case 'complete-step':
    case 'register':
    case 'sign':
    case 'deliver':
      return suspended ? notWhileSuspended() : decideStep(state, command, ctx);
    case 'assign': {
      if (suspended) return notWhileSuspended();
      // Executors are assigned, they do not assign: any other role named at the step may.
      const refused = authorise(ctx, state.offices, procedure, withParticipants(procedure).filter((r) => r !== 'executor'));
      if (refused) return err(refused);
      if (!command.assignee.trim()) return err(rejection('invalid-input', 'Орындаушыны көрсетіңіз.', 'Укажите исполнителя.', 'Name the executor.'));
      return ok([{ type: 'assigned', at: now, by: actor.userId, assignee: command.assignee }]);
    }
    case 'refuse': {
      if (suspended) return notWhileSuspended();
      const refused = authorise(ctx, state.offices, procedure, withParticipants(procedure));
      if (refused) return err(refused);
      if (command.grounds.length === 0 || command.grounds.some((g) => !g.trim())) {
        return err(rejection('invalid-input', 'Бас тарту негіздерін көрсетіңіз.', 'Укажите основания отказа.', 'Give the grounds for refusal.'));
      }
      return ok([{ type: 'refused', at: now, by: actor.userId, grounds: command.grounds }, closingResult(ctx, state, 'motivated-refusal', now)]);
    }
    case 'suspend': {
      if (suspended) return err(rejection('wrong-state', 'Іс онсыз да тоқтатылған.', 'Дело уже приостановлено.', 'The case is already suspended.'));
      const refused = authorise(ctx, state.offices, procedure, withParticipants(procedure));
      if (refused) return err(refused);
      if (!command.reason.trim()) return err(rejection('invalid-input', 'Тоқтату себебін көрсетіңіз.', 'Укажите причину приостановления.', 'Give the reason for the suspension.'));
      const { stepClock, receiving } = suspensionClocks(ctx, state, procedure);
      return ok([
        {
          type: 'suspended',
          at: now,
          by: actor.userId,
          reason: command.reason,
          stepRemainingMillis: state.step?.due == null ? 0 : stepClock.workingMillisBetween(now, state.step.due),
          overallRemainingMillis: state.overallDue === null ? 0 : receiving.workingMillisBetween(now, state.overallDue),
        },
      ]);
    }
    case 'resume': {
      if (!suspended || !state.suspension) return err(rejection('wrong-state', 'Іс тоқтатылмаған.', 'Дело не приостановлено.', 'The case is not suspended.'));
      const refused = authorise(ctx, state.offices, procedure, withParticipants(procedure));
      if (refused) return err(refused);
      const { stepClock, receiving } = suspensionClocks(ctx, state, procedure);
      return ok([
        {
          type: 'resumed',
          at: now,
          by: actor.userId,
          stepDue: state.step?.due == null ? null : stepClock.addWorkingMillis(now, state.suspension.stepRemainingMillis),
          overallDue: state.overallDue === null ? null : receiving.addWorkingMillis(now, state.suspension.overallRemainingMillis),
        },
      ]);
    }
    case 'withdraw':
      if (actor.userId !== state.applicantId) {
        return err(rejection('not-own-case', 'Өтінішті тек оны берген адам кері қайтара алады.', 'Отозвать заявление может только заявитель.', 'Only the applicant may withdraw the application.'));
      }
      return ok([{ type: 'withdrawn', at: now, by: actor.userId }]);
    case 'escalate': {
      const due = overdueEscalation(state, ctx.regulation, now);
      if (due.length === 0) return err(rejection('not-due', 'Қазіргі қадамның мерзімі өтпеген.', 'Срок текущего шага не истёк.', 'The current step is not overdue.'));
      return ok(due);
    }
  }
}

/** The escalation due now, if the current step is overdue and not yet escalated. */
export function overdueEscalation(state: CaseState, regulation: TRegulation, now: number): CaseEvent[] {
  const step = state.step;
  if (!step || step.due === null || step.escalated || state.status === 'suspended' || now <= step.due) return [];
  const procedure = regulation.procedures.find((p) => p.id === step.procedureId);
  // The step's supervisor: the first other role named with it, else the provider's head.
  const supervisorRole = procedure?.participants?.[0] ?? regulation.roles.find((r) => /head|leadership/.test(r.id))?.id ?? procedure?.actor ?? 'head';
  return [{ type: 'escalated', at: now, procedureId: step.procedureId, supervisorRole, supervisorOfficeId: officeOfRole(regulation, state.offices, supervisorRole) }];
}
