/**
 * A local calendar date as a whole number of days since 1970-01-01 ("epoch day"): cheap to
 * compare and to step, which the deadline arithmetic does millions of times in benchmarks.
 */
export type EpochDay = number;

const MS_PER_DAY = 86_400_000;

/** Parses `YYYY-MM-DD`; returns undefined for anything else or an impossible date. */
export function parseLocalDate(text: string): EpochDay | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY;
}

/** Parses a date known to be valid (data already checked by a schema). */
export function localDate(text: string): EpochDay {
  const day = parseLocalDate(text);
  if (day === undefined) throw new Error(`not a date: ${text}`);
  return day;
}

/** Formats an epoch day as `YYYY-MM-DD`. */
export function formatLocalDate(day: EpochDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: EpochDay): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The calendar year of an epoch day. */
export function yearOf(day: EpochDay): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** The epoch day of a month-day (`MM-DD`) in a given year. */
export function dayOfYear(year: number, monthDay: string): EpochDay {
  return localDate(`${year}-${monthDay}`);
}
