import { Text } from '@mantine/core';
import type { Workload } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import type { SupervisionFilter } from '../../api/supervision.js';
import { DataTable } from '../../components/DataTable.js';
import { WorkloadGapsFrame } from './WorkloadGapsFrame.js';

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
  return (
    <WorkloadGapsFrame
      title={t('supervision.workload.certificateGaps', { total: gaps.total })}
      table="certificateGaps"
      testId="workload-certificates"
      filter={filter}
      byProvince={gaps.byProvince}
      provinceColumns={[
        { header: t('supervision.workload.gap.missing'), cell: (p) => p.missing.toLocaleString('vi-VN') },
        { header: t('supervision.workload.gap.expired'), cell: (p) => p.expired.toLocaleString('vi-VN') },
      ]}
      onDrill={onDrill}
    >
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
    </WorkloadGapsFrame>
  );
}
