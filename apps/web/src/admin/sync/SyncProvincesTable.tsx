import { Paper, Table, Text, Title } from '@mantine/core';
import type { SyncSupervision } from '@mot-cua/contracts';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import { pct } from '../../workspace/dossiers/supervision/StatsParts.js';

type Province = SyncSupervision['provinces'][number];

/** 2026-03-02 → 02/03/2026 (the way dates are written in Vietnam, and on every page of the app). */
const day = (iso: string) => iso.split('-').reverse().join('/');
type Score = Province['indicator14'];

const num = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-US' : 'vi-VN');
const points = (s: Score) =>
  s.points === null ? '—' : `${s.points.toLocaleString(i18n.language === 'en' ? 'en-US' : 'vi-VN')}/${s.max}`;

/**
 * Sync per province in the period: received and synced dossiers with indicator 1.4 of Decision 766, the
 * portal backlog and its oldest wait (the sync lag), and the reuse indicators 4.3 and 4.4.
 */
export function SyncProvincesTable({
  data,
  waited,
}: {
  data: Pick<SyncSupervision, 'provinces' | 'period'>;
  waited: (seconds: number) => string;
}) {
  const { t } = useTranslation();
  const k = (key: string) => t(`sync.supervision.provinces.${key}`);
  return (
    <Paper withBorder p="md" radius="md" data-testid="sync-provinces">
      <Title order={3} size="h5" mb={4}>
        {k('title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sync.supervision.provinces.period', { from: day(data.period.from), to: day(data.period.to) })}
      </Text>
      {data.provinces.length === 0 ? (
        <Text size="sm">{k('empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{k('province')}</Table.Th>
                <Table.Th ta="right">{k('received')}</Table.Th>
                <Table.Th ta="right">{k('synced')}</Table.Th>
                <Table.Th ta="right">{k('indicator14')}</Table.Th>
                <Table.Th ta="right">{k('pending')}</Table.Th>
                <Table.Th ta="right">{k('lag')}</Table.Th>
                <Table.Th ta="right">{k('indicator43')}</Table.Th>
                <Table.Th ta="right">{k('indicator44')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.provinces.map((p) => (
                <Table.Tr key={p.provinceCode}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td ta="right">{num(p.received)}</Table.Td>
                  <Table.Td ta="right">{num(p.synced)}</Table.Td>
                  <Table.Td ta="right">
                    {pct(p.indicator14.rate)} · {points(p.indicator14)}
                  </Table.Td>
                  <Table.Td ta="right">{num(p.pending)}</Table.Td>
                  <Table.Td ta="right" c={p.oldestPendingAgeSeconds > 900 ? 'red.9' : undefined}>
                    {p.pending ? waited(p.oldestPendingAgeSeconds) : '—'}
                  </Table.Td>
                  <Table.Td ta="right">
                    {num(p.reused)} · {points(p.indicator43)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {num(p.fromCitizenStore)} · {points(p.indicator44)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
