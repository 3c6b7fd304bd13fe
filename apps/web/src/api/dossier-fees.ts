import { DossierFeeList } from '@mot-cua/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

/** Fees and charges paid for a dossier (counter and online), for officials. */
export const useDossierFees = (dossierId: string) =>
  useQuery({
    queryKey: ['dossier-fees', dossierId],
    queryFn: () => api(DossierFeeList, `/api/dossiers/${dossierId}/fees`),
  });
