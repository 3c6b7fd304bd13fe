import {
  AdminUnit,
  type AssignRequest,
  ChangeApplied,
  ChangeEventList,
  type ChangeEventRequest,
  ChangePreview,
  ConversionResult,
  Lineage,
  NoApproverReport,
  OfficialDetail,
  OfficialSearchResult,
  Organisation,
  ReviewList,
  type UnitLevel,
  UnitList,
  UnitOfficialList,
  UnitReadiness,
  UnitSearchResult,
  vnToday,
} from '@mot-cua/contracts';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from './client.js';

const BASE = '/api/admin-units';

/** 'YYYY-MM-DD' → 'DD/MM/YYYY' (null → '—'). */
export function formatDate(d: string | null | undefined): string {
  if (!d) return '—';
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);

export const useProvinces = (onDate: string, enabled = true) =>
  useQuery({
    queryKey: ['admin-units', 'provinces', onDate],
    queryFn: () => api(UnitList, `${BASE}/units?onDate=${onDate}`),
    enabled: enabled && isDate(onDate),
    placeholderData: keepPreviousData,
  });

export const useChildren = (code: string, onDate: string, enabled = true) =>
  useQuery({
    queryKey: ['admin-units', 'children', code, onDate],
    queryFn: () => api(UnitList, `${BASE}/units/${code}/children?onDate=${onDate}`),
    enabled: enabled && isDate(onDate),
  });

export const useUnit = (code: string | undefined, onDate: string) =>
  useQuery({
    queryKey: ['admin-units', 'unit', code, onDate],
    queryFn: () => api(AdminUnit, `${BASE}/units/${code}?onDate=${onDate}`),
    enabled: Boolean(code) && isDate(onDate),
    retry: false,
  });

export const useLineage = (code: string | undefined, onDate: string) =>
  useQuery({
    queryKey: ['admin-units', 'lineage', code, onDate],
    queryFn: () => api(Lineage, `${BASE}/units/${code}/lineage?onDate=${onDate}`),
    enabled: Boolean(code) && isDate(onDate),
    retry: false,
  });

/** Units by name; `level` and `provinceCode` narrow the search on the server (a province picker, a commune of one province). */
export const useUnitSearch = (q: string, onDate: string, opts: { level?: UnitLevel; provinceCode?: string } = {}) =>
  useQuery({
    queryKey: ['admin-units', 'search', q, onDate, opts.level ?? null, opts.provinceCode ?? null],
    queryFn: () =>
      api(
        UnitSearchResult,
        `${BASE}/search?q=${encodeURIComponent(q)}&onDate=${onDate}&limit=10${opts.level ? `&level=${opts.level}` : ''}${
          opts.provinceCode ? `&provinceCode=${encodeURIComponent(opts.provinceCode)}` : ''
        }`,
      ),
    enabled: q.trim().length > 0 && isDate(onDate),
    placeholderData: keepPreviousData,
  });

export const useConvert = () =>
  useMutation({
    mutationFn: (body: { address?: string; oldCode?: string; onDate?: string }) =>
      api(ConversionResult, `${BASE}/convert`, { method: 'POST', body }),
  });

// ---- change events and reviews (system administrators) ----

export const usePreviewEvent = () =>
  useMutation({
    mutationFn: (body: ChangeEventRequest) => api(ChangePreview, `${BASE}/events/preview`, { method: 'POST', body }),
  });

export function useApplyEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeEventRequest) => api(ChangeApplied, `${BASE}/events`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-units'] }),
  });
}

export const useEvents = () =>
  useQuery({ queryKey: ['admin-units', 'events'], queryFn: () => api(ChangeEventList, `${BASE}/events`) });

export const useReviews = (status: 'open' | 'resolved', offset: number, limit: number) =>
  useQuery({
    queryKey: ['admin-units', 'reviews', status, offset, limit],
    queryFn: () => api(ReviewList, `${BASE}/reviews?status=${status}&limit=${limit}&offset=${offset}`),
    placeholderData: keepPreviousData,
    retry: false,
  });

export function useResolveReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { id: number; unitCode: string }) =>
      send(`${BASE}/reviews/${p.id}/resolve`, { method: 'POST', body: { unitCode: p.unitCode } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-units', 'reviews'] }),
  });
}

// ---- organisation ----

export const useOrganisation = (code: string, onDate: string) =>
  useQuery({
    queryKey: ['admin-units', 'organisation', code, onDate],
    queryFn: () => api(Organisation, `${BASE}/units/${code}/organisation?onDate=${onDate}`),
    enabled: isDate(onDate),
    retry: false,
  });

