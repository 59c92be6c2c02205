import { consignStep, decideReceipt, notTransferable, packageInTransit } from '../custody/decide-consignment.js';
import { paperCopyRefusal } from '../custody/paper-copy.js';
import { dueOf } from '../clock/due-of.js';
import { formatLocalDate } from '../clock/local-date.js';
import { receiptOf } from '../clock/receipt.js';
import { err, ok, type Result } from '../result.js';
import { admitApplication, type AdmissionPolicy } from '../regulation/admission.js';
import { firstApplicableFrom, procedureAfter, selectVariantAndChannel } from '../regulation/planned-path.js';
import { NEGATIVE_RESULT_KINDS, type TOutcome, type TProcedure, type TRegulation, type TResult, type TResultKind, type TText } from '../regulation/schema.js';
import { clockOfRole, planTimeline, type ClockFor } from '../timeline/plan-timeline.js';
import type { CaseCommand, StepCommandType } from './case-commands.js';
import type { ActingFor, CaseEvent, StepStart, Turn } from './case-events.js';
import type { CaseActor, CaseOffices, CaseState } from './case-model.js';
import { completingCommand } from './completing-command.js';
import { agreementOf, assignersOf, firstDutyOf, isExecutorRole, meetingDecisionsOf, refusingOutcome, signersOf, supervisorOf } from './duties.js';
import type { TCollectiveBody } from '../directory/collective-body.js';
import { judgeMeeting } from '../meeting/judge-meeting.js';
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
  /** The commission or council standing for a collective-body role at an office, as the directory holds it. */
  readonly bodyOf?: (role: string, officeId: string | undefined) => TCollectiveBody | undefined;
}

type Decision = Result<CaseEvent[], CaseRejection>;

const CLOSED = new Set(['satisfied', 'refused', 'withdrawn']);

const officeClockOf = (ctx: EngineContext, roleId: string) => clockOfRole(ctx.regulation, ctx.clockFor, roleId);

/** The office a role of the regulation must work in to act on this case. */
function officeOfRole(regulation: TRegulation, offices: CaseOffices, roleId: string): string | undefined {
  return offices[regulation.roles.find((r) => r.id === roleId)?.organisation ?? 'provider'];
}

/** Where a procedure starts: whose turn it is first and at which office, and its due on the performer's office clock. */
function stepStart(ctx: EngineContext, offices: CaseOffices, procedure: TProcedure, start: number): StepStart {
  const role = firstDutyOf(procedure);
  return {
    procedureId: procedure.id,
    role,
    officeId: officeOfRole(ctx.regulation, offices, role),
    // A term counted from the end of the review has no due until the performer records that end.
    due: procedure.term && procedure.term.after !== 'review' ? dueOf(officeClockOf(ctx, procedure.actor), start, procedure.term) : null,
  };
}

/** Whose turn it is now at a step: the role, and the office it works in for this case. */
function turnOf(ctx: EngineContext, offices: CaseOffices, role: string): Turn {
  return { role, officeId: officeOfRole(ctx.regulation, offices, role) };
}

/** The clocks a suspension runs on: the current step's office, and the receiving office for the overall term. */
function suspensionClocks(ctx: EngineContext, state: CaseState, procedure: TProcedure) {
  const receivingActor = firstApplicableFrom(ctx.regulation, 0, state.variant, state.channel)?.actor ?? procedure.actor;
  return { stepClock: officeClockOf(ctx, procedure.actor), receiving: officeClockOf(ctx, receivingActor) };
}

function currentProcedure(ctx: EngineContext, state: CaseState): TProcedure | undefined {
  return state.step ? ctx.regulation.procedures.find((p) => p.id === state.step!.procedureId) : undefined;
}

/** The roles' titles in each language, for a refusal that says who may act. */
function rolesNamed(regulation: TRegulation, roles: readonly string[]): TText {
  const title = (lang: keyof TText) => roles.map((id) => regulation.roles.find((r) => r.id === id)?.title[lang] ?? id).join(', ');
  return { kk: title('kk'), ru: title('ru'), en: title('en') };
}

/**
 * Whether the person holds one of the roles that hold this duty, in the office that role works in
 * for this case. The role they act in comes back, with the appointment when they hold it as a stand-in.
 */
function authorise(
  ctx: EngineContext,
  offices: CaseOffices,
  procedure: TProcedure,
  allowed: readonly string[],
): Result<{ role: string; acting?: ActingFor }, CaseRejection> {
  const held = allowed.filter((r) => ctx.actor.roles.includes(r));
  if (held.length === 0) return err(wrongRole(ctx.regulation, procedure, allowed));
  const role = held.find((r) => officeOfRole(ctx.regulation, offices, r) === ctx.actor.officeId);
  if (role === undefined) {
    return err(
      rejection(
        'wrong-office',
        'Бұл іс басқа кеңседе қаралады: оған тек сол кеңсенің қызметкерлері әрекет ете алады.',
        'Это дело рассматривает другое подразделение: действовать по нему могут только его сотрудники.',
        'Another office handles this case: only its staff may act on it.',
      ),
    );
  }
  // A role held in one's own right wins over the same role held as a stand-in.
  const own = held.find((r) => officeOfRole(ctx.regulation, offices, r) === ctx.actor.officeId && !ctx.actor.acting?.some((a) => a.role === r));
  const stand = own === undefined ? ctx.actor.acting?.find((a) => a.role === role) : undefined;
  return ok(stand ? { role, acting: { for: stand.for, order: stand.order } } : { role: own ?? role });
}

