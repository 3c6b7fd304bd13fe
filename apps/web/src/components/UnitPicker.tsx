import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type UnitLevel, vnToday } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChildren, useProvinces, useUnitNames, useUnitSearch } from '../api/admin-units.js';

/**
 * A unit chosen by its name (accents optional, typos tolerated); the code is the secondary detail. `level` keeps
 * the search to provinces or communes (a commune of `provinceCode` only, on the server); `extra` options (the
 * nation) are offered before the units found.
 */
export function UnitPicker(p: {
  label: string;
  value: string | null;
  onChange: (code: string | null) => void;
  provinceCode?: string | undefined;
  level?: UnitLevel | undefined;
  extra?: ReadonlyArray<{ value: string; label: string }> | undefined;
  description?: string | undefined;
  placeholder?: string | undefined;
  required?: boolean | undefined;
  w?: number | string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const today = vnToday();
  const found = useUnitSearch(q.trim(), today, {
    ...(p.level ? { level: p.level } : {}),
    ...(p.level === 'commune' && p.provinceCode ? { provinceCode: p.provinceCode } : {}),
  });
  const nameOf = useUnitNames([p.value]);
  const extra = p.extra ?? [];
  // Nothing typed (or the chosen unit's own label shown in the box): browse instead of searching.
  const selectedLabel = p.value ? `${nameOf(p.value)} (${p.value})` : null;
  const browsing = q.trim() === '' || search === selectedLabel;
  const provinces = useProvinces(today, browsing && p.level === 'province');
  const communes = useChildren(p.provinceCode ?? '', today, browsing && p.level === 'commune' && !!p.provinceCode);
  const browsed = p.level === 'province' ? provinces.data?.items : p.level === 'commune' ? communes.data?.items : [];
  const items = browsing
    ? (browsed ?? []).map((u) => ({ value: u.code, label: `${u.fullName} (${u.code})` }))
    : (found.data?.items ?? [])
        .filter((i) => !p.provinceCode || i.unit.provinceCode === p.provinceCode || i.unit.code === p.provinceCode)
        .map((i) => ({
          value: i.unit.code,
          label: `${i.unit.fullName}${i.provinceName && i.unit.level !== 'province' ? `, ${i.provinceName}` : ''} (${i.unit.code})`,
        }));
  const listed = [...extra, ...items];
  const data =
    p.value && !listed.some((i) => i.value === p.value)
      ? [{ value: p.value, label: `${nameOf(p.value)} (${p.value})` }, ...listed]
      : listed;
  return (
    <Select
      label={p.label}
      description={p.description}
      placeholder={p.placeholder}
      required={p.required}
      searchable
      clearable
      data={data}
      value={p.value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      limit={400}
      nothingFoundMessage={
        (browsing ? provinces.isFetching || communes.isFetching : found.isFetching)
          ? t('common.loading')
          : browsing
            ? t('common.unitTypeToSearch')
            : t('common.unitNothingFound')
      }
      onChange={p.onChange}
      w={p.w}
    />
  );
}