/** A write of the organisation page: refreshes the organisation, officials and readiness afterwards. */
export function useOrgWrite<T>(fn: (body: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['admin-units', 'organisation'] }),
        qc.invalidateQueries({ queryKey: ['admin-units', 'officials'] }),
        qc.invalidateQueries({ queryKey: ['admin-units', 'readiness'] }),
      ]),
  });
}

export const orgApi = {
  createDefault: (code: string) => api(Organisation, `${BASE}/units/${code}/organisation/default`, { method: 'POST' }),
  addDepartment: (code: string, body: { kind: string; name: string }) =>
    send(`${BASE}/units/${code}/departments`, { method: 'POST', body }),
  renameDepartment: (id: string, name: string) =>
    send(`${BASE}/departments/${id}`, { method: 'PATCH', body: { name } }),
  endDepartment: (id: string, lastDay: string) =>
    send(`${BASE}/departments/${id}/end`, { method: 'POST', body: { lastDay } }),
  addCenter: (code: string, body: { name: string; isMain: boolean; address: string | null }) =>
    send(`${BASE}/units/${code}/service-centers`, { method: 'POST', body }),
  addCounter: (centerId: string, body: { number: number; name: string; fields: string[] }) =>
    send(`${BASE}/service-centers/${centerId}/counters`, { method: 'POST', body }),
  patchCounter: (id: string, body: { isActive?: boolean; name?: string; fields?: string[] }) =>
    send(`${BASE}/counters/${id}`, { method: 'PATCH', body }),
  assign: (userId: string, body: AssignRequest) =>
    api(OfficialDetail, `${BASE}/officials/${userId}/assignments`, { method: 'POST', body }),
  profile: (
    userId: string,
    body: { certificateSerial: string | null; certificateValidTo: string | null; trainedFields: string[] },
  ) => api(OfficialDetail, `${BASE}/officials/${userId}/profile`, { method: 'PUT', body }),
};

export const useUnitOfficials = (code: string, onDate: string) =>
  useQuery({
    queryKey: ['admin-units', 'officials', code, onDate],
    queryFn: () => api(UnitOfficialList, `${BASE}/units/${code}/officials?onDate=${onDate}`),
    enabled: isDate(onDate),
    retry: false,
  });

export const useUnitReadiness = (code: string, onDate: string) =>
  useQuery({
    queryKey: ['admin-units', 'readiness', code, onDate],
    queryFn: () => api(UnitReadiness, `${BASE}/units/${code}/readiness?onDate=${onDate}`),
    enabled: isDate(onDate),
    retry: false,
  });

export const useOfficialSearch = (q: string) =>
  useQuery({
    queryKey: ['admin-units', 'official-search', q],
    queryFn: () => api(OfficialSearchResult, `${BASE}/officials?q=${encodeURIComponent(q)}&limit=10`),
    enabled: q.trim().length >= 2,
    retry: false,
  });

export const useNoApprover = (p: { onDate: string; provinceCode: string | null; offset: number; limit: number }) =>
  useQuery({
    queryKey: ['admin-units', 'no-approver', p],
    queryFn: () => {
      const qs = new URLSearchParams({ onDate: p.onDate, limit: String(p.limit), offset: String(p.offset) });
      if (p.provinceCode) qs.set('provinceCode', p.provinceCode);
      return api(NoApproverReport, `${BASE}/readiness/no-online-approver?${qs}`);
    },
    enabled: isDate(p.onDate),
    retry: false,
    placeholderData: keepPreviousData,
  });

/**
 * Names of a few units (today), one cached query per code: `nameOf(code)` gives the full name, or the code
 * itself until it is known (or for a code that is not a unit, such as a province scope "VN").
 */
export function useUnitNames(codes: ReadonlyArray<string | null | undefined>) {
  const unique = [...new Set(codes.filter((c): c is string => !!c && /^[0-9]{2,5}$/.test(c)))];
  const onDate = vnToday();
  const results = useQueries({
    queries: unique.map((code) => ({
      queryKey: ['admin-units', 'unit', code, onDate],
      queryFn: () => api(AdminUnit, `${BASE}/units/${code}?onDate=${onDate}`),
      retry: false,
      staleTime: 3_600_000,
    })),
  });
  const names = new Map<string, string>();
  results.forEach((r, i) => {
    if (r.data) names.set(unique[i]!, r.data.fullName);
  });
  return (code: string | null | undefined): string => (code ? (names.get(code) ?? code) : '');
}
