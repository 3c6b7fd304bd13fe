import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUnitNames } from '../api/admin-units.js';
import { UnitPicker } from './UnitPicker.js';

export interface ScopeValue {
  provinceCode: string | null;
  unitCode: string | null;
}

/**
 * The scope of a calendar (or any per-unit setting): nothing for the nation, a province, or a commune, each chosen
 * by its name. Choosing another province clears a commune of the former one; the commune list is the province's.
 */
export function ScopePickers(p: { value: ScopeValue; onChange: (v: ScopeValue) => void }) {
  const { t } = useTranslation();
  return (
    <Group align="end">
      <UnitPicker
        label={t('calendar.scope.province')}
        placeholder={t('calendar.scope.nation')}
        level="province"
        value={p.value.provinceCode}
        onChange={(provinceCode) =>
          p.onChange({ provinceCode, unitCode: provinceCode === p.value.provinceCode ? p.value.unitCode : null })
        }
        w={260}
      />
      <UnitPicker
        label={t('calendar.scope.unit')}
        placeholder={t('calendar.scope.wholeProvince')}
        level="commune"
        provinceCode={p.value.provinceCode ?? undefined}
        value={p.value.unitCode}
        onChange={(unitCode) => p.onChange({ ...p.value, unitCode })}
        w={340}
      />
    </Group>
  );
}

/** "Phường Bến Thành (26743)" for a unit's code, "Toàn quốc" for the nation's scope ("VN"). */
export function useScopeLabel(code: string | null | undefined): string {
  const { t } = useTranslation();
  const nameOf = useUnitNames([code === 'VN' ? null : code]);
  return !code || code === 'VN' ? t('calendar.scope.nation') : `${nameOf(code)} (${code})`;
}
