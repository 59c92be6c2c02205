import { actualSteps, type ActualStep } from '../core/engine/actual-steps.js';
import { formatLocalDate, isoWeekday, parseLocalDate, type EpochDay } from '../core/clock/local-date.js';
import type { TimeZone } from '../core/clock/time-zone.js';
import type { TTerm, TText } from '../core/regulation/schema.js';
import { err, ok, type Result } from '../core/result.js';
import { clockOfRole } from '../core/timeline/plan-timeline.js';
import type { DashboardQueries, StatusCount } from './ports/dashboard-queries.js';
import { regulationOf, type AppDeps } from './app-deps.js';
import { appError, FORBIDDEN, type AppError } from './app-error.js';
import { officesOverseen } from './leading-posts.js';
import type { Principal } from './principal.js';

/** The longest period one dashboard covers (its series stays a few dozen points). */
const MAX_PERIOD_DAYS = 1100;
const DEFAULT_PERIOD_DAYS = 30;
const MS_PER_DAY = 86_400_000;

/** What a dashboard is asked for: local dates (YYYY-MM-DD, `to` included), and optionally one service or one office. */
export interface DashboardQuery {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly service?: string | undefined;
  readonly office?: string | undefined;
}

/** Steps done in time, late, and without a due (a procedure with no term). */
export interface Compliance {
  readonly onTime: number;
  readonly late: number;
  readonly noDue: number;
}

/** Average real duration of a step against its legal term. */
export interface StepDuration {
  readonly service: string;
  readonly procedureId: string;
  readonly clause: string;
  readonly term: TTerm | null;
  readonly completed: number;
  /** Working time on the actor's office clock, or calendar time for a term in calendar days. */
  readonly measure: 'working' | 'calendar';
  readonly averageMillis: number;
  /**
   * The average duration in the term's unit: the real duration over the time its due allowed, times
   * the term's value (1.4 against "2 working days" is 70 % of the time allowed); null without a term.
   */
  readonly averageInTermUnits: number | null;
}

/** One bucket of the series over time. */
export interface SeriesPoint {
  /** First local date of the bucket. */
  readonly start: string;
  readonly submitted: number;
  readonly onTime: number;
  readonly late: number;
  readonly results: number;
  readonly refusals: number;
}

/** The figures a head, supervisor or auditor sees. */
export interface DashboardFigures {
  readonly now: number;
  readonly period: { readonly from: string; readonly to: string; readonly bucket: 'day' | 'week' | 'month' };
  /** The offices this person may look at, and the one chosen (if any). */
  readonly offices: readonly { readonly id: string; readonly title: TText }[];
  readonly office: string | null;
  readonly service: string | null;
  readonly byStatus: readonly StatusCount[];
  readonly compliance: {
    readonly byService: readonly ({ readonly service: string } & Compliance)[];
    readonly byStep: readonly ({ readonly service: string; readonly procedureId: string; readonly clause: string } & Compliance)[];
    readonly byOffice: readonly ({ readonly officeId: string; readonly title: TText } & Compliance)[];
    readonly byExecutor: readonly ({ readonly userId: string; readonly name: string } & Compliance)[];
  };
  readonly overdue: readonly {
    readonly caseId: string;
    readonly service: string;
    readonly step: string;
    readonly clause: string;
    readonly stepOffice: string | null;
    readonly stepDue: number;
    readonly assignee: string | null;
    readonly overdueMillis: number;
  }[];
  readonly durations: readonly StepDuration[];
  readonly series: readonly SeriesPoint[];
}

const invalidPeriod = () =>
  appError(
    'invalid-input',
    `Кезең жарамсыз: күндерді ЖЖЖЖ-АА-КК түрінде беріңіз, басы соңынан кейін болмасын, ${MAX_PERIOD_DAYS} күннен аспасын.`,
    `Некорректный период: укажите даты в виде ГГГГ-ММ-ДД, начало не позже конца, не более ${MAX_PERIOD_DAYS} дней.`,
    `Invalid period: give dates as YYYY-MM-DD, the start not after the end, at most ${MAX_PERIOD_DAYS} days.`,
  );

/** The bucket of a series: a day for a month, a week for half a year, else a month. */
function bucketOf(days: number): 'day' | 'week' | 'month' {
  return days <= 31 ? 'day' : days <= 183 ? 'week' : 'month';
}

/** The first day of the bucket a day falls in. */
function bucketStart(day: EpochDay, bucket: 'day' | 'week' | 'month'): EpochDay {
  if (bucket === 'day') return day;
  if (bucket === 'week') return day - (isoWeekday(day) - 1);
  return parseLocalDate(`${formatLocalDate(day).slice(0, 7)}-01`)!;
}

