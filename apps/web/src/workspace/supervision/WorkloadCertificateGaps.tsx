import { Anchor, Group, Paper, Text, Title } from '@mantine/core';
import type { Workload } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import type { SupervisionFilter } from '../../api/supervision.js';
import { DataTable } from '../../components/DataTable.js';
import { TableDownloads } from './dashboard/TableDownloads.js';

const day = (d: string | null) => (d ? d.split('-').reverse().join('/') : '—');

/**
 * The workload's readiness gap by commune: leaders (online approvers) whose signature certificate does not serve.
 * For the nation, counted per province (a click drills into one, which lists its leaders).
 */
export function WorkloadCertificateGaps({
  gaps,
  filter,
  onDrill,
}: {
  gaps: Workload['certificateGaps'];
  filter: SupervisionFilter;
  onDrill: (provinceCode: string) => void;
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
      {gaps.byProvince.length > 0 ? (
        <DataTable
          rows={gaps.byProvince}
          rowKey={(p) => p.provinceCode}
          data-testid="workload-certificates-provinces"
          columns={[
            {
              header: t('supervision.workload.province'),
              cell: (p) => (
                <Anchor
                  component="button"
                  type="button"
                  title={t('supervision.workload.drill', { name: p.name })}
                  onClick={() => onDrill(p.provinceCode)}
                >
                  {`${p.name} (${p.provinceCode})`}
                </Anchor>
              ),
            },
            { header: t('supervision.workload.gap.missing'), cell: (p) => p.missing.toLocaleString('vi-VN') },
            { header: t('supervision.workload.gap.expired'), cell: (p) => p.expired.toLocaleString('vi-VN') },
          ]}
        />
      ) : gaps.items.length === 0 ? (
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
