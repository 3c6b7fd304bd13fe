import {
  type ChangePasswordRequest,
  type CreateUserRequest,
  type GrantInput,
  OneTimePasswordResponse,
  RecoveryCodes,
  SessionList,
  TotpEnrolment,
  UserList,
  type UserListQuery,
  UserView,
} from '@mot-cua/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from './client.js';

const USERS = '/api/admin/users';

export function useUsers(q: Partial<UserListQuery>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  return useQuery({
    queryKey: ['users', 'list', params.toString()],
    queryFn: () => api(UserList, `${USERS}?${params}`),
    placeholderData: keepPreviousData,
  });
}

export const useUser = (id: string | undefined) =>
  useQuery({
    queryKey: ['users', 'one', id],
    queryFn: () => api(UserView, `${USERS}/${id}`),
    enabled: Boolean(id),
  });

function useUsersMutation<A, T>(fn: (a: A) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }) });
}

export const useCreateUser = () =>
  useUsersMutation((body: CreateUserRequest) => api(OneTimePasswordResponse, USERS, { method: 'POST', body }));
export const useSetActive = () =>
  useUsersMutation((a: { id: string; active: boolean }) =>
    api(UserView, `${USERS}/${a.id}/${a.active ? 'enable' : 'disable'}`, { method: 'POST' }),
  );
export const useResetPassword = () =>
  useUsersMutation((a: { id: string; clearSecondFactor: boolean }) =>
    api(OneTimePasswordResponse, `${USERS}/${a.id}/reset-password`, {
      method: 'POST',
      body: { clearSecondFactor: a.clearSecondFactor },
    }),
  );
export const useAddGrant = () =>
  useUsersMutation((a: { id: string; grant: GrantInput }) =>
    api(UserView, `${USERS}/${a.id}/grants`, { method: 'POST', body: a.grant }),
  );
export const useRevokeGrant = () =>
  useUsersMutation((a: { id: string; grantId: string }) =>
    send(`${USERS}/${a.id}/grants/${a.grantId}`, { method: 'DELETE' }),
  );

// One's own account

export const useMySessions = () =>
  useQuery({ queryKey: ['account', 'sessions'], queryFn: () => api(SessionList, '/api/auth/sessions') });

export function useEndSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send(`/api/auth/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['account'] }),
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => send('/api/auth/password', { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: ['session'] }), qc.invalidateQueries({ queryKey: ['account'] })]),
  });
}

export const useStartTotp = () =>
  useMutation({ mutationFn: () => api(TotpEnrolment, '/api/auth/second-factor/enrol', { method: 'POST' }) });

export function useConfirmTotp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api(RecoveryCodes, '/api/auth/second-factor/confirm', { method: 'POST', body: { code } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['session'] }),
  });
}

export function useDisableTotp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => send('/api/auth/second-factor/disable', { method: 'POST', body: { password } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['session'] }),
  });
}
