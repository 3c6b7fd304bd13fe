import { Text } from '@mantine/core';
import type { Workload } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import type { SupervisionFilter } from '../../api/supervision.js';
import { WorkloadGapsFrame } from './WorkloadGapsFrame.js';

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
  return (
    <WorkloadGapsFrame
      title={t('supervision.workload.noApprover', { total: gaps.total })}
      table="noOnlineApprover"
      testId="workload-gaps"
      filter={filter}
      byProvince={gaps.byProvince}
      provinceColumns={[
        { header: t('supervision.workload.communes'), cell: (p) => num(p.communes) },
        { header: t('supervision.workload.withoutApprover'), cell: (p) => num(p.without) },
        { header: t('supervision.workload.withoutCertificate'), cell: (p) => num(p.withoutCertificate) },
      ]}
      onDrill={onDrill}
    >
      <Text size="sm">{gaps.items.map((i) => `${i.fullName} (${i.code})`).join(', ') || '—'}</Text>
    </WorkloadGapsFrame>
  );
}
