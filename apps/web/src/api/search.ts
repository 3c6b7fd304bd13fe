import {
  AssistantAnswer,
  AssistantChoiceRecorded,
  type AssistantChoiceRequest,
  AssistantChoiceSummary,
  type AssistantChoicesSort,
  type AssistantRequest,
  type ProcedureDuration,
  type ProcedureFee,
  type ProcedureLevel,
  SearchResponse,
} from '@mot-cua/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from './client.js';

/** The public procedure page (built by the procedures feature). */
export const procedurePath = (code: string) => `/procedures/${encodeURIComponent(code)}`;

export type SearchParams = {
  q: string;
  level?: ProcedureLevel | undefined;
  field?: string | undefined;
  /** A commune or province code: only the procedures received there. */
  unit?: string | undefined;
  limit: number;
};

export function useProcedureSearch(p: SearchParams) {
  const q = p.q.trim();
  return useQuery({
    queryKey: ['search', q, p.level ?? '', p.field ?? '', p.unit ?? '', p.limit],
    queryFn: () => {
      const qs = new URLSearchParams({ q, limit: String(p.limit) });
      if (p.level) qs.set('level', p.level);
      if (p.field) qs.set('field', p.field);
      if (p.unit) qs.set('unit', p.unit);
      return api(SearchResponse, `/api/search?${qs}`);
    },
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useAskAssistant() {
  return useMutation({
    mutationFn: (body: AssistantRequest) => api(AssistantAnswer, '/api/search/assistant', { method: 'POST', body }),
  });
}

/** Record which suggested procedure the person picked (or null: none of these); anonymous. */
export function useRecordChoice() {
  return useMutation({
    mutationFn: (body: AssistantChoiceRequest) =>
      api(AssistantChoiceRecorded, '/api/search/assistant/choices', { method: 'POST', body }),
  });
}

/** What people asked and picked among the assistant's choices (system administrators), one page. */
export function useAssistantChoices(sort: AssistantChoicesSort, offset: number, limit: number) {
  return useQuery({
    queryKey: ['assistant-choices', sort, offset, limit],
    queryFn: () => {
      const qs = new URLSearchParams({ sort, limit: String(limit), offset: String(offset) });
      return api(AssistantChoiceSummary, `/api/search/assistant/choices?${qs}`);
    },
    placeholderData: keepPreviousData,
  });
}

export function formatDuration(t: TFunction, d: ProcedureDuration | null): string {
  if (!d) return t('search.noTimeLimit');
  return t(`search.units.${d.unit}`, { value: d.value });
}

const vnd = new Intl.NumberFormat('vi-VN');

/**
 * The search's own time in whole milliseconds in the page's language: "34.722 ms" read as thirty-four thousand
 * milliseconds in Vietnamese, where the dot groups thousands.
 */
export const formatTookMs = (ms: number, lang: 'vi' | 'en') =>
  new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 0 }).format(ms);

export function formatFee(t: TFunction, f: ProcedureFee): string {
  const parts: string[] = [];
  if (f.kind === 'free') parts.push(t('search.feeFree'));
  else if (f.kind === 'amount' && f.amount !== null) parts.push(`${vnd.format(f.amount)} ${f.currency ?? 'VND'}`);
  else if (f.kind === 'unknown') parts.push(t('search.feeUnknown'));
  if (f.note) parts.push(f.note);
  if (f.setByProvincialCouncil) parts.push(t('search.feeCouncil'));
  return parts.join(' · ') || t('search.feeUnknown');
}

const LEVEL_ORDER: Record<ProcedureLevel, number> = { commune: 0, province: 1, ministry: 2, other: 3 };

/** Levels nearest the citizen first: a procedure received at the commune shows "Cấp xã" before "Cấp bộ". */
export const levelsNearestFirst = (levels: readonly ProcedureLevel[]): ProcedureLevel[] =>
  [...levels].sort((a, b) => LEVEL_ORDER[a] - LEVEL_ORDER[b]);
