import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useUnitNames } from '../../api/admin-units.js';
import { ApiError } from '../../api/client.js';
import { type DossierView, statusColor, useDossierList, vnDateTime } from '../../api/dossiers.js';
import { mayDo, useSession } from '../../api/session.js';

const views: DossierView[] = ['open', 'waiting', 'mine', 'unassigned', 'due_soon', 'overdue', 'all'];

/** Processing queue of the official's units: views by assignment and deadline, search by code, name or phone. */
export function DossierQueuePage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const initial = params.get('view') as DossierView | null;
  const [view, setView] = useState<DossierView>(initial && views.includes(initial) ? initial : 'open');
  const [q, setQ] = useState('');
  // One unit only, when opened from the supervision page (the API checks the jurisdiction).
  const [unitCode, setUnitCode] = useState(params.get('unit') ?? '');
  const list = useDossierList({ view, q, unitCode, limit: 50, offset: 0 });
  const unitName = useUnitNames([unitCode, ...(list.data?.items.map((d) => d.competentUnitCode) ?? [])]);
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  const canReceive = mayDo(session.data, 'dossier.receive');
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={2}>{t('dossiers.queue.title')}</Title>
          {canReceive && (
            <Button component={Link} to="/workspace/dossiers/new">
              {t('dossiers.queue.receive')}
            </Button>
          )}
        </Group>
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as DossierView)}
          data={views.map((v) => ({ value: v, label: t(`dossiers.queue.views.${v}`) }))}
        />
        {unitCode && (
          <Group gap="xs">
            <Badge variant="outline" size="lg">
              {t('dossiers.queue.unitFilter', { name: `${unitName(unitCode)} (${unitCode})` })}
            </Badge>
            <Button size="compact-xs" variant="subtle" onClick={() => setUnitCode('')}>
              {t('dossiers.queue.allUnits')}
            </Button>
          </Group>
        )}
        {list.error instanceof ApiError && <Alert color="red">{list.error.problem.detail}</Alert>}
        <TextInput
          aria-label={t('dossiers.queue.search')}
          placeholder={t('dossiers.queue.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        {list.isLoading ? (
          <Loader aria-label={t('common.loading')} />
        ) : !list.data?.items.length ? (
          <Text c="dimmed">{t('dossiers.queue.empty')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t(list.data.totalCapped ? 'dossiers.queue.totalCapped' : 'dossiers.queue.total', {
                count: list.data.total.toLocaleString('vi-VN'),
              })}
            </Text>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dossiers.columns.code')}</Table.Th>
                  <Table.Th>{t('dossiers.columns.applicant')}</Table.Th>
                  <Table.Th>{t('dossiers.columns.procedure')}</Table.Th>
                  <Table.Th>{t('dossiers.columns.unit')}</Table.Th>
                  <Table.Th>{t('dossiers.columns.channel')}</Table.Th>
                  <Table.Th>{t('dossiers.columns.status')}</Table.Th>
                  <Table.Th>{t('dossiers.columns.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/workspace/dossiers/${d.id}`} ff="monospace" size="sm">
                        {d.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{d.applicantName}</Table.Td>
                    <Table.Td>{d.procedureName}</Table.Td>
                    <Table.Td title={d.competentUnitCode}>{unitName(d.competentUnitCode)}</Table.Td>
                    <Table.Td>{t(`dossiers.channel.${d.channel}`)}</Table.Td>
                    <Table.Td miw={210}>
                      <Badge color={statusColor[d.status]} variant="light">
                        {t(`dossiers.status.${d.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{vnDateTime(d.dueAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Container>
  );
}
