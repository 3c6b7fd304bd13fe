import {
  DelegatedTaskImportResult,
  DelegatedTaskList,
  type DossierIndicatorId,
  MonthlyReportGenerated,
  MonthlyReportList,
  ServiceIndex,
  ServiceIndexDossierList,
  ServiceIndexFeedbackList,
  ServiceIndexTrend,
  Workload,
} from '@mot-cua/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';

const BASE = '/api/supervision';

export type SupervisionFilter = { provinceCode?: string; unitCode?: string; from?: string; to?: string };

/** The query string of a filter, empty values left out (plus extra parameters). */
export function supervisionQuery(f: SupervisionFilter, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The Decision 766 index of the chosen area and period. */
export const useServiceIndex = (f: SupervisionFilter) =>
  useQuery({
    queryKey: ['supervision', 'service-index', f],
    queryFn: () => api(ServiceIndex, `${BASE}/service-index${supervisionQuery(f)}`),
    placeholderData: keepPreviousData,
  });

/** The dossiers behind one figure of the index (opened on demand). */
export const useServiceIndexDossiers = (
  f: SupervisionFilter,
  pick: { indicator: DossierIndicatorId; part: 'numerator' | 'denominator' } | null,
  offset: number,
) =>
  useQuery({
    queryKey: ['supervision', 'service-index', 'dossiers', f, pick, offset],
    queryFn: () =>
      api(
        ServiceIndexDossierList,
        `${BASE}/service-index/dossiers${supervisionQuery(f, {
          indicator: pick?.indicator ?? '',
          part: pick?.part ?? '',
          offset: String(offset),
          limit: '20',
        })}`,
      ),
    enabled: pick !== null,
  });

/** The feedback items behind a figure of 5.2 or 5.3 (a page of 20). */
export const useServiceIndexFeedback = (
  f: SupervisionFilter,
  pick: { indicator: '5.2' | '5.3'; part: 'numerator' | 'denominator' },
  offset: number,
) =>
  useQuery({
    queryKey: ['supervision', 'service-index', 'feedback', f, pick, offset],
    queryFn: () =>
      api(
        ServiceIndexFeedbackList,
        `${BASE}/service-index/feedback${supervisionQuery(f, { ...pick, offset: String(offset), limit: '20' })}`,
      ),
  });

/** Monthly snapshots of the index per province. */
export const useServiceIndexTrend = (provinceCode?: string) =>
  useQuery({
    queryKey: ['supervision', 'service-index', 'trend', provinceCode ?? ''],
    queryFn: () =>
      api(ServiceIndexTrend, `${BASE}/service-index/trend${supervisionQuery({ provinceCode: provinceCode ?? '' })}`),
  });

/** Where a table's file is downloaded (the browser sends the session cookie). */
export const exportUrl = (path: string, f: SupervisionFilter, format: 'xlsx' | 'pdf') =>
  `${BASE}${path}${supervisionQuery(f, { format })}`;

/** Workload and staffing of the chosen area and period. */
export const useWorkload = (f: SupervisionFilter) =>
  useQuery({
    queryKey: ['supervision', 'workload', f],
    queryFn: () => api(Workload, `${BASE}/workload${supervisionQuery(f)}`),
    placeholderData: keepPreviousData,
  });

/** The delegated-task register (a page of it) with its counts per feasibility and field. */
export const useDelegatedTasks = (q: { field?: string; feasibility?: string; offset: number }) =>
  useQuery({
    queryKey: ['supervision', 'delegated-tasks', q],
    queryFn: () =>
      api(
        DelegatedTaskList,
        `${BASE}/delegated-tasks${supervisionQuery({}, { field: q.field ?? '', feasibility: q.feasibility ?? '', offset: String(q.offset), limit: '50' })}`,
      ),
    placeholderData: keepPreviousData,
  });

/** Import a sheet (the .xlsx file as the body, with the session's CSRF token). */
export const useImportDelegatedTasks = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api(DelegatedTaskImportResult, `${BASE}/delegated-tasks/import?fileName=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        rawBody: file,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['supervision', 'delegated-tasks'] }),
  });
};

/** The monthly reports (one per province and month recorded) of the provinces the caller may read. */
export const useMonthlyReports = () =>
  useQuery({
    queryKey: ['supervision', 'reports', 'monthly'],
    queryFn: () => api(MonthlyReportList, `${BASE}/reports/monthly`),
    // While a file is being generated (here or by the scheduled job), its state is polled.
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.file?.status === 'running') ? 3_000 : false),
  });

/** Generate a province's monthly report (administrators; once per month), then refresh the list. */
export const useGenerateMonthlyReport = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: { provinceCode: string; month: string }) =>
      api(MonthlyReportGenerated, `${BASE}/reports/monthly/${encodeURIComponent(r.provinceCode)}/${r.month}/generate`, {
        method: 'POST',
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['supervision', 'reports', 'monthly'] }),
  });
};

/** Where a monthly report's file is downloaded. */
export const monthlyReportUrl = (provinceCode: string, month: string, format: 'xlsx' | 'pdf') =>
  `${BASE}/reports/monthly/${encodeURIComponent(provinceCode)}/${month}?format=${format}`;
