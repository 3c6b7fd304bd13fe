import {
  type CalendarDuration,
  type CalendarScopeQuery,
  CalendarSettingsView,
  CalendarYearResponse,
  type DueDateRequest,
  DueDateResponse,
  type PutYearScheduleRequest,
  vnParts,
  YearScheduleView,
} from '@mot-cua/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api, send } from './client.js';

export function scopeQuery(scope: CalendarScopeQuery): string {
  const qs = new URLSearchParams();
  if (scope.provinceCode) qs.set('provinceCode', scope.provinceCode);
  if (scope.unitCode) qs.set('unitCode', scope.unitCode);
  const s = qs.toString();
  return s ? `?${s}` : '';
}

export const useCalendarYear = (year: number, scope: CalendarScopeQuery) =>
  useQuery({
    queryKey: ['calendar', 'year', year, scope.provinceCode ?? '', scope.unitCode ?? ''],
    queryFn: () => api(CalendarYearResponse, `/api/calendar/years/${year}${scopeQuery(scope)}`),
    retry: false,
  });

export const useYearSchedule = (year: number, scope: CalendarScopeQuery) =>
  useQuery({
    queryKey: ['calendar', 'schedule', year, scope.provinceCode ?? '', scope.unitCode ?? ''],
    queryFn: () => api(YearScheduleView, `/api/calendar/schedules/${year}${scopeQuery(scope)}`),
    retry: false,
  });

export function useSaveSchedule(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PutYearScheduleRequest) =>
      api(YearScheduleView, `/api/calendar/schedules/${year}`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function useDeleteSchedule(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: CalendarScopeQuery & { expectedVersion: number }) => {
      const q = scopeQuery(p);
      const sep = q ? '&' : '?';
      return send(`/api/calendar/schedules/${year}${q}${sep}expectedVersion=${p.expectedVersion}`, {
        method: 'DELETE',
      });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export const useDueDate = () =>
  useMutation({
    mutationFn: (body: DueDateRequest) => api(DueDateResponse, '/api/calendar/due-date', { method: 'POST', body }),
  });

export function formatCalendarDuration(t: TFunction, d: CalendarDuration): string {
  if (d.unit === 'none') return t('calendar.units.none');
  return t(`calendar.units.${d.unit}`, { count: d.value, value: d.value });
}

/** ISO instant → 'DD/MM/YYYY HH:MM' in Vietnam time. */
export function formatVn(iso: string | null): string {
  if (!iso) return '—';
  const v = vnParts(new Date(iso));
  return `${v.day}/${v.month}/${v.year} ${v.hour}:${v.minute}`;
}

export const useCalendarSettings = (scope: CalendarScopeQuery) =>
  useQuery({
    queryKey: ['calendar', 'settings', scope.provinceCode ?? '', scope.unitCode ?? ''],
    queryFn: () => api(CalendarSettingsView, `/api/calendar/settings${scopeQuery(scope)}`),
  });

export function useSaveCalendarSettings(scope: CalendarScopeQuery) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<CalendarSettingsView, 'scopeCode'>) =>
      api(CalendarSettingsView, '/api/calendar/settings', { method: 'PUT', body: { ...scope, ...body } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}
