import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useServices } from '../api/queries.js';
import { ErrorMessage, Loading } from '../components/error-message.js';
import { useLang } from '../i18n/use-lang.js';

/** The service catalogue: every service with its provider, channels and variants, searchable by title. */
export function CataloguePage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const services = useServices();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = (services.data ?? []).filter((s) => !needle || pick(s.title).toLowerCase().includes(needle) || pick(s.provider).toLowerCase().includes(needle));

  return (
    <section>
      <h1>{t('catalogue.title')}</h1>
      <p className="lead">{t('catalogue.lead')}</p>
      <div className="field">
        <label htmlFor="catalogue-filter">{t('catalogue.filter')}</label>
        <input id="catalogue-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {services.isPending && <Loading />}
      <ErrorMessage error={services.error} />
      <ul className="cards" aria-label={t('catalogue.title')}>
        {shown.map((s) => (
          <li key={s.id} className="card">
            <h2>
              <Link to={`/services/${s.id}`}>{pick(s.title)}</Link>
            </h2>
            <p className="muted">{pick(s.provider)}</p>
            <p>
              {t('service.channels')}: {s.channels.map((c) => t(`channel.${c}`)).join(', ')}
            </p>
            {s.variants.length > 0 && (
              <p>
                {t('service.variants')}: {s.variants.map((v) => pick(v.title)).join('; ')}
              </p>
            )}
            {s.repeal && <p className="notice">{pick(s.repeal)}</p>}
          </li>
        ))}
      </ul>
      {services.data && shown.length === 0 && <p>{t('catalogue.none')}</p>}
    </section>
  );
}
