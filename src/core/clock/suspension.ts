import type { TText } from '../regulation/schema.js';
import type { OfficeClock } from './office-clock.js';

/** What a suspension leaves of a running term: the working time still owed. */
export interface SuspendedTerm {
  readonly suspendedAt: number;
  readonly dueBefore: number;
  /** Working time between the suspension and the due, in ms (0 when already overdue). */
  readonly remainingMillis: number;
  /** The same, in whole minutes, for people. */
  readonly remainingMinutes: number;
}

/** A due recomputed on resumption, with the rule in words. */
export interface ResumedDue {
  readonly resumedAt: number;
  readonly due: number;
  readonly remainingMinutes: number;
  readonly rule: TText;
}

/** Stops the clock of a running term: the remaining working time is kept, not the calendar time. */
export function suspendTerm(clock: OfficeClock, due: number, suspendedAt: number): SuspendedTerm {
  const remainingMillis = clock.workingMillisBetween(suspendedAt, due);
  return { suspendedAt, dueBefore: due, remainingMillis, remainingMinutes: Math.round(remainingMillis / 60_000) };
}

/** Restarts a suspended term: the remaining working time is added again from the resumption. */
export function resumeTerm(clock: OfficeClock, suspended: SuspendedTerm, resumedAt: number): ResumedDue {
  const due = clock.addWorkingMillis(resumedAt, suspended.remainingMillis);
  const m = suspended.remainingMinutes;
  const at = clock.zone.format(resumedAt);
  return {
    resumedAt,
    due,
    remainingMinutes: m,
    rule: {
      kk: `Мерзім тоқтатылған кезде ${m} жұмыс минуты қалған еді; олар қайта басталған сәттен (${at}) бастап қосылды.`,
      ru: `На момент приостановления оставалось ${m} рабочих минут; они добавлены заново с момента возобновления (${at}).`,
      en: `${m} working minutes were left when the term was suspended; they are added again from the resumption (${at}).`,
    },
  };
}
