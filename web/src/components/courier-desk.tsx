import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/api-client.js';
import type { CourierManifest, ManifestList, ReadyForCourier } from '../api/api-types.js';
import { useMe } from '../api/use-me.js';
import { formatInstant } from '../format/kazakhstan-time.js';
import { useLang } from '../i18n/use-lang.js';
import { ErrorMessage, InfoMessage } from './error-message.js';
import { queryKeys } from '../api/query-keys.js';

/** One destination's waiting cases: the person ticks the packages, names the courier, hands them over under one manifest. */
function Destination({
  destination,
  title,
  onSent,
}: {
  destination: ReadyForCourier['destinations'][number];
  title: string;
  onSent: (m: CourierManifest) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [left, setLeft] = useState<readonly string[]>([]);
  const [courier, setCourier] = useState('');
  const [missingCourier, setMissingCourier] = useState(false);
  const chosen = destination.cases.map((c) => c.id).filter((id) => !left.includes(id));
  const send = useMutation({
    mutationFn: () => api<CourierManifest>('/api/manifests', { body: { cases: chosen, courier: courier.trim() } }),
    onSuccess: (manifest) => {
      setCourier('');
      onSent(manifest);
      void queryClient.invalidateQueries({ queryKey: queryKeys.manifests });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
    },
  });
  const fieldId = `courier-${destination.toOffice}`;
  return (
    <form
      className="panel"
      noValidate
      aria-label={t('courier.to', { office: title })}
      onSubmit={(e) => {
        e.preventDefault();
        setMissingCourier(!courier.trim());
        if (courier.trim() && chosen.length > 0) send.mutate();
      }}
    >
      <h3>{t('courier.to', { office: title })}</h3>
      <fieldset>
        <legend>{t('courier.packages', { count: destination.cases.length })}</legend>
        {destination.cases.map((c) => (
          <label key={c.id} className="choice">
            <input
              type="checkbox"
              checked={!left.includes(c.id)}
              onChange={(e) => setLeft((l) => (e.target.checked ? l.filter((x) => x !== c.id) : [...l, c.id]))}
            />
            <Link to={`/cases/${c.id}`}>{c.id}</Link> · {c.service}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={fieldId}>{t('courier.courier')}</label>
        <input
          id={fieldId}
          value={courier}
          maxLength={200}
          onChange={(e) => setCourier(e.target.value)}
          aria-invalid={missingCourier}
          aria-describedby={missingCourier ? `${fieldId}-error` : undefined}
        />
        {missingCourier && (
          <p className="message-error" id={`${fieldId}-error`}>
            {t('courier.needCourier')}
          </p>
        )}
      </div>
      <ErrorMessage error={send.error} />
      <button type="submit" className="primary" disabled={send.isPending || chosen.length === 0}>
        {t('courier.send', { count: chosen.length })}
      </button>
    </form>
  );
}

/**
 * The courier desk: packages waiting to go to another office, handed to a courier under a manifest,
 * and the manifests sent from or to the person's offices, where the receiving office confirms receipt.
 * Shown only when there is something to send or a manifest to see.
 */
export function CourierDesk() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const me = useMe();
  const queryClient = useQueryClient();
  // Kept here: once handed over, the destination's form leaves the page with its packages.
  const [sent, setSent] = useState<CourierManifest | null>(null);
  const ready = useQuery({ queryKey: queryKeys.manifestsReady, queryFn: () => api<ReadyForCourier>('/api/manifests/ready') });
  const list = useQuery({ queryKey: queryKeys.manifestList, queryFn: () => api<ManifestList>('/api/manifests') });
  const receive = useMutation({
    mutationFn: (id: string) => api<CourierManifest>(`/api/manifests/${encodeURIComponent(id)}/receipt`, { method: 'POST', body: {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.manifests });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
    },
  });
  const myOffices = new Set((me.data?.posts ?? []).map((p) => p.officeId));
  const destinations = ready.data?.destinations ?? [];
  const manifests = list.data?.manifests ?? [];
  if (destinations.length === 0 && manifests.length === 0 && !sent) return null;
  const officeTitle = (id: string) => pick(ready.data?.offices[id] ?? list.data?.offices[id]) || id;
  return (
    <section aria-labelledby="courier-heading">
      <h2 id="courier-heading">{t('courier.title')}</h2>
      {destinations.map((d) => (
        <Destination key={d.toOffice} destination={d} title={officeTitle(d.toOffice)} onSent={setSent} />
      ))}
      {sent && <InfoMessage>{t('courier.sent', { number: sent.number, count: sent.cases.length })}</InfoMessage>}
      {manifests.length > 0 && (
        <table className="responsive">
          <caption>{t('courier.manifests')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('courier.number')}</th>
              <th scope="col">{t('courier.route')}</th>
              <th scope="col">{t('courier.courier')}</th>
              <th scope="col">{t('courier.dispatched')}</th>
              <th scope="col">{t('courier.received')}</th>
            </tr>
          </thead>
          <tbody>
            {manifests.map((m) => {
              const pending = m.cases.filter((c) => c.receivedAt === null).length;
              return (
                <tr key={m.id}>
                  <td data-label={t('courier.number')}>
                    {m.number}{' '}
                    <a href={`/api/manifests/${encodeURIComponent(m.id)}/pdf?lang=${lang}`} target="_blank" rel="noreferrer">
                      {t('courier.print')}
                    </a>
                  </td>
                  <td data-label={t('courier.route')}>
                    {officeTitle(m.fromOffice)} → {officeTitle(m.toOffice)}
                  </td>
                  <td data-label={t('courier.courier')}>{m.courier}</td>
                  <td data-label={t('courier.dispatched')}>{formatInstant(m.dispatchedAt, lang)}</td>
                  <td data-label={t('courier.received')}>
                    {t('courier.receivedCount', { received: m.cases.length - pending, count: m.cases.length })}
                    {pending > 0 && myOffices.has(m.toOffice) && (
                      <>
                        {' '}
                        <button type="button" disabled={receive.isPending} onClick={() => receive.mutate(m.id)}>
                          {t('courier.confirm', { number: m.number })}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ErrorMessage error={receive.error ?? ready.error ?? list.error} />
    </section>
  );
}
