// Only types and the cookie names are imported statically: this module is on every page, and the first page of an
// anonymous visitor must not carry the schemas (zod) nor the API client. Both load when a session is asked for.
import type { LoginRequest, SessionInfo } from '@mot-cua/contracts';
import { SESSION_HINT_COOKIE } from '@mot-cua/contracts/cookies';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/** The server sets a readable hint cookie beside the httpOnly session cookie; without it there is no session. */
const hasSessionHint = () =>
  typeof document !== 'undefined' && document.cookie.split('; ').some((c) => c.startsWith(`${SESSION_HINT_COOKIE}=1`));

const loadClient = async () => {
  const [client, { SessionInfo }] = await Promise.all([import('./client.js'), import('@mot-cua/contracts')]);
  return { ...client, SessionInfo };
};

export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<SessionInfo | null> => {
      if (!hasSessionHint()) return null;
      const { api, ApiError, setCsrfToken, SessionInfo } = await loadClient();
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
    mutationFn: async (body: LoginRequest) => {
      const { api, setCsrfToken, SessionInfo } = await loadClient();
      const s = await api(SessionInfo, '/api/auth/login', { method: 'POST', body });
      setCsrfToken(s.csrfToken);
      return s;
    },
    onSuccess: (s) => {
      qc.setQueryData(['session'], s);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const { send, setCsrfToken } = await loadClient();
      try {
        await send('/api/auth/logout', { method: 'POST' });
      } finally {
        setCsrfToken(undefined);
      }
    },
    onSettled: () => {
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

/** The signed-in person is a citizen (signed in with the electronic identity), not an official. */
export const isCitizen = (s: SessionInfo | null | undefined) =>
  Boolean(s?.user.grants.some((g) => g.role === 'citizen'));
