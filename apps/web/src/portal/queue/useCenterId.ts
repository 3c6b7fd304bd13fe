import { useParams } from 'react-router-dom';
import { useQueueCenters } from '../../api/queue.js';

/** The center of a front-desk page: from the address, or the first center with a front desk. */
export function useCenterId(): string | undefined {
  const { centerId } = useParams();
  const centers = useQueueCenters();
  return centerId ?? centers.data?.items[0]?.id;
}
