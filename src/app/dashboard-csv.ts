import { STATUS_TITLES, type CaseStatus } from '../core/engine/case-model.js';
import type { TLanguage, TTerm, TText } from '../core/regulation/schema.js';
import { regulationOf, type AppDeps } from './app-deps.js';
import type { DashboardFigures } from './dashboard-figures.js';

/** The tables of a dashboard that export to CSV. */
export const DASHBOARD_SECTIONS = ['status', 'compliance', 'overdue', 'durations', 'series'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

type Cell = string | number | null;

const HOUR = 3_600_000;

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function cell(value: Cell): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  if (/[",\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

const t = (kk: string, ru: string, en: string): TText => ({ kk, ru, en });

const HEADERS: Record<DashboardSection, readonly TText[]> = {
  status: [t('Қызмет', 'Услуга', 'Service'), t('Мәртебе', 'Статус', 'Status'), t('Өтініштер', 'Заявлений', 'Applications')],
  compliance: [
    t('Кесінді', 'Разрез', 'Dimension'),
    t('Қызмет', 'Услуга', 'Service'),
    t('Қадам', 'Шаг', 'Step'),
    t('Бөлімше', 'Подразделение', 'Office'),
    t('Орындаушы', 'Исполнитель', 'Executor'),
    t('Мерзімінде', 'В срок', 'On time'),
    t('Мерзімі өткен', 'С нарушением срока', 'Late'),
    t('Мерзімсіз', 'Без срока', 'No due'),
    t('Мерзімінде, %', 'В срок, %', 'On time, %'),
  ],
  overdue: [
    t('Іс', 'Дело', 'Case'),
    t('Қызмет', 'Услуга', 'Service'),
    t('Қадам', 'Шаг', 'Step'),
    t('Бөлімше', 'Подразделение', 'Office'),
    t('Мерзімі', 'Срок', 'Due'),
    t('Орындаушы', 'Исполнитель', 'Executor'),
    t('Кешігу, сағ', 'Просрочка, ч', 'Overdue, h'),
  ],
  durations: [
    t('Қызмет', 'Услуга', 'Service'),
    t('Қадам', 'Шаг', 'Step'),
    t('Заңдағы мерзім', 'Срок по регламенту', 'Legal term'),
    t('Аяқталған', 'Завершено', 'Completed'),
    t('Орташа ұзақтығы, сағ', 'Средняя длительность, ч', 'Average duration, h'),
    t('Есептеу', 'Учёт времени', 'Measured as'),
    t('Мерзім бірлігімен орташа', 'Среднее в единицах срока', 'Average in term units'),
  ],
  series: [
    t('Кезең басы', 'Начало периода', 'Period start'),
    t('Берілген', 'Подано', 'Submitted'),
    t('Мерзімінде', 'В срок', 'On time'),
    t('Мерзімі өткен', 'С нарушением срока', 'Late'),
    t('Нәтижелер', 'Результаты', 'Results'),
    t('Бас тартулар', 'Отказы', 'Refusals'),
  ],
};

const DIMENSIONS = {
  service: t('қызмет', 'услуга', 'service'),
  step: t('қадам', 'шаг', 'step'),
  office: t('бөлімше', 'подразделение', 'office'),
  executor: t('орындаушы', 'исполнитель', 'executor'),
};
const MEASURES = { working: t('жұмыс уақыты', 'рабочее время', 'working time'), calendar: t('күнтізбелік уақыт', 'календарное время', 'calendar time') };
const UNITS: Record<TTerm['unit'], TText> = {
  minutes: t('мин', 'мин', 'min'),
  hours: t('жұмыс сағ', 'рабочих ч', 'working h'),
  working_days: t('жұмыс күні', 'рабочих дн.', 'working days'),
  calendar_days: t('күнтізбелік күн', 'календарных дн.', 'calendar days'),
  within_working_day: t('жұмыс күні ішінде', 'в течение рабочего дня', 'within the working day'),
};

const share = (onTime: number, late: number) => (onTime + late === 0 ? null : Math.round((1000 * onTime) / (onTime + late)) / 10);
const hours = (ms: number) => Math.round((10 * ms) / HOUR) / 10;

/** One table of the dashboard as CSV (UTF-8 with a byte-order mark, CRLF), its headings and names in the asked language. */
export function dashboardCsv(
  deps: Pick<AppDeps, 'regulations' | 'directory' | 'clockFor'>,
  figures: DashboardFigures,
  section: DashboardSection,
  lang: TLanguage,
): string {
  const serviceTitle = (id: string) => regulationOf(deps, id)?.title[lang] ?? id;
  const officeTitle = (id: string | null) => (id === null ? null : (deps.directory.offices.find((o) => o.id === id)?.title[lang] ?? id));
  const term = (x: TTerm | null) => (x === null ? null : x.unit === 'within_working_day' ? UNITS[x.unit][lang] : `${x.value} ${UNITS[x.unit][lang]}`);
  const zone = deps.clockFor('provider').zone;
  const c = figures.compliance;
  const rows: Cell[][] = {
    status: () => figures.byStatus.map((r) => [serviceTitle(r.service), STATUS_TITLES[r.status as CaseStatus]?.[lang] ?? r.status, r.count]),
    compliance: () => [
      ...c.byService.map((r) => [DIMENSIONS.service[lang], serviceTitle(r.service), null, null, null, r.onTime, r.late, r.noDue, share(r.onTime, r.late)]),
      ...c.byStep.map((r) => [DIMENSIONS.step[lang], serviceTitle(r.service), r.clause, null, null, r.onTime, r.late, r.noDue, share(r.onTime, r.late)]),
      ...c.byOffice.map((r) => [DIMENSIONS.office[lang], null, null, officeTitle(r.officeId), null, r.onTime, r.late, r.noDue, share(r.onTime, r.late)]),
      ...c.byExecutor.map((r) => [DIMENSIONS.executor[lang], null, null, null, r.name, r.onTime, r.late, r.noDue, share(r.onTime, r.late)]),
    ],
    overdue: () =>
      figures.overdue.map((r) => [
        r.caseId,
        serviceTitle(r.service),
        r.clause,
        officeTitle(r.stepOffice),
        zone.format(r.stepDue),
        r.assignee,
        hours(r.overdueMillis),
      ]),
    durations: () =>
      figures.durations.map((r) => [
        serviceTitle(r.service),
        r.clause,
        term(r.term),
        r.completed,
        hours(r.averageMillis),
        MEASURES[r.measure][lang],
        r.averageInTermUnits,
      ]),
    series: () => figures.series.map((r) => [r.start, r.submitted, r.onTime, r.late, r.results, r.refusals]),
  }[section]();
  const lines = [HEADERS[section].map((h) => h[lang]), ...rows].map((r) => r.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
