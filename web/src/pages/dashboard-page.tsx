import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/api-client.js';
import type { CaseStatus, Compliance, DashboardFigures } from '../api/api-types.js';
import { useRegulations, useServices } from '../api/queries.js';
import { capabilitiesOf, useMe } from '../api/use-me.js';
import { ErrorMessage, Loading } from '../components/error-message.js';
import { useStepName } from '../components/regulation-texts.js';
import { BarsAgainstMark, ColumnsWithLine, Legend, ShareMeter, StackedBars } from '../components/svg-charts.js';
import { formatInstant, localDay } from '../format/kazakhstan-time.js';
import { useLang } from '../i18n/use-lang.js';
import { ScrollRegion } from '../components/scroll-region.js';
import { queryKeys } from '../api/query-keys.js';

const STATUSES: readonly CaseStatus[] = ['submitted', 'registered', 'in-progress', 'suspended', 'satisfied', 'refused', 'withdrawn'];
/** Fills distinguishable from each other and from white (3:1 for graphics); each is named in the legend and in the table. */
const STATUS_COLOURS: Record<CaseStatus, string> = {
  submitted: '#6b7585',
  registered: '#00557f',
  'in-progress': '#3a7dbf',
  suspended: '#b7791f',
  satisfied: '#1d6b2f',
  refused: '#a4161a',
  withdrawn: '#7a4f9a',
};
const ON_TIME = '#1d6b2f';
const LATE = '#a4161a';
const SUBMITTED = '#00557f';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Dimension = 'byService' | 'byStep' | 'byOffice' | 'byExecutor';
const DIMENSIONS: readonly Dimension[] = ['byService', 'byStep', 'byOffice', 'byExecutor'];

const shareOf = (c: Compliance) => (c.onTime + c.late === 0 ? null : c.onTime / (c.onTime + c.late));

