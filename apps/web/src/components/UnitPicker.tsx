import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type UnitLevel, vnToday } from '@mot-cua/contracts';
import { useState } from 'react';
import { useUnitNames, useUnitSearch } from '../api/admin-units.js';

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
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useUnitSearch(q.trim(), vnToday(), {
    ...(p.level ? { level: p.level } : {}),
    ...(p.level === 'commune' && p.provinceCode ? { provinceCode: p.provinceCode } : {}),
  });
  const nameOf = useUnitNames([p.value]);
  const extra = p.extra ?? [];
  const items = (found.data?.items ?? [])
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
      onChange={p.onChange}
      w={p.w}
    />
  );
}
