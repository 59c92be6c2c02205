import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation } from 'react-router-dom';
import { Layout } from './components/layout.js';
import { RequireSignIn } from './components/require-sign-in.js';
import { ApplyPage } from './pages/apply-page.js';
import { CabinetPage } from './pages/cabinet-page.js';
import { CasePage } from './pages/case-page.js';
import { CataloguePage } from './pages/catalogue-page.js';
import { CounterPage } from './pages/counter-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { InboxPage } from './pages/inbox-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { RegistryPage } from './pages/registry-page.js';
import { ServicePage } from './pages/service-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { VerifyPage } from './pages/verify-page.js';
import { WEB_PAGES } from '../../src/core/web/web-pages.js';

/** Moves focus to the page on navigation so a screen reader starts at the new content. */
function FocusOnNavigate() {
  const location = useLocation();
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname]);
  return null;
}

/**
 * Names each page in the browser's tab, history and a screen reader's announcement (WCAG 2.4.2):
 * the page's own heading and the product's name (the whole name in the user's language without one). The heading is read
 * as rendered, so a page whose data arrives later is renamed when its heading does.
 */
function DocumentTitle() {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    const main = document.getElementById('main');
    const update = () => {
      const h1 = main?.querySelector('h1');
      // A page whose heading alone would not tell it from another page gives its title in data-title.
      const heading = (h1?.getAttribute('data-title') ?? h1?.textContent)?.replace(/\s+/g, ' ').trim();
      const title = heading ? `${heading} — reglament` : t('app.name');
      if (document.title !== title) document.title = title;
    };
    update();
    if (!main) return;
    const observer = new MutationObserver(update);
    observer.observe(main, { subtree: true, childList: true, characterData: true, attributeFilter: ['data-title'] });
    return () => observer.disconnect();
  }, [t, i18n.language]);
  return null;
}

/** The routes of the web application. */
export function App() {
  const signed = (page: React.ReactNode) => <RequireSignIn>{page}</RequireSignIn>;
  return (
    <>
      <FocusOnNavigate />
      <DocumentTitle />
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<CataloguePage />} />
          <Route path={WEB_PAGES.signIn} element={<SignInPage />} />
          <Route path={WEB_PAGES.service} element={<ServicePage />} />
          <Route path={WEB_PAGES.apply} element={signed(<ApplyPage />)} />
          <Route path={WEB_PAGES.cabinet} element={signed(<CabinetPage />)} />
          <Route path={WEB_PAGES.case} element={signed(<CasePage />)} />
          <Route path={WEB_PAGES.office} element={signed(<InboxPage />)} />
          <Route path={WEB_PAGES.counter} element={signed(<CounterPage />)} />
          <Route path={WEB_PAGES.dashboard} element={signed(<DashboardPage />)} />
          <Route path={WEB_PAGES.registry} element={<RegistryPage />} />
          <Route path={WEB_PAGES.verify} element={<VerifyPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