/** The first day of the next bucket. */
function nextBucket(start: EpochDay, bucket: 'day' | 'week' | 'month'): EpochDay {
  if (bucket === 'day') return start + 1;
  if (bucket === 'week') return start + 7;
  const [y, m] = formatLocalDate(start).split('-').map(Number) as [number, number];
  return Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) / MS_PER_DAY;
}

const emptyCompliance = (): { onTime: number; late: number; noDue: number } => ({ onTime: 0, late: 0, noDue: 0 });
const count = (c: { onTime: number; late: number; noDue: number }, step: ActualStep) => {
  if (step.due === null) c.noDue += 1;
  else if (step.completedAt! <= step.due) c.onTime += 1;
  else c.late += 1;
};

/**
 * The dashboard of the offices a person leads, supervises or audits: cases by service and status,
 * how the steps completed in the period kept their dues (per service, step, office and executor),
 * the steps overdue now, each step's average real duration against its legal term, and a series
 * over time. Steps are those the case histories record: a step is done on time when it was
 * completed (or the case refused at it) no later than its due as suspensions moved it.
 */
export async function dashboardFigures(
  deps: AppDeps,
  source: DashboardQueries,
  principal: Principal,
  query: DashboardQuery,
): Promise<Result<DashboardFigures, AppError>> {
  const allowed = officesOverseen(deps, principal);
  if (allowed.length === 0) return err(FORBIDDEN);
  if (query.office !== undefined && !allowed.includes(query.office)) return err(FORBIDDEN);
  const offices = query.office !== undefined ? [query.office] : allowed;
  const service = query.service ?? null;

  const now = deps.now();
  const zone: TimeZone = deps.clockFor('provider').zone;
  const today = zone.local(now).day;
  const toDay = query.to !== undefined ? parseLocalDate(query.to) : today;
  const fromDay = query.from !== undefined ? parseLocalDate(query.from) : toDay === undefined ? undefined : toDay - (DEFAULT_PERIOD_DAYS - 1);
  if (fromDay === undefined || toDay === undefined || fromDay > toDay || toDay - fromDay + 1 > MAX_PERIOD_DAYS) return err(invalidPeriod());
  const from = zone.instant(fromDay, 0);
  const to = zone.instant(toDay + 1, 0);
  const bucket = bucketOf(toDay - fromDay + 1);
  const inPeriod = (at: number) => at >= from && at < to;
  const ofService = (s: string) => service === null || s === service;
  // With one office chosen, its own steps; otherwise every step of the cases these offices took part in.
  const ofOffice = (officeId: string | undefined) => query.office === undefined || officeId === query.office;

  const [statusCounts, timings, overdueSteps] = await Promise.all([
    source.statusCounts(offices, from, to),
    source.caseTimings(offices, from, to),
    source.overdueSteps(offices, now),
  ]);

  const series = new Map<EpochDay, { submitted: number; onTime: number; late: number; results: number; refusals: number }>();
  for (let d = bucketStart(fromDay, bucket); d <= toDay; d = nextBucket(d, bucket))
    series.set(d, { submitted: 0, onTime: 0, late: 0, results: 0, refusals: 0 });
  const pointAt = (at: number) => series.get(bucketStart(zone.local(at).day, bucket));

  const byService = new Map<string, ReturnType<typeof emptyCompliance>>();
  const byStep = new Map<string, ReturnType<typeof emptyCompliance>>();
  const byOffice = new Map<string, ReturnType<typeof emptyCompliance>>();
  const byExecutor = new Map<string, ReturnType<typeof emptyCompliance>>();
  const durations = new Map<string, { service: string; procedureId: string; millis: number[]; inUnits: number[] }>();
  const tally = (map: Map<string, ReturnType<typeof emptyCompliance>>, key: string, step: ActualStep) => {
    const c = map.get(key) ?? emptyCompliance();
    count(c, step);
    map.set(key, c);
  };

  for (const timing of timings) {
    if (!ofService(timing.service)) continue;
    const regulation = regulationOf(deps, timing.service);
    for (const e of timing.events) {
      if (!inPeriod(e.at)) continue;
      const point = pointAt(e.at);
      if (!point) continue;
      if (e.type === 'submitted') point.submitted += 1;
      if (e.type === 'result-issued') {
        if (e.positive) point.results += 1;
        else point.refusals += 1;
      }
    }
    for (const step of actualSteps(timing.events)) {
      // A step the applicant withdrew from was not the staff's to keep in time.
      if (step.completedAt === null || step.outcome === 'withdrawn' || !inPeriod(step.completedAt) || !ofOffice(step.officeId)) continue;
      tally(byService, timing.service, step);
      tally(byStep, `${timing.service}\u0000${step.procedureId}`, step);
      if (step.officeId !== undefined) tally(byOffice, step.officeId, step);
      if (step.completedBy !== null) tally(byExecutor, step.completedBy, step);
      const point = pointAt(step.completedAt);
      if (point && step.due !== null) {
        if (step.completedAt <= step.due) point.onTime += 1;
        else point.late += 1;
      }

      const procedure = regulation?.procedures.find((p) => p.id === step.procedureId);
      const term = procedure?.term ?? null;
      const calendar = term?.unit === 'calendar_days';
      const clock = regulation ? clockOfRole(regulation, deps.clockFor, step.role) : deps.clockFor('provider');
      const span = (a: number, b: number) => (calendar ? Math.max(0, b - a) : clock.workingMillisBetween(a, b));
      const real = span(step.startedAt, step.completedAt);
      const d = durations.get(`${timing.service}\u0000${step.procedureId}`) ?? {
        service: timing.service,
        procedureId: step.procedureId,
        millis: [],
        inUnits: [],
      };
      d.millis.push(real);
      // The allowed time is the term as the office clock counted it from the step's start (suspensions moved the due with the start).
      const allowedMillis = step.due === null ? 0 : span(step.startedAt, step.due);
      if (term && allowedMillis > 0) d.inUnits.push((term.value * real) / allowedMillis);
      durations.set(`${timing.service}\u0000${step.procedureId}`, d);
    }
  }

  const clauseOf = (s: string, procedureId: string) => regulationOf(deps, s)?.procedures.find((p) => p.id === procedureId)?.clause ?? procedureId;
  const termOf = (s: string, procedureId: string) => regulationOf(deps, s)?.procedures.find((p) => p.id === procedureId)?.term ?? null;
  // Steps in the regulation's order, not the clauses' spelling ("5.10" after "5.9").
  const orderOf = (s: string, procedureId: string) => String(regulationOf(deps, s)?.procedures.findIndex((p) => p.id === procedureId) ?? 0).padStart(4, '0');
  const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const names = new Map<string, string>();
  for (const id of byExecutor.keys()) names.set(id, (await deps.stores.identity.userById(id))?.name ?? id);
  const officeTitle = (id: string): TText => deps.directory.offices.find((o) => o.id === id)?.title ?? { kk: id, ru: id, en: id };
  const split = (key: string) => key.split('\u0000') as [string, string];
  const byKey = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => key(a).localeCompare(key(b)));

  return ok({
    now,
    period: { from: formatLocalDate(fromDay), to: formatLocalDate(toDay), bucket },
    offices: allowed.map((id) => ({ id, title: officeTitle(id) })),
    office: query.office ?? null,
    service,
    byStatus: statusCounts.filter((c) => ofService(c.service)),
    compliance: {
      byService: byKey(
        [...byService].map(([s, c]) => ({ service: s, ...c })),
        (r) => r.service,
      ),
      byStep: byKey(
        [...byStep].map(([key, c]) => {
          const [s, procedureId] = split(key);
          return { service: s, procedureId, clause: clauseOf(s, procedureId), ...c };
        }),
        (r) => `${r.service} ${orderOf(r.service, r.procedureId)}`,
      ),
      byOffice: byKey(
        [...byOffice].map(([officeId, c]) => ({ officeId, title: officeTitle(officeId), ...c })),
        (r) => r.officeId,
      ),
      byExecutor: byKey(
        [...byExecutor].map(([userId, c]) => ({ userId, name: names.get(userId) ?? userId, ...c })),
        (r) => r.name,
      ),
    },
    overdue: overdueSteps
      .filter((o) => ofService(o.service) && ofOffice(o.stepOffice ?? undefined))
      .map((o) => ({
        caseId: o.caseId,
        service: o.service,
        step: o.step,
        clause: clauseOf(o.service, o.step),
        stepOffice: o.stepOffice,
        stepDue: o.stepDue,
        assignee: o.assignee,
        overdueMillis: now - o.stepDue,
      })),
    durations: byKey(
      [...durations.values()].map((d) => {
        const term = termOf(d.service, d.procedureId);
        return {
          service: d.service,
          procedureId: d.procedureId,
          clause: clauseOf(d.service, d.procedureId),
          term,
          completed: d.millis.length,
          measure: term?.unit === 'calendar_days' ? ('calendar' as const) : ('working' as const),
          averageMillis: Math.round(mean(d.millis)),
          averageInTermUnits: d.inUnits.length === 0 ? null : Math.round(mean(d.inUnits) * 100) / 100,
        };
      }),
      (r) => `${r.service} ${orderOf(r.service, r.procedureId)}`,
    ),
    series: [...series].map(([day, p]) => ({ start: formatLocalDate(day), ...p })),
  });
}
