import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useEvents } from '../../../api/admin-units.js';

export function RecentEvents() {
  const { t } = useTranslation();
  const events = useEvents();
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        {t('adminUnits.admin.recentEvents')}
      </Title>
      {events.data?.items.length === 0 && <Text c="dimmed">{t('adminUnits.admin.noEvents')}</Text>}
      {Boolean(events.data?.items.length) && (
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('adminUnits.admin.kind')}</Table.Th>
              <Table.Th>{t('adminUnits.admin.effectiveDate')}</Table.Th>
              <Table.Th>{t('adminUnits.admin.description')}</Table.Th>
              <Table.Th>{t('adminUnits.admin.legalBasis')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.data?.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.id}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`adminUnits.kind.${e.kind}`)}</Badge>
                </Table.Td>
                <Table.Td>{formatDate(e.effectiveDate)}</Table.Td>
                <Table.Td>{e.description}</Table.Td>
                <Table.Td>{e.legalBasis ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** System administrators: apply a change event with a preview, resolve the re-homing review list. */
