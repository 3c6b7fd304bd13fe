import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { QueueCounterView } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';

/**
 * What the counter page shows before a counter is chosen: the centre's counters, each a button (free, or who holds
 * it), and a sentence saying what choosing does; or why there is nothing to choose.
 */
export function CounterChoice(p: {
  loading: boolean;
  noCenter: boolean;
  counters: readonly QueueCounterView[];
  onChoose: (counterId: string) => void;
}) {
  const { t } = useTranslation();
  if (p.loading) return <Loader aria-label={t('common.loading')} />;
  if (p.noCenter || p.counters.length === 0) {
    return (
      <Alert color="yellow" data-testid="counter-choice-none">
        {t(p.noCenter ? 'queue.choice.noCenter' : 'queue.choice.noCounter')}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="lg" radius="md" data-testid="counter-choice">
      <Stack>
        <Title order={3}>{t('queue.choice.title')}</Title>
        <Text>{t('queue.choice.hint')}</Text>
        <Group>
          {p.counters.map((c) => (
            <Button
              key={c.id}
              size="lg"
              h="auto"
              py="xs"
              variant={c.officialName ? 'default' : 'light'}
              onClick={() => p.onChoose(c.id)}
            >
              <Stack gap={0} align="flex-start">
                <span>{c.name}</span>
                <Text size="xs" component="span">
                  {c.officialName ? t('queue.heldBy', { name: c.officialName }) : t('queue.choice.free')}
                </Text>
              </Stack>
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
