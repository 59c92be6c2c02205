import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api/api-client.js';
import type { Me } from '../api/api-types.js';
import { signWithDemoKey, signWithNcaLayer, useSignatureMode, type NcaLayerStorage } from '../api/signature.js';
import { KeyStorePicker } from '../components/key-store-picker.js';
import { ErrorMessage } from '../components/error-message.js';
import { capabilitiesOf } from '../api/use-me.js';
import { queryKeys } from '../api/query-keys.js';

/** Demo applicants (src/catalogue/directory/demo-users.yaml) offered when demo keys stand in for NCALayer; any other login may be typed. */
const DEMO_APPLICANTS = ['doctor.askar', 'doctor.aigul', 'doctor.nursultan', 'clinic.shipager', 'research.centre', 'importer.biotransplant'];

/** Where each kind of person starts after signing in. */
function homeOf(me: Me): string {
  if (me.user.kind === 'applicant') return '/cabinet';
  if (capabilitiesOf(me).counter) return '/counter';
  return '/office';
}

/** Sign in with login and password. */
export function SignInPage() {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const enter = async () => {
    // The person as /api/me describes them, with what their posts open.
    const me = await queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: () => api<Me>('/api/me') });
    const next = params.get('next');
    // Only a path of this site: never an address elsewhere.
    navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeOf(me));
  };
  const signIn = useMutation({ mutationFn: () => api<Me>('/api/auth/login', { body: { login, password } }), onSuccess: enter });
  const mode = useSignatureMode();
  const [storage, setStorage] = useState<NcaLayerStorage>('PKCS12');
  const [demoLogin, setDemoLogin] = useState(DEMO_APPLICANTS[0]!);
  // The server's one-time challenge, signed with the person's authentication key, proves who they are.
  const signInWithSignature = useMutation({
    mutationFn: async () => {
      const { challenge } = await api<{ challenge: string; expiresAt: number }>('/api/auth/challenge', { method: 'POST', body: {} });
      const cms = mode.data?.demo
        ? await signWithDemoKey(challenge, 'authentication', demoLogin.trim())
        : await signWithNcaLayer(challenge, 'authentication', storage, mode.data?.ncalayerUrl);
      return api<Me>('/api/auth/signature', { body: { cms } });
    },
    onSuccess: enter,
  });

  return (
    <section className="narrow">
      <h1>{t('auth.title')}</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const incomplete = !login.trim() || !password;
          setMissing(incomplete);
          if (!incomplete) signIn.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="login">{t('auth.login')}</label>
          <input
            id="login"
            name="login"
            autoComplete="username"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            aria-invalid={missing && !login.trim()}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('auth.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={missing && !password}
          />
        </div>
        {missing && (
          <p className="message message-error" role="alert">
            {t('auth.fillBoth')}
          </p>
        )}
        <ErrorMessage error={signIn.error} />
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {t('auth.submit')}
        </button>
      </form>

      <section className="panel" aria-labelledby="signature-heading">
        <h2 id="signature-heading">{t('auth.withSignature')}</h2>
        {mode.data?.demo ? (
          <>
            <p className="notice" data-testid="demo-key-notice">
              {t('auth.demoKeyNotice')}
            </p>
            <div className="field">
              <label htmlFor="demo-login">{t('auth.demoLogin')}</label>
              <input id="demo-login" list="demo-applicants" value={demoLogin} onChange={(e) => setDemoLogin(e.target.value)} autoComplete="off" />
              <datalist id="demo-applicants">
                {DEMO_APPLICANTS.map((l) => (
                  <option key={l} value={l} />
                ))}
              </datalist>
            </div>
          </>
        ) : (
          <KeyStorePicker demo={false} storage={storage} onChange={setStorage} id="signin-storage" />
        )}
        {signInWithSignature.isPending && (
          <p role="status" aria-live="polite">
            {t('sign.working')}
          </p>
        )}
        <ErrorMessage error={signInWithSignature.error} />
        <button
          type="button"
          className="primary"
          disabled={signInWithSignature.isPending || (mode.data?.demo === true && !demoLogin.trim())}
          onClick={() => signInWithSignature.mutate()}
        >
          {t(mode.data?.demo ? 'auth.signWithDemoKey' : 'auth.signWithNcaLayer')}
        </button>
      </section>
    </section>
  );
}