const withParticipants = (procedure: TProcedure) => [procedure.actor, ...(procedure.participants ?? [])];
const actingOf = (held: { acting?: ActingFor }) => (held.acting ? { acting: held.acting } : {});

function wrongRole(regulation: TRegulation, procedure: TProcedure, allowed: readonly string[]): CaseRejection {
  const who = rolesNamed(regulation, allowed.length > 0 ? allowed : [procedure.actor]);
  if (allowed.length === 0) {
    return rejection(
      'wrong-role',
      `"${procedure.id}" рәсімінде бұл әрекетті ешкім жасай алмайды.`,
      `На процедуре "${procedure.id}" это действие никому не поручено.`,
      `Nobody is given this act at "${procedure.id}".`,
    );
  }
  return rejection(
    'wrong-role',
    `Бұл әрекетті "${procedure.id}" рәсімінде тек ${who.kk} жасай алады.`,
    `Это действие на процедуре "${procedure.id}" может выполнить только ${who.ru}.`,
    `Only the ${who.en} may do this at "${procedure.id}".`,
  );
}

/** The result a case ends with: what its procedures decided, else the positive result of its variant. */
function closingResult(ctx: EngineContext, state: CaseState, decided: TResultKind | undefined, now: number): CaseEvent {
  const { results } = ctx.regulation;
  const ofVariant = (r: TResult) => !r.variants || (state.variant !== undefined && r.variants.includes(state.variant));
  const kind = decided ?? results.find((r) => r.positive && ofVariant(r))?.kind ?? results[0]!.kind;
  const positive = results.find((r) => r.kind === kind)?.positive ?? !NEGATIVE_RESULT_KINDS.has(kind);
  const certifier = positive && state.resultOnPaper ? ctx.regulation.paperCopy?.certifiedBy : undefined;
  return {
    type: 'result-issued',
    at: now,
    kind,
    number: resultNumber(state.id, kind),
    positive,
    baseNumber: state.baseNumber,
    ...(certifier ? { paperCopyBy: turnOf(ctx, state.offices, certifier) } : {}),
  };
}

function decideSubmit(command: Extract<CaseCommand, { type: 'submit' }>, ctx: EngineContext): Decision {
  const { regulation, actor } = ctx;
  const selection = selectVariantAndChannel(regulation, command.variant, command.channel);
  if (!selection.ok) {
    return err(
      rejection(
        'invalid-input',
        'Қызмет нұсқасы немесе арнасы жарамсыз.',
        'Недопустимый вариант или канал услуги.',
        `Invalid variant or channel: ${selection.error.code}.`,
      ),
    );
  }
  const { variant, channel } = selection.value;
  const first = firstApplicableFrom(regulation, 0, variant, channel);
  if (!first) return err(rejection('invalid-input', 'Бұл арнада рәсім жоқ.', 'Для этого канала нет процедур.', 'No procedure applies to this channel.'));
  const isApplicant = actor.roles.includes('applicant');
  if (isApplicant && actor.userId !== command.applicantId) {
    return err(
      rejection(
        'not-own-case',
        'Өтінішті тек өз атыңыздан бере аласыз.',
        'Подать заявление можно только от своего имени.',
        'You can only apply in your own name.',
      ),
    );
  }
  if (!isApplicant) {
    const held = authorise(ctx, command.offices, first, [first.actor]);
    if (!held.ok) return err(held.error);
  }
  if (command.offices.provider === undefined) {
    return err(
      rejection('invalid-input', 'Қызмет берушінің кеңсесі көрсетілмеген.', 'Не указано подразделение услугодателя.', 'The provider office is not given.'),
    );
  }
  if (command.resultOnPaper && !regulation.paperCopy?.channels.includes(channel)) {
    return err(
      rejection(
        'invalid-input',
        'Бұл қызметтің нәтижесі осы арна арқылы қағаз тасығышта берілмейді.',
        'Результат этой услуги по этому каналу на бумажном носителе не выдаётся.',
        'The result of this service is not issued on paper on this channel.',
      ),
    );
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
      ...(command.resultOnPaper ? { resultOnPaper: true as const } : {}),
      receipt,
      firstStep: stepStart(ctx, command.offices, first, receipt),
      overallDue: plan.due,
    },
  ]);
}

