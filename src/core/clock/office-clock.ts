import type { EpochDay } from './local-date.js';
import type { OfficeSchedule, Period } from './office-schedule.js';
import type { TimeZone } from './time-zone.js';
import type { WorkingCalendar } from './working-calendar.js';

const MS_PER_MINUTE = 60_000;
// No real calendar has a year of days off; a longer search means broken data, not a long holiday.
const MAX_DAYS_SEARCHED = 400;
/** The indexed span: 2000-01-01 to the end of 2059 (epoch days); outside it the count walks day by day. */
const INDEX_FROM = 10_957;
const INDEX_DAYS = 21_915;

/** Working-time arithmetic of one office: its schedule, in its zone, on the country's calendar. */
export interface OfficeClock {
  readonly schedule: OfficeSchedule;
  readonly calendar: WorkingCalendar;
  readonly zone: TimeZone;
  /** The next working day strictly after a date. */
  nextWorkingDay(day: EpochDay): EpochDay;
  /** The n-th working day strictly after a date (n ≥ 1). */
  nthWorkingDayAfter(day: EpochDay, n: number): EpochDay;
  /** The instant the office closes on a (working) date: the end of its last period. */
  closeOfBusiness(day: EpochDay): number;
  /** The instant itself when the office is working then; otherwise the start of the next period. */
  nextWorkingMoment(instant: number): number;
  /** Adds working minutes: time outside periods and on days off does not run. */
  addWorkingMinutes(instant: number, minutes: number): number;
  /** Adds working time in milliseconds (suspensions keep sub-minute precision). */
  addWorkingMillis(instant: number, millis: number): number;
  /** Working milliseconds between two instants (0 when `to` is not after `from`). */
  workingMillisBetween(from: number, to: number): number;
  /** Working minutes between two instants, rounded (0 when `to` is not after `from`). */
  workingMinutesBetween(from: number, to: number): number;
}

/** Builds the clock of an office. */
export function buildOfficeClock(schedule: OfficeSchedule, calendar: WorkingCalendar, zone: TimeZone): OfficeClock {
  const { periods } = schedule;
  const lastPeriod = periods[periods.length - 1]!;

  const nextWorkingDay = (day: EpochDay): EpochDay => {
    for (let d = day + 1, n = 0; n < MAX_DAYS_SEARCHED; d++, n++) if (calendar.isWorking(d)) return d;
    throw new Error(`no working day within ${MAX_DAYS_SEARCHED} days after epoch day ${day}`);
  };

  // Working days in order, with each day's count of working days before it, built on first use:
  // a term of N working days is then one lookup instead of N calendar reads.
  let index: { first: EpochDay; ordinal: Int32Array; days: Int32Array } | undefined;
  const workingDayIndex = () => {
    if (!index) {
      const first = INDEX_FROM;
      const ordinal = new Int32Array(INDEX_DAYS);
      const days: number[] = [];
      for (let i = 0; i < INDEX_DAYS; i++) {
        ordinal[i] = days.length;
        if (calendar.isWorking(first + i)) days.push(first + i);
      }
      index = { first, ordinal, days: Int32Array.from(days) };
    }
    return index;
  };
  const nthWorkingDayAfter = (day: EpochDay, n: number): EpochDay => {
    const { first, ordinal, days } = workingDayIndex();
    const i = day - first;
    if (i >= 0 && i < INDEX_DAYS) {
      // Working days strictly after `day` start at the ordinal of the day after it.
      const at = (i + 1 < INDEX_DAYS ? ordinal[i + 1]! : days.length) + n - 1;
      if (at < days.length) return days[at]!;
    }
    let d = day;
    for (let k = 0; k < n; k++) d = nextWorkingDay(d);
    return d;
  };

  const at = (day: EpochDay, minute: number) => zone.instant(day, minute);

  /** The period containing or following a local minute of a working day, if any. */
  const periodFrom = (minute: number): Period | undefined => periods.find((p) => minute < p.to);

  const nextWorkingMoment = (instant: number): number => {
    const { day, minute } = zone.local(instant);
    if (calendar.isWorking(day)) {
      const p = periodFrom(minute);
      if (p) return minute >= p.from ? instant : at(day, p.from);
    }
    return at(nextWorkingDay(day), periods[0]!.from);
  };

  // Counted in milliseconds: an instant need not fall on a whole minute.
  const addWorkingMillis = (instant: number, millis: number): number => {
    let cursor = nextWorkingMoment(instant);
    let remaining = millis;
    for (;;) {
      const { day, minute } = zone.local(cursor);
      const p = periodFrom(minute)!;
      const available = at(day, p.to) - cursor;
      if (remaining <= available) return cursor + remaining;
      remaining -= available;
      const next = periods.find((q) => q.from >= p.to);
      cursor = next ? at(day, next.from) : at(nextWorkingDay(day), periods[0]!.from);
    }
  };

  const workingMillisBetween = (from: number, to: number): number => {
    let cursor = nextWorkingMoment(from);
    let total = 0;
    while (cursor < to) {
      const { day, minute } = zone.local(cursor);
      const p = periodFrom(minute)!;
      const periodEnd = at(day, p.to);
      total += Math.min(periodEnd, to) - cursor;
      const next = periods.find((q) => q.from >= p.to);
      cursor = next ? at(day, next.from) : at(nextWorkingDay(day), periods[0]!.from);
    }
    return total;
  };

  return {
    schedule,
    calendar,
    zone,
    nextWorkingDay,
    nthWorkingDayAfter,
    closeOfBusiness: (day) => at(day, lastPeriod.to),
    nextWorkingMoment,
    addWorkingMillis,
    addWorkingMinutes: (instant, minutes) => addWorkingMillis(instant, minutes * MS_PER_MINUTE),
    workingMillisBetween,
    workingMinutesBetween: (from, to) => Math.round(workingMillisBetween(from, to) / MS_PER_MINUTE),
  };
}
