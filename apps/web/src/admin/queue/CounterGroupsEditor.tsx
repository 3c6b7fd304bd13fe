import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { QueueCounterSettings, QueueSettingsView } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useSaveQueueSettings } from '../../api/queue.js';

const TIERS = ['1', '2', '3'];

/** One counter: for each active group, not served or the tier at which the counter serves it. */
function CounterCard({
  counter,
  settings,
  centerId,
}: {
  counter: QueueCounterSettings;
  settings: QueueSettingsView;
  centerId: string;
}) {
  const { t } = useTranslation();
  const save = useSaveQueueSettings(centerId);
  const [tiers, setTiers] = useState<Record<string, string>>(() =>
    Object.fromEntries(counter.groups.map((g) => [g.groupId, String(g.tier)])),
  );
  const groups = settings.groups.filter((g) => g.isActive || tiers[g.id]);
  const submit = () =>
    save.mutate({
      kind: 'counter',
      id: counter.id,
      body: {
        groups: Object.entries(tiers)
          .filter(([, tier]) => tier !== 'none')
          .map(([groupId, tier]) => ({ groupId, tier: Number(tier) })),
      },
    });
  const title = t('queue.settings.counter', { number: counter.number });
  return (
    <Paper withBorder p="sm" data-counter={counter.number}>
      <Stack gap="xs">
        <Text fw={600}>{counter.name.startsWith(title) ? counter.name : `${title} · ${counter.name}`}</Text>
        {groups.map((g) => (
          <Select
            key={g.id}
            size="xs"
            label={g.name}
            aria-label={`${title}: ${g.name}`}
            value={tiers[g.id] ?? 'none'}
            allowDeselect={false}
            onChange={(v) => setTiers({ ...tiers, [g.id]: v ?? 'none' })}
            data={[
              { value: 'none', label: t('queue.settings.notServed') },
              ...TIERS.map((tier) => ({ value: tier, label: `${t('queue.settings.tier')} ${tier}` })),
            ]}
          />
        ))}
        {save.error && (
          <Alert color="red" role="alert">
            {save.error instanceof ApiError ? save.error.problem.detail : String(save.error)}
          </Alert>
        )}
        <Group>
          <Button size="xs" onClick={submit} loading={save.isPending}>
            {t('queue.settings.saveCounter', { number: counter.number })}
          </Button>
          {save.isSuccess && (
            <Text size="sm" role="status" c="green.9">
              {t('queue.settings.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** The counters of the center and the groups each serves, by tier (1 = its main group, called first). */
export function CounterGroupsEditor({ centerId, settings }: { centerId: string; settings: QueueSettingsView }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="counters-title">
      <Stack>
        <Title order={3} size="h4" id="counters-title">
          {t('queue.settings.countersTitle')}
        </Title>
        <Text size="sm">{t('queue.settings.countersHint')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {settings.counters.map((c) => (
            <CounterCard key={c.id} counter={c} settings={settings} centerId={centerId} />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
