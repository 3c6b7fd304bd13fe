import { Badge, Box, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { announceCall } from './announce.js';
import { useCenterId } from './useCenterId.js';
import { useDisplayStream } from './useDisplayStream.js';
import './queue.css';

/** The hall's TV: numbers being called with their counters, the last calls, waiting per group, a ticker. */
export function DisplayPage() {
  const { t } = useTranslation();
  const centerId = useCenterId();
  const { state, connected } = useDisplayStream(centerId);
  const [sound, setSound] = useState(false);
  const announced = useRef(new Set<string>());
  const first = useRef(true);

  useEffect(() => {
    if (!state) return;
    for (const c of [...state.calling].reverse()) {
      const key = `${c.ticketId}:${c.callCount}`;
      if (announced.current.has(key)) continue;
      announced.current.add(key);
      // The state found on opening is shown, not announced; later calls and recalls are.
      if (!first.current && sound && c.status === 'called') announceCall(c.number, c.counterNumber);
    }
    first.current = false;
  }, [state, sound]);

  return (
    <Box className="queue-fullscreen queue-display" p="lg" data-connected={connected ? 'yes' : 'no'}>
      <Group justify="space-between" mb="md">
        <Title order={1} fz={36} c="white">
          {state?.centerName ?? ''}
        </Title>
        <Group>
          {!connected && (
            <Badge color="yellow" size="xl" role="status">
              {t('queue.reconnecting')}
            </Badge>
          )}
          <Button variant="white" color="dark" onClick={() => setSound(true)} aria-pressed={sound}>
            {sound ? t('queue.soundOn') : t('queue.enableSound')}
          </Button>
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={8}>
          <Paper p="md" radius="md" bg="dark.8">
            <Title order={2} c="yellow.4" fz={30} mb="sm">
              {t('queue.displayCalling')}
            </Title>
            <Table fz={48} c="white" verticalSpacing="xs" data-testid="display-calling">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th c="gray.3" fz={24}>
                    {t('queue.displayNumber')}
                  </Table.Th>
                  <Table.Th c="gray.3" fz={24}>
                    {t('queue.displayCounter')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state?.calling.map((c) => (
                  <Table.Tr key={c.ticketId}>
                    <Table.Td className="queue-cell" fw={800} c={c.status === 'called' ? 'yellow.3' : 'white'}>
                      {c.number}
                    </Table.Td>
                    <Table.Td className="queue-cell" fw={700}>
                      {c.counterNumber}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
        <Grid.Col span={4}>
          <Stack>
            <Paper p="md" radius="md" bg="dark.8">
              <Title order={2} fz={24} c="white" mb="xs">
                {t('queue.displayRecent')}
              </Title>
              <Stack gap={2} data-testid="display-recent">
                {state?.recent.map((c) => (
                  <Text key={`${c.ticketId}-${c.calledAt}`} fz={24} c="gray.2" className="queue-cell">
                    {c.number} → {t('queue.displayCounter')} {c.counterNumber}
                  </Text>
                ))}
              </Stack>
            </Paper>
            <Paper p="md" radius="md" bg="dark.8">
              <Title order={2} fz={24} c="white" mb="xs">
                {t('queue.displayWaiting')}
              </Title>
              {state?.waiting.map((w) => (
                <Group key={w.groupId} justify="space-between">
                  <Text fz={20} c="gray.2">
                    {w.name}
                  </Text>
                  <Text fz={24} fw={700} c="white" className="queue-cell">
                    {w.count}
                  </Text>
                </Group>
              ))}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      {state && state.notices.length > 0 && (
        <Paper mt="md" p="sm" bg="yellow.4" c="dark.9" className="queue-ticker">
          <Text component="span" fz={26} fw={600}>
            {state.notices.join('   •   ')}
          </Text>
        </Paper>
      )}
    </Box>
  );
}
