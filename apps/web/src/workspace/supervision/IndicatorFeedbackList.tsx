import { Anchor, Badge, Button, Group, Loader, Paper, Title } from '@mantine/core';
import type { ServiceIndexFeedbackList } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { vnDateTime } from '../../api/dossiers.js';
import { exportUrl, type SupervisionFilter, useServiceIndexFeedback } from '../../api/supervision.js';
import { DataTable } from '../../components/DataTable.js';
import { Pager } from '../../components/Pager.js';

export type FeedbackPick = { indicator: '5.2' | '5.3'; part: 'numerator' | 'denominator' };
type Item = ServiceIndexFeedbackList['items'][number];

/** The feedback (PAKN) items behind a figure of 5.2 or 5.3: same scope, period and rule, so as many as the figure. */
export function IndicatorFeedbackList(p: { filter: SupervisionFilter; pick: FeedbackPick; onClose: () => void }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const list = useServiceIndexFeedback(p.filter, p.pick, offset);
  const file = (format: 'xlsx' | 'pdf') =>
    `${exportUrl('/service-index/feedback', p.filter, format)}&indicator=${p.pick.indicator}&part=${p.pick.part}`;
  return (
    <Paper withBorder p="md" data-testid="indicator-feedback">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t('supervision.index.feedback', {
            part: t(`supervision.index.part.${p.pick.part}`),
            id: p.pick.indicator,
            total: list.data?.total ?? 0,
          })}
        </Title>
        <Group gap="sm">
          <Anchor href={file('xlsx')} download size="sm">
            {t('supervision.index.xlsx')}
          </Anchor>
          <Anchor href={file('pdf')} download size="sm">
            {t('supervision.index.pdf')}
          </Anchor>
          <Button variant="subtle" size="xs" onClick={p.onClose}>
            {t('supervision.index.close')}
          </Button>
        </Group>
      </Group>
      {list.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {list.data && (
        <>
          <DataTable<Item>
            rows={list.data.items}
            rowKey={(d) => d.id}
            minWidth={800}
            columns={[
              {
                header: t('supervision.index.feedbackColumns.code'),
                cell: (d) => (
                  <Anchor component={Link} to={`/workspace/feedback/${d.id}`} ff="monospace" size="sm">
                    {d.code}
                  </Anchor>
                ),
              },
              { header: t('supervision.index.dossierColumns.unit'), cell: (d) => d.unitCode },
              {
                header: t('supervision.index.feedbackColumns.status'),
                cell: (d) => <Badge>{t(`feedback.statuses.${d.status}`)}</Badge>,
              },
              { header: t('supervision.index.dossierColumns.entered'), cell: (d) => vnDateTime(d.receivedAt) },
              {
                header: t('supervision.index.feedbackColumns.due'),
                cell: (d) => (d.dueAt ? vnDateTime(d.dueAt) : '—'),
              },
              {
                header: t('supervision.index.feedbackColumns.rating'),
                cell: (d) => (d.rating ? t(`feedback.track.ratings.${d.rating}`) : '—'),
              },
            ]}
          />
          <Pager
            total={list.data.total}
            offset={offset}
            limit={20}
            onOffset={setOffset}
            previous={t('supervision.index.previous')}
            next={t('supervision.index.next')}
          />
        </>
      )}
    </Paper>
  );
}
