import { Anchor, Group, Paper, Text, Title } from '@mantine/core';
import type { Workload } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import type { SupervisionFilter } from '../../api/supervision.js';
import { DataTable } from '../../components/DataTable.js';
import { TableDownloads } from './dashboard/TableDownloads.js';

const num = (v: number) => v.toLocaleString('vi-VN');

/**
 * The workload's readiness gap: communes where nobody can approve online. For the nation, counted per province
 * (communes, without an online approver, without a leader's valid signature certificate); a click drills into one,
 * which names its communes.
 */
export function WorkloadApproverGaps({
  gaps,
  filter,
  onDrill,
}: {
  gaps: Workload['noOnlineApprover'];
  filter: SupervisionFilter;
  onDrill: (provinceCode: string) => void;
}) {
  const { t } = useTranslation();
  const title = t('supervision.workload.noApprover', { total: gaps.total });
  return (
    <Paper withBorder p="md" data-testid="workload-gaps">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        <TableDownloads
          path="/api/supervision/workload"
          query={{ ...filter, table: 'noOnlineApprover' }}
          table={title}
        />
      </Group>
      {gaps.byProvince.length > 0 ? (
        <DataTable
          rows={gaps.byProvince}
          rowKey={(p) => p.provinceCode}
          data-testid="workload-gaps-provinces"
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
            { header: t('supervision.workload.communes'), cell: (p) => num(p.communes) },
            { header: t('supervision.workload.withoutApprover'), cell: (p) => num(p.without) },
            { header: t('supervision.workload.withoutCertificate'), cell: (p) => num(p.withoutCertificate) },
          ]}
        />
      ) : (
        <Text size="sm">{gaps.items.map((i) => `${i.fullName} (${i.code})`).join(', ') || '—'}</Text>
      )}
    </Paper>
  );
}
