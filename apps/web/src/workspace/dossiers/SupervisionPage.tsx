import { Alert, Anchor, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { DossierStats, StatsBucket } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useDossierStats } from '../../api/dossiers.js';
import { mayDo, useSession } from '../../api/session.js';
import { FeedbackIndexSection } from '../feedback/FeedbackIndexSection.js';
import { StatsDossierList, type StatsPick } from './supervision/StatsDossierList.js';
import { StatsDownloads } from './supervision/StatsDownloads.js';
import { SupervisionFigures } from './supervision/SupervisionFigures.js';
import { type SupervisionFilter, SupervisionFilters } from './supervision/SupervisionFilters.js';
import { SupervisionTable } from './supervision/SupervisionTable.js';

/**
 * Supervision of an area: per unit at the time of receipt or per today's unit (per province for a national supervisor), the
 * dossiers received in the period, the online share, those in progress by deadline, those finished early,
 * on time or late, the on-time rate, refusals and withdrawals; with links to the overdue lists.
 */
export function SupervisionPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filter: SupervisionFilter = {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    provinceCode: params.get('provinceCode') ?? '',
    unitCode: params.get('unitCode') ?? '',
    by: params.get('by') === 'current_unit' ? 'current_unit' : '',
  };
  const set = (k: keyof SupervisionFilter, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const query = {
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
    ...(filter.unitCode ? { unitCode: filter.unitCode } : {}),
    ...(filter.by ? { by: 'current_unit' as const } : {}),
  };
  const q = useDossierStats(query);
  const [pick, setPick] = useState<StatsPick | null>(null);
  /** Open the list behind a figure (a row's, or the totals' when code is null). */
  const open = (bucket: StatsBucket, code: string | null, label: string) => () => setPick({ bucket, code, label });
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  const s: DossierStats | undefined = q.data;
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('dossiers.supervision.title')}</Title>
        <Group>
          <Anchor component={Link} to="/workspace/supervision/dashboard">
            {t('dossiers.supervision.dashboardLink')}
          </Anchor>
          <StatsDownloads query={query} />
        </Group>
        <SupervisionFilters filter={filter} period={s} province={answeredProvince(s)} set={set} />
        {q.error instanceof ApiError && <Alert color="red">{q.error.problem.detail}</Alert>}
        {q.isLoading && <Loader aria-label={t('common.loading')} />}
        {s && (
          <>
            <Text size="sm" c="dimmed">
              {t('dossiers.supervision.period', {
                from: s.from.split('-').reverse().join('/'),
                to: s.to.split('-').reverse().join('/'),
              })}
            </Text>
            <SupervisionFigures s={s} open={open} onProvince={(code) => set('provinceCode', code)} />
            {s.rows.length === 0 ? (
              <Text c="dimmed">{t('dossiers.supervision.empty')}</Text>
            ) : (
              <SupervisionTable s={s} open={open} />
            )}
            {pick && <StatsDossierList filter={query} pick={pick} onClose={() => setPick(null)} />}
            <Text size="xs" c="dimmed">
              {s.by === 'current_unit' ? t('dossiers.supervision.noteCurrent') : t('dossiers.supervision.note')}
            </Text>
            {mayDo(session.data, 'feedback.read') && (
              <FeedbackIndexSection
                query={{
                  from: s.from,
                  to: s.to,
                  ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
                  ...(filter.unitCode ? { unitCode: filter.unitCode } : {}),
                }}
              />
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}

/** The one province every row of a per-unit answer belongs to (what a province supervisor sees by default). */
function answeredProvince(s: DossierStats | undefined): string | undefined {
  if (s?.groupBy !== 'unit' || s.rows.length === 0) return undefined;
  const codes = new Set(s.rows.map((r) => r.provinceCode));
  return codes.size === 1 ? [...codes][0] : undefined;
}
