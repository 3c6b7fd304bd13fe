import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useServiceIndexTrend } from '../../api/supervision.js';

const COLORS = ['blue.8', 'orange.8', 'teal.8', 'grape.8', 'red.8', 'cyan.8', 'lime.9', 'pink.8'];

/** The monthly snapshots of the index, one line per province (points over the computable maximum, in %). */
export function ServiceIndexTrendChart({ provinceCode }: { provinceCode?: string }) {
  const { t } = useTranslation();
  const trend = useServiceIndexTrend(provinceCode);
  const snaps = trend.data?.snapshots ?? [];
  const provinces = [...new Map(snaps.map((s) => [s.provinceCode, s.name])).entries()].slice(0, COLORS.length);
  const months = [...new Set(snaps.map((s) => s.month))].sort();
  const data = months.map((m) => {
    const row: Record<string, string | number> = { month: `${m.slice(5, 7)}/${m.slice(0, 4)}` };
    for (const s of snaps.filter((x) => x.month === m)) {
      // A month with nothing computable has no point (a gap), not 0 %.
      if (s.maxPoints > 0) row[s.provinceCode] = Math.round((s.points / s.maxPoints) * 1000) / 10;
    }
    return row;
  });
  return (
    <Paper withBorder p="md" data-testid="service-index-trend">
      <Title order={3} size="h5" mb="sm">
        {t('supervision.index.trend')}
      </Title>
      {snaps.length === 0 ? (
        <Text>{t('supervision.index.trendEmpty')}</Text>
      ) : (
        <LineChart
          h={240}
          data={data}
          dataKey="month"
          unit=" %"
          yAxisProps={{ domain: [0, 100] }}
          series={provinces.map(([code, name], i) => ({ name: code, label: name, color: COLORS[i] ?? 'gray.8' }))}
          withLegend
          connectNulls
        />
      )}
    </Paper>
  );
}
