import { useQuery } from '@tanstack/react-query';
import { api } from './api-client.js';
import { ApiError } from './api-error.js';
import type { Me } from './api-types.js';
import { queryKeys } from './query-keys.js';

/** The signed-in person (null when nobody is signed in). */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
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

/** What the person may open: the server reads it from the kinds of their posts' roles (src/app/leading-posts.ts). */
export function capabilitiesOf(me: Me | null | undefined) {
  return {
    applicant: me?.user.kind === 'applicant',
    staff: me?.user.kind === 'staff',
    head: me?.can?.leads ?? false,
    dashboard: me?.can?.oversees ?? false,
    counter: me?.can?.counter ?? false,
  };
}
