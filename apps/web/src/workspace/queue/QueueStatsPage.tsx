import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Container, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { QueueStats } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { useQueueCenters, useQueueStats } from '../../api/queue.js';

const HOURS = Array.from({ length: 11 }, (_, i) => 7 + i);
const DAYS = [1, 2, 3, 4, 5, 6, 0];

function TimingChart({ title, rows }: { title: string; rows: QueueStats['byGroup'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text>{t('queue.noData')}</Text>
      ) : (
        <>
          <BarChart
            h={220}
            data={rows.map((r) => ({ label: r.label, wait: r.avgWaitMinutes ?? 0, service: r.avgServiceMinutes ?? 0 }))}
            dataKey="label"
            series={[
              { name: 'wait', label: t('queue.avgWait'), color: 'orange.8' },
              { name: 'service', label: t('queue.avgService'), color: 'blue.8' },
            ]}
            withLegend
          />
          <Table mt="sm" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('queue.tickets')}</Table.Th>
                <Table.Th>{t('queue.served')}</Table.Th>
                <Table.Th>{t('queue.noShows')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td>{r.tickets}</Table.Td>
                  <Table.Td>{r.served}</Table.Td>
                  <Table.Td>{r.noShows}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  );
}

/** Peak hours: tickets taken per weekday and hour, darker where busier. */
function Heatmap({ cells }: { cells: QueueStats['heatmap'] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...cells.map((c) => c.tickets));
  const at = (d: number, h: number) => cells.find((c) => c.weekday === d && c.hour === h)?.tickets ?? 0;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {t('queue.heatmap')}
      </Title>
      <Table className="queue-heat" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {HOURS.map((h) => (
              <Table.Th key={h}>{h}h</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DAYS.map((d) => (
            <Table.Tr key={d}>
              <Table.Th>{t(`queue.weekday.${d}`)}</Table.Th>
              {HOURS.map((h) => {
                const n = at(d, h);
                const share = n / max;
                return (
                  <Table.Td
                    key={h}
                    style={{ background: `rgba(201, 42, 42, ${share * 0.9})`, color: share > 0.5 ? '#fff' : '#000' }}
                  >
                    {n || ''}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The center director's numbers: waiting and service time, no-shows, peak hours, ticket to result. */
export function QueueStatsPage() {
  const { t } = useTranslation();
  const centers = useQueueCenters();
  const stats = useQueueStats(centers.data?.items[0]?.id);
  if (stats.isLoading || centers.isLoading) return <Loader aria-label={t('common.loading')} />;
  const s = stats.data;
  if (!s) return <Text>{t('queue.noData')}</Text>;
  const e = s.endToEnd;
  return (
    <Container size="xl" py="md">
      <Stack>
        <Title order={2}>{t('queue.statsTitle')}</Title>
        <Text>{t('queue.period', { from: s.from, to: s.to })}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TimingChart title={t('queue.byGroup')} rows={s.byGroup} />
          <TimingChart title={t('queue.byCounter')} rows={s.byCounter} />
          <TimingChart title={t('queue.byOfficial')} rows={s.byOfficial} />
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="sm">
              {t('queue.endToEnd')}
            </Title>
            <Text>{t('queue.e2eDossiers', { count: e.dossiers })}</Text>
            <Text>{t('queue.e2eReceipt', { value: e.avgTicketToReceiptMinutes ?? '—' })}</Text>
            <Text>{t('queue.e2eReturn', { value: e.avgReceiptToReturnHours ?? '—', count: e.returned })}</Text>
          </Paper>
          <Paper withBorder p="md" data-testid="stats-appointments">
            <Title order={3} size="h5" mb="sm">
              {t('queue.appointmentsTitle')}
            </Title>
            <Text>{t('queue.appointmentsLine', s.appointments)}</Text>
          </Paper>
        </SimpleGrid>
        <Heatmap cells={s.heatmap} />
      </Stack>
    </Container>
  );
}
