import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { VnDateInput } from '../../../components/VnDateInput.js';

export type SupervisionFilter = {
  from: string;
  to: string;
  provinceCode: string;
  unitCode: string;
  by: string;
};

/** The period (shown as answered when not chosen), the province, the unit, and by which unit dossiers count. */
export function SupervisionFilters({
  filter,
  period,
  province,
  set,
}: {
  filter: SupervisionFilter;
  /** The period the server answered for (its default when none is chosen). */
  period: { from: string; to: string } | undefined;
  /** The province the answer covers when none is chosen (a province supervisor's own), shown like the period. */
  province?: string | undefined;
  set: (k: keyof SupervisionFilter, v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group align="end" wrap="wrap">
      <VnDateInput
        label={t('dossiers.supervision.from')}
        value={filter.from || period?.from || ''}
        onChange={(iso) => set('from', iso)}
      />
      <VnDateInput
        label={t('dossiers.supervision.to')}
        value={filter.to || period?.to || ''}
        onChange={(iso) => set('to', iso)}
      />
      <UnitPicker
        label={t('dossiers.supervision.province')}
        value={filter.provinceCode || province || null}
        onChange={(c) => set('provinceCode', c ?? '')}
        w={260}
      />
      <UnitPicker
        label={t('dossiers.supervision.unit')}
        value={filter.unitCode || null}
        onChange={(c) => set('unitCode', c ?? '')}
        w={300}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="supervision-by">
          {t('dossiers.supervision.by')}
        </Text>
        <SegmentedControl
          aria-labelledby="supervision-by"
          value={filter.by || 'received_unit'}
          onChange={(v) => set('by', v === 'current_unit' ? v : '')}
          data={[
            { value: 'received_unit', label: t('dossiers.supervision.byReceived') },
            { value: 'current_unit', label: t('dossiers.supervision.byCurrent') },
          ]}
        />
      </Stack>
    </Group>
  );
}
