import { EformView } from '@mot-cua/contracts/eforms';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from './client.js';

/** The e-form of one of my dossiers (citizen) or of a dossier of my unit (official); null when it has none. */
export const useEformView = (path: string) =>
  useQuery({
    queryKey: ['eform', path],
    queryFn: async () => {
      try {
        return await api(EformView, path);
      } catch (e) {
        if (e instanceof ApiError && e.problem.status === 404) return null;
        throw e;
      }
    },
    retry: false,
  });
