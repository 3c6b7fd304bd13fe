import { Group, Paper, Text, Title } from '@mantine/core';
import type { Workload } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import type { SupervisionFilter } from '../../api/supervision.js';
import { DataTable } from '../../components/DataTable.js';
import { TableDownloads } from './dashboard/TableDownloads.js';

const day = (d: string | null) => (d ? d.split('-').reverse().join('/') : '—');

/** The workload's readiness gap by commune: leaders (online approvers) whose signature certificate does not serve. */
export function WorkloadCertificateGaps({
  gaps,
  filter,
}: {
  gaps: Workload['certificateGaps'];
  filter: SupervisionFilter;
}) {
  const { t } = useTranslation();
  const title = t('supervision.workload.certificateGaps', { total: gaps.total });
  return (
    <Paper withBorder p="md" data-testid="workload-certificates">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        <TableDownloads
          path="/api/supervision/workload"
          query={{ ...filter, table: 'certificateGaps' }}
          table={title}
        />
      </Group>
      {gaps.items.length === 0 ? (
        <Text size="sm">—</Text>
      ) : (
        <DataTable
          rows={gaps.items}
          rowKey={(g) => `${g.unitCode}-${g.userId}`}
          columns={[
            { header: t('supervision.workload.commune'), cell: (g) => `${g.unitName} (${g.unitCode})` },
            { header: t('supervision.workload.official'), cell: (g) => g.fullName },
            { header: t('supervision.workload.certificate'), cell: (g) => t(`supervision.workload.gap.${g.gap}`) },
            { header: t('supervision.workload.validTo'), cell: (g) => day(g.certificateValidTo) },
          ]}
        />
      )}
    </Paper>
  );
}
