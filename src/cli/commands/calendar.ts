import { existsSync } from 'node:fs';
import { loadCalendarData } from '../../catalogue/load-clock.js';
import { dayOfYear, formatLocalDate } from '../../core/clock/local-date.js';
import { buildWorkingCalendar } from '../../core/clock/working-calendar.js';
import type { TLanguage } from '../../core/regulation/schema.js';
import { CliFailure, table, type CliIo } from '../cli-io.js';

export const calendarHelp = `reglament calendar <year> [--file calendar.yaml] [--lang kk|ru|en] [--json]

The working calendar of a year: the days off on working weekdays and why (holidays,
substitutes, transfers), the weekend days made working, and the working days per month.
  --file   a corrected calendar data file (default: the bundled src/catalogue/calendar/kazakhstan.yaml)`;

/** Prints the working calendar of a year. */
export function runCalendar(io: CliIo, opts: { year: string | undefined; file?: string; lang: TLanguage; json: boolean }): number {
  const year = Number(opts.year);
  if (!opts.year || !Number.isInteger(year) || year < 1990 || year > 2100) {
    throw new CliFailure({
      kk: `Жылды көрсетіңіз, мысалы: reglament calendar 2026 (берілгені: ${opts.year ?? 'жоқ'}).`,
      ru: `Укажите год, например: reglament calendar 2026 (получено: ${opts.year ?? 'ничего'}).`,
      en: `Give a year, e.g. reglament calendar 2026 (got: ${opts.year ?? 'nothing'}).`,
    });
  }
  if (opts.file && !existsSync(opts.file)) {
    throw new CliFailure({ kk: `Файл табылмады: ${opts.file}`, ru: `Файл не найден: ${opts.file}`, en: `File not found: ${opts.file}` });
  }
  const calendar = buildWorkingCalendar(loadCalendarData(opts.file));
  const l = opts.lang;
  const first = dayOfYear(year, '01-01');
  const last = dayOfYear(year, '12-31');
  const special: { date: string; working: boolean; why: string[] }[] = [];
  const months = Array.from({ length: 12 }, () => 0);
  for (let d = first; d <= last; d++) {
    const info = calendar.day(d);
    const date = formatLocalDate(d);
    if (info.working) months[Number(date.slice(5, 7)) - 1]!++;
    const notable = info.notes.filter((n) => n.kind !== 'weekend');
    if (notable.length) special.push({ date, working: info.working, why: notable.map((n) => `${n.title[l]} (${n.source})`) });
  }
  const coverage = calendar.coverage(year);
  const result = {
    year,
    workingDays: months.reduce((a, b) => a + b, 0),
    workingDaysPerMonth: months,
    daysOff: special.filter((s) => !s.working),
    transferredWorkingDays: special.filter((s) => s.working),
    coverage,
  };
  if (opts.json) {
    io.out(JSON.stringify(result, null, 2));
    return 0;
  }
  io.out(`${year}: ${result.workingDays} working days`);
  if (!coverage.inData) io.out('! this year is outside the calendar data: Kurban Ait and transfers are missing');
  if (!coverage.transfersKnown) io.out('! the transfer decrees of this year have not been entered: only the rules apply');
  for (const e of coverage.estimated) io.out(`! ${e} is an estimated date`);
  io.out(table([['date', 'status', 'why'], ...special.map((s) => [s.date, s.working ? 'working' : 'off', s.why.join('; ')])]));
  io.out(
    table([
      ['month', ...months.map((_, i) => String(i + 1))],
      ['working days', ...months.map(String)],
    ]),
  );
  return 0;
}
