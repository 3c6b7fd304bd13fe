import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Anchor,
  Box,
  Card,
  Container,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type Dashboard, formatVnDay } from '@mot-cua/contracts';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api/client.js';
import { useDashboard } from '../../../api/supervision-dashboard.js';
import { VnDateInput } from '../../../components/VnDateInput.js';
import { DashboardKpis } from './DashboardKpis.js';
import { DashboardTables, dashboardFile } from './DashboardTables.js';
import { int } from './format.js';
import { TableDownloads } from './TableDownloads.js';

// The map carries d3 and the province shapes: its own chunk, loaded when a national or province dashboard shows it
// (a province's commune shapes are a static file per province, fetched by the map).
const PATH = '/api/supervision/dashboard';
const MetricMap = lazy(() => import('./MetricMap.js').then((m) => ({ default: m.MetricMap })));

/** Supervision dashboard: nation → province → commune → the commune's dossiers, from the aggregates. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = {
    level: (params.get('level') ?? undefined) as Dashboard['level'] | undefined,
    code: params.get('code') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    by: (params.get('by') ?? 'received_unit') as Dashboard['by'],
  };
  const d = useDashboard(q);
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    setParams(next);
  };
  const linkTo = (level: string, code: string) => {
    const next = new URLSearchParams(params);
    next.set('level', level);
    next.set('code', code);
    return `/workspace/supervision/dashboard?${next}`;
  };
  const daily = useMemo(() => {
    const byDay = new Map<string, Record<string, number | string>>();
    for (const r of d.data?.daily ?? []) {
      const row = byDay.get(r.day) ?? { day: formatVnDay(r.day).slice(0, 5) }; // dd/mm
      row[r.channel] = r.received;
      byDay.set(r.day, row);
    }
    return [...byDay.values()];
  }, [d.data]);

  if (d.error) {
    const forbidden = d.error instanceof ApiError && d.error.problem.status === 403;
    return (
      <Container size="xl" py="md">
        <Alert color="red">{forbidden ? t('dashboard.forbidden') : d.error.message}</Alert>
      </Container>
    );
  }
  const s = d.data;
  return (
    <Container size="xl" py="md">
      <Stack gap="md">
        <Title order={1}>
          {t('dashboard.title')}
          {s ? ` — ${s.level === 'nation' ? t('dashboard.nation') : s.name}` : ''}
        </Title>
        <Text c="dimmed">{t('dashboard.intro')}</Text>
        {s?.parent && (
          <Anchor component={Link} to={linkTo(s.parent.level, s.parent.code)}>
            ← {t('dashboard.back', { name: s.parent.level === 'nation' ? t('dashboard.nation') : s.parent.name })}
          </Anchor>
        )}
        <Group align="end">
          <VnDateInput label={t('dashboard.from')} value={s?.from ?? ''} onChange={(from) => set({ from })} />
          <VnDateInput label={t('dashboard.to')} value={s?.to ?? ''} onChange={(to) => set({ to })} />
          <SegmentedControl
            value={q.by}
            onChange={(v) => set({ by: v })}
            data={[
              { value: 'received_unit', label: t('dashboard.by.received_unit') },
              { value: 'current_unit', label: t('dashboard.by.current_unit') },
            ]}
          />
        </Group>
        {!s ? (
          <Loader aria-label={t('common.loading')} />
        ) : (
          <>
            <DashboardKpis dashboard={s} />
            <Card withBorder>
              <Group justify="space-between">
                <Title order={2} size="h4">
                  {t('dashboard.openDue.title')}
                </Title>
                <TableDownloads path={PATH} query={dashboardFile(s, 'openDue')} table={t('dashboard.openDue.title')} />
              </Group>
              <SimpleGrid cols={{ base: 2, md: 4 }} mt="xs">
                {(['overdue', 'dueSoon', 'undue', 'paused'] as const).map((k) => (
                  <Box key={k}>
                    <Text size="sm" c={k === 'overdue' ? 'red.9' : 'dimmed'}>
                      {t(`dashboard.openDue.${k}`)}
                    </Text>
                    <Text fw={700}>{int(s.openDue[k])}</Text>
                  </Box>
                ))}
              </SimpleGrid>
            </Card>
            {daily.length > 0 && (
              <Card withBorder>
                <Group justify="space-between" mb="xs">
                  <Title order={2} size="h4">
                    {t('dashboard.daily')}
                  </Title>
                  <TableDownloads path={PATH} query={dashboardFile(s, 'daily')} table={t('dashboard.daily')} />
                </Group>
                <BarChart
                  h={220}
                  data={daily}
                  dataKey="day"
                  type="stacked"
                  withLegend
                  series={(['online', 'in_person', 'postal'] as const).map((c, i) => ({
                    name: c,
                    label: t(`dashboard.channel.${c}`),
                    color: ['blue.7', 'teal.7', 'orange.7'][i]!,
                  }))}
                />
              </Card>
            )}
            {s.level !== 'commune' && s.rows.length > 0 && (
              <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
                <MetricMap
                  rows={s.rows}
                  scope={s.level === 'nation' ? { level: 'nation' } : { level: 'province', code: s.code, name: s.name }}
                  hrefOf={(code) => linkTo(s.level === 'nation' ? 'province' : 'commune', code)}
                />
              </Suspense>
            )}
            <DashboardTables dashboard={s} linkTo={linkTo} />
          </>
        )}
      </Stack>
    </Container>
  );
}
