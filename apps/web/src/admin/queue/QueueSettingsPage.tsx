import { Alert, Container, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { NATIONAL_SCOPE } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useQueueCenters, useQueueSettings } from '../../api/queue.js';
import { allowedUnits, useSession } from '../../api/session.js';
import { CounterGroupsEditor } from './CounterGroupsEditor.js';
import { DeviceLinks } from './DeviceLinks.js';
import { GroupsEditor } from './GroupsEditor.js';
import { RulesForm } from './RulesForm.js';

/**
 * A front desk's administration for its director (or a system administrator): priority rules, ticker notices and
 * ticketing hours; the service groups; the groups each counter serves and their tier. The server authorizes.
 */
export function QueueSettingsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const centers = useQueueCenters();
  const units = allowedUnits(session.data, 'queue.manage');
  const mine = (centers.data?.items ?? []).filter(
    (c) => units.includes(NATIONAL_SCOPE) || units.some((u) => c.unitCode === u || c.unitCode.startsWith(u)),
  );
  const [picked, setPicked] = useState<string | null>(null);
  const centerId = picked ?? mine[0]?.id;
  const settings = useQueueSettings(centerId);

  if (session.isLoading || centers.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  return (
    <Container size="lg" py="md">
      <Stack>
        <Title order={2}>{t('queue.settings.title')}</Title>
        {mine.length === 0 ? (
          <Text>{t('queue.settings.noCenter')}</Text>
        ) : (
          <Select
            label={t('queue.settings.center')}
            data={mine.map((c) => ({ value: c.id, label: c.name }))}
            value={centerId ?? null}
            onChange={setPicked}
            allowDeselect={false}
            maw={480}
          />
        )}
        {settings.isLoading && <Loader aria-label={t('common.loading')} />}
        {settings.error && (
          <Alert color="red" role="alert">
            {settings.error instanceof ApiError ? settings.error.problem.detail : String(settings.error)}
          </Alert>
        )}
        {settings.data && centerId && (
          <>
            <DeviceLinks centerId={centerId} />
            <RulesForm key={`rules-${centerId}`} centerId={centerId} settings={settings.data} />
            <GroupsEditor centerId={centerId} settings={settings.data} />
            <CounterGroupsEditor centerId={centerId} settings={settings.data} />
          </>
        )}
      </Stack>
    </Container>
  );
}
