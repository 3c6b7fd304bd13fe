import { Alert } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { linkDossierToTicket } from '../../api/queue.js';

/**
 * Reception opened from a counter's ticket (`?ticket=<id>&so=<number>`): a banner naming the ticket, and `link`,
 * which ties the dossier just received to that ticket (the counter's "Kết thúc" would also find it, by who
 * received it while serving; this makes the link at receipt, and for a dossier received by a colleague too).
 */
export function useServedTicket() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const ticketId = params.get('ticket');
  const number = params.get('so');
  const [error, setError] = useState<string>();
  const banner = ticketId ? (
    <>
      <Alert color="blue" role="status" data-testid="served-ticket">
        {t('queue.receptionForTicket', { number: number ?? '' })}
      </Alert>
      {error && (
        <Alert color="orange" role="alert">
          {t('queue.receptionLinkFailed', { detail: error })}
        </Alert>
      )}
    </>
  ) : null;
  async function link(dossierCode: string) {
    if (!ticketId) return;
    try {
      await linkDossierToTicket(ticketId, dossierCode);
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : String(e));
    }
  }
  return { banner, link };
}