const awaitingAgreement = (ctx: EngineContext, procedure: TProcedure, state: CaseState): CaseRejection => {
  const proposal = state.step!.proposal!;
  const agreement = agreementOf(
    procedure,
    procedure.outcomes?.find((o) => o.id === proposal.outcome),
  );
  const who = rolesNamed(ctx.regulation, agreement?.by.slice(proposal.agreedBy.length, proposal.agreedBy.length + 1) ?? []);
  return rejection(
    'wrong-state',
    `Шешім келісуді күтуде (${who.kk}).`,
    `Решение ожидает согласования (${who.ru}).`,
    `The decision awaits agreement (${who.en}).`,
  );
};

/**
 * The events that carry out a decided outcome: put to agreement when the definition asks for it,
 * else the refusal's grounds (when it is one), the step completed, and the result when the case ends.
 */
function carryOut(
  ctx: EngineContext,
  state: CaseState,
  procedure: TProcedure,
  outcome: TOutcome | undefined,
  done: { by: string; role: string; acting?: ActingFor; grounds?: readonly string[]; signature?: string; agreed?: boolean },
): CaseEvent[] {
  const { now } = ctx;
  if (!done.agreed && agreementOf(procedure, outcome)) {
    return [
      {
        type: 'step-proposed',
        at: now,
        by: done.by,
        procedureId: procedure.id,
        outcome: outcome?.id ?? 'done',
        decides: outcome?.decides,
        ...(done.grounds ? { grounds: done.grounds } : {}),
        turn: turnOf(ctx, state.offices, agreementOf(procedure, outcome)!.by[0]!),
        ...actingOf(done),
      },
    ];
  }
  const next = procedureAfter(ctx.regulation, procedure, outcome?.id, state.variant, state.channel);
  const refusal: CaseEvent[] = done.grounds ? [{ type: 'refused', at: now, by: done.by, grounds: done.grounds, continues: true, ...actingOf(done) }] : [];
  const completed: CaseEvent = {
    type: 'step-completed',
    at: now,
    by: done.by,
    procedureId: procedure.id,
    outcome: outcome?.id ?? 'done',
    decides: outcome?.decides,
    next: next ? stepStart(ctx, state.offices, next, now) : null,
    role: done.role,
    ...(done.signature !== undefined ? { signature: done.signature } : {}),
    ...actingOf(done),
  };
  return next ? [...refusal, completed] : [...refusal, completed, closingResult(ctx, state, outcome?.decides ?? state.decision, now)];
}

/** The outcome a step command names, or the only one; an error when the step branches and none is named. */
function outcomeOf(procedure: TProcedure, named: string | undefined): Result<TOutcome | undefined, CaseRejection> {
  const outcomes = procedure.outcomes ?? [];
  // An outcome named where the step has none to choose is a client's mistake, not something to drop unread.
  if (named !== undefined && outcomes.length === 0) {
    return err(
      rejection(
        'unknown-outcome',
        'Бұл қадамда таңдалатын нәтиже жоқ: outcome өрісін жібермеңіз.',
        'На этом шаге нет исхода для выбора: не передавайте поле outcome.',
        'This step has no outcome to choose: send no outcome.',
      ),
    );
  }
  const outcome = named === undefined ? (outcomes.length <= 1 ? outcomes[0] : undefined) : outcomes.find((o) => o.id === named);
  if (outcomes.length > 0 && !outcome) {
    const known = outcomes.map((o) => o.id).join(', ');
    return err(rejection('unknown-outcome', `Нәтижені таңдаңыз: ${known}.`, `Выберите исход: ${known}.`, `Choose an outcome: ${known}.`));
  }
  return ok(outcome);
}

/** The executor's own work is theirs alone once they are named. */
function notAssignee(state: CaseState, role: string, ctx: EngineContext): CaseRejection | undefined {
  const bound = state.assignee !== undefined && (state.assigneeRole === undefined || state.assigneeRole === role);
  if (isExecutorRole(ctx.regulation, role) && bound && state.assignee !== ctx.actor.userId) {
    return rejection('not-assignee', 'Бұл іс басқа орындаушыға жүктелген.', 'Дело поручено другому исполнителю.', 'The case is assigned to another executor.');
  }
  return undefined;
}

/** The procedure a step command is about, when the case is at it and the command is the one that completes it. */
/** The case's current procedure, when it is the one the person saw (a second click on a step done is refused). */
function procedureSeen(state: CaseState, procedureId: string, ctx: EngineContext): Result<TProcedure, CaseRejection> {
  const procedure = currentProcedure(ctx, state);
  if (!procedure || procedure.id !== procedureId) {
    return err(
      rejection(
        'wrong-step',
        `Іс қазір "${state.step?.procedureId ?? '—'}" рәсімінде, "${procedureId}" емес.`,
        `Дело сейчас на процедуре "${state.step?.procedureId ?? '—'}", а не "${procedureId}".`,
        `The case is at "${state.step?.procedureId ?? '—'}", not "${procedureId}".`,
      ),
    );
  }
  return ok(procedure);
}

