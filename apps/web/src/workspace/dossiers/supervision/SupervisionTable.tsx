import { Anchor, Group, Table, Text } from '@mantine/core';
import type { DossierStats, StatsBucket } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Count, OnTimeBar, pct } from './StatsParts.js';

/** Opens the list behind a figure (a row's, or the totals' when code is null). */
export type OpenList = (bucket: StatsBucket, code: string | null, label: string) => () => void;

/**
 * Per unit at receipt or today's unit (per province for a national supervisor): received, online share, in
 * progress by deadline, finished early, on time or late, on-time rate, refused, withdrawn; the totals below.
 */
export function SupervisionTable({ s, open }: { s: DossierStats; open: OpenList }) {
  const { t } = useTranslation();
  type Counts = DossierStats['totals'];
  /** The table's figures: bucket, header and value; each opens its list. */
  const cells: Array<[StatsBucket, string, (c: Counts) => number]> = [
    ['not_due', t('dossiers.progress.undue'), (c) => c.inProgress.undue + c.inProgress.noDeadline],
    ['due_soon', t('dossiers.progress.due_soon'), (c) => c.inProgress.dueSoon],
    ['overdue', t('dossiers.progress.overdue'), (c) => c.inProgress.overdue],
    ['early', t('dossiers.progress.early'), (c) => c.finished.early],
    ['on_time', t('dossiers.progress.on_time'), (c) => c.finished.onTime],
    ['late', t('dossiers.progress.late'), (c) => c.finished.late],
  ];
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped withTableBorder withColumnBorders data-testid="supervision-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2}>
              {s.groupBy === 'province'
                ? t('dossiers.supervision.provinceCol')
                : s.by === 'current_unit'
                  ? t('dossiers.supervision.unitColCurrent')
                  : t('dossiers.supervision.unitCol')}
            </Table.Th>
            <Table.Th rowSpan={2}>{t('dossiers.supervision.received')}</Table.Th>
            <Table.Th rowSpan={2}>{t('dossiers.supervision.onlineShare')}</Table.Th>
            <Table.Th colSpan={3}>{t('dossiers.supervision.inProgress')}</Table.Th>
            <Table.Th colSpan={3}>{t('dossiers.supervision.finished')}</Table.Th>
            <Table.Th rowSpan={2}>{t('dossiers.supervision.onTimeRate')}</Table.Th>
            <Table.Th rowSpan={2}>{t('dossiers.supervision.refused')}</Table.Th>
            <Table.Th rowSpan={2}>{t('dossiers.supervision.withdrawn')}</Table.Th>
            <Table.Th rowSpan={2}>{t('dossiers.supervision.links')}</Table.Th>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('dossiers.progress.undue')}</Table.Th>
            <Table.Th>{t('dossiers.progress.due_soon')}</Table.Th>
            <Table.Th>{t('dossiers.progress.overdue')}</Table.Th>
            <Table.Th>{t('dossiers.progress.early')}</Table.Th>
            <Table.Th>{t('dossiers.progress.on_time')}</Table.Th>
            <Table.Th>{t('dossiers.progress.late')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.rows.map((r) => (
            <Table.Tr key={r.code} data-unit={r.code}>
              <Table.Td>
                <Text size="sm">{r.name}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {r.code}
                </Text>
              </Table.Td>
              <Table.Td>
                {s.groupBy === 'unit' && r.canReadDossiers ? (
                  <Count
                    value={r.received}
                    label={t('dossiers.supervision.received')}
                    onOpen={open('received', r.code, t('dossiers.supervision.received'))}
                  />
                ) : (
                  r.received
                )}
              </Table.Td>
              <Table.Td>{pct(r.onlineShare)}</Table.Td>
              {cells.map(([bucket, label, value]) => (
                <Table.Td key={bucket}>
                  {s.groupBy === 'unit' && r.canReadDossiers ? (
                    <Count
                      value={value(r)}
                      label={label}
                      strong={bucket === 'overdue' && value(r) > 0}
                      onOpen={open(bucket, r.code, label)}
                    />
                  ) : (
                    value(r)
                  )}
                </Table.Td>
              ))}
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" w={48}>
                    {pct(r.onTimeRate)}
                  </Text>
                  <OnTimeBar row={r} />
                </Group>
              </Table.Td>
              <Table.Td>{r.refused}</Table.Td>
              <Table.Td>{r.withdrawn + r.stopped}</Table.Td>
              <Table.Td>
                {s.groupBy === 'province' ? (
                  <Anchor component={Link} to={`/workspace/supervision?provinceCode=${r.code}`} size="sm">
                    {t('dossiers.supervision.byCommune')}
                  </Anchor>
                ) : r.canReadDossiers ? (
                  <Anchor
                    component="button"
                    size="sm"
                    onClick={open('overdue', r.code, t('dossiers.progress.overdue'))}
                  >
                    {t('dossiers.supervision.overdueList', { count: r.inProgress.overdue })}
                  </Anchor>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td>{t('dossiers.supervision.total')}</Table.Td>
            <Table.Td>
              <Count
                value={s.totals.received}
                label={t('dossiers.supervision.received')}
                onOpen={open('received', null, t('dossiers.supervision.received'))}
              />
            </Table.Td>
            <Table.Td>{pct(s.totals.onlineShare)}</Table.Td>
            {cells.map(([bucket, label, value]) => (
              <Table.Td key={bucket}>
                <Count value={value(s.totals)} label={label} onOpen={open(bucket, null, label)} />
              </Table.Td>
            ))}
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" w={48} fw={700}>
                  {pct(s.totals.onTimeRate)}
                </Text>
                <OnTimeBar row={s.totals} />
              </Group>
            </Table.Td>
            <Table.Td>{s.totals.refused}</Table.Td>
            <Table.Td>{s.totals.withdrawn + s.totals.stopped}</Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
