import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { api } from '../api/api-client.js';
import { capabilitiesOf, useMe } from '../api/use-me.js';
import { LanguageSwitch } from './language-switch.js';

/** The frame of every page: skip link, header with navigation, language and session, then the page. */
export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const can = capabilitiesOf(me.data);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => api('/api/auth/logout', { method: 'POST', body: {} }),
    onSettled: () => {
      queryClient.clear();
      navigate('/');
    },
  });

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.catalogue')}
              </NavLink>
            </li>
            {can.applicant && (
              <li>
                <NavLink to="/cabinet">{t('nav.cabinet')}</NavLink>
              </li>
            )}
            {can.staff && (
              <li>
                <NavLink to="/office">{t('nav.inbox')}</NavLink>
              </li>
            )}
            {can.dashboard && (
              <li>
                <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink>
              </li>
            )}
            {can.counter && (
              <li>
                <NavLink to="/counter">{t('nav.counter')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/registry">{t('nav.registry')}</NavLink>
            </li>
          </ul>
        </nav>
        <div className="session">
          <LanguageSwitch />
          {me.data ? (
            <>
              <span className="who" data-testid="signed-in-as">
                {me.data.user.name}
              </span>
              <button type="button" className="link-button" onClick={() => signOut.mutate()}>
                {t('auth.signOut')}
              </button>
            </>
          ) : (
            <Link to="/sign-in">{t('auth.signIn')}</Link>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