function stepProcedure(state: CaseState, command: { type: string; procedureId: string }, ctx: EngineContext): Result<TProcedure, CaseRejection> {
  const seen = procedureSeen(state, command.procedureId, ctx);
  if (!seen.ok) return seen;
  const procedure = seen.value;
  const required = completingCommand(procedure);
  if (command.type !== required) {
    return err(
      rejection(
        'wrong-kind',
        `"${procedure.id}" рәсімі "${required}" әрекетімен ғана аяқталады (${procedure.kinds.join(', ')}).`,
        `Процедура "${procedure.id}" завершается только действием "${required}" (${procedure.kinds.join(', ')}).`,
        `Procedure "${procedure.id}" is completed only by "${required}" (${procedure.kinds.join(', ')}).`,
      ),
    );
  }
  if (state.step?.proposal) return err(awaitingAgreement(ctx, procedure, state));
  return ok(procedure);
}

function decideStep(state: CaseState, command: Extract<CaseCommand, { type: StepCommandType }>, ctx: EngineContext): Decision {
  // A manifest asks for a transfer: anything else is refused in those words, before the step's own checks.
  const current = currentProcedure(ctx, state);
  const notTransfer = command.consignment && current ? notTransferable(current) : undefined;
  if (notTransfer) return err(notTransfer);
  const at = stepProcedure(state, command, ctx);
  if (!at.ok) return at;
  const procedure = at.value;
  const inTransit = packageInTransit(state);
  if (inTransit) return err(inTransit);
  if (command.consignment && command.type !== 'complete-step') {
    return err(
      rejection(
        'wrong-kind',
        'Курьерлік тізімге рәсімнің өзін аяқтау ғана қосылады.',
        'В курьерский реестр включается только завершение самой процедуры.',
        'Only a plain completion of the procedure goes on a courier manifest.',
      ),
    );
  }
  if (command.type === 'sign') return decideSignature(state, procedure, command, ctx);
  const held = authorise(ctx, state.offices, procedure, [procedure.actor]);
  if (!held.ok) return err(held.error);
  const foreign = notAssignee(state, procedure.actor, ctx);
  if (foreign) return err(foreign);
  const outcome = outcomeOf(procedure, command.outcome);
  if (!outcome.ok) return err(outcome.error);
  const events = carryOut(ctx, state, procedure, outcome.value, { by: ctx.actor.userId, ...held.value });
  return command.consignment ? consignStep(events, command.consignment, procedure, ctx.actor.officeId) : ok(events);
}

/**
 * A signature on a signing step: the signers sign in the order the definition gives, each in
 * their own right or as an appointed stand-in, nobody twice; the last signature completes the step.
 */
function decideSignature(state: CaseState, procedure: TProcedure, command: Extract<CaseCommand, { type: StepCommandType }>, ctx: EngineContext): Decision {
  const signers = signersOf(procedure);
  const made = state.step?.signatures ?? [];
  const due = signers[made.length];
  if (due === undefined) return err(rejection('wrong-state', 'Барлық қолдар қойылған.', 'Все подписи уже поставлены.', 'Every signature is already made.'));
  const held = authorise(ctx, state.offices, procedure, [due]);
  if (!held.ok) {
    const later = signers.slice(made.length + 1).some((r) => ctx.actor.roles.includes(r));
    if (!later) return err(held.error);
    const who = rolesNamed(ctx.regulation, [due]);
    return err(rejection('wrong-role', `Алдымен ${who.kk} қол қояды.`, `Сначала подписывает ${who.ru}.`, `The ${who.en} signs first.`));
  }
  const foreign = notAssignee(state, due, ctx);
  if (foreign) return err(foreign);
  if (made.some((m) => m.by === ctx.actor.userId)) {
    return err(
      rejection(
        'wrong-role',
        'Бір адам бір құжатқа екі рет қол қоя алмайды.',
        'Один человек не может подписать документ дважды.',
        'One person cannot sign the same document twice.',
      ),
    );
  }
  const separation = signingSeparation(state, made, ctx.actor.userId, held.value.acting, isExecutorRole(ctx.regulation, due));
  if (separation) return err(separation);
  // Later signers sign the document the first one signed: the outcome it was drafted for.
  const signedFor = made[0]?.outcome;
  const outcome = outcomeOf(procedure, command.outcome ?? signedFor);
  if (!outcome.ok) return err(outcome.error);
  if (signedFor !== undefined && outcome.value?.id !== signedFor) {
    return err(
      rejection(
        'wrong-state',
        `Алғашқы қол «${signedFor}» нәтижесіне қойылған: сол құжатқа қол қойыңыз.`,
        `Первая подпись поставлена под исходом «${signedFor}»: подпишите тот же документ.`,
        `The first signature was made for the outcome "${signedFor}": sign that same document.`,
      ),
    );
  }
  if (made.length + 1 < signers.length) {
    return ok([
      {
        type: 'signed',
        at: ctx.now,
        by: ctx.actor.userId,
        procedureId: procedure.id,
        role: held.value.role,
        turn: turnOf(ctx, state.offices, signers[made.length + 1]!),
        ...(outcome.value ? { outcome: outcome.value.id } : {}),
        ...(command.signature !== undefined ? { signature: command.signature } : {}),
        ...actingOf(held.value),
      },
    ]);
  }
  return ok(
    carryOut(ctx, state, procedure, outcome.value, {
      by: ctx.actor.userId,
      ...held.value,
      ...(command.signature !== undefined ? { signature: command.signature } : {}),
      agreed: true,
    }),
  );
}

