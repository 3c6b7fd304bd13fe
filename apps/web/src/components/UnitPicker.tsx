import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { vnToday } from '@mot-cua/contracts';
import { useState } from 'react';
import { useUnitNames, useUnitSearch } from '../api/admin-units.js';

/** A unit chosen by its name (accents optional, typos tolerated); the code is the secondary detail. */
export function UnitPicker(p: {
  label: string;
  value: string | null;
  onChange: (code: string | null) => void;
  provinceCode?: string | undefined;
  description?: string | undefined;
  w?: number | string;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useUnitSearch(q.trim(), vnToday());
  const nameOf = useUnitNames([p.value]);
  const items = (found.data?.items ?? [])
    .filter((i) => !p.provinceCode || i.unit.provinceCode === p.provinceCode || i.unit.code === p.provinceCode)
    .map((i) => ({
      value: i.unit.code,
      label: `${i.unit.fullName}${i.provinceName ? `, ${i.provinceName}` : ''} (${i.unit.code})`,
    }));
  const data =
    p.value && !items.some((i) => i.value === p.value)
      ? [{ value: p.value, label: `${nameOf(p.value)} (${p.value})` }, ...items]
      : items;
  return (
    <Select
      label={p.label}
      description={p.description}
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
