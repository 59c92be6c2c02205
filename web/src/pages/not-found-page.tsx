import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** A path the application does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