/**
 * The events that would close the case if the signing procedure it is at were completed now with
 * `outcome` (or the outcome the first signer signed for) and nothing followed it: what the
 * document its signers sign is built from before anyone has signed. The completing event carries
 * a placeholder signature, as the real ones will carry each signer's.
 */
export function draftEnding(state: CaseState, outcomeId: string | undefined, ctx: EngineContext): Result<CaseEvent[], CaseRejection> {
  const procedure = currentProcedure(ctx, state);
  if (!procedure?.kinds.includes('sign') || CLOSED.has(state.status)) {
    return err(rejection('wrong-state', 'Іс қол қою қадамында емес.', 'Дело не на шаге подписания.', 'The case is not at a signing step.'));
  }
  const outcome = outcomeOf(procedure, outcomeId ?? state.step?.signatures?.[0]?.outcome);
  if (!outcome.ok) return err(outcome.error);
  const signers = signersOf(procedure);
  const completed: CaseEvent = {
    type: 'step-completed',
    at: ctx.now,
    by: ctx.actor.userId,
    procedureId: procedure.id,
    outcome: outcome.value?.id ?? 'done',
    decides: outcome.value?.decides,
    next: null,
    role: signers[signers.length - 1]!,
    signature: 'draft',
  };
  return ok([completed, closingResult(ctx, state, outcome.value?.decides ?? state.decision, ctx.now)]);
}

/** Whether the person may record the meeting at the case's current step (the keeper of its minutes, at the case's office), whatever the minutes say. */
export function meetingRecorder(
  state: CaseState,
  procedureId: string,
  ctx: EngineContext,
): Result<{ procedure: TProcedure; held: { role: string; acting?: ActingFor } }, CaseRejection> {
  if (CLOSED.has(state.status) || state.status === 'suspended')
    return err(rejection('wrong-state', 'Іс жабық немесе тоқтатылған.', 'Дело закрыто или приостановлено.', 'The case is closed or suspended.'));
  const at = stepProcedure(state, { type: 'record-meeting', procedureId }, ctx);
  if (!at.ok) return at;
  const procedure = at.value;
  const held = authorise(ctx, state.offices, procedure, [procedure.meeting!.recordedBy]);
  if (!held.ok) return err(held.error);
  const foreign = notAssignee(state, procedure.meeting!.recordedBy, ctx);
  return foreign ? err(foreign) : ok({ procedure, held: held.value });
}

/**
 * The minutes of a meeting, recorded by the role that keeps them: the record is checked against the
 * body's composition and rules at the case's office, and its decision completes the procedure.
 */
function decideMeeting(state: CaseState, command: Extract<CaseCommand, { type: 'record-meeting' }>, ctx: EngineContext): Decision {
  const recorder = meetingRecorder(state, command.procedureId, ctx);
  if (!recorder.ok) return recorder;
  const { procedure, held: who } = recorder.value;
  const meeting = procedure.meeting!;
  const officeId = officeOfRole(ctx.regulation, state.offices, meeting.body);
  const body = ctx.bodyOf?.(meeting.body, officeId);
  if (!body) {
    const title = rolesNamed(ctx.regulation, [meeting.body]);
    return err(
      rejection(
        'wrong-state',
        `${title.kk} құрамы анықтамалықта жоқ: отырысты жазу мүмкін емес.`,
        `Состав органа «${title.ru}» не внесён в справочник: записать заседание нельзя.`,
        `The membership of the ${title.en} is not in the directory: the meeting cannot be recorded.`,
      ),
    );
  }
  const clock = officeClockOf(ctx, procedure.actor);
  const judged = judgeMeeting(body, command.meeting, {
    decisions: meetingDecisionsOf(procedure).map((d) => d.id),
    earliest: clock.zone.local(state.step!.startedAt).day,
    today: clock.zone.local(ctx.now).day,
  });
  if (!judged.ok) return judged;
  const outcome = procedure.outcomes?.find((o) => o.id === command.meeting.decision);
  const refuses = outcome?.decides !== undefined && NEGATIVE_RESULT_KINDS.has(outcome.decides);
  const grounds = command.grounds?.map((g) => g.trim()).filter((g) => g.length > 0) ?? [];
  if (refuses && grounds.length === 0) {
    return err(
      rejection(
        'invalid-input',
        'Отырыс хаттамасындағы бас тарту негіздерін көрсетіңіз.',
        'Укажите основания отказа из протокола заседания.',
        'Give the grounds for refusal from the minutes.',
      ),
    );
  }
  const recorded: CaseEvent = {
    type: 'meeting-recorded',
    at: ctx.now,
    by: ctx.actor.userId,
    procedureId: procedure.id,
    role: who.role,
    body: meeting.body,
    meeting: command.meeting,
    tally: judged.value,
    ...actingOf(who),
  };
  return ok([recorded, ...carryOut(ctx, state, procedure, outcome, { by: ctx.actor.userId, ...who, ...(refuses ? { grounds } : {}) })]);
}

