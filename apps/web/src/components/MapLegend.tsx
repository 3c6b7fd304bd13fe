import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LEGEND_STEPS, NO_DATA_FILL, STROKE, shade } from './map-shading.js';

/** The key of a metric map: the shade of 0, 25, 50, 75 and 100 %, and of a place without a value. */
export function MapLegend({ label, format }: { label: string; format: (v: number) => string }) {
  const { t } = useTranslation();
  const swatch = (fill: string) => (
    <Box
      component="span"
      aria-hidden
      style={{ display: 'inline-block', width: 18, height: 12, background: fill, border: `1px solid ${STROKE}` }}
    />
  );
  return (
    <Box component="section" aria-label={t('common.mapLegend')} mt="xs">
      <Text size="xs" fw={600}>
        {t('common.mapLegend')}: {label}
      </Text>
      <Group gap="sm" mt={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {LEGEND_STEPS.map((v) => (
          <Group key={v} gap={4} component="li">
            {swatch(shade(v))}
            <Text size="xs">{format(v)}</Text>
          </Group>
        ))}
        <Group gap={4} component="li">
          {swatch(NO_DATA_FILL)}
          <Text size="xs">{t('common.mapNoData')}</Text>
        </Group>
      </Group>
    </Box>
  );
}
