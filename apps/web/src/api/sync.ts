import {
  CapturedMailList,
  DeadLetterList,
  DiscardDeadLetterResponse,
  DossierNotifications,
  type NotificationChannel,
  NotificationOptOutResponse,
  PortalImportList,
  PortalRouteCandidates,
  ResendDeadLetterResponse,
  RoutePortalDossierResponse,
  SyncSupervision,
  UnsubscribeLinkInfo,
} from '@mot-cua/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';

const OUTBOX = '/api/admin/outbox';
const UNSUBSCRIBE = '/api/notifications/unsubscribe';

/** What the signed link of a notification stands for (changes nothing). */
export const useUnsubscribeLink = (token: string) =>
  useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: () => api(UnsubscribeLinkInfo, `${UNSUBSCRIBE}?t=${encodeURIComponent(token)}`),
    enabled: token.length > 0,
    retry: false,
  });

/** The applicant confirms: messages on that channel to that address stop. */
export const useUnsubscribe = () =>
  useMutation({
    mutationFn: (token: string) => api(UnsubscribeLinkInfo, UNSUBSCRIBE, { method: 'POST', body: { token } }),
  });

/** Sync lag per destination and the importer, refreshed every 5 s while the page is open. */
export const useSyncSupervision = () =>
  useQuery({
    queryKey: ['sync', 'supervision'],
    queryFn: () => api(SyncSupervision, `${OUTBOX}/supervision`),
    refetchInterval: 5_000,
  });

export const useDeadLetters = () =>
  useQuery({
    queryKey: ['sync', 'dead-letters'],
    queryFn: () => api(DeadLetterList, `${OUTBOX}/dead-letters?limit=500`),
  });

function useDeadLetterMutation<T, B>(path: (id: number) => string, schema: { parse(d: unknown): T }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: number; body: B }) => api(schema, path(a.id), { method: 'POST', body: a.body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['sync'] }),
  });
}
export const useResendDeadLetter = () =>
  useDeadLetterMutation<ReturnType<typeof ResendDeadLetterResponse.parse>, { note?: string }>(
    (id) => `${OUTBOX}/dead-letters/${id}/resend`,
    ResendDeadLetterResponse,
  );
export const useDiscardDeadLetter = () =>
  useDeadLetterMutation<ReturnType<typeof DiscardDeadLetterResponse.parse>, { note: string }>(
    (id) => `${OUTBOX}/dead-letters/${id}/discard`,
    DiscardDeadLetterResponse,
  );

export const useMailbox = () =>
  useQuery({
    queryKey: ['sync', 'mailbox'],
    queryFn: () => api(CapturedMailList, '/api/notifications/mailbox?limit=100'),
    refetchInterval: 10_000,
    retry: false,
  });

export const usePortalImports = (view: 'pending' | 'all') =>
  useQuery({
    queryKey: ['portal-imports', view],
    queryFn: () => api(PortalImportList, `/api/portal-imports?view=${view}&limit=200`),
    refetchInterval: 15_000,
  });

export const usePortalRouteCandidates = (portalCode: string | null, provinceCode: string | null) =>
  useQuery({
    queryKey: ['portal-imports', 'candidates', portalCode, provinceCode],
    queryFn: () =>
      api(
        PortalRouteCandidates,
        `/api/portal-imports/${encodeURIComponent(portalCode ?? '')}/candidates${
          provinceCode ? `?provinceCode=${encodeURIComponent(provinceCode)}` : ''
        }`,
      ),
    enabled: Boolean(portalCode),
    retry: false,
    placeholderData: (prev) => prev,
  });

export function useRoutePortalDossier() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { portalCode: string; unitCode: string }) =>
      api(RoutePortalDossierResponse, `/api/portal-imports/${encodeURIComponent(v.portalCode)}/route`, {
        method: 'POST',
        body: { unitCode: v.unitCode },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portal-imports'] }),
  });
}

export const useDossierNotifications = (id: string | undefined) =>
  useQuery({
    queryKey: ['notifications', id],
    queryFn: () => api(DossierNotifications, `/api/notifications/dossiers/${id}`),
    enabled: Boolean(id),
    refetchInterval: 10_000,
  });

export function useOptOut(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { channel: NotificationChannel; optedOut: boolean }) =>
      api(NotificationOptOutResponse, `/api/notifications/dossiers/${id}/opt-out`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications', id] }),
  });
}
