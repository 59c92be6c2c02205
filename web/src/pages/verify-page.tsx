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

/** The QR code's target: whether a result document with this number is genuine, from the registry and its case file. */
export function VerifyPage() {
  const { number } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const verification = useQuery({ queryKey: ['verify', number], queryFn: () => api<RegistryVerification>(`/api/registry/${encodeURIComponent(number!)}`) });
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
  const { entry, derived, verified, signature } = verification.data;
  const r = regulation.data;
  const kind = pick(r?.results.find((x) => x.kind === entry.kind)?.title) || entry.kind;

  return (
    <section>
      <h1>{t('verify.title', { number: entry.number })}</h1>
      <p className={`verdict ${verified ? 'verdict-valid' : 'verdict-invalid'}`} role="status" data-testid="verdict">
        {t(verified ? 'verify.valid' : 'verify.invalid')}
      </p>
      <dl className="facts">
        <dt>{t('verify.kind')}</dt>
        <dd>{kind}</dd>
        <dt>{t('verify.service')}</dt>
        <dd>{r ? pick(r.title) : entry.service}</dd>
        <dt>{t('verify.holder')}</dt>
        <dd>
          {entry.holderName ?? '—'} {entry.holderIdentifier ? `(${entry.holderIdentifier})` : ''}
        </dd>
        <dt>{t('verify.issued')}</dt>
        <dd>{formatInstant(entry.issuedAt, lang)}</dd>
        {entry.baseNumber && (
          <>
            <dt>{t('verify.base')}</dt>
            <dd>
              <Link to={`/verify/${encodeURIComponent(entry.baseNumber)}`}>{entry.baseNumber}</Link>
            </dd>
          </>
        )}
        <dt>{t('verify.signature')}</dt>
        <dd data-testid="signature">
          {signature ? (
            <>
              {t(signature.valid ? 'verify.signatureValid' : 'verify.signatureInvalid')}
              {signature.signer?.commonName ? ` — ${signature.signer.commonName}` : ''}
              {signature.signer?.organization && signature.signer.organization !== signature.signer.commonName ? `, ${signature.signer.organization}` : ''}
              {signature.signedAt ? ` · ${formatInstant(signature.signedAt, lang)}` : ''}
              <ul className="plain">
                {signature.checks.map((c) => (
                  <li key={c.name} className={c.ok ? 'ok' : 'message-error'}>
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