/** An agreeing role's answer: the next in order agrees (the last one lets the decision take effect) or sends it back. */
function decideAgreement(state: CaseState, procedure: TProcedure, command: Extract<CaseCommand, { type: 'agree' }>, ctx: EngineContext): Decision {
  const proposal = state.step?.proposal;
  if (procedure.id !== command.procedureId || !proposal) {
    return err(
      rejection('wrong-step', 'Бұл рәсімде келісуге ештеңе жоқ.', 'На этой процедуре нечего согласовывать.', 'Nothing awaits agreement at this procedure.'),
    );
  }
  const outcome = procedure.outcomes?.find((o) => o.id === proposal.outcome);
  const agreement = agreementOf(procedure, outcome);
  const due = agreement?.by[proposal.agreedBy.length];
  if (!agreement || due === undefined) return err(rejection('wrong-state', 'Шешім келісілген.', 'Решение уже согласовано.', 'The decision is already agreed.'));
  const held = authorise(ctx, state.offices, procedure, [due]);
  if (!held.ok) return err(held.error);
  const by = ctx.actor.userId;
  if (!command.agreed) {
    if (!command.reason?.trim())
      return err(rejection('invalid-input', 'Неге келіспейтініңізді жазыңыз.', 'Укажите, почему вы не согласны.', 'Say why you do not agree.'));
    return ok([
      {
        type: 'agreement-declined',
        at: ctx.now,
        by,
        procedureId: procedure.id,
        role: held.value.role,
        reason: command.reason,
        turn: turnOf(ctx, state.offices, procedure.actor),
        ...actingOf(held.value),
      },
    ]);
  }
  const more = proposal.agreedBy.length + 1 < agreement.by.length;
  const agreed: CaseEvent = {
    type: 'agreed',
    at: ctx.now,
    by,
    procedureId: procedure.id,
    role: held.value.role,
    ...(more ? { turn: turnOf(ctx, state.offices, agreement.by[proposal.agreedBy.length + 1]!) } : {}),
    ...actingOf(held.value),
  };
  if (more) return ok([agreed]);
  // The decision is the performer's: it takes effect in their name, now that it is agreed.
  return ok([
    agreed,
    ...carryOut(ctx, state, procedure, outcome, {
      by: proposal.by,
      role: procedure.actor,
      ...(proposal.grounds ? { grounds: proposal.grounds } : {}),
      agreed: true,
    }),
  ]);
}

