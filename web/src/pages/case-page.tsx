import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { caseQuery, useRegulation } from '../api/queries.js';
import { useMe } from '../api/use-me.js';
import { CaseActions } from '../components/case-actions.js';
import { CaseHistory } from '../components/case-history.js';
import { CaseTimeline } from '../components/case-timeline.js';
import { DocumentsChecklist } from '../components/documents-checklist.js';
import { DueBadge } from '../components/due-badge.js';
import { ResultDocuments } from '../components/result-documents.js';
import { ErrorMessage, InfoMessage, Loading } from '../components/error-message.js';
import { useStepName } from '../components/regulation-texts.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatInstant } from '../format/kazakhstan-time.js';
import { useLang } from '../i18n/use-lang.js';

/** One case: where it stands, its documents, planned and actual timeline, history, and what the viewer may do. */
export function CasePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const location = useLocation();
  const me = useMe();
  const view = useQuery(caseQuery(id!));
  const regulation = useRegulation(view.data?.case.service);
  const stepName = useStepName();
  // Kept here: the action panel is rebuilt for each new step, the message of what was just done stays.
  const [done, setDone] = useState<string | null>(null);
  if (view.isPending) return <Loading />;
  if (!view.data) return <ErrorMessage error={view.error} />;
  const { case: c } = view.data;
  const r = regulation.data;
  const resultTitle = c.result ? pick(r?.results.find((x) => x.kind === c.result!.kind)?.title) || c.result.kind : '';
  // The statement and signature the applicant submitted on the portal, kept in the history as evidence.
  const signed = view.data.history.some((h) => h.event.type === 'submitted' && h.event.signed !== undefined);
  const justSubmitted = (location.state as { submitted?: boolean } | null)?.submitted;

  return (
    <article>
      {justSubmitted && <InfoMessage>{t('case.submitted', { id: c.id })}</InfoMessage>}
      <h1>
        {t('case.title', { id: c.id })} <StatusBadge status={c.status} />
      </h1>
      <p className="lead">{pick(view.data.serviceTitle)}</p>
      <dl className="facts">
        <dt>{t('case.applicant')}</dt>
        <dd>{c.applicant ? `${c.applicant.name} (${c.applicant.identifier})` : '—'}</dd>
        <dt>{t('case.channel')}</dt>
        <dd>{t(`channel.${c.channel}`)}</dd>
        {c.channel === 'portal' && (
          <>
            <dt>{t('case.signature')}</dt>
            <dd data-testid="case-signature">{signed ? t('case.signedByApplicant') : t('case.notSigned')}</dd>
          </>
        )}
        <dt>{t('case.receipt')}</dt>
        <dd>{formatInstant(c.receipt, lang)}</dd>
        <dt>{t('case.now')}</dt>
        <dd data-testid="case-now">{c.step ? stepName(r, c.step.procedureId) : t('case.closed')}</dd>
        {c.step && (
          <>
            <dt>{t('case.stepDue')}</dt>
            <dd>
              <DueBadge due={c.step.due} now={Date.now()} />
            </dd>
          </>
        )}
        <dt>{t('case.overallDue')}</dt>
        <dd>{formatInstant(c.overallDue, lang)}</dd>
        {c.assignee && (
          <>
            <dt>{t('case.assignee')}</dt>
            <dd>{c.assignee}</dd>
          </>
        )}
      </dl>

      {c.status === 'suspended' && c.suspension && (
        <section className="panel notice" aria-labelledby="notice-heading">
          <h2 id="notice-heading">{t('case.noticeTitle')}</h2>
          <p>{c.suspension.reason}</p>
          <p className="muted">{formatInstant(c.suspension.at, lang)}</p>
        </section>
      )}

      {c.result && (
        <section className="panel" aria-labelledby="result-heading">
          <h2 id="result-heading">{t('case.result')}</h2>
          <p data-testid="case-result">
            {resultTitle} № {c.result.number}
          </p>
          <ResultDocuments view={view.data} />
          {c.result.positive && (
            <p>
              <Link to={`/verify/${encodeURIComponent(c.result.number)}`}>{t('case.verifyResult')}</Link>
            </p>
          )}
        </section>
      )}

      {done && <InfoMessage>{done}</InfoMessage>}
      {me.data && r && <CaseActions key={c.version} view={view.data} regulation={r} me={me.data} onDone={setDone} />}

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('case.documents')}</h2>
        {view.data.attachments.length === 0 ? (
          <p>{t('case.noDocuments')}</p>
        ) : (
          <ul>
            {view.data.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/attachments/${encodeURIComponent(a.id)}`} download={a.fileName}>
                  {a.fileName}
                </a>{' '}
                <span className="muted">({Math.max(1, Math.round(a.size / 1024))} KB)</span>
              </li>
            ))}
          </ul>
        )}
        {me.data?.user.kind === 'staff' && r && <DocumentsChecklist view={view.data} regulation={r} />}
        <p>
          <a href={`/api/cases/${encodeURIComponent(c.id)}/receipt?lang=${lang}`} target="_blank" rel="noopener">
            {t('case.receiptLink')}
          </a>
        </p>
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('case.timeline')}</h2>
        <CaseTimeline view={view.data} regulation={r} />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('case.history')}</h2>
        <CaseHistory view={view.data} />
      </section>
    </article>
  );
}
