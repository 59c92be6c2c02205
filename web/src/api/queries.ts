import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from './api-client.js';
import type { CaseView, Regulation, ServiceLine, ServiceOffices } from './api-types.js';
import { queryKeys } from './query-keys.js';

/** The catalogue, one line per service. */
export const useServices = () => useQuery({ queryKey: queryKeys.services, queryFn: () => api<ServiceLine[]>('/api/services'), staleTime: Infinity });

/** One regulation as data. */
export const useRegulation = (id: string | undefined) =>
  useQuery({
    queryKey: queryKeys.regulation(id),
    queryFn: () => api<Regulation>(`/api/services/${encodeURIComponent(id!)}`),
    enabled: id !== undefined,
    staleTime: Infinity,
  });

/** Several regulations at once (a cabinet or an inbox with cases of several services), by id. */
export function useRegulations(ids: readonly string[]): ReadonlyMap<string, Regulation> {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: queryKeys.regulation(id),
      queryFn: () => api<Regulation>(`/api/services/${encodeURIComponent(id)}`),
      staleTime: Infinity,
    })),
  });
  const map = new Map<string, Regulation>();
  results.forEach((r, i) => {
    if (r.data) map.set(unique[i]!, r.data);
  });
  return map;
}

/** The offices that provide a service, and the public service centres. */
export const useServiceOffices = (id: string | undefined) =>
  useQuery({
    queryKey: queryKeys.offices(id),
    queryFn: () => api<ServiceOffices>(`/api/services/${encodeURIComponent(id!)}/offices`),
    enabled: id !== undefined,
    staleTime: Infinity,
  });

/** Query of one case as its applicant or staff see it. */
export const caseQuery = (id: string) => ({ queryKey: queryKeys.case(id), queryFn: () => api<CaseView>(`/api/cases/${encodeURIComponent(id)}`) });

/** Several case views at once. */
export function useCaseViews(ids: readonly string[]): ReadonlyMap<string, CaseView> {
  const results = useQueries({ queries: ids.map((id) => caseQuery(id)) });
  const map = new Map<string, CaseView>();
  results.forEach((r, i) => {
    if (r.data) map.set(ids[i]!, r.data);
  });
  return map;
}
