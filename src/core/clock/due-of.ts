import type { TTerm } from '../regulation/schema.js';
import type { OfficeClock } from './office-clock.js';

/**
 * The due of a legal term started at an instant, exactly as DEADLINES.md counts it: the arithmetic
 * alone. The engine and planners need only this; addTerm explains the same due in words.
 */
export function dueOf(clock: OfficeClock, start: number, term: TTerm): number {
  if (term.unit === 'minutes' || term.unit === 'hours') {
    return clock.addWorkingMinutes(start, term.unit === 'hours' ? term.value * 60 : term.value);
  }
  if (term.unit === 'within_working_day') return clock.closeOfBusiness(clock.zone.local(clock.nextWorkingMoment(start)).day);
  const startDay = clock.zone.local(start).day;
  if (term.unit === 'working_days') {
    return clock.closeOfBusiness(term.value > 0 ? clock.nthWorkingDayAfter(startDay, term.value) : startDay);
  }
  // Calendar days: a term ending on a day off ends on the next working day (Civil Code).
  const nominal = startDay + term.value;
  return clock.closeOfBusiness(clock.calendar.isWorking(nominal) ? nominal : clock.nextWorkingDay(nominal));
}
