import { Badge } from '@mantine/core';
import type { ServiceIndexFeedbackList } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { vnDateTime } from '../../api/dossiers.js';
import { type SupervisionFilter, useServiceIndexFeedback } from '../../api/supervision.js';
import { IndicatorListFrame } from './IndicatorListFrame.js';

export type FeedbackPick = { indicator: '5.2' | '5.3'; part: 'numerator' | 'denominator' };
type Item = ServiceIndexFeedbackList['items'][number];

/** The feedback (PAKN) items behind a figure of 5.2 or 5.3: same scope, period and rule, so as many as the figure. */
export function IndicatorFeedbackList(p: { filter: SupervisionFilter; pick: FeedbackPick; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <IndicatorListFrame<Item, typeof p.pick>
      kind="feedback"
      {...p}
      usePage={useServiceIndexFeedback}
      codeHeader={t('supervision.index.feedbackColumns.code')}
      columns={[
        { header: t('supervision.index.dossierColumns.unit'), cell: (d) => d.unitCode },
        {
          header: t('supervision.index.feedbackColumns.status'),
          cell: (d) => <Badge>{t(`feedback.statuses.${d.status}`)}</Badge>,
        },
        { header: t('supervision.index.dossierColumns.entered'), cell: (d) => vnDateTime(d.receivedAt) },
        { header: t('supervision.index.feedbackColumns.due'), cell: (d) => (d.dueAt ? vnDateTime(d.dueAt) : '—') },
        {
          header: t('supervision.index.feedbackColumns.rating'),
          cell: (d) => (d.rating ? t(`feedback.track.ratings.${d.rating}`) : '—'),
        },
      ]}
    />
  );
}
