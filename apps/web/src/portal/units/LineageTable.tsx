import { Badge, Table, Text } from '@mantine/core';
import type { Lineage } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../api/admin-units.js';

/** A unit's predecessors or successors: each change event's date, kind, from, to and share. */
export function LineageTable({ steps, direction }: { steps: Lineage['predecessors']; direction: 'back' | 'forward' }) {
  const { t } = useTranslation();
  if (steps.length === 0) return <Text c="dimmed">{t('adminUnits.browse.none')}</Text>;
  const sorted = [...steps].sort((a, b) => a.depth - b.depth || a.fromCode.localeCompare(b.fromCode));
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('adminUnits.validFrom')}</Table.Th>
            <Table.Th>{t('adminUnits.browse.event')}</Table.Th>
            <Table.Th>{t('adminUnits.browse.from')}</Table.Th>
            <Table.Th>{t('adminUnits.browse.to')}</Table.Th>
            <Table.Th>{t('adminUnits.convert.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((s) => (
            <Table.Tr key={`${s.eventKey}:${s.fromCode}:${s.toCode}`} data-direction={direction}>
              <Table.Td>{formatDate(s.effectiveDate)}</Table.Td>
              <Table.Td title={s.legalBasis ?? undefined}>{t(`adminUnits.kind.${s.kind}`)}</Table.Td>
              <Table.Td>
                {s.fromName}{' '}
                <Text span size="xs" c="dimmed">
                  {s.fromCode}
                </Text>
              </Table.Td>
              <Table.Td>
                {s.toName}{' '}
                <Text span size="xs" c="dimmed">
                  {s.toCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={s.share === 'partial' ? 'orange' : 'gray'}>
                  {t(`adminUnits.share.${s.share}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
