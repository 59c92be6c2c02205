import type { TTerm, TText } from '../regulation/schema.js';
import { formatLocalDate, type EpochDay } from './local-date.js';
import { dueOf } from './due-of.js';
import type { OfficeClock } from './office-clock.js';
import type { DayNote } from './working-calendar.js';
import { englishOrdinal } from './english-ordinal.js';

/** A day the count passed over, and why it did not count. */
export interface SkippedDay {
  readonly date: string;
  readonly notes: readonly DayNote[];
}

/** A computed due with everything needed to explain it. */
export interface DueComputation {
  readonly term: TTerm;
  readonly office: string;
  /** The instant the term started. */
  readonly start: number;
  /** The instant counting really began (the next working moment, for minutes and hours). */
  readonly countedFrom: number;
  /** The day the count landed on before moving off a day off (calendar days only). */
  readonly nominalDate?: string;
  readonly due: number;
  /** Days off between the start and the due. */
  readonly skipped: readonly SkippedDay[];
  /** The rule applied, in words. */
  readonly rule: TText;
}

const hm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

function skippedBetween(clock: OfficeClock, from: EpochDay, to: EpochDay): SkippedDay[] {
  const out: SkippedDay[] = [];
  for (let d = from; d <= to; d++) {
    const info = clock.calendar.day(d);
    if (!info.working) out.push({ date: formatLocalDate(d), notes: info.notes });
  }
  return out;
}

/** Adds a legal term to an instant at an office, exactly as DEADLINES.md counts it. */
export function addTerm(clock: OfficeClock, start: number, term: TTerm): DueComputation {
  const { zone } = clock;
  const startDay = zone.local(start).day;
  const close = hm(clock.schedule.periods[clock.schedule.periods.length - 1]!.to);
  const base = { term, office: clock.schedule.id, start };

  if (term.unit === 'minutes' || term.unit === 'hours') {
    const minutes = term.unit === 'hours' ? term.value * 60 : term.value;
    const countedFrom = clock.nextWorkingMoment(start);
    const due = dueOf(clock, start, term);
    const hours = clock.schedule.periods.map((p) => `${hm(p.from)}–${hm(p.to)}`).join(', ');
    const moved = countedFrom !== start;
    return {
      ...base,
      countedFrom,
      due,
      skipped: skippedBetween(clock, startDay, zone.local(due).day),
      rule: {
        kk: `${minutes} жұмыс минуты кеңсенің жұмыс уақыты (${hours}) ішінде саналады; жұмыстан тыс уақыт, түскі үзіліс пен демалыс күндері есептелмейді${moved ? `; есеп келесі жұмыс сәтінен (${zone.format(countedFrom)}) басталады` : ''}.`,
        ru: `${minutes} рабочих минут отсчитываются в рабочее время офиса (${hours}); нерабочее время, обеденный перерыв и выходные дни не учитываются${moved ? `; отсчёт начинается со следующего рабочего момента (${zone.format(countedFrom)})` : ''}.`,
        en: `${minutes} working minutes counted inside the office's hours (${hours}); time outside them, the lunch break and days off do not run${moved ? `; counting starts at the next working moment (${zone.format(countedFrom)})` : ''}.`,
      },
    };
  }

  if (term.unit === 'within_working_day') {
    const countedFrom = clock.nextWorkingMoment(start);
    const day = zone.local(countedFrom).day;
    const due = dueOf(clock, start, term);
    const date = formatLocalDate(day);
    const moved = day !== startDay;
    return {
      ...base,
      countedFrom,
      due,
      skipped: skippedBetween(clock, startDay, day),
      rule: {
        kk: `Жұмыс күні ішінде: мерзім ${moved ? `келесі жұмыс күні (${date}), өйткені қадам жұмыс уақытынан тыс басталды,` : `қадам басталған күні (${date})`} жұмыс уақыты аяқталғанда (${close}) бітеді.`,
        ru: `В течение рабочего дня: срок истекает с окончанием рабочего времени (${close}) ${moved ? `следующего рабочего дня (${date}), так как шаг начался в нерабочее время` : `дня начала шага (${date})`}.`,
        en: `Within the working day: the term ends at the close of business (${close}) of ${moved ? `the next working day (${date}), as the step started outside working time` : `the day the step starts (${date})`}.`,
      },
    };
  }

  if (term.unit === 'working_days') {
    let day = startDay;
    for (let i = 0; i < term.value; i++) day = clock.nextWorkingDay(day);
    const due = dueOf(clock, start, term);
    const startDate = formatLocalDate(startDay);
    return {
      ...base,
      countedFrom: start,
      due,
      skipped: skippedBetween(clock, startDay, day),
      rule: {
        kk: `Мерзім басталған күн (${startDate}) есептелмейді; мерзім одан кейінгі ${term.value}-жұмыс күнінің (${formatLocalDate(day)}) жұмыс уақыты аяқталғанда (${close}) бітеді.`,
        ru: `День начала срока (${startDate}) не учитывается; срок истекает с окончанием рабочего времени (${close}) ${term.value}-го рабочего дня после него (${formatLocalDate(day)}).`,
        en: `The day the term starts (${startDate}) is not counted; the term ends at the close of business (${close}) of the ${englishOrdinal(term.value)} working day after it (${formatLocalDate(day)}).`,
      },
    };
  }

  const nominal = startDay + term.value;
  const day = clock.calendar.isWorking(nominal) ? nominal : clock.nextWorkingDay(nominal);
  const moved = day !== nominal;
  const due = dueOf(clock, start, term);
  const nominalDate = formatLocalDate(nominal);
  return {
    ...base,
    countedFrom: start,
    nominalDate,
    due,
    skipped: skippedBetween(clock, startDay, day),
    rule: {
      kk: `${formatLocalDate(startDay)} + ${term.value} күнтізбелік күн = ${nominalDate}${moved ? `; бұл жұмыс күні емес, сондықтан мерзім келесі жұмыс күні (${formatLocalDate(day)}) бітеді (Азаматтық кодекс)` : ''}; жұмыс уақыты аяқталғанда (${close}).`,
      ru: `${formatLocalDate(startDay)} + ${term.value} календарных дней = ${nominalDate}${moved ? `; это нерабочий день, поэтому срок истекает в следующий рабочий день (${formatLocalDate(day)}) (Гражданский кодекс)` : ''}; с окончанием рабочего времени (${close}).`,
      en: `${formatLocalDate(startDay)} + ${term.value} calendar days = ${nominalDate}${moved ? `; that is not a working day, so the term ends on the next working day (${formatLocalDate(day)}) (Civil Code)` : ''}; at the close of business (${close}).`,
    },
  };
}
