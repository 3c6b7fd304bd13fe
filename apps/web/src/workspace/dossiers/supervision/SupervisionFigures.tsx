import { Box, SimpleGrid } from '@mantine/core';
import type { DossierStats } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { ProvinceMap } from '../../../components/ProvinceMap.js';
import { Figure, pct } from './StatsParts.js';
import type { OpenList } from './SupervisionTable.js';

/** The period's headline figures (each count opens its list) and, per province, the on-time rate on the map. */
export function SupervisionFigures({
  s,
  open,
  onProvince,
}: {
  s: DossierStats;
  open: OpenList;
  onProvince: (code: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Figure
          label={t('dossiers.supervision.received')}
          value={s.totals.received}
          onOpen={open('received', null, t('dossiers.supervision.received'))}
        />
        <Figure label={t('dossiers.supervision.onlineShare')} value={pct(s.totals.onlineShare)} />
        <Figure
          label={t('dossiers.supervision.inProgress')}
          value={s.totals.inProgress.total}
          onOpen={open('in_progress', null, t('dossiers.supervision.inProgress'))}
        />
        <Figure
          label={t('dossiers.progress.overdue')}
          value={s.totals.inProgress.overdue}
          onOpen={open('overdue', null, t('dossiers.progress.overdue'))}
          {...(s.totals.inProgress.overdue > 0 ? { color: 'red' } : {})}
        />
        <Figure label={t('dossiers.supervision.onTimeRate')} value={pct(s.totals.onTimeRate)} />
      </SimpleGrid>
      {s.groupBy === 'province' && s.rows.length > 0 && (
        <Box maw={520}>
          <ProvinceMap
            title={t('dossiers.supervision.mapTitle')}
            values={Object.fromEntries(
              s.rows.filter((r) => r.onTimeRate !== null).map((r) => [r.code, r.onTimeRate as number]),
            )}
            describe={(code, v) =>
              t('dossiers.supervision.mapValue', {
                rate: pct(v),
                received: s.rows.find((r) => r.code === code)?.received ?? 0,
              })
            }
            hrefOf={(code) => `/workspace/supervision?provinceCode=${code}`}
            onSelect={onProvince}
          />
        </Box>
      )}
    </>
  );
}
