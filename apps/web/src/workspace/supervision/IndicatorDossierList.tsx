import { Badge } from '@mantine/core';
import type { DossierIndicatorId, ServiceIndexDossier } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { statusColor, vnDateTime } from '../../api/dossiers.js';
import { type SupervisionFilter, useServiceIndexDossiers } from '../../api/supervision.js';
import { IndicatorListFrame } from './IndicatorListFrame.js';

export type IndicatorPick = { indicator: DossierIndicatorId; part: 'numerator' | 'denominator' };

/** The dossiers behind a figure of the index: the same scope, period and condition, so as many as the figure. */
export function IndicatorDossierList(p: { filter: SupervisionFilter; pick: IndicatorPick; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <IndicatorListFrame<ServiceIndexDossier, typeof p.pick>
      kind="dossiers"
      {...p}
      usePage={useServiceIndexDossiers}
      codeHeader={t('supervision.index.dossierColumns.code')}
      columns={[
        { header: t('supervision.index.dossierColumns.procedure'), cell: (d) => d.procedureName },
        { header: t('supervision.index.dossierColumns.unit'), cell: (d) => d.receivingUnitCode },
        { header: t('supervision.index.dossierColumns.channel'), cell: (d) => t(`dossiers.channel.${d.channel}`) },
        {
          header: t('supervision.index.dossierColumns.status'),
          cell: (d) => <Badge color={statusColor[d.status] ?? 'gray'}>{t(`dossiers.status.${d.status}`)}</Badge>,
        },
        { header: t('supervision.index.dossierColumns.entered'), cell: (d) => vnDateTime(d.enteredAt) },
      ]}
    />
  );
}
