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

/** Moves focus to the page on navigation so a screen reader starts at the new content. */
function FocusOnNavigate() {
  const location = useLocation();
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname]);
  return null;
}

/** Keeps the document title in the user's language. */
function DocumentTitle() {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = t('app.name');
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
          <Route path="sign-in" element={<SignInPage />} />
          <Route path="services/:id" element={<ServicePage />} />
          <Route path="services/:id/apply" element={signed(<ApplyPage />)} />
          <Route path="cabinet" element={signed(<CabinetPage />)} />
          <Route path="cases/:id" element={signed(<CasePage />)} />
          <Route path="office" element={signed(<InboxPage />)} />
          <Route path="counter" element={signed(<CounterPage />)} />
          <Route path="dashboard" element={signed(<DashboardPage />)} />
          <Route path="registry" element={<RegistryPage />} />
          <Route path="verify/:number" element={<VerifyPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
