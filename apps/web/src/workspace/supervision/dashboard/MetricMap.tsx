import { Box, Card, Select, Title } from '@mantine/core';
import type { DashboardRow } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProvinceMap } from '../../../components/ProvinceMap.js';
import { pct } from './format.js';

const METRICS = ['onTimeRate', 'finishedOnTimeShare', 'onlineShare', 'supplementRate', 'refusalRate'] as const;
type Metric = (typeof METRICS)[number];
const LABEL: Record<Metric, string> = {
  onTimeRate: 'dashboard.onTimeRate',
  finishedOnTimeShare: 'dashboard.finishedOnTimeShare',
  onlineShare: 'dashboard.onlineShare',
  supplementRate: 'dashboard.supplementRate',
  refusalRate: 'dashboard.refusalRate',
};

/** Provinces coloured by a metric of the dashboard's rows (0–1 shares); each province opens its dashboard. */
export function MetricMap({ rows, hrefOf }: { rows: DashboardRow[]; hrefOf: (code: string) => string }) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<Metric>('onTimeRate');
  const values = Object.fromEntries(rows.filter((r) => r[metric] !== null).map((r) => [r.code, r[metric] as number]));
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        {t('dashboard.map')}
      </Title>
      <Select
        label={t('dashboard.metric')}
        maw={320}
        value={metric}
        onChange={(v) => v && setMetric(v as Metric)}
        data={METRICS.map((m) => ({ value: m, label: t(LABEL[m]) }))}
        allowDeselect={false}
      />
      <Box maw={520} mt="sm">
        <ProvinceMap
          title={t('dashboard.map')}
          values={values}
          describe={(_code, v) => `${t(LABEL[metric])}: ${pct(v)}`}
          hrefOf={hrefOf}
        />
      </Box>
    </Card>
  );
}
