import { useDossierFees } from '../../../api/dossier-fees.js';
import { FeesTable } from '../../../components/FeesTable.js';

/** The fee records of the dossier on the official's page; nothing when none was paid. */
export function FeesCard({ dossierId }: { dossierId: string }) {
  const q = useDossierFees(dossierId);
  return q.data ? <FeesTable items={q.data.items} /> : null;
}
