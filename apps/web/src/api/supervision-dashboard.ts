import { Dashboard, type DashboardQuery } from '@mot-cua/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.js';

/** A supervision dashboard (GET /api/supervision/dashboard): nation, province or commune over a period. */
export function useDashboard(p: Partial<DashboardQuery>) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) qs.set(k, String(v));
  return useQuery({
    queryKey: ['supervision', 'dashboard', qs.toString()],
    queryFn: () => api(Dashboard, `/api/supervision/dashboard?${qs}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
