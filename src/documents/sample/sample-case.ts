import { resolveCaseOffices } from '../../core/directory/case-offices.js';
import type { TDirectory } from '../../core/directory/directory-schema.js';
import { mayActAs, staffRolesAt } from '../../core/directory/roles-of-user.js';
import type { CaseEvent } from '../../core/engine/case-events.js';
import type { CaseActor, CaseApplicant, CaseOffices, CaseState } from '../../core/engine/case-model.js';
import { decideCase } from '../../core/engine/decide-case.js';
import { evolveCase } from '../../core/engine/evolve-case.js';
import { resultNumber } from '../../core/engine/result-number.js';
import { DEMONSTRATION_POLICY } from '../../core/regulation/admission.js';
import { firstApplicableFrom } from '../../core/regulation/planned-path.js';
import {
  NEGATIVE_RESULT_KINDS,
  type TChannel,
  type TOutcome,
  type TProcedure,
  type TRegulation,
  type TResultKind,
  type TText,
} from '../../core/regulation/schema.js';
import { err, ok, type Result } from '../../core/result.js';
import type { ClockFor } from '../../core/timeline/plan-timeline.js';
import type { CaseCommand } from '../../core/engine/case-commands.js';
import { nextDuty, type NextDuty } from '../../core/engine/next-duty.js';
import { bodyAt } from '../../core/directory/body-at.js';
import { demonstrationMeeting } from '../../core/meeting/demonstration-meeting.js';
import { formatLocalDate } from '../../core/clock/local-date.js';
import { clockOfRole } from '../../core/timeline/plan-timeline.js';

/** Which document a sample case should end able to print. */
export type SampleKind = 'result' | 'refusal' | 'receipt';

/** What a sample case is made of. */
export interface SampleCaseOptions {
  readonly regulation: TRegulation;
  readonly directory: Pick<TDirectory, 'organisations' | 'offices' | 'bodies' | 'demoUsers'>;
  readonly clockFor: ClockFor;
  readonly kind: SampleKind;
  readonly variant?: string | undefined;
  readonly channel?: TChannel | undefined;
  /** The demo applicant: their login and the identity the state databases would confirm. */
  readonly applicant: { readonly login: string } & CaseApplicant;
  /** When the sample application is lodged (epoch ms). */
  readonly submittedAt: number;
  /** For a refusal: the negative result to reach (by default the first refusing outcome on the path). */
  readonly refusalKind?: TResultKind | undefined;
}

/** A case run through the real engine with demo people, and its history. */
export interface SampleCase {
  readonly state: CaseState;
  readonly history: readonly CaseEvent[];
}

const fail = (kk: string, ru: string, en: string) => err<TText>({ kk, ru, en });

/**
 * Runs a demonstration application through the engine — the same decisions a real case takes —
 * with the demo staff of the directory acting at each step: the planned path for a result, the
 * first refusing outcome for a refusal, and only the submission for a receipt. Each step is done
 * at its due (or ten minutes after it started when it has none), so the dates look like a case
 * that kept its terms.
 */
