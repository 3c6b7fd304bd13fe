import { Alert, Anchor, Badge, Card, Group, Loader, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, useLineage, useUnit } from '../../api/admin-units.js';
import { useSession } from '../../api/session.js';
import { LineageTable } from './LineageTable.js';

/** A unit as of a date: its names, type, validity, a link to its organisation (signed in) and its lineage. */
export function UnitDetail({ code, onDate }: { code: string; onDate: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const unit = useUnit(code, onDate);
  const lineage = useLineage(code, onDate);
  if (unit.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (unit.isError || !unit.data) return <Alert color="red">{unit.error?.message ?? t('adminUnits.loadError')}</Alert>;
  const u = unit.data;
  return (
    <Stack>
      <Card withBorder>
        <Stack gap={6}>
          <Title order={3}>{u.fullName}</Title>
          <Group gap="xs">
            <Badge>{t(`adminUnits.type.${u.type}`)}</Badge>
            <Badge variant="outline">{t(`adminUnits.level.${u.level}`)}</Badge>
          </Group>
          <Table variant="vertical" withTableBorder={false} fz="sm">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={160}>{t('adminUnits.code')}</Table.Th>
                <Table.Td>{u.code}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('adminUnits.name')}</Table.Th>
                <Table.Td>{u.name}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('adminUnits.validFrom')}</Table.Th>
                <Table.Td>{u.validFrom ? formatDate(u.validFrom) : t('adminUnits.notRecorded')}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('adminUnits.validTo')}</Table.Th>
                <Table.Td>{u.validTo ? formatDate(u.validTo) : t('adminUnits.stillInForce')}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {session.data && u.level !== 'district' && (
            <Anchor component={Link} to={`/admin/units/${u.code}/organisation`} size="sm">
              {t('adminUnits.browse.organisationLink')}
            </Anchor>
          )}
        </Stack>
      </Card>
      <Title order={3}>{t('adminUnits.browse.lineage')}</Title>
      {lineage.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {lineage.data && (
        <>
          <Title order={4}>{t('adminUnits.browse.predecessors')}</Title>
          <LineageTable steps={lineage.data.predecessors} direction="back" />
          <Title order={4}>{t('adminUnits.browse.successors')}</Title>
          <LineageTable steps={lineage.data.successors} direction="forward" />
        </>
      )}
    </Stack>
  );
}
