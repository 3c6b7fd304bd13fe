import {
  AssigneeCandidates,
  ChecklistPreview,
  type ChecklistPreviewRequest,
  CSRF_HEADER,
  DossierDetail,
  DossierList,
  DossierStats,
  type DossierStatsQuery,
  Problem,
  PublicDossierView,
  type ReceiveDossierRequest,
  type StatsBucket,
  vnParts,
} from '@mot-cua/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client.js';

export type DossierView = 'open' | 'waiting' | 'mine' | 'unassigned' | 'due_soon' | 'overdue' | 'all';

export function useDossierList(p: { view: DossierView; q?: string; unitCode?: string; limit: number; offset: number }) {
  const qs = new URLSearchParams({ view: p.view, limit: String(p.limit), offset: String(p.offset) });
  if (p.q) qs.set('q', p.q);
  if (p.unitCode) qs.set('unitCode', p.unitCode);
  return useQuery({
    queryKey: ['dossiers', 'list', qs.toString()],
    queryFn: () => api(DossierList, `/api/dossiers?${qs}`),
    placeholderData: keepPreviousData,
  });
}

/** Aggregates of the viewer's area (GET /api/dossiers/stats); empty filters are left out. */
export function useDossierStats(p: Partial<DossierStatsQuery>) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) qs.set(k, String(v));
  return useQuery({
    queryKey: ['dossiers', 'stats', qs.toString()],
    queryFn: () => api(DossierStats, `/api/dossiers/stats?${qs}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The dossiers behind one figure of the aggregate (GET /api/dossiers/stats/dossiers): as many as the figure says. */
export function useStatsDossiers(
  p: Partial<DossierStatsQuery>,
  pick: { bucket: StatsBucket; code: string | null } | null,
) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) qs.set(k, String(v));
  if (pick) {
    qs.set('bucket', pick.bucket);
    if (pick.code) qs.set('code', pick.code);
  }
  qs.set('limit', '200');
  return useQuery({
    queryKey: ['dossiers', 'stats-list', qs.toString()],
    queryFn: () => api(DossierList, `/api/dossiers/stats/dossiers?${qs}`),
    enabled: pick !== null,
    retry: false,
  });
}

export const useDossier = (id: string) =>
  useQuery({
    queryKey: ['dossiers', 'detail', id],
    queryFn: () => api(DossierDetail, `/api/dossiers/${id}`),
    retry: false,
  });

/**
 * The counter's checklist and the server's verdict on the rows ticked so far (POST /api/dossiers/checklist):
 * the page shows what the server decides and never computes completeness itself.
 */
export const useChecklistPreview = (body: ChecklistPreviewRequest | null) =>
  useQuery({
    queryKey: ['dossiers', 'checklist', body],
    queryFn: () => api(ChecklistPreview, '/api/dossiers/checklist', { method: 'POST', body: body! }),
    enabled: !!body && body.procedureCode.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });

export function useReceiveDossier() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReceiveDossierRequest) => api(DossierDetail, '/api/dossiers', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dossiers', 'list'] }),
  });
}

/** POST /api/dossiers/:id/<path> with a JSON body; refreshes the detail and lists. */
export function useDossierAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { path: string; body?: unknown }) =>
      api(DossierDetail, `/api/dossiers/${id}/${a.path}`, { method: 'POST', body: a.body ?? {} }),
    onSuccess: (d) => {
      qc.setQueryData(['dossiers', 'detail', id], d);
      void qc.invalidateQueries({ queryKey: ['dossiers', 'list'] });
      // The action's message to the applicant (written with it) shows at once, not at the next 10 s poll.
      void qc.invalidateQueries({ queryKey: ['notifications', id] });
    },
  });
}

/** A multipart post of the dossier's files (the JSON client does not send FormData): the dossier as it is after. */
async function postDossierForm(path: string, form: FormData, csrfToken: string): Promise<DossierDetail> {
  const res = await fetch(path, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { [CSRF_HEADER]: csrfToken },
  });
  const data = await res.json();
  if (!res.ok) throw new ApiError(Problem.parse(data));
  return DossierDetail.parse(data);
}

/** Multipart upload of result files (the JSON client does not send FormData). */
export async function uploadResult(
  id: string,
  files: File[],
  csrfToken: string,
  note?: string,
): Promise<DossierDetail> {
  const form = new FormData();
  if (note) form.append('note', note);
  for (const f of files) form.append('file', f, f.name);
  return postDossierForm(`/api/dossiers/${id}/result`, form, csrfToken);
}

/**
 * Scanned or photographed pages of one component (POST /:id/attachments): the server joins images into one PDF.
 * Goes through the attachments use case like any other upload.
 */
export async function uploadComponentScans(
  id: string,
  componentKey: string,
  files: File[],
  csrfToken: string,
): Promise<DossierDetail> {
  const form = new FormData();
  form.append('componentKey', componentKey);
  for (const f of files) form.append('file', f, f.name);
  return postDossierForm(`/api/dossiers/${id}/attachments`, form, csrfToken);
}

export const slipUrl = (id: string, kind: string) => `/api/dossiers/${id}/slips/${kind}`;
export const publicSlipUrl = (kind: string, code: string, secondFactor: string) =>
  `/api/dossiers/public/slips/${kind}?${new URLSearchParams({ code, secondFactor })}`;

export const lookupDossier = (code: string, secondFactor: string) =>
  api(PublicDossierView, `/api/dossiers/public/lookup?${new URLSearchParams({ code, secondFactor })}`);

export const rateDossier = (body: { code: string; secondFactor: string; level: number }) =>
  api(PublicDossierView, '/api/dossiers/public/rate', { method: 'POST', body });

/** "09:00 05/03/2026" in Vietnam time, whatever the browser's zone. */
export function vnDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const v = vnParts(new Date(iso));
  return `${v.hour}:${v.minute} ${v.day}/${v.month}/${v.year}`;
}

/**
 * The progress badge's key: a dossier whose procedure has a time limit but whose clock has not started (a
 * supplement requested at intake, not yet received) is "clock not started", not "no time limit".
 */
export function progressLabel(d: Pick<DossierDetail, 'progress' | 'duration'>): string {
  return d.progress === 'no_deadline' && d.duration.unit !== 'none' && d.duration.value > 0
    ? 'not_started'
    : d.progress;
}

export const statusColor: Record<string, string> = {
  new: 'blue',
  supplement_requested: 'orange',
  received: 'cyan',
  processing: 'indigo',
  awaiting_payment: 'yellow',
  result_ready: 'teal',
  returned: 'green',
  refused: 'red',
  withdrawn: 'gray',
  stopped: 'gray',
};

/** Officials who may take the current step, with their open assignments (for the "assign" action). */
export const useAssigneeCandidates = (id: string, step: number | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['dossiers', 'candidates', id, step],
    queryFn: () => api(AssigneeCandidates, `/api/dossiers/${id}/candidates`),
    enabled,
    retry: false,
  });
