import { Anchor, Badge, Button, Group, Loader, Paper, Text, Title } from '@mantine/core';
import type { DossierStatsQuery, DossierSummary, StatsBucket } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useUnitNames } from '../../../api/admin-units.js';
import { statusColor, useStatsDossiers, vnDateTime } from '../../../api/dossiers.js';
import { DataTable } from '../../../components/DataTable.js';

export type StatsPick = { bucket: StatsBucket; code: string | null; label: string };

/** The dossiers behind the figure the supervisor clicked: the same filter and rule, so as many as the figure. */
export function StatsDossierList(p: { filter: Partial<DossierStatsQuery>; pick: StatsPick; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useStatsDossiers(p.filter, { bucket: p.pick.bucket, code: p.pick.code });
  const nameOf = useUnitNames([p.pick.code]);
  const where = p.pick.code ? ` · ${nameOf(p.pick.code)}` : '';
  return (
    <Paper withBorder p="md" data-testid="stats-list">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t('dossiers.supervision.listTitle', { label: p.pick.label, where, count: list.data?.total ?? 0 })}
        </Title>
        <Button variant="subtle" size="xs" onClick={p.onClose}>
          {t('dossiers.supervision.closeList')}
        </Button>
      </Group>
      {list.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {list.data && (
        <DataTable<DossierSummary>
          rows={list.data.items}
          rowKey={(d) => d.id}
          minWidth={900}
          columns={[
            {
              header: t('dossiers.columns.code'),
              cell: (d) => (
                <Anchor component={Link} to={`/workspace/dossiers/${d.id}`} ff="monospace" size="sm">
                  {d.code}
                </Anchor>
              ),
            },
            { header: t('dossiers.columns.applicant'), cell: (d) => d.applicantName },
            { header: t('dossiers.columns.procedure'), cell: (d) => <Text size="sm">{d.procedureName}</Text> },
            {
              header: t('dossiers.columns.status'),
              cell: (d) => <Badge color={statusColor[d.status] ?? 'gray'}>{t(`dossiers.status.${d.status}`)}</Badge>,
            },
            { header: t('dossiers.columns.due'), cell: (d) => vnDateTime(d.dueAt) },
          ]}
        />
      )}
    </Paper>
  );
}
