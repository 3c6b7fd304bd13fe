import { Fieldset, Select, Stack, TextInput } from '@mantine/core';
import type { EformAddress } from '@mot-cua/contracts/eforms';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitSearch } from '../../api/admin-units.js';

const today = () => new Date().toISOString().slice(0, 10);

/** A place: the commune/ward picked from the register (typed with or without accents, old names too), then the street. */
export function AddressInput({
  common,
  value,
  onChange,
}: {
  common: { id: string; label: string; withAsterisk: boolean; error: string | undefined };
  value: EformAddress | undefined;
  onChange: (v: EformAddress | undefined) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value?.unitName ?? '');
  const units = useUnitSearch(q === value?.unitName ? '' : q, today());
  const options = (units.data?.items ?? [])
    .filter((i) => i.unit.level === 'commune')
    .map((i) => ({ value: i.unit.code, label: `${i.unit.name}${i.provinceName ? `, ${i.provinceName}` : ''}` }));
  if (value?.unitCode && !options.some((o) => o.value === value.unitCode))
    options.push({ value: value.unitCode, label: value.unitName });
  const current = value ?? { unitCode: '', unitName: '', street: '' };
  const emit = (v: EformAddress) => onChange(v.unitCode || v.street ? v : undefined);
  return (
    <Fieldset legend={`${common.label}${common.withAsterisk ? ' *' : ''}`} p="xs" variant="unstyled">
      <Stack gap={4}>
        <Select
          id={`${common.id}-unit`}
          label={t('citizenForms.eformUnit')}
          placeholder={t('citizens.unitPlaceholder')}
          searchable
          data={options}
          value={current.unitCode || null}
          searchValue={q}
          onSearchChange={setQ}
          filter={({ options: o }) => o}
          onChange={(code) => {
            const o = options.find((x) => x.value === code);
            emit({ ...current, unitCode: code ?? '', unitName: o?.label ?? '' });
          }}
          error={common.error && !current.unitCode ? common.error : undefined}
        />
        <TextInput
          id={`${common.id}-street`}
          label={t('citizenForms.eformStreet')}
          value={current.street}
          maxLength={300}
          onChange={(e) => emit({ ...current, street: e.currentTarget.value })}
          error={common.error && current.unitCode ? common.error : undefined}
        />
      </Stack>
    </Fieldset>
  );
}
