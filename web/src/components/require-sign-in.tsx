import { Navigate, useLocation } from 'react-router-dom';
import { useMe } from '../api/use-me.js';
import { Loading } from './error-message.js';

/** Sends a visitor to sign in first, then back to the page they wanted. */
export function RequireSignIn({ children }: { children: React.ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}
