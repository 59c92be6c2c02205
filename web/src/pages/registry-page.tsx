import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/api-client.js';
import type { RegistryEntry } from '../api/api-types.js';
import { useServices } from '../api/queries.js';
import { ErrorMessage, Loading } from '../components/error-message.js';
import { formatInstant } from '../format/kazakhstan-time.js';
import { useLang } from '../i18n/use-lang.js';
import { queryKeys } from '../api/query-keys.js';

/** Public registry search by number, IIN/BIN or holder name (the query lives in the address, so a search can be shared). */
export function RegistryPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [params, setParams] = useSearchParams();
  const text = params.get('text') ?? '';
  const [draft, setDraft] = useState(text);
  const services = useServices();
  const search = useQuery({
    queryKey: queryKeys.registry(text),
    queryFn: () => api<{ entries: RegistryEntry[] }>(`/api/registry?text=${encodeURIComponent(text)}`),
    enabled: text.trim().length > 0,
  });
  const serviceTitle = (id: string) => pick(services.data?.find((s) => s.id === id)?.title) || id;

  return (
    <section>
      <h1>{t('registry.title')}</h1>
      <p className="lead">{t('registry.lead')}</p>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(draft.trim() ? { text: draft.trim() } : {});
        }}
      >
        <div className="field inline">
          <label htmlFor="registry-text">{t('registry.query')}</label>
          <input id="registry-text" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
          <button type="submit" className="primary">
            {t('registry.search')}
          </button>
        </div>
      </form>
      {search.isFetching && <Loading />}
      <ErrorMessage error={search.error} />
      {search.data &&
        (search.data.entries.length === 0 ? (
          <p role="status">{t('registry.none')}</p>
        ) : (
          <table className="responsive" data-testid="registry-results">
            <thead>
              <tr>
                <th scope="col">{t('registry.number')}</th>
                <th scope="col">{t('registry.service')}</th>
                <th scope="col">{t('registry.holder')}</th>
                <th scope="col">{t('registry.issued')}</th>
              </tr>
            </thead>
            <tbody>
              {search.data.entries.map((e) => (
                <tr key={e.number}>
                  <td data-label={t('registry.number')}>
                    <Link to={`/verify/${encodeURIComponent(e.number)}`}>{e.number}</Link>
                  </td>
                  <td data-label={t('registry.service')}>{serviceTitle(e.service)}</td>
                  <td data-label={t('registry.holder')}>
                    {e.holderName ?? '—'} {e.holderIdentifier ? `(${e.holderIdentifier})` : ''}
                  </td>
                  <td data-label={t('registry.issued')}>{formatInstant(e.issuedAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
