import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/api-client.js';
import type { Regulation, Timeline } from '../api/api-types.js';
import { useRegulation } from '../api/queries.js';
import { capabilitiesOf, useMe } from '../api/use-me.js';
import { ErrorMessage, Loading } from '../components/error-message.js';
import { HandbookViewer } from '../components/handbook-viewer.js';
import { SourceNote, TermText, useRoleTitle } from '../components/regulation-texts.js';
import { formatInstant } from '../format/kazakhstan-time.js';
import { useLang } from '../i18n/use-lang.js';
import { ScrollRegion } from '../components/scroll-region.js';
import { queryKeys } from '../api/query-keys.js';

/** One service: what it gives, on which channels, its documents and fee as the definition knows them, and its procedure. */
export function ServicePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { pick } = useLang();
  const regulation = useRegulation(id);
  const me = useMe();
  const can = capabilitiesOf(me.data);
  const [chosenVariant, setHandbookVariant] = useState<string>('');
  if (regulation.isPending) return <Loading />;
  if (!regulation.data) return <ErrorMessage error={regulation.error} />;
  const r = regulation.data;
  const handbookVariant = chosenVariant || (r.variants[0]?.id ?? '');

  return (
    <article>
      <h1>{pick(r.title)}</h1>
      {r.repeal && <p className="notice">{pick(r.repeal.notice)}</p>}
      <dl className="facts">
        <dt>{t('service.provider')}</dt>
        <dd>{pick(r.provider.title)}</dd>
        <dt>{t('service.basis')}</dt>
        <dd>{t('service.basisText', { number: r.legalBasis.approvingAct.number, date: r.legalBasis.approvingAct.date, annex: r.legalBasis.annex })}</dd>
        <dt>{t('service.channels')}</dt>
        <dd>{r.channels.map((c) => t(`channel.${c}`)).join(', ')}</dd>
        <dt>{t('service.applicants')}</dt>
        <dd>{r.applicants.map((a) => t(`applicantKind.${a}`)).join(', ')}</dd>
        {r.variants.length > 0 && (
          <>
            <dt>{t('service.variants')}</dt>
            <dd>{r.variants.map((v) => pick(v.title)).join('; ')}</dd>
          </>
        )}
        <dt>{t('service.results')}</dt>
        <dd>{r.results.map((x) => pick(x.title)).join('; ')}</dd>
        <dt>{t('service.term')}</dt>
        <dd>
          <TotalTerms regulation={r} />
        </dd>
        <dt>{t('service.fee')}</dt>
        <dd>{r.fee.text ? pick(r.fee.text) : <SourceNote source={r.fee.source} />}</dd>
      </dl>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('service.documents')}</h2>
        {r.documents.items.length > 0 ? (
          <ul>
            {r.documents.items.map((d) => (
              <li key={d.id}>
                {pick(d.text)} <SourceNote source={d.source} />
              </li>
            ))}
          </ul>
        ) : null}
        {r.documents.status !== 'known' && (
          <p className="unknown">
            {t(r.documents.status === 'unknown' ? 'service.documentsUnknown' : 'service.documentsPartly')} <SourceNote source={r.documents.source} />
          </p>
        )}
      </section>

      <PlannedNow regulation={r} />

      <section aria-labelledby="procedure-heading">
        <h2 id="procedure-heading">{t('service.procedure')}</h2>
        <ProcedureTable regulation={r} />
      </section>

      <section aria-labelledby="handbook-heading">
        <h2 id="handbook-heading">{t('service.handbook')}</h2>
        <p className="hint">{t('handbook.lead')}</p>
        {r.variants.length > 0 && (
          <div className="field">
            <label htmlFor="handbook-variant">{t('handbook.variant')}</label>
            <select id="handbook-variant" value={handbookVariant} onChange={(e) => setHandbookVariant(e.target.value)}>
              {r.variants.map((v) => (
                <option key={v.id} value={v.id}>
                  {pick(v.title)}
                </option>
              ))}
            </select>
          </div>
        )}
        <HandbookViewer serviceId={r.id} variant={handbookVariant || undefined} title={pick(r.title)} />
      </section>

      <p className="actions">
        {r.channels.includes('portal') ? (
          can.staff ? (
            <span className="muted">{t('service.staffCannotApply')}</span>
          ) : (
            <Link className="button primary" to={`/services/${r.id}/apply`}>
              {t('service.apply')}
            </Link>
          )
        ) : (
          <span className="notice">{t('service.notOnPortal')}</span>
        )}
      </p>
    </article>
  );
}

function TotalTerms({ regulation }: { regulation: Regulation }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  if (regulation.totalTerms.length === 0) return <span className="unknown">{t('source.unknown')}</span>;
  return (
    <ul className="plain">
      {regulation.totalTerms.map((tt, i) => (
        <li key={i}>
          {tt.variants ? `${tt.variants.map((v) => pick(regulation.variants.find((x) => x.id === v)?.title) || v).join(', ')}: ` : ''}
          {tt.channels ? `${tt.channels.map((c) => t(`channel.${c}`)).join(', ')}: ` : ''}
          {tt.term ? <TermText term={tt.term} /> : <SourceNote source={tt.source} />}
        </li>
      ))}
    </ul>
  );
}

/** The planned timeline of an application lodged now on the first channel: each step's due. */
function PlannedNow({ regulation }: { regulation: Regulation }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const roleTitle = useRoleTitle();
  const channel = regulation.channels.includes('portal') ? 'portal' : regulation.channels[0]!;
  const plan = useQuery({
    queryKey: queryKeys.plan(regulation.id, channel),
    queryFn: () => api<Timeline>(`/api/services/${regulation.id}/timeline?channel=${channel}`),
  });
  if (!plan.data) return <ErrorMessage error={plan.error} />;
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('service.planNow', { channel: t(`channel.${channel}`) })}</h2>
      <ScrollRegion>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('timeline.clause')}</th>
              <th scope="col">{t('timeline.actor')}</th>
              <th scope="col">{t('timeline.term')}</th>
              <th scope="col">{t('timeline.due')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.data.steps.map((s) => (
              <tr key={s.id}>
                <td>{s.clause}</td>
                <td>{roleTitle(regulation, s.actor)}</td>
                <td>
                  <TermText term={s.term} />
                </td>
                <td>{formatInstant(s.due, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p>
        {t('service.planDue')}: <strong>{plan.data.due === null ? t('service.planDueUnknown') : formatInstant(plan.data.due, lang)}</strong>
      </p>
    </section>
  );
}

/** The procedures of п. 5 in order: clause, actor, what is done, term. */
export function ProcedureTable({ regulation }: { regulation: Regulation }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const roleTitle = useRoleTitle();
  return (
    <ScrollRegion>
      <table className="procedure-table">
        <thead>
          <tr>
            <th scope="col">{t('timeline.clause')}</th>
            <th scope="col">{t('timeline.actor')}</th>
            <th scope="col">{t('service.action')}</th>
            <th scope="col">{t('timeline.term')}</th>
          </tr>
        </thead>
        <tbody>
          {regulation.procedures.map((p) => (
            <tr key={p.id}>
              <td>{p.clause}</td>
              <td>{roleTitle(regulation, p.actor)}</td>
              <td>{pick(p.action)}</td>
              <td>
                <TermText term={p.term} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