/** Decides a command on a case: the events it yields, or why it is refused. Pure. */
export function decideCase(state: CaseState | undefined, command: CaseCommand, ctx: EngineContext): Decision {
  if (command.type === 'submit') {
    if (state) return err(rejection('already-exists', 'Мұндай іс бар.', 'Такое дело уже существует.', 'This case already exists.'));
    return decideSubmit(command, ctx);
  }
  if (!state) return err(rejection('no-such-case', 'Іс табылмады.', 'Дело не найдено.', 'No such case.'));
  // The paper copy is certified after the result is issued; a package arrives whatever became of
  // its case (withdrawn on the way, say): the two acts taken on a case that has ended.
  if (command.type === 'certify-paper-copy') return decidePaperCopy(state, ctx);
  if (command.type === 'receive-consignment') return decideReceipt(state, command.manifest, ctx.actor, ctx.now);
  if (CLOSED.has(state.status)) {
    return err(
      rejection('case-closed', 'Іс аяқталған: өзгертуге болмайды.', 'Дело завершено: изменения невозможны.', 'The case is closed: nothing more can be done.'),
    );
  }
  // No act may bear a date before the application is legally received: one done earlier (after
  // hours, say) is dated at the receipt instant, as an office registers what came in after hours
  // under the next working day; the moment it was really done is kept beside it.
  if (command.type !== 'withdraw' && command.type !== 'escalate' && ctx.now < state.receipt) {
    const dated = decideCase(state, command, { ...ctx, now: state.receipt });
    return dated.ok ? ok(dated.value.map((e) => ({ ...e, recordedAt: ctx.now }))) : dated;
  }
  const { actor, now } = ctx;
  const procedure = currentProcedure(ctx, state)!;
  const suspended = state.status === 'suspended';
  const notWhileSuspended = () =>
    err(
      rejection(
        'wrong-state',
        'Іс тоқтатылған: алдымен оны жаңартыңыз.',
        'Дело приостановлено: сначала возобновите его.',
        'The case is suspended: resume it first.',
      ),
    );

  switch (command.type) {
    case 'complete-step':
    case 'register':
    case 'sign':
    case 'deliver':
      return suspended ? notWhileSuspended() : decideStep(state, command, ctx);
    case 'record-meeting':
      return suspended ? notWhileSuspended() : decideMeeting(state, command, ctx);
    case 'end-review':
      return suspended ? notWhileSuspended() : decideReviewEnd(state, command, ctx);
    case 'agree':
      return suspended ? notWhileSuspended() : decideAgreement(state, procedure, command, ctx);
    case 'assign': {
      if (suspended) return notWhileSuspended();
      const held = authorise(ctx, state.offices, procedure, assignersOf(ctx.regulation, procedure));
      if (!held.ok) return err(held.error);
      if (!command.assignee.trim()) return err(rejection('invalid-input', 'Орындаушыны көрсетіңіз.', 'Укажите исполнителя.', 'Name the executor.'));
      return ok([
        { type: 'assigned', at: now, by: actor.userId, assignee: command.assignee, ...(command.role ? { role: command.role } : {}), ...actingOf(held.value) },
      ]);
    }
    case 'refuse': {
      if (suspended) return notWhileSuspended();
      // A motivated refusal is the performer's decision at a procedure that can refuse; it is agreed and signed like any result.
      const outcome = refusingOutcome(procedure);
      if (!outcome) {
        return err(
          rejection(
            'wrong-kind',
            `"${procedure.id}" рәсімінде бас тарту шешімі қабылданбайды.`,
            `На процедуре "${procedure.id}" решение об отказе не принимается.`,
            `No refusal is decided at "${procedure.id}".`,
          ),
        );
      }
      // Where the refusal is decided by signing it, only the signature decides it: the signer chooses the refusing outcome.
      if (completingCommand(procedure) === 'record-meeting') {
        return err(
          rejection(
            'wrong-kind',
            `"${procedure.id}" рәсімінде шешімді отырыс қабылдайды: бас тарту отырыс хаттамасымен жазылады.`,
            `На процедуре "${procedure.id}" решение принимает заседание: отказ записывается протоколом заседания.`,
            `At "${procedure.id}" the meeting decides: a refusal is recorded with the meeting's minutes.`,
          ),
        );
      }
      if (completingCommand(procedure) === 'sign') {
        return err(
          rejection(
            'wrong-kind',
            `"${procedure.id}" рәсімінде бас тарту қол қою арқылы шешіледі: қол қоюшы бас тарту нәтижесін таңдайды.`,
            `На процедуре "${procedure.id}" отказ решается подписанием: подписывающий выбирает исход с отказом.`,
            `At "${procedure.id}" a refusal is decided by signing it: the signer chooses the refusing outcome.`,
          ),
        );
      }
      if (state.step?.proposal) return err(awaitingAgreement(ctx, procedure, state));
      const held = authorise(ctx, state.offices, procedure, [procedure.actor]);
      if (!held.ok) return err(held.error);
      const foreign = notAssignee(state, procedure.actor, ctx);
      if (foreign) return err(foreign);
      if (command.grounds.length === 0 || command.grounds.some((g) => !g.trim())) {
        return err(rejection('invalid-input', 'Бас тарту негіздерін көрсетіңіз.', 'Укажите основания отказа.', 'Give the grounds for refusal.'));
      }
      return ok(carryOut(ctx, state, procedure, outcome, { by: actor.userId, ...held.value, grounds: command.grounds }));
    }
    case 'suspend': {
      if (suspended) return err(rejection('wrong-state', 'Іс онсыз да тоқтатылған.', 'Дело уже приостановлено.', 'The case is already suspended.'));
      const held = authorise(ctx, state.offices, procedure, withParticipants(procedure));
      if (!held.ok) return err(held.error);
      if (!command.reason.trim())
        return err(rejection('invalid-input', 'Тоқтату себебін көрсетіңіз.', 'Укажите причину приостановления.', 'Give the reason for the suspension.'));
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
      const held = authorise(ctx, state.offices, procedure, withParticipants(procedure));
      if (!held.ok) return err(held.error);
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
        return err(
          rejection(
            'not-own-case',
            'Өтінішті тек оны берген адам кері қайтара алады.',
            'Отозвать заявление может только заявитель.',
            'Only the applicant may withdraw the application.',
          ),
        );
      }
      return ok([{ type: 'withdrawn', at: now, by: actor.userId }]);
    case 'escalate': {
      const due = overdueEscalation(state, ctx.regulation, now);
      if (due.length === 0)
        return err(rejection('not-due', 'Қазіргі қадамның мерзімі өтпеген.', 'Срок текущего шага не истёк.', 'The current step is not overdue.'));
      return ok(due);
    }
  }
}

