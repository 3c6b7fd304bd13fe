import {
  type FeedbackActionRequest,
  FeedbackDetail,
  FeedbackIndexByUnit,
  type FeedbackIndexByUnitQuery,
  type FeedbackIntakeRequest,
  FeedbackList,
  type FeedbackRateRequest,
  type FeedbackSubmitRequest,
  FeedbackSubmitted,
  FeedbackTracking,
  type Open311KeyInput,
  Open311KeyIssued,
  Open311Keys,
  PublishedAnswers,
  type RoutingRuleInput,
  RoutingRules,
} from '@mot-cua/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from './client.js';

export function useSubmitFeedback() {
  return useMutation({
    mutationFn: (body: FeedbackSubmitRequest) => api(FeedbackSubmitted, '/api/feedback', { method: 'POST', body }),
  });
}

export function useIntake() {
  return useMutation({
    mutationFn: (body: FeedbackIntakeRequest) =>
      api(FeedbackSubmitted, '/api/feedback/intake', { method: 'POST', body }),
  });
}

export function useTracking(token: string) {
  return useQuery({
    queryKey: ['feedback', 'track', token],
    queryFn: () => api(FeedbackTracking, `/api/feedback/track/${encodeURIComponent(token)}`),
  });
}

export function useRate(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackRateRequest) =>
      api(FeedbackTracking.pick({ rating: true }), `/api/feedback/track/${encodeURIComponent(token)}/rating`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['feedback', 'track', token] }),
  });
}

export function usePublishedAnswers(q: string, limit = 20) {
  return useQuery({
    queryKey: ['feedback', 'published', q, limit],
    queryFn: () => api(PublishedAnswers, `/api/feedback/published?${new URLSearchParams({ q, limit: String(limit) })}`),
    placeholderData: keepPreviousData,
  });
}

export function useFeedbackList(p: { status?: string; mark?: string; q?: string }) {
  return useQuery({
    queryKey: ['feedback', 'list', p],
    queryFn: () => {
      const qs = new URLSearchParams({ limit: '100' });
      if (p.status) qs.set('status', p.status);
      if (p.mark) qs.set('mark', p.mark);
      if (p.q) qs.set('q', p.q);
      return api(FeedbackList, `/api/feedback/items?${qs}`);
    },
    placeholderData: keepPreviousData,
  });
}

export function useFeedbackDetail(id: string) {
  return useQuery({
    queryKey: ['feedback', 'item', id],
    queryFn: () => api(FeedbackDetail, `/api/feedback/items/${id}`),
  });
}

export function useFeedbackAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackActionRequest) =>
      api(FeedbackDetail, `/api/feedback/items/${id}/actions`, { method: 'POST', body }),
    onSuccess: (d) => {
      qc.setQueryData(['feedback', 'item', id], d);
      void qc.invalidateQueries({ queryKey: ['feedback', 'list'] });
    },
  });
}

export const markColor = (mark: string) => (mark === 'overdue' ? 'red' : mark === 'due_soon' ? 'orange' : 'gray');
export const vnDateTimeOf = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' })
    : '—';

export function useRoutingRules(province: string | null) {
  return useQuery({
    queryKey: ['feedback', 'routing-rules', province],
    queryFn: () =>
      api(RoutingRules, `/api/feedback/routing-rules${province ? `?province=${encodeURIComponent(province)}` : ''}`),
  });
}

/** Add (no id) or change (id) a routing rule; the list is read again afterwards. */
export function useSaveRoutingRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: RoutingRuleInput }) =>
      id === null
        ? send('/api/feedback/routing-rules', { method: 'POST', body })
        : send(`/api/feedback/routing-rules/${id}`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['feedback', 'routing-rules'] }),
  });
}

export function useDeleteRoutingRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => send(`/api/feedback/routing-rules/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['feedback', 'routing-rules'] }),
  });
}

/** Indicators 5.2 and 5.3 per unit of the area (the supervision page's filter). */
export function useFeedbackIndexByUnit(q: FeedbackIndexByUnitQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['feedback', 'index-units', q],
    queryFn: () => {
      const qs = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1])));
      return api(FeedbackIndexByUnit, `/api/feedback/index/units?${qs}`);
    },
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Open311 API keys (names and prefixes; never the keys). */
export function useOpen311Keys(enabled: boolean) {
  return useQuery({
    queryKey: ['feedback', 'open311-keys'],
    queryFn: () => api(Open311Keys, '/api/feedback/open311-keys'),
    enabled,
  });
}

/** Issue a key: the answer holds the key, shown once. */
export function useIssueOpen311Key() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Open311KeyInput) =>
      api(Open311KeyIssued, '/api/feedback/open311-keys', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['feedback', 'open311-keys'] }),
  });
}

export function useRevokeOpen311Key() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send(`/api/feedback/open311-keys/${id}/revoke`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['feedback', 'open311-keys'] }),
  });
}
