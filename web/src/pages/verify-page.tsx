import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';
import type { RegistryVerification } from '../api/api-types.js';
import { useRegulation } from '../api/queries.js';
import { ErrorMessage, Loading } from '../components/error-message.js';
import { formatInstant } from '../format/kazakhstan-time.js';
import { useLang } from '../i18n/use-lang.js';
import { queryKeys } from '../api/query-keys.js';

/** The QR code's target: whether a result document with this number is genuine, from the registry and its case file. */
export function VerifyPage() {
  const { number } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const verification = useQuery({
    queryKey: queryKeys.verify(number),
    queryFn: () => api<RegistryVerification>(`/api/registry/${encodeURIComponent(number!)}`),
  });
  const regulation = useRegulation(verification.data?.entry.service);
  if (verification.isPending) return <Loading />;
  if (verification.error instanceof ApiError && verification.error.status === 404) {
    return (
      <section>
        <h1>{t('verify.title', { number })}</h1>
        <p className="verdict verdict-invalid" role="alert" data-testid="verdict">
          {t('verify.notFound')}
        </p>
      </section>
    );
  }
  if (!verification.data) return <ErrorMessage error={verification.error} />;
  const { entry, derived, verified, signature, signers = [], document, problems = [] } = verification.data;
  const r = regulation.data;
  // A signed result is shown as its signed document says it, never as the registry row (which is only an index).
  const shown = document
    ? {
        number: document.number,
        kind: document.kind,
        service: pick(document.service.title),
        holderName: document.holder.name,
        holderIdentifier: document.holder.identifier,
        issuedAt: Date.parse(document.issuedAt),
        baseNumber: document.baseNumber,
        provider: pick(document.provider.organisation),
      }
    : {
        number: entry.number,
        kind: entry.kind,
        service: r ? pick(r.title) : entry.service,
        holderName: entry.holderName,
        holderIdentifier: entry.holderIdentifier,
        issuedAt: entry.issuedAt,
        baseNumber: entry.baseNumber,
        provider: undefined,
      };
  const kind = pick(r?.results.find((x) => x.kind === shown.kind)?.title) || shown.kind;

  return (
    <section>
      <h1>{t('verify.title', { number: shown.number })}</h1>
      <p className={`verdict ${verified ? 'verdict-valid' : 'verdict-invalid'}`} role="status" data-testid="verdict">
        {t(verified ? 'verify.valid' : 'verify.invalid')}
      </p>
      {problems.length > 0 && (
        <section aria-labelledby="problems-heading">
          <h2 id="problems-heading">{t('verify.problems')}</h2>
          <ul className="plain" data-testid="problems">
            {problems.map((p) => (
              <li key={p.en} className="message-error">
                ✗ {pick(p)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <dl className="facts">
        <dt>{t('verify.kind')}</dt>
        <dd>{kind}</dd>
        <dt>{t('verify.service')}</dt>
        <dd>{shown.service}</dd>
        <dt>{t('verify.holder')}</dt>
        <dd>
          {shown.holderName ?? '—'} {shown.holderIdentifier ? `(${shown.holderIdentifier})` : ''}
        </dd>
        <dt>{t('verify.issued')}</dt>
        <dd>{Number.isNaN(shown.issuedAt) ? '—' : formatInstant(shown.issuedAt, lang)}</dd>
        {shown.provider && (
          <>
            <dt>{t('verify.provider')}</dt>
            <dd>{shown.provider}</dd>
          </>
        )}
        {shown.baseNumber && (
          <>
            <dt>{t('verify.base')}</dt>
            <dd>
              <Link to={`/verify/${encodeURIComponent(shown.baseNumber)}`}>{shown.baseNumber}</Link>
            </dd>
          </>
        )}
        {signers.length > 0 && (
          <>
            <dt>{t('verify.signedBy')}</dt>
            <dd>
              <ul className="plain" data-testid="signers">
                {signers.map((s, i) => (
                  <li key={i} className={s.valid ? 'ok' : 'message-error'}>
                    {s.valid ? '✓' : '✗'} {s.acting ? `${t('verify.acting')} ` : ''}
                    {pick(s.position)} — {s.name ?? '—'}
                    {s.signedAt ? ` · ${formatInstant(s.signedAt, lang)}${s.timeStamped ? ` (${t('verify.timeStamped')})` : ''}` : ''}
                    {s.revokedLater ? ` · ${t('verify.revokedLater', { date: formatInstant(s.revokedLater, lang) })}` : ''}
                    {s.issuer && (
                      <span className="muted">
                        {' · '}
                        {t('verify.issuer')}: {s.issuer}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('verify.signature')}</dt>
        <dd data-testid="signature">
          {signature ? (
            <>
              {t(signature.valid ? 'verify.signatureValid' : 'verify.signatureInvalid')}
              {/* An organisation's seal names the organisation; people who signed are listed above. */}
              {signers.length === 0 && signature.signer?.commonName ? ` — ${signature.signer.commonName}` : ''}
              {signers.length === 0 && signature.signer?.organization && signature.signer.organization !== signature.signer.commonName
                ? `, ${signature.signer.organization}`
                : ''}
              {signers.length === 0 && signature.signedAt ? ` · ${formatInstant(signature.signedAt, lang)}` : ''}
              <ul className="plain">
                {signature.checks.map((c, i) => (
                  <li key={i} className={c.ok ? 'ok' : 'message-error'}>
                    {c.ok ? '✓' : '✗'} {t(`verify.check.${c.name}`, { defaultValue: c.name })}
                    {c.reason ? ` — ${pick(c.reason)}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            t('verify.unsigned')
          )}
        </dd>
      </dl>
      {derived.length > 0 && (
        <section aria-labelledby="derived-heading">
          <h2 id="derived-heading">{t('verify.derived')}</h2>
          <ul>
            {derived.map((d) => (
              <li key={d.number}>
                <Link to={`/verify/${encodeURIComponent(d.number)}`}>{d.number}</Link> · {formatInstant(d.issuedAt, lang)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="muted">{t('verify.how')}</p>
    </section>
  );
}