/** Dashboards for heads, supervisors and auditors: applications, deadline compliance, overdue steps, durations against terms, over a period. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = capabilitiesOf(me.data);
  if (!me.data) return <Loading />;
  if (!can.dashboard) return <p className="notice">{t('dashboard.headsOnly')}</p>;
  return <Dashboard />;
}

function Dashboard() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [params, setParams] = useSearchParams();
  const [dimension, setDimension] = useState<Dimension>('byService');
  const services = useServices();
  const query = new URLSearchParams();
  for (const key of ['from', 'to', 'service', 'office']) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  const figures = useQuery({
    queryKey: queryKeys.dashboard(query.toString()),
    queryFn: () => api<DashboardFigures>(`/api/dashboard?${query.toString()}`),
    placeholderData: keepPreviousData,
  });
  const f = figures.data;
  const regulations = useRegulations(f ? [...new Set([...f.compliance.byStep, ...f.overdue, ...f.durations].map((r) => r.service))] : []);
  const stepName = useStepName();
  const number = new Intl.NumberFormat({ kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' }[lang], { maximumFractionDigits: 1 });
  const percent = (share: number | null) => (share === null ? '—' : `${number.format(share * 100)} %`);
  const serviceTitle = (id: string) => pick(services.data?.find((s) => s.id === id)?.title) || id;
  const officeTitle = (id: string | null) =>
    id === null ? '—' : pick(f?.offices.find((o) => o.id === id)?.title ?? f?.compliance.byOffice.find((o) => o.officeId === id)?.title) || id;
  const setParam = (key: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const setPeriod = (days: number) => {
    const to = localDay(f?.now ?? Date.now());
    const from = localDay(Date.parse(`${to}T12:00:00Z`) - (days - 1) * DAY);
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('from', from);
      next.set('to', to);
      return next;
    });
  };
  const csv = (section: string) => {
    const q = new URLSearchParams(query);
    q.set('section', section);
    q.set('lang', lang);
    return (
      <p>
        <a href={`/api/dashboard.csv?${q.toString()}`} download>
          {t('dashboard.csv')}
        </a>
      </p>
    );
  };

  const totals = f
    ? f.compliance.byService.reduce((a, c) => ({ onTime: a.onTime + c.onTime, late: a.late + c.late, noDue: a.noDue + c.noDue }), {
        onTime: 0,
        late: 0,
        noDue: 0,
      })
    : null;
  const applications = f ? f.byStatus.reduce((n, r) => n + r.count, 0) : 0;
  const byService = f ? [...new Set(f.byStatus.map((r) => r.service))] : [];

  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <p className="lead">{t('dashboard.lead')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('dashboard.filters')}>
        <div className="field">
          <label htmlFor="dashboard-from">{t('dashboard.from')}</label>
          <input id="dashboard-from" type="date" value={params.get('from') ?? f?.period.from ?? ''} onChange={(e) => setParam('from', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="dashboard-to">{t('dashboard.to')}</label>
          <input id="dashboard-to" type="date" value={params.get('to') ?? f?.period.to ?? ''} onChange={(e) => setParam('to', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="dashboard-service">{t('dashboard.service')}</label>
          <select id="dashboard-service" value={params.get('service') ?? ''} onChange={(e) => setParam('service', e.target.value)}>
            <option value="">{t('dashboard.allServices')}</option>
            {services.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {pick(s.title)}
              </option>
            ))}
          </select>
        </div>
        {f && f.offices.length > 1 && (
          <div className="field">
            <label htmlFor="dashboard-office">{t('dashboard.office')}</label>
            <select id="dashboard-office" value={params.get('office') ?? ''} onChange={(e) => setParam('office', e.target.value)}>
              <option value="">{t('dashboard.allOffices')}</option>
              {f.offices.map((o) => (
                <option key={o.id} value={o.id}>
                  {pick(o.title)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <span className="label">{t('dashboard.quick')}</span>
          <div className="tabs">
            <button type="button" onClick={() => setPeriod(30)}>
              {t('dashboard.last30')}
            </button>
            <button type="button" onClick={() => setPeriod(90)}>
              {t('dashboard.last90')}
            </button>
            <button type="button" onClick={() => setPeriod(365)}>
              {t('dashboard.lastYear')}
            </button>
          </div>
        </div>
      </form>

      <ErrorMessage error={figures.error} />
      {figures.isPending && <Loading />}
      {f && totals && (
        <>
          <p className="muted" data-testid="dashboard-period">
            {t('dashboard.period', { from: f.period.from, to: f.period.to, bucket: t(`dashboard.bucket.${f.period.bucket}`) })}
            {f.offices.length === 1 && ` · ${pick(f.offices[0]!.title)}`}
          </p>
          <ul className="summary" data-testid="dashboard-summary">
            <li>
              {t('dashboard.applications')} <strong>{applications}</strong>
            </li>
            <li>
              {t('dashboard.onTimeShare', { onTime: totals.onTime, total: totals.onTime + totals.late })} <strong>{percent(shareOf(totals))}</strong>
            </li>
            <li className={totals.late > 0 ? 'bad' : undefined}>
              {t('dashboard.lateSteps')} <strong>{totals.late}</strong>
            </li>
            <li className={f.overdue.length > 0 ? 'bad' : undefined}>
              {t('dashboard.overdueNow')} <strong>{f.overdue.length}</strong>
            </li>
          </ul>

          <section aria-labelledby="status-heading">
            <h2 id="status-heading">{t('dashboard.byStatus')}</h2>
            {byService.length === 0 ? (
              <p>{t('dashboard.noData')}</p>
            ) : (
              <>
                <Legend
                  items={STATUSES.filter((s) => f.byStatus.some((r) => r.status === s)).map((s) => ({
                    key: s,
                    label: t(`status.${s}`),
                    colour: STATUS_COLOURS[s],
                  }))}
                />
                <StackedBars
                  summary={t('dashboard.byStatusSummary', { count: applications })}
                  format={(n) => number.format(n)}
                  rows={byService.map((s) => ({
                    key: s,
                    label: serviceTitle(s),
                    segments: STATUSES.flatMap((status) => {
                      const c = f.byStatus.find((r) => r.service === s && r.status === status)?.count ?? 0;
                      return c > 0 ? [{ key: status, label: t(`status.${status}`), value: c, colour: STATUS_COLOURS[status] }] : [];
                    }),
                  }))}
                />
                <ScrollRegion>
                  <table data-testid="dashboard-status">
                    <thead>
                      <tr>
                        <th scope="col">{t('dashboard.service')}</th>
                        <th scope="col">{t('inbox.status')}</th>
                        <th scope="col">{t('dashboard.count')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {f.byStatus.map((r) => (
                        <tr key={`${r.service}:${r.status}`}>
                          <td>{serviceTitle(r.service)}</td>
                          <td>{t(`status.${r.status}`)}</td>
                          <td>{r.count}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              </>
            )}
            {csv('status')}
          </section>

          <section aria-labelledby="series-heading">
            <h2 id="series-heading">{t('dashboard.series')}</h2>
            <Legend
              items={[
                { key: 'onTime', label: t('dashboard.onTime'), colour: ON_TIME },
                { key: 'late', label: t('dashboard.late'), colour: LATE },
                { key: 'submitted', label: t('dashboard.submitted'), colour: SUBMITTED, line: true },
              ]}
            />
            <ColumnsWithLine
              summary={t('dashboard.seriesSummary', {
                from: f.period.from,
                to: f.period.to,
                submitted: f.series.reduce((n, p) => n + p.submitted, 0),
                onTime: totals.onTime,
                late: totals.late,
              })}
              points={f.series.map((p) => ({ key: p.start, label: p.start.slice(5), values: { onTime: p.onTime, late: p.late, submitted: p.submitted } }))}
              columns={[
                { key: 'onTime', label: t('dashboard.onTime'), colour: ON_TIME },
                { key: 'late', label: t('dashboard.late'), colour: LATE },
              ]}
              line={{ key: 'submitted', label: t('dashboard.submitted'), colour: SUBMITTED }}
            />
            <details>
              <summary>{t('dashboard.asTable')}</summary>
              <ScrollRegion>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('dashboard.bucketStart')}</th>
                      <th scope="col">{t('dashboard.submitted')}</th>
                      <th scope="col">{t('dashboard.onTime')}</th>
                      <th scope="col">{t('dashboard.late')}</th>
                      <th scope="col">{t('dashboard.results')}</th>
                      <th scope="col">{t('dashboard.refusals')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.series.map((p) => (
                      <tr key={p.start}>
                        <td>{p.start}</td>
                        <td>{p.submitted}</td>
                        <td>{p.onTime}</td>
                        <td>{p.late}</td>
                        <td>{p.results}</td>
                        <td>{p.refusals}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </details>
            {csv('series')}
          </section>

          <section aria-labelledby="compliance-heading">
            <h2 id="compliance-heading">{t('dashboard.compliance')}</h2>
            <p className="hint">{t('dashboard.complianceHint')}</p>
            <div className="tabs" role="group" aria-label={t('dashboard.dimension')}>
              {DIMENSIONS.map((d) => (
                <button key={d} type="button" aria-pressed={dimension === d} onClick={() => setDimension(d)}>
                  {t(`dashboard.${d}`)}
                </button>
              ))}
            </div>
            {f.compliance[dimension].length === 0 ? (
              <p>{t('dashboard.noData')}</p>
            ) : (
              <ScrollRegion>
                <table data-testid="dashboard-compliance">
                  <thead>
                    <tr>
                      <th scope="col">{t(`dashboard.${dimension}`)}</th>
                      <th scope="col">{t('dashboard.onTime')}</th>
                      <th scope="col">{t('dashboard.late')}</th>
                      <th scope="col">{t('dashboard.noDue')}</th>
                      <th scope="col">{t('dashboard.share')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.compliance[dimension].map((r) => {
                      const row = r as Compliance & { service?: string; procedureId?: string; officeId?: string; userId?: string; name?: string };
                      const name =
                        dimension === 'byService'
                          ? serviceTitle(row.service!)
                          : dimension === 'byStep'
                            ? `${serviceTitle(row.service!)}: ${stepName(regulations.get(row.service!), row.procedureId)}`
                            : dimension === 'byOffice'
                              ? officeTitle(row.officeId!)
                              : row.name!;
                      return (
                        <tr key={`${row.service}:${row.procedureId}:${row.officeId}:${row.userId}`}>
                          <td>{name}</td>
                          <td>{row.onTime}</td>
                          <td className={row.late > 0 ? 'late' : undefined}>{row.late}</td>
                          <td>{row.noDue}</td>
                          <td>
                            <ShareMeter share={shareOf(row)} label={percent(shareOf(row))} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
            {csv('compliance')}
          </section>

          <section aria-labelledby="overdue-heading">
            <h2 id="overdue-heading">{t('dashboard.overdue')}</h2>
            {f.overdue.length === 0 ? (
              <p>{t('dashboard.noOverdue')}</p>
            ) : (
              <table className="responsive" data-testid="dashboard-overdue">
                <thead>
                  <tr>
                    <th scope="col">{t('inbox.case')}</th>
                    <th scope="col">{t('dashboard.service')}</th>
                    <th scope="col">{t('inbox.step')}</th>
                    <th scope="col">{t('dashboard.office')}</th>
                    <th scope="col">{t('inbox.due')}</th>
                    <th scope="col">{t('dashboard.overdueBy')}</th>
                    <th scope="col">{t('inbox.assignee')}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.overdue.map((o) => (
                    <tr key={o.caseId} className="row-overdue">
                      <td data-label={t('inbox.case')}>
                        <Link to={`/cases/${o.caseId}`}>{o.caseId}</Link>
                      </td>
                      <td data-label={t('dashboard.service')}>{serviceTitle(o.service)}</td>
                      <td data-label={t('inbox.step')}>{stepName(regulations.get(o.service), o.step)}</td>
                      <td data-label={t('dashboard.office')}>{officeTitle(o.stepOffice)}</td>
                      <td data-label={t('inbox.due')}>{formatInstant(o.stepDue, lang)}</td>
                      <td data-label={t('dashboard.overdueBy')}>
                        {o.overdueMillis >= DAY
                          ? t('dashboard.days', { value: number.format(o.overdueMillis / DAY) })
                          : t('dashboard.hours', { value: number.format(o.overdueMillis / HOUR) })}
                      </td>
                      <td data-label={t('inbox.assignee')}>{o.assignee ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {csv('overdue')}
          </section>

          <section aria-labelledby="durations-heading">
            <h2 id="durations-heading">{t('dashboard.durations')}</h2>
            <p className="hint">{t('dashboard.durationsHint')}</p>
            {f.durations.length === 0 ? (
              <p>{t('dashboard.noData')}</p>
            ) : (
              <>
                <BarsAgainstMark
                  summary={t('dashboard.durationsSummary')}
                  rows={f.durations
                    .filter((d) => d.term !== null && d.averageInTermUnits !== null)
                    .map((d) => ({
                      key: `${d.service}:${d.procedureId}`,
                      label: `${d.clause} · ${serviceTitle(d.service)}`,
                      value: d.averageInTermUnits!,
                      mark: d.term!.value,
                      text: `${number.format(d.averageInTermUnits!)} / ${t(`term.${d.term!.unit}`, { value: d.term!.value })}`,
                    }))}
                />
                <ScrollRegion>
                  <table data-testid="dashboard-durations">
                    <thead>
                      <tr>
                        <th scope="col">{t('dashboard.service')}</th>
                        <th scope="col">{t('inbox.step')}</th>
                        <th scope="col">{t('timeline.term')}</th>
                        <th scope="col">{t('dashboard.completed')}</th>
                        <th scope="col">{t('dashboard.averageReal')}</th>
                        <th scope="col">{t('dashboard.inTermUnits')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {f.durations.map((d) => {
                        const over = d.term !== null && d.averageInTermUnits !== null && d.averageInTermUnits > d.term.value;
                        return (
                          <tr key={`${d.service}:${d.procedureId}`}>
                            <td>{serviceTitle(d.service)}</td>
                            <td>{stepName(regulations.get(d.service), d.procedureId)}</td>
                            <td>{d.term ? t(`term.${d.term.unit}`, { value: d.term.value }) : t('term.none')}</td>
                            <td>{d.completed}</td>
                            <td>
                              {t(d.measure === 'working' ? 'dashboard.workingHours' : 'dashboard.hours', { value: number.format(d.averageMillis / HOUR) })}
                            </td>
                            <td className={over ? 'late' : undefined}>
                              {d.averageInTermUnits === null || d.term === null
                                ? '—'
                                : `${number.format(d.averageInTermUnits)} / ${d.term.value}${over ? ` · ${t('timeline.late')}` : ''}`}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </ScrollRegion>
              </>
            )}
            {csv('durations')}
          </section>
        </>
      )}
    </section>
  );
}
