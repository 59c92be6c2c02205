import type { TText } from '../regulation/schema.js';
import type { TCalendarData } from './calendar-data.js';
import { dayOfYear, isoWeekday, localDate, yearOf, type EpochDay } from './local-date.js';

/** Why a day is what it is. */
export type DayNoteKind = 'weekend' | 'holiday' | 'kurban-ait' | 'substitute' | 'transfer-off' | 'transfer-work';

/** One reason attached to a day, with its legal source. */
export interface DayNote {
  readonly kind: DayNoteKind;
  readonly title: TText;
  readonly source: string;
}

/** Whether a day is working, and why (weekends and special days only carry notes). */
export interface DayInfo {
  readonly working: boolean;
  readonly notes: readonly DayNote[];
}

/** The working calendar: answers "is this local date a working day, and why". */
export interface WorkingCalendar {
  /** Whether the date is a working day, and why. */
  day(day: EpochDay): DayInfo;
  /** Whether the date is a working day (the hot path of deadline arithmetic). */
  isWorking(day: EpochDay): boolean;
  /** Whether the year's data is complete (holidays set each year and transfers entered). */
  coverage(year: number): { inData: boolean; transfersKnown: boolean; estimated: string[] };
  /** The data it was built from. */
  readonly data: TCalendarData;
}

const WEEKEND: DayNote = {
  kind: 'weekend',
  title: { kk: 'демалыс күні (сенбі, жексенбі)', ru: 'выходной день (суббота, воскресенье)', en: 'weekend (Saturday, Sunday)' },
  source: 'Labour Code art. 84',
};
const WORKING: DayInfo = { working: true, notes: [] };
const WEEKEND_DAY: DayInfo = { working: false, notes: [WEEKEND] };

const isWeekend = (day: EpochDay) => isoWeekday(day) >= 6;

/** Builds the calendar from data: holidays, their substitutes, Kurban Ait and transfers. */
export function buildWorkingCalendar(data: TCalendarData): WorkingCalendar {
  const special = new Map<EpochDay, DayInfo>();
  const builtYears = new Set<number>();

  const add = (day: EpochDay, note: DayNote, working: boolean) => {
    const prior = special.get(day);
    special.set(day, { working, notes: [...(prior?.notes ?? (isWeekend(day) ? [WEEKEND] : [])), note] });
  };

  const buildYear = (year: number) => {
    if (builtYears.has(year)) return;
    builtYears.add(year);
    const holidays = new Map<EpochDay, { title: TText; source: string; movable: boolean }>();
    for (const rule of data.holidays) {
      if ((rule.from !== undefined && year < rule.from) || (rule.to !== undefined && year > rule.to)) continue;
      for (const md of rule.dates) holidays.set(dayOfYear(year, md), { title: rule.title, source: rule.source, movable: rule.movable });
    }
    for (const [day, h] of holidays) add(day, { kind: 'holiday', title: h.title, source: h.source }, false);
    for (const k of data.kurbanAit) {
      const day = localDate(k.date);
      if (yearOf(day) !== year) continue;
      const title = { kk: 'Құрбан айт (бірінші күні)', ru: 'Курбан айт (первый день)', en: 'Kurban Ait (first day)' };
      add(day, { kind: 'kurban-ait', title, source: k.source }, false);
    }
    // Substitutes: each weekend day of a block of consecutive movable holidays gives one day off
    // on the next working days after the block.
    const movable = [...holidays]
      .filter(([, h]) => h.movable)
      .map(([d]) => d)
      .sort((a, b) => a - b);
    let i = 0;
    while (i < movable.length) {
      let end = i;
      while (end + 1 < movable.length && movable[end + 1] === movable[end]! + 1) end++;
      const block = movable.slice(i, end + 1);
      let owed = block.filter(isWeekend).length;
      const first = holidays.get(block[0]!)!;
      let cursor = block[block.length - 1]! + 1;
      while (owed > 0) {
        if (!isWeekend(cursor) && !special.has(cursor)) {
          const title = {
            kk: `ауыстырылған демалыс күні (${first.title.kk})`,
            ru: `перенесённый выходной день (${first.title.ru})`,
            en: `substitute day off (${first.title.en})`,
          };
          add(cursor, { kind: 'substitute', title, source: data.substituteRule.source }, false);
          owed--;
        }
        cursor++;
      }
      i = end + 1;
    }
    for (const t of data.transfers) {
      if (t.year !== year) continue;
      add(
        localDate(t.off),
        {
          kind: 'transfer-off',
          title: { kk: 'ауыстырылған демалыс күні', ru: 'перенесённый выходной день', en: 'day off transferred by decree' },
          source: t.source,
        },
        false,
      );
      add(
        localDate(t.work),
        {
          kind: 'transfer-work',
          title: { kk: 'ауыстырылған жұмыс күні', ru: 'перенесённый рабочий день', en: 'working day transferred by decree' },
          source: t.source,
        },
        true,
      );
    }
  };

  for (let y = data.firstYear - 1; y <= data.lastYear + 1; y++) buildYear(y);
  const firstDay = dayOfYear(data.firstYear - 1, '01-01');
  const lastDay = dayOfYear(data.lastYear + 1, '12-31');

  const day = (d: EpochDay): DayInfo => {
    if (d < firstDay || d > lastDay) buildYear(yearOf(d));
    return special.get(d) ?? (isWeekend(d) ? WEEKEND_DAY : WORKING);
  };

  return {
    data,
    day,
    isWorking: (d) => {
      if (d >= firstDay && d <= lastDay) {
        const s = special.get(d);
        return s ? s.working : !isWeekend(d);
      }
      return day(d).working;
    },
    coverage: (year) => ({
      inData: year >= data.firstYear && year <= data.lastYear && data.kurbanAit.some((k) => k.date.startsWith(`${year}-`)),
      transfersKnown: data.transfersKnown.includes(year),
      estimated: data.kurbanAit.filter((k) => k.estimated && k.date.startsWith(`${year}-`)).map((k) => k.date),
    }),
  };
}
