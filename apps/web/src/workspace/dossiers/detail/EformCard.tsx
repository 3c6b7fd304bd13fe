import { useEformView } from '../../../api/eforms.js';
import { EformSummary } from '../../../components/EformSummary.js';

/** The applicant's e-form (tờ khai điện tử) on the official's dossier page; nothing when the dossier has none. */
export function EformCard({ dossierId }: { dossierId: string }) {
  const q = useEformView(`/api/dossiers/${dossierId}/eform`);
  return q.data ? <EformSummary view={q.data} /> : null;
}
