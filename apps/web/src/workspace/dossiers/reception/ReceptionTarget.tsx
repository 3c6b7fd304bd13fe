import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUnitNames } from '../../../api/admin-units.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { ProcedurePicker } from './ProcedurePicker.js';

/** Where and what: the receiving unit (of the official's), the procedure by name, the competent unit if another. */
export function ReceptionTarget(p: {
  units: string[];
  receivingUnit: string;
  setUnit: (u: string | null) => void;
  code: string;
  setCode: (c: string) => void;
  competent: string | null;
  setCompetent: (c: string | null) => void;
}) {
  const { t } = useTranslation();
  const nameOf = useUnitNames(p.units);
  return (
    <Group align="start" wrap="wrap">
      <Select
        label={t('dossiers.reception.receivingUnit')}
        data={p.units.map((u) => ({ value: u, label: `${nameOf(u)} (${u})` }))}
        value={p.receivingUnit}
        onChange={p.setUnit}
        allowDeselect={false}
        w={280}
      />
      <ProcedurePicker unitCode={p.receivingUnit} value={p.code} onChange={p.setCode} />
      <UnitPicker label={t('dossiers.reception.competentUnit')} value={p.competent} onChange={p.setCompetent} w={300} />
    </Group>
  );
}
