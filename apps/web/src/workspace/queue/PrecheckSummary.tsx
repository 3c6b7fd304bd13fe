import { Alert, List, Text } from '@mantine/core';
import type { TicketPrecheck } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';

/** What the information desk pre-checked (computed by the server): the procedure and the documents still needed. */
export function PrecheckSummary({ precheck }: { precheck: TicketPrecheck }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={precheck.complete ? 'green' : 'orange'}
      title={t('queue.desk.precheckTitle', { name: precheck.procedureName, code: precheck.procedureCode })}
      data-testid="ticket-precheck"
      style={{ flex: 1 }}
    >
      {precheck.complete ? (
        <Text size="sm">{t('queue.desk.precheckComplete', { count: precheck.presentCount })}</Text>
      ) : (
        <>
          <Text size="sm">{t('queue.desk.precheckMissing', { count: precheck.missing.length })}</Text>
          <List size="sm">
            {precheck.missing.map((m) => (
              <List.Item key={m.key}>
                {m.name}
                {m.state === 'invalid' ? ` — ${t('dossiers.componentState.invalid').toLowerCase()}` : ''}
                {m.reason ? ` (${m.reason})` : ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
