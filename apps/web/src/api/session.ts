import { type LoginRequest, SessionInfo } from '@mot-cua/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, send, setCsrfToken } from './client.js';

export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        const s = await api(SessionInfo, '/api/auth/session');
        setCsrfToken(s.csrfToken);
        return s;
      } catch (e) {
        if (e instanceof ApiError && e.problem.status === 401) {
          setCsrfToken(undefined);
          return null;
        }
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api(SessionInfo, '/api/auth/login', { method: 'POST', body }),
    onSuccess: (s) => {
      setCsrfToken(s.csrfToken);
      qc.setQueryData(['session'], s);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => send('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(undefined);
      qc.setQueryData(['session'], null);
    },
  });
}

/**
 * What the signed-in official may do, as the server's policy says (the session's `allowed` list): pages show or
 * hide actions with these instead of their own role lists. The server still decides every request.
 */
export function allowedUnits(session: SessionInfo | null | undefined, action: string): string[] {
  return [...new Set((session?.allowed ?? []).filter((a) => a.action === action).map((a) => a.unitCode))];
}

export const mayDo = (session: SessionInfo | null | undefined, action: string): boolean =>
  allowedUnits(session, action).length > 0;
