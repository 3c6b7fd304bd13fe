import { Card, SimpleGrid, Text } from '@mantine/core';
import { type Dashboard, type DashboardCounts, formatVnDay } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { dec, int, pct } from './format.js';

function Kpi({ label, value, hint, previous }: { label: string; value: string; hint?: string; previous?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {hint && <Text size="xs">{hint}</Text>}
      {previous && (
        <Text size="xs" c="dimmed">
          {previous}
        </Text>
      )}
    </Card>
  );
}

/** The dashboard's figures for the scope and period, each with the previous period of equal length. */
export function DashboardKpis({ dashboard: s }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  // The previous period as Vietnamese readers write days (dd/mm/yyyy), not the API's ISO.
  const period = { from: formatVnDay(s.previous.from), to: formatVnDay(s.previous.to) };
  const prev = (f: (c: DashboardCounts) => string) =>
    t('dashboard.previous', { ...period, value: f(s.previousTotals) });
  const c = s.totals;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
      <Kpi label={t('dashboard.received')} value={int(c.received)} previous={prev((p) => int(p.received))} />
      <Kpi label={t('dashboard.onlineShare')} value={pct(c.onlineShare)} previous={prev((p) => pct(p.onlineShare))} />
      <Kpi
        label={t('dashboard.onTimeRate')}
        value={pct(c.onTimeRate)}
        hint={t('dashboard.onTimeRateHint', { overdue: int(c.inProgressOverdue) })}
        previous={prev((p) => pct(p.onTimeRate))}
      />
      <Kpi
        label={t('dashboard.finishedOnTimeShare')}
        value={pct(c.finishedOnTimeShare)}
        previous={prev((p) => pct(p.finishedOnTimeShare))}
      />
      <Kpi label={t('dashboard.inProgress')} value={int(c.inProgress)} previous={prev((p) => int(p.inProgress))} />
      <Kpi
        label={`${t('dashboard.early')} / ${t('dashboard.onTime')} / ${t('dashboard.late')}`}
        value={`${int(c.finishedEarly)} / ${int(c.finishedOnTime)} / ${int(c.finishedLate)}`}
        previous={prev((p) => `${int(p.finishedEarly)} / ${int(p.finishedOnTime)} / ${int(p.finishedLate)}`)}
      />
      <Kpi
        label={t('dashboard.supplementRate')}
        value={pct(c.supplementRate)}
        previous={prev((p) => pct(p.supplementRate))}
      />
      <Kpi label={t('dashboard.refusalRate')} value={pct(c.refusalRate)} previous={prev((p) => pct(p.refusalRate))} />
      <Kpi
        label={t('dashboard.rating')}
        value={dec(c.averageRating)}
        hint={t('dashboard.ratingCount', { count: c.ratingCount, n: int(c.ratingCount) })}
        previous={prev((p) => dec(p.averageRating))}
      />
      <Kpi
        label={t('dashboard.feedbackOnTime')}
        value={pct(s.feedback.onTimeRate)}
        hint={t('dashboard.feedbackHandled', { n: int(s.feedback.handledOnTime), of: int(s.feedback.handled) })}
        previous={t('dashboard.previous', { ...period, value: pct(s.previousFeedback.onTimeRate) })}
      />
      <Kpi
        label={t('dashboard.feedbackSatisfaction')}
        value={pct(s.feedback.satisfactionRate)}
        hint={t('dashboard.feedbackReceived', {
          n: int(s.feedback.received),
          dissatisfied: int(s.feedback.dissatisfied),
          overdue: int(s.feedback.overdue),
        })}
        previous={t('dashboard.previous', { ...period, value: pct(s.previousFeedback.satisfactionRate) })}
      />
      <Kpi
        label={t('dashboard.processingDays')}
        value={dec(c.averageProcessingDays)}
        previous={prev((p) => dec(p.averageProcessingDays))}
      />
    </SimpleGrid>
  );
}
