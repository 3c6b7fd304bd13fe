import {
  BulkEnableResult,
  ComponentConditions,
  InternalProcess,
  type InternalProcessStep,
  ProcedureDetail,
  type ProcedureDuration,
  ProcedureFacets,
  ProcedureList,
  type PutComponentConditionsRequest,
  UnitProcedureConfig,
  UnitProcedureConfigList,
  WhereToGo,
} from '@mot-cua/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api, send } from './client.js';

export type ProcedureListParams = {
  q?: string;
  level?: string;
  field?: string;
  agency?: string;
  unit?: string;
  enabledOnly?: boolean;
  limit: number;
  offset: number;
};

export function useProcedureList(p: ProcedureListParams) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== '' && v !== false) qs.set(k, String(v));
  return useQuery({
    queryKey: ['procedures', 'list', qs.toString()],
    queryFn: () => api(ProcedureList, `/api/procedures?${qs}`),
    placeholderData: keepPreviousData,
  });
}

export const useProcedureFacets = () =>
  useQuery({
    queryKey: ['procedures', 'facets'],
    queryFn: () => api(ProcedureFacets, '/api/procedures/facets'),
    staleTime: 300_000,
  });

export const useProcedure = (code: string) =>
  useQuery({
    queryKey: ['procedures', 'detail', code],
    queryFn: () => api(ProcedureDetail, `/api/procedures/${encodeURIComponent(code)}`),
    retry: false,
  });

export const useUnitConfigs = (unitCode: string | undefined) =>
  useQuery({
    queryKey: ['procedures', 'configs', unitCode],
    queryFn: () => api(UnitProcedureConfigList, `/api/procedures/units/${unitCode}/configs`),
    enabled: Boolean(unitCode),
  });

export function usePutConfig(unitCode: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { code: string; enabled: boolean; localFeeVnd: number | null; localFeeNote: string | null }) =>
      api(UnitProcedureConfig, `/api/procedures/units/${unitCode}/procedures/${b.code}/config`, {
        method: 'PUT',
        body: { enabled: b.enabled, localFeeVnd: b.localFeeVnd, localFeeNote: b.localFeeNote },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['procedures'] }),
  });
}

export function useBulkEnable(unitCode: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { procedureCodes: string[]; enabled: boolean }) =>
      api(BulkEnableResult, `/api/procedures/units/${unitCode}/enable`, { method: 'POST', body: b }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['procedures'] }),
  });
}

const processUrl = (unitCode: string, code: string) =>
  `/api/procedures/units/${unitCode}/procedures/${encodeURIComponent(code)}/internal-process`;

export const useInternalProcess = (unitCode: string, code: string) =>
  useQuery({
    queryKey: ['procedures', 'process', unitCode, code],
    queryFn: () => api(InternalProcess, processUrl(unitCode, code)),
  });

export function useSaveInternalProcess(unitCode: string, code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (steps: InternalProcessStep[] | null): Promise<InternalProcess | null> => {
      if (steps) return api(InternalProcess, processUrl(unitCode, code), { method: 'PUT', body: { steps } });
      await send(processUrl(unitCode, code), { method: 'DELETE' });
      return null;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['procedures', 'process', unitCode, code] }),
  });
}

/** "7 ngày làm việc" / "7 working days". */
export function formatDuration(t: TFunction, d: ProcedureDuration | null): string {
  if (!d) return t('procedures.noTimeLimit');
  return t(`procedures.units.${d.unit}`, { value: d.value.toLocaleString('vi-VN') });
}

export const formatVnd = (n: number, currency: string | null = 'VND') =>
  currency === 'USD' ? `${n.toLocaleString('en-US')} USD` : `${n.toLocaleString('vi-VN')} đ`;

const conditionsUrl = (unitCode: string, code: string) =>
  `/api/procedures/units/${unitCode}/procedures/${encodeURIComponent(code)}/component-conditions`;

/** When each component must be handed in, in a unit: parsed from the catalog, set by an administrator, applied. */
export const useComponentConditions = (unitCode: string, code: string) =>
  useQuery({
    queryKey: ['procedures', 'conditions', unitCode, code],
    queryFn: () => api(ComponentConditions, conditionsUrl(unitCode, code)),
  });

export function useSaveComponentConditions(unitCode: string, code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PutComponentConditionsRequest) =>
      api(ComponentConditions, conditionsUrl(unitCode, code), { method: 'PUT', body }),
    onSuccess: (data) => qc.setQueryData(['procedures', 'conditions', unitCode, code], data),
  });
}

/** Where a citizen of a unit submits a procedure (GET /api/procedures/:code/where-to-go). */
export const useWhereToGo = (code: string, unit: string | null) =>
  useQuery({
    queryKey: ['procedures', 'where', code, unit],
    queryFn: () => api(WhereToGo, `/api/procedures/${encodeURIComponent(code)}/where-to-go?unit=${unit}`),
    enabled: !!unit,
    retry: false,
  });

/** A map of the place: OpenStreetMap at the center's position when recorded, else its search for the address, else its name and unit. */
export function mapUrl(place: {
  centerName: string | null;
  address: string | null;
  unitName: string;
  position?: { latitude: number; longitude: number } | null;
}): string {
  if (place.position) {
    const { latitude: lat, longitude: lon } = place.position;
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  }
  const query = place.address ?? [place.centerName, place.unitName].filter(Boolean).join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}
