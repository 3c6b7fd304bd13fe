import { EformView } from '@mot-cua/contracts/eforms';
import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

/** The e-form of one of my dossiers (citizen) or of a dossier of my unit (official); null when it has none. */
export const useEformView = (path: string) =>
  useQuery({
    queryKey: ['eform', path],
    queryFn: () => api(EformView.nullable(), path),
    retry: false,
  });
