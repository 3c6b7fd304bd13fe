import { Box, Card, Select, Title } from '@mantine/core';
import type { DashboardRow } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CommuneMap } from '../../../components/CommuneMap.js';
import { MapLegend } from '../../../components/MapLegend.js';
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

export type MetricMapProps = {
  /** The rows of the level below: provinces of the nation, or communes of a province (matched by their 2025 code). */
  rows: DashboardRow[];
  /** A nation's map shows its provinces; a province's map shows that province's communes and wards. */
  scope: { level: 'nation' } | { level: 'province'; code: string; name: string };
  /** The dashboard a shape opens (the level below, as the table's links). */
  hrefOf: (code: string) => string;
};

/** The places of the level below coloured by a metric of the dashboard's rows (0–1 shares); each opens its dashboard. */
export function MetricMap({ rows, scope, hrefOf }: MetricMapProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [metric, setMetric] = useState<Metric>('onTimeRate');
  const values = Object.fromEntries(rows.filter((r) => r[metric] !== null).map((r) => [r.code, r[metric] as number]));
  const describe = (_code: string, v: number) => `${t(LABEL[metric])}: ${pct(v)}`;
  const onSelect = (code: string) => navigate(hrefOf(code));
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
      <MapLegend label={t(LABEL[metric])} format={pct} />
      <Box maw={scope.level === 'province' ? 640 : 520} mt="sm">
        {scope.level === 'province' ? (
          <CommuneMap
            provinceCode={scope.code}
            title={t('dashboard.communeMap', { name: scope.name })}
            values={values}
            describe={describe}
            noData={t('common.mapNoData')}
            hrefOf={hrefOf}
            onSelect={onSelect}
            zoomable
          />
        ) : (
          <ProvinceMap
            title={t('dashboard.map')}
            values={values}
            describe={describe}
            hrefOf={hrefOf}
            onSelect={onSelect}
            zoomable
          />
        )}
      </Box>
    </Card>
  );
}
