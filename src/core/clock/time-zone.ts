import { z } from 'zod';
import { ZText } from '../regulation/schema.js';
import type { EpochDay } from './local-date.js';

/** A zone as data: the UTC offsets in force from given instants. */
export const ZZoneData = z
  .object({
    id: z.string().min(1),
    title: ZText,
    offsets: z.array(z.object({ from: z.string().datetime({ offset: true }), offsetMinutes: z.number().int(), source: z.string().min(1) }).strict()).min(1),
  })
  .strict();
export type TZoneData = z.infer<typeof ZZoneData>;

/** A local wall-clock reading: the date and the minute of that day. */
export interface LocalTime {
  readonly day: EpochDay;
  readonly minute: number;
}

/** Converts between UTC instants (ms) and local wall-clock time in one zone. */
export interface TimeZone {
  readonly id: string;
  /** Offset from UTC in minutes at an instant. */
  offsetAt(instant: number): number;
  /** The local date and minute of an instant. */
  local(instant: number): LocalTime;
  /** The instant of a local date and minute (the later reading when a transition repeats it). */
  instant(day: EpochDay, minute: number): number;
  /** ISO-8601 with the local offset, e.g. 2026-03-26T18:30:00+05:00. */
  format(instant: number): string;
}

const MS_PER_MINUTE = 60_000;

/** Builds a zone from its offset table (sorted by `from`). */
export function buildTimeZone(data: TZoneData): TimeZone {
  const table = data.offsets.map((o) => ({ from: Date.parse(o.from), offset: o.offsetMinutes })).sort((a, b) => a.from - b.from);
  const offsetAt = (instant: number): number => {
    let offset = table[0]!.offset;
    for (const row of table) {
      if (instant >= row.from) offset = row.offset;
      else break;
    }
    return offset;
  };
  const local = (instant: number): LocalTime => {
    const totalMinutes = Math.floor(instant / MS_PER_MINUTE) + offsetAt(instant);
    const day = Math.floor(totalMinutes / 1440);
    return { day, minute: totalMinutes - day * 1440 };
  };
  const instant = (day: EpochDay, minute: number): number => {
    const wall = (day * 1440 + minute) * MS_PER_MINUTE;
    // Try the offsets from the newest: the first that maps back onto the same wall time wins.
    for (let i = table.length - 1; i >= 0; i--) {
      const candidate = wall - table[i]!.offset * MS_PER_MINUTE;
      if (offsetAt(candidate) === table[i]!.offset) return candidate;
    }
    return wall - table[0]!.offset * MS_PER_MINUTE;
  };
  const format = (at: number): string => {
    const offset = offsetAt(at);
    const shifted = new Date(at + offset * MS_PER_MINUTE).toISOString().slice(0, 19);
    const sign = offset >= 0 ? '+' : '-';
    const abs = Math.abs(offset);
    return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  };
  return { id: data.id, offsetAt, local, instant, format };
}
