import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/api-client.js';
import type { Cabinet, CaseSummary } from '../api/api-types.js';
import { useCaseViews, useRegulations, useServices } from '../api/queries.js';
import { DueBadge } from '../components/due-badge.js';
import { ResultDocuments } from '../components/result-documents.js';
import { ErrorMessage, Loading } from '../components/error-message.js';
import { useStepName } from '../components/regulation-texts.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatInstant } from '../format/kazakhstan-time.js';
import { useLang } from '../i18n/use-lang.js';
import { queryKeys } from '../api/query-keys.js';

/** How many of the newest cases the cabinet opens in full (for notices and results). */
const DETAILED = 30;

/** The applicant's cabinet: applications with status and where each stands, notices, results, and registry entries. */
export function CabinetPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const cabinet = useQuery({ queryKey: queryKeys.cabinet, queryFn: () => api<Cabinet>('/api/cabinet') });
  const services = useServices();
  const cases = cabinet.data?.cases ?? [];
  const regulations = useRegulations(cases.map((c) => c.service));
  const views = useCaseViews(cases.slice(0, DETAILED).map((c) => c.id));
  const stepName = useStepName();
  const title = (service: string) => pick(services.data?.find((s) => s.id === service)?.title) || service;
  if (cabinet.isPending) return <Loading />;
  if (!cabinet.data) return <ErrorMessage error={cabinet.error} />;

  const detailed = [...views.values()];
  const notices = detailed.filter((v) => v.case.status === 'suspended' && v.case.suspension);
  const results = detailed.filter((v) => v.case.result);
  const now = Date.now();

  return (
    <section>
      <h1>{t('cabinet.title')}</h1>
      <p>
        <Link to="/">{t('cabinet.apply')}</Link>
      </p>

      <section aria-labelledby="notices-heading">
        <h2 id="notices-heading">{t('cabinet.notices')}</h2>
        {notices.length === 0 ? (
          <p>{t('cabinet.noNotices')}</p>
        ) : (
          <ul>
            {notices.map((v) => (
              <li key={v.case.id} className="notice">
                <Link to={`/cases/${v.case.id}`}>{title(v.case.service)}</Link>: {v.case.suspension!.reason} ({formatInstant(v.case.suspension!.at, lang)})
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">{t('cabinet.applications')}</h2>
        {cases.length === 0 ? (
          <p>{t('cabinet.noCases')}</p>
        ) : (
          <table className="responsive" data-testid="cabinet-cases">
            <thead>
              <tr>
                <th scope="col">{t('cabinet.number')}</th>
                <th scope="col">{t('cabinet.service')}</th>
                <th scope="col">{t('cabinet.status')}</th>
                <th scope="col">{t('cabinet.step')}</th>
                <th scope="col">{t('cabinet.stepDue')}</th>
                <th scope="col">{t('cabinet.overallDue')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('cabinet.number')}>
                    <Link to={`/cases/${c.id}`}>{c.id}</Link>
                  </td>
                  <td data-label={t('cabinet.service')}>{title(c.service)}</td>
                  <td data-label={t('cabinet.status')}>
                    <StatusBadge status={c.status} />
                  </td>
                  <td data-label={t('cabinet.step')}>{c.step ? stepName(regulations.get(c.service), c.step) : '—'}</td>
                  <td data-label={t('cabinet.stepDue')}>{c.step ? <DueBadge due={c.stepDue} now={now} /> : '—'}</td>
                  <td data-label={t('cabinet.overallDue')}>{formatInstant(c.overallDue, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{t('cabinet.results')}</h2>
        {results.length === 0 ? (
          <p>{t('cabinet.noResults')}</p>
        ) : (
          <ul>
            {results.map((v) => {
              const result = v.case.result!;
              const kind = pick(regulations.get(v.case.service)?.results.find((r) => r.kind === result.kind)?.title) || result.kind;
              return (
                <li key={v.case.id}>
                  <Link to={`/cases/${v.case.id}`}>
                    {kind} № {result.number}
                  </Link>{' '}
                  — {title(v.case.service)}
                  {result.positive && (
                    <>
                      {' · '}
                      <Link to={`/verify/${encodeURIComponent(result.number)}`}>{t('cabinet.registryEntry')}</Link>
                    </>
                  )}
                  <ResultDocuments view={v} />
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="registry-heading">
        <h2 id="registry-heading">{t('cabinet.myEntries')}</h2>
        {results.filter((v) => v.case.result!.positive).length === 0 ? (
          <p>{t('cabinet.noEntries')}</p>
        ) : (
          <ul data-testid="my-entries">
            {results
              .filter((v) => v.case.result!.positive)
              .map((v) => (
                <li key={v.case.result!.number}>
                  <Link to={`/verify/${encodeURIComponent(v.case.result!.number)}`}>{v.case.result!.number}</Link> — {title(v.case.service)}
                </li>
              ))}
          </ul>
        )}
      </section>
    </section>
  );
}
