import type { CaseEvent } from '../engine/case-events.js';
import type { CaseState } from '../engine/case-model.js';
import { rejection, type CaseRejection } from '../engine/case-rejection.js';
import type { TProcedure } from '../regulation/schema.js';
import { err, ok, type Result } from '../result.js';
import type { ConsignmentNote } from './consignment.js';

type Decision = Result<CaseEvent[], CaseRejection>;

/**
 * Puts a transfer step's completion under a courier manifest: only a procedure that transfers, only
 * when the case goes on to another office, and only as the step's own completion (not a proposal
 * waiting for agreement). The sender's office and the destination are written on the event, so the
 * manifest says where the package went whatever the directory later becomes.
 */
export function consignStep(events: readonly CaseEvent[], note: ConsignmentNote, procedure: TProcedure, fromOffice: string | undefined): Decision {
  const notTransfer = notTransferable(procedure);
  if (notTransfer) return err(notTransfer);
  if (!note.manifest.trim() || !note.number.trim() || !note.courier.trim()) {
    return err(
      rejection('invalid-input', 'Курьерді және тізім нөмірін көрсетіңіз.', 'Укажите курьера и номер реестра.', 'Name the courier and the manifest number.'),
    );
  }
  const completed = events.find((e): e is Extract<CaseEvent, { type: 'step-completed' }> => e.type === 'step-completed');
  const toOffice = completed?.next?.officeId;
  if (!completed || fromOffice === undefined || toOffice === undefined || toOffice === fromOffice) {
    return err(
      rejection(
        'wrong-state',
        'Іс осы кеңседе қалады: оны курьермен жіберетін жер жоқ.',
        'Дело остаётся в этом подразделении: отправлять его курьером некуда.',
        'The case stays at this office: there is nowhere to send it by courier.',
      ),
    );
  }
  const consignment = { manifest: note.manifest, number: note.number, courier: note.courier, fromOffice, toOffice };
  return ok(events.map((e) => (e === completed ? { ...completed, consignment } : e)));
}

/** Why a procedure cannot go on a courier manifest: it passes nothing to another office. */
export function notTransferable(procedure: TProcedure): CaseRejection | undefined {
  if (procedure.kinds.includes('transfer') && !procedure.kinds.includes('receive')) return undefined;
  return rejection(
    'wrong-kind',
    'Іс қазір басқа кеңсеге жіберілетін кезеңде емес: оны курьерлік тізімге қосуға болмайды.',
    'Дело сейчас не на этапе передачи в другое подразделение: его нельзя включить в курьерский реестр.',
    'The case is not at a step that sends it to another office: it cannot go on a courier manifest.',
  );
}

/** A step that needs the package is refused while the package is still with the courier. */
export function packageInTransit(state: CaseState): CaseRejection | undefined {
  const c = state.consignment;
  if (c === undefined || c.receivedAt !== undefined) return undefined;
  return rejection(
    'wrong-state',
    `Құжаттар курьерде (тізім № ${c.number}): алдымен олардың келіп түскенін растаңыз.`,
    `Документы у курьера (реестр № ${c.number}): сначала подтвердите их получение.`,
    `The documents are with the courier (manifest No. ${c.number}): confirm their receipt first.`,
  );
}

/**
 * The receiving office confirms the courier handed over the case's package: whoever holds the post
 * whose step now waits there (the clerk who registers, the operator who issues), at that office.
 * Custody is a fact, not a decision: the package is received while the case is suspended, or after
 * it ended on the way.
 */
export function decideReceipt(
  state: CaseState,
  manifest: string,
  actor: { readonly userId: string; readonly roles: readonly string[]; readonly officeId?: string },
  now: number,
): Decision {
  const c = state.consignment;
  if (c === undefined || c.manifest !== manifest) {
    return err(
      rejection(
        'wrong-state',
        'Бұл іс осы курьерлік тізімде жоқ.',
        'Этого дела нет в данном курьерском реестре.',
        'This case is not on that courier manifest.',
      ),
    );
  }
  if (c.receivedAt !== undefined) {
    return err(
      rejection(
        'wrong-state',
        `Тізім № ${c.number} бойынша құжаттардың келгені расталған.`,
        `Получение документов по реестру № ${c.number} уже подтверждено.`,
        `Receipt under manifest No. ${c.number} is already confirmed.`,
      ),
    );
  }
  if (actor.officeId !== c.toOffice) {
    return err(
      rejection(
        'wrong-office',
        'Құжаттарды тек оларды алатын кеңсе қабылдайды.',
        'Документы принимает только подразделение-получатель.',
        'Only the office the package is sent to can receive it.',
      ),
    );
  }
  const step = state.step;
  // A case that ended on the way (withdrawn) has no step waiting: any member of staff there receives its package.
  const receiver = step ? step.officeId === c.toOffice && actor.roles.includes(step.role) : actor.roles.length > 0;
  if (!receiver) {
    return err(
      rejection(
        'wrong-role',
        'Құжаттарды келесі рәсімді орындайтын қызметкер қабылдайды.',
        'Документы принимает сотрудник, выполняющий следующую процедуру.',
        'The package is received by the member of staff whose procedure comes next.',
      ),
    );
  }
  return ok([{ type: 'consignment-received', at: now, by: actor.userId, manifest, officeId: c.toOffice }]);
}
