import { Dashboard, type DashboardQuery, Drilldown, DrilldownDossiers } from '@mot-cua/contracts';
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

/** The drill-down below a commune (GET /api/supervision/drilldown): per department and official. */
export function useDrilldown(p: { code: string; from?: string | undefined; to?: string | undefined }) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) qs.set(k, String(v));
  return useQuery({
    queryKey: ['supervision', 'drilldown', qs.toString()],
    queryFn: () => api(Drilldown, `/api/supervision/drilldown?${qs}`),
    enabled: Boolean(p.code),
    retry: false,
  });
}

/**
 * The dossiers of one row of the drill-down (a department, an official), optionally of one figure; `after`: the
 * previous page's `next` (keyset), with `total` the first page's (the server does not count the row again).
 */
export function useDrilldownDossiers(
  p: Partial<Record<'code' | 'from' | 'to' | 'department' | 'official' | 'bucket' | 'after' | 'total', string>>,
) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== '') qs.set(k, String(v));
  qs.set('limit', '20');
  return useQuery({
    queryKey: ['supervision', 'drilldown-dossiers', qs.toString()],
    queryFn: () => api(DrilldownDossiers, `/api/supervision/drilldown/dossiers?${qs}`),
    enabled: Boolean(p.code && (p.department || p.official)),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
