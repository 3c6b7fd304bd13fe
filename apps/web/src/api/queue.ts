import {
  AppointmentView,
  type BookAppointmentRequest,
  CounterState,
  HeldResult,
  type IssueTicketRequest,
  MyCounter,
  QueueCenterList,
  QueueCenterView,
  type QueueGroupInput,
  type QueueSettingsFields,
  QueueSettingsView,
  QueueStats,
  type RescheduleRequest,
  SlotList,
  TicketView,
} from '@mot-cua/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from './client.js';

const base = '/api/queue';

export const useQueueCenters = () =>
  useQuery({ queryKey: ['queue', 'centers'], queryFn: () => api(QueueCenterList, `${base}/centers`) });

export const useQueueCenter = (centerId: string | undefined, refetchMs?: number) =>
  useQuery({
    queryKey: ['queue', 'center', centerId],
    queryFn: () => api(QueueCenterView, `${base}/centers/${centerId}`),
    enabled: !!centerId,
    ...(refetchMs ? { refetchInterval: refetchMs } : {}),
  });

/** The ticket a phone follows: polled every 5 s while it waits. */
export const useTicket = (token: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'ticket', token],
    queryFn: () => api(TicketView, `${base}/tickets/${token}`),
    enabled: !!token,
    refetchInterval: (q) =>
      q.state.data && ['done', 'no_show', 'cancelled'].includes(q.state.data.status) ? false : 5000,
    retry: false,
  });

export const issueKioskTicket = (centerId: string, body: IssueTicketRequest) =>
  api(TicketView, `${base}/centers/${centerId}/tickets`, { method: 'POST', body });
export const issuePickupTicket = (centerId: string, dossierCode: string) =>
  api(TicketView, `${base}/centers/${centerId}/pickup-tickets`, { method: 'POST', body: { dossierCode } });
/** The information desk's ticket: the server checks the procedure and computes the pre-check itself. */
export const issueDeskTicket = (centerId: string, body: IssueTicketRequest) =>
  api(TicketView, `${base}/centers/${centerId}/desk-tickets`, { method: 'POST', body });
/** Record that a counter holds a dossier's result (pickup tickets for it are routed there). */
export const holdResult = (counterId: string, dossierCode: string) =>
  api(HeldResult, `${base}/counters/${counterId}/results`, { method: 'POST', body: { dossierCode } });
export const checkIn = (token: string) => api(TicketView, `${base}/check-in`, { method: 'POST', body: { token } });

/** Tie a dossier just received to the ticket being served (reception opened from the counter). */
export const linkDossierToTicket = (ticketId: string, dossierCode: string) =>
  send(`${base}/tickets/${ticketId}/dossiers`, { method: 'POST', body: { dossierCode } });

export const ticketPdfUrl = (token: string, width: 58 | 80) => `${base}/tickets/${token}/print?width=${width}`;

export const useMyCounter = () =>
  useQuery({ queryKey: ['queue', 'my-counter'], queryFn: () => api(MyCounter, `${base}/counters/mine`) });

export const useCounterState = (counterId: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'counter', counterId],
    queryFn: () => api(CounterState, `${base}/counters/${counterId}`),
    enabled: !!counterId,
    refetchInterval: 5000,
    retry: false,
  });

/** A counter or ticket action; the answer is the counter's new state. */
export function useCounterAction(counterId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { path: string; body?: unknown }) =>
      a.path.startsWith('/tickets/') && (a.path.endsWith('/transfer') || a.path.endsWith('/dossiers'))
        ? send(`${base}${a.path}`, { method: 'POST', body: a.body ?? {} }).then(() => undefined)
        : api(CounterState, `${base}${a.path}`, { method: 'POST', body: a.body ?? {} }),
    onSuccess: (s) => {
      if (s) qc.setQueryData(['queue', 'counter', counterId], s);
      else void qc.invalidateQueries({ queryKey: ['queue', 'counter', counterId] });
      void qc.invalidateQueries({ queryKey: ['queue', 'my-counter'] });
    },
  });
}

export const useSlots = (centerId: string | undefined, groupId: string | undefined, date: string) =>
  useQuery({
    queryKey: ['queue', 'slots', centerId, groupId, date],
    queryFn: () => api(SlotList, `${base}/centers/${centerId}/slots?groupId=${groupId}&date=${date}`),
    enabled: !!centerId && !!groupId && /^\d{4}-\d{2}-\d{2}$/.test(date),
  });

export const bookAppointment = (centerId: string, body: BookAppointmentRequest) =>
  api(AppointmentView, `${base}/centers/${centerId}/appointments`, { method: 'POST', body });

export const useAppointment = (token: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'appointment', token],
    queryFn: () => api(AppointmentView, `${base}/appointments/${token}`),
    enabled: !!token,
    retry: false,
  });

export const cancelAppointment = (token: string) =>
  api(AppointmentView, `${base}/appointments/${token}`, { method: 'DELETE' });
export const rescheduleAppointment = (token: string, body: RescheduleRequest) =>
  api(AppointmentView, `${base}/appointments/${token}`, { method: 'PATCH', body });

export const useQueueStats = (centerId: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'stats', centerId],
    queryFn: () => api(QueueStats, `${base}/centers/${centerId}/stats`),
    enabled: !!centerId,
  });

export const displayStreamUrl = (centerId: string) => `${base}/centers/${centerId}/display/stream`;

/** A front desk's administration (queue.manage): every write answers with the settings as they now are. */
export const useQueueSettings = (centerId: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'settings', centerId],
    queryFn: () => api(QueueSettingsView, `${base}/centers/${centerId}/settings`),
    enabled: !!centerId,
    retry: false,
  });

type SettingsWrite =
  | { kind: 'settings'; body: QueueSettingsFields }
  | { kind: 'newGroup'; body: QueueGroupInput }
  | { kind: 'group'; id: string; body: QueueGroupInput }
  | { kind: 'counter'; id: string; body: { groups: Array<{ groupId: string; tier: number }> } };

export function useSaveQueueSettings(centerId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (w: SettingsWrite) => {
      const [method, path] =
        w.kind === 'settings'
          ? (['PUT', `/centers/${centerId}/settings`] as const)
          : w.kind === 'newGroup'
            ? (['POST', `/centers/${centerId}/groups`] as const)
            : w.kind === 'group'
              ? (['PUT', `/groups/${w.id}`] as const)
              : (['PUT', `/counters/${w.id}/groups`] as const);
      return api(QueueSettingsView, `${base}${path}`, { method, body: w.body });
    },
    onSuccess: (v) => {
      qc.setQueryData(['queue', 'settings', centerId], v);
      void qc.invalidateQueries({ queryKey: ['queue', 'center', centerId] });
    },
  });
}
