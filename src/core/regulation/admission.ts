import { err, ok, type Result } from '../result.js';
import { editionAt } from './edition-at.js';
import type { TEdition, TRegulation, TText } from './schema.js';

/** Deployment policy for applications under a repealed regulation. */
export interface AdmissionPolicy {
  /** Refuse them (a live deployment of repealed law); off for the bundled demonstration catalogue. */
  readonly refuseRepealed: boolean;
}

/** The bundled catalogue's policy: its regulations were repealed in 2020 yet must stay runnable. */
export const DEMONSTRATION_POLICY: AdmissionPolicy = { refuseRepealed: false };

/** Why an application cannot be admitted under a regulation on a date. */
export interface AdmissionRefusal {
  readonly code: 'not-yet-in-force' | 'repealed';
  readonly message: TText;
}

/**
 * Pins an application to the edition in force on its receipt date, with the repeal notice to
 * show when the regulation has been repealed and the policy still admits it.
 */
export function admitApplication(
  regulation: TRegulation,
  receiptDate: string,
  policy: AdmissionPolicy,
): Result<{ edition: TEdition; notice?: TText }, AdmissionRefusal> {
  const { edition, repealed } = editionAt(regulation, receiptDate);
  if (!edition) {
    const first = regulation.editions[0]!.effective;
    return err({
      code: 'not-yet-in-force',
      message: {
        kk: `Регламент ${first} бастап қолданылады; ${receiptDate} күні ол әлі күшіне енбеген.`,
        ru: `Регламент действует с ${first}; на ${receiptDate} он ещё не вступил в силу.`,
        en: `The regulation applies from ${first}; on ${receiptDate} it was not yet in force.`,
      },
    });
  }
  if (repealed && regulation.repeal) {
    if (policy.refuseRepealed) return err({ code: 'repealed', message: regulation.repeal.notice });
    return ok({ edition, notice: regulation.repeal.notice });
  }
  return ok({ edition });
}
