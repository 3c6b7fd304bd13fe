import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core';
import type { Drilldown } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { int } from './format.js';
import { TableDownloads } from './TableDownloads.js';

type Counts = Drilldown['totals'];
export type DrillRow = { key: string; name: string; href: string; officials?: number; counts: Counts };

const FIGURES = ['finished_on_time', 'finished_late', 'in_progress', 'overdue'] as const;

/** A table of the drill-down's rows (departments or officials), each opening the level below, with a totals line. */
export function DrillTable({
  title,
  nameHeader,
  rows,
  totals,
  testId,
  download,
}: {
  /** The query of the table's file (GET /api/supervision/drilldown with format). */
  download?: Record<string, string>;
  title: string;
  nameHeader: string;
  rows: DrillRow[];
  totals?: Counts;
  testId: string;
}) {
  const { t } = useTranslation();
  const withOfficials = rows.some((r) => r.officials !== undefined);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {download && <TableDownloads path="/api/supervision/drilldown" query={download} table={title} />}
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('dashboard.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{nameHeader}</Table.Th>
                {withOfficials && <Table.Th ta="right">{t('dashboard.drill.officialCount')}</Table.Th>}
                <Table.Th ta="right">{t('dashboard.received')}</Table.Th>
                {FIGURES.map((f) => (
                  <Table.Th key={f} ta="right">
                    {t(`dashboard.drill.bucket.${f}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>
                    <Anchor component={Link} to={r.href} aria-label={t('dashboard.drill.openRow', { name: r.name })}>
                      {r.name}
                    </Anchor>
                  </Table.Td>
                  {withOfficials && <Table.Td ta="right">{int(r.officials ?? 0)}</Table.Td>}
                  <Table.Td ta="right">{int(r.counts.received)}</Table.Td>
                  {FIGURES.map((f) => (
                    <Table.Td key={f} ta="right" c={f === 'overdue' && r.counts[f] > 0 ? 'red.9' : undefined}>
                      {int(r.counts[f])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              {totals && (
                <Table.Tr fw={700}>
                  <Table.Td>{t('dashboard.drill.total')}</Table.Td>
                  {withOfficials && <Table.Td />}
                  <Table.Td ta="right">{int(totals.received)}</Table.Td>
                  {FIGURES.map((f) => (
                    <Table.Td key={f} ta="right">
                      {int(totals[f])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