/** The escalation due now, if the current step is overdue and not yet escalated. */
export function overdueEscalation(state: CaseState, regulation: TRegulation, now: number): CaseEvent[] {
  const step = state.step;
  if (!step || step.due === null || step.escalated || state.status === 'suspended' || now <= step.due) return [];
  const procedure = regulation.procedures.find((p) => p.id === step.procedureId);
  const supervisorRole = supervisorOf(regulation, procedure);
  return [
    { type: 'escalated', at: now, procedureId: step.procedureId, supervisorRole, supervisorOfficeId: officeOfRole(regulation, state.offices, supervisorRole) },
  ];
}

/**
 * The printed copy of an issued result certified by the hand signature and seal of the role the
 * regulation names (the head, services 4 and 5), or their stand-in, at the provider office: once,
 * for a positive result the applicant asked to receive on paper.
 */
function decidePaperCopy(state: CaseState, ctx: EngineContext): Decision {
  const certifier = ctx.regulation.paperCopy?.certifiedBy;
  const refused = paperCopyRefusal(state, certifier);
  if (refused) return err(refused);
  // authorise names a procedure only in its wrong-role words, which are replaced below.
  const held = authorise(ctx, state.offices, ctx.regulation.procedures[0]!, [certifier!]);
  if (!held.ok) {
    if (held.error.code !== 'wrong-role') return err(held.error);
    const who = rolesNamed(ctx.regulation, [certifier!]);
    return err(
      rejection(
        'wrong-role',
        `Қағаз көшірмені тек ${who.kk} растайды.`,
        `Бумажную копию заверяет только ${who.ru}.`,
        `Only the ${who.en} certifies the paper copy.`,
      ),
    );
  }
  return ok([
    { type: 'paper-copy-certified', at: ctx.now, by: ctx.actor.userId, role: held.value.role, number: state.result!.number, ...actingOf(held.value) },
  ]);
}

/** The performer records that their review ended, where the step's term runs from that moment; once, and only by them. */
function decideReviewEnd(state: CaseState, command: Extract<CaseCommand, { type: 'end-review' }>, ctx: EngineContext): Decision {
  const at = procedureSeen(state, command.procedureId, ctx);
  if (!at.ok) return at;
  const procedure = at.value;
  if (state.step?.proposal) return err(awaitingAgreement(ctx, procedure, state));
  const term = procedure.term;
  if (term?.after !== 'review') {
    return err(
      rejection(
        'wrong-kind',
        `"${procedure.id}" рәсімінің мерзімі қарау аяқталғаннан есептелмейді.`,
        `Срок процедуры "${procedure.id}" не отсчитывается от окончания рассмотрения.`,
        `The term of "${procedure.id}" is not counted from the end of the review.`,
      ),
    );
  }
  if (state.step?.reviewEndedAt !== undefined)
    return err(rejection('wrong-state', 'Қарау аяқталғаны белгіленген.', 'Окончание рассмотрения уже отмечено.', 'The end of the review is already recorded.'));
  const held = authorise(ctx, state.offices, procedure, [procedure.actor]);
  if (!held.ok) return err(held.error);
  const foreign = notAssignee(state, procedure.actor, ctx);
  if (foreign) return err(foreign);
  const due = dueOf(officeClockOf(ctx, procedure.actor), ctx.now, term);
  return ok([{ type: 'review-ended', at: ctx.now, by: ctx.actor.userId, procedureId: procedure.id, due, ...actingOf(held.value) }]);
}

/**
 * Two signatures are two people's review. A stand-in does not sign for a holder who already signed
 * the document in another post, nor does a holder sign once their stand-in signed for them; and the
 * executor named on the case, who drafted the document, does not approve it as a stand-in.
 */
function signingSeparation(
  state: CaseState,
  made: readonly { readonly by: string; readonly for?: string }[],
  signer: string,
  acting: ActingFor | undefined,
  executorPost: boolean,
): CaseRejection | undefined {
  const twice = rejection(
    'wrong-role',
    'Бір адамның өкілеттігі бір құжатқа екі рет қол қоя алмайды (өзі және оны алмастыратын адам).',
    'Полномочия одного человека не могут подписать документ дважды (он сам и замещающий его).',
    "One person's authority cannot sign the same document twice (they and their stand-in).",
  );
  if (acting && made.some((m) => m.by === acting.for || m.for === acting.for)) return twice;
  if (made.some((m) => m.for === signer)) return twice;
  if (acting && !executorPost && state.assignee === signer) {
    return rejection(
      'wrong-role',
      'Құжатты дайындаған орындаушы оған алмастырушы ретінде қол қоя алмайды.',
      'Исполнитель, подготовивший документ, не может подписать его как замещающий.',
      'The executor who drafted the document cannot sign it as a stand-in.',
    );
  }
  return undefined;
}
