import { useQuery } from '@tanstack/react-query';
import { api } from './api-client.js';
import { ApiError } from './api-error.js';
import type { Me } from './api-types.js';

/** The signed-in person (null when nobody is signed in). */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api<Me>('/api/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

/** Roles that lead an office: they see the whole department and its dashboard. */
export const HEAD_ROLE = /head|leadership|chair/;

/** Roles that see an office's dashboard (src/app/dashboard-figures.ts says the same for the API). */
export const DASHBOARD_ROLE = /head|leadership|chair|supervisor|auditor/;

/** What the person may open, from the posts they hold. */
export function capabilitiesOf(me: Me | null | undefined) {
  const posts = me?.posts ?? [];
  return {
    applicant: me?.user.kind === 'applicant',
    staff: me?.user.kind === 'staff',
    head: posts.some((p) => HEAD_ROLE.test(p.role)),
    dashboard: posts.some((p) => DASHBOARD_ROLE.test(p.role)),
    counter: posts.some((p) => p.role === 'sc-operator' || p.role === 'centre-worker'),
  };
}