export function sampleCase(options: SampleCaseOptions): Result<SampleCase, TText> {
  const { regulation, directory, clockFor, kind, applicant } = options;
  const bodyOf = bodyAt(directory);
  const channel = options.channel ?? regulation.channels[0]!;
  const centre =
    channel === 'state-corporation'
      ? directory.offices.find((o) => directory.organisations.find((g) => g.id === o.organisation)?.kind === 'state-corporation')
      : undefined;
  const placed = resolveCaseOffices(directory, regulation, { channel, ...(centre ? { centreOfficeId: centre.id } : {}) });
  if (!placed.ok) {
    // Several provider offices: the sample takes the first that provides the service.
    const office = directory.offices.find((o) => directory.organisations.find((g) => g.id === o.organisation)?.provides.includes(regulation.provider.id));
    const again =
      office && resolveCaseOffices(directory, regulation, { channel, providerOfficeId: office.id, ...(centre ? { centreOfficeId: centre.id } : {}) });
    if (!again?.ok) return err(placed.error.message);
    return run(options, channel, again.value);
  }
  return run(options, channel, placed.value);

  function run(o: SampleCaseOptions, ch: TChannel, offices: CaseOffices): Result<SampleCase, TText> {
    const caseId = `SAMPLE-${new Date(o.submittedAt).toISOString().slice(0, 10).replaceAll('-', '')}-${regulation.id}`;
    const variant = o.variant;
    const baseKind = regulation.results.find((r) => r.positive)?.kind;
    const needsBase = variant === 'reissue' || variant === 'duplicate';
    const history: CaseEvent[] = [];
    let state: CaseState | undefined;
    let now = o.submittedAt;
    const apply = (events: CaseEvent[]) => {
      for (const e of events) {
        history.push(e);
        state = evolveCase(state, e);
      }
    };
    const first = firstApplicableFrom(regulation, 0, variant, ch);
    const submitter: CaseActor | undefined = ch === 'portal' ? { userId: applicant.login, roles: ['applicant'] } : first && staffActor(first.actor, offices);
    if (!submitter) return fail('Демо қызметкер табылмады.', 'Не найден демонстрационный сотрудник.', 'No demo staff member for the first step.');
    const submitted = decideCase(
      undefined,
      {
        type: 'submit',
        caseId,
        variant,
        channel: ch,
        applicantId: applicant.login,
        offices,
        applicant: { identifier: applicant.identifier, name: applicant.name },
        ...(needsBase && baseKind ? { baseNumber: resultNumber('SAMPLE-BASE', baseKind) } : {}),
        attachments: [],
      },
      ctx(submitter),
    );
    if (!submitted.ok) return err(submitted.error.message);
    apply(submitted.value);
    if (kind === 'receipt') return ok({ state: state!, history });
    let refused = false;
    for (let guard = 0; guard < 100 && state!.step; guard++) {
      const step = state!.step!;
      const procedure = regulation.procedures.find((p) => p.id === step.procedureId)!;
      now = Math.max(now, step.due ?? now + 10 * 60_000);
      // Each duty by the role that holds it: the next agreeing role, the next signer, else the performer.
      const { role, command: type } = nextDuty(state!, regulation)!;
      const actor = staffActor(role, offices);
      if (!actor)
        return fail(
          `«${role}» рөлінде демо қызметкер жоқ.`,
          `Нет демонстрационного сотрудника в роли «${role}».`,
          `No demo staff member in the role "${role}".`,
        );
      const outcome = chooseOutcome(procedure.outcomes, kind === 'refusal' && !refused, options.refusalKind);
      if (type !== 'agree' && outcome?.decides && NEGATIVE_RESULT_KINDS.has(outcome.decides)) refused = true;
      const command = commandFor(type, procedure, outcome);
      if (!command)
        return fail(
          `«${procedure.id}» отырысының құрамы анықтамалықта жоқ.`,
          `Состава органа для «${procedure.id}» нет в справочнике.`,
          `No body in the directory meets at "${procedure.id}".`,
        );
      const decided = decideCase(state, command, ctx(actor));
      if (!decided.ok) return err(decided.error.message);
      apply(decided.value);
    }
    if (kind === 'refusal' && !refused) {
      return fail('Бұл жолда бас тарту нәтижесі жоқ.', 'На этом пути нет исхода с отказом.', 'No refusing outcome on this path.');
    }
    return ok({ state: state!, history });

    function ctx(actor: CaseActor) {
      return { regulation, clockFor, policy: DEMONSTRATION_POLICY, now, actor, bodyOf };
    }
    // A meeting is held, by the whole body, on the day its procedure comes due.
    function commandFor(type: NextDuty['command'], procedure: TProcedure, outcome: TOutcome | undefined): CaseCommand | undefined {
      if (type === 'agree') return { type, procedureId: procedure.id, agreed: true };
      if (type !== 'record-meeting') return { type, procedureId: procedure.id, ...(outcome ? { outcome: outcome.id } : {}) };
      const body = bodyOf(procedure.meeting!.body, offices[regulation.roles.find((r) => r.id === procedure.meeting!.body)?.organisation ?? 'provider']);
      const heldOn = formatLocalDate(clockOfRole(regulation, clockFor, procedure.actor).zone.local(now).day);
      return body && demonstrationMeeting(procedure, body, { decision: outcome?.id, heldOn, minutes: 'SAMPLE-MINUTES' });
    }
    function staffActor(role: string, officesOfCase: CaseOffices): CaseActor | undefined {
      const organisation = regulation.roles.find((r) => r.id === role)?.organisation ?? 'provider';
      const officeId = officesOfCase[organisation];
      if (!officeId) return undefined;
      const user = directory.demoUsers.find((u) => mayActAs(u, role, officeId));
      return user && { userId: user.login, roles: staffRolesAt(user, officeId), officeId };
    }
  }
}

/** The planned outcome, or (for a refusal) the first outcome that refuses. */
function chooseOutcome(outcomes: readonly TOutcome[] | undefined, wantRefusal: boolean, refusalKind: TResultKind | undefined): TOutcome | undefined {
  if (!outcomes || outcomes.length === 0) return undefined;
  if (wantRefusal) {
    const refusing = outcomes.find((o) => o.decides && NEGATIVE_RESULT_KINDS.has(o.decides) && (refusalKind === undefined || o.decides === refusalKind));
    if (refusing) return refusing;
  }
  return outcomes[0];
}
