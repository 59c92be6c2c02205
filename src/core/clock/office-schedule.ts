import { z } from 'zod';
import { ZText } from '../regulation/schema.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** An office's working hours as data: local periods on each working day of the calendar. */
export const ZOfficeScheduleData = z
  .object({
    id: z.string().min(1),
    zone: z.string().min(1),
    title: ZText,
    hours: z.array(z.object({ from: hhmm, to: hhmm }).strict()).min(1),
    source: z.string().min(1),
  })
  .strict();
export type TOfficeScheduleData = z.infer<typeof ZOfficeScheduleData>;

/** A working period of a day, in minutes after local midnight, half-open [from, to). */
export interface Period {
  readonly from: number;
  readonly to: number;
}

/** An office schedule ready for arithmetic. */
export interface OfficeSchedule {
  readonly id: string;
  readonly zone: string;
  readonly title: z.infer<typeof ZText>;
  readonly periods: readonly Period[];
  /** Working minutes in one full working day. */
  readonly minutesPerDay: number;
}

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Converts schedule data to sorted, non-overlapping periods; undefined when they overlap or are empty. */
export function buildOfficeSchedule(data: TOfficeScheduleData): OfficeSchedule | undefined {
  const periods = data.hours.map((h) => ({ from: minutesOf(h.from), to: minutesOf(h.to) })).sort((a, b) => a.from - b.from);
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i]!;
    if (p.to <= p.from) return undefined;
    if (i > 0 && p.from < periods[i - 1]!.to) return undefined;
  }
  return {
    id: data.id,
    zone: data.zone,
    title: data.title,
    periods,
    minutesPerDay: periods.reduce((sum, p) => sum + p.to - p.from, 0),
  };
}
