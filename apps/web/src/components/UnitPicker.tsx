import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { filterUnitOptions, pickUnitOption, type UnitLevel, vnToday } from '@mot-cua/contracts';
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
  // The list to browse (34 provinces, or the chosen province's communes) is loaded whatever is typed, so the chosen
  // unit's label is known in every form the box may show it; typed words filter it at once, without a request.
  const provinces = useProvinces(today, p.level === 'province');
  const communes = useChildren(p.provinceCode ?? '', today, p.level === 'commune' && !!p.provinceCode);
  const browsed = p.level === 'province' ? provinces.data?.items : p.level === 'commune' ? communes.data?.items : [];
  const browseOptions = (browsed ?? []).map((u) => ({ value: u.code, label: `${u.fullName} (${u.code})` }));
  const extra = p.extra ?? [];
  const nameOf = useUnitNames([p.value]);
  const selectedLabel = p.value ? `${nameOf(p.value)} (${p.value})` : null;
  // The box shows the chosen unit (under one of its labels) or nothing: nothing to search for.
  const showsChoice =
    search.trim() === '' ||
    [selectedLabel, ...[...extra, ...browseOptions].filter((o) => o.value === p.value).map((o) => o.label)].includes(
      search,
    );
  const local = filterUnitOptions(browseOptions, search);
  // The server's search (typos tolerated) only when there is no list to filter or the list holds nothing typed.
  const searchServer = !showsChoice && (browseOptions.length === 0 || local.length === 0);
  const found = useUnitSearch(searchServer ? q.trim() : '', today, {
    ...(p.level ? { level: p.level } : {}),
    ...(p.level === 'commune' && p.provinceCode ? { provinceCode: p.provinceCode } : {}),
  });
  type Found = NonNullable<typeof found.data>['items'][number];
  const foundLabel = (i: Found) =>
    `${i.unit.fullName}${i.provinceName && i.unit.level !== 'province' ? `, ${i.provinceName}` : ''} (${i.unit.code})`;
  // Every label the chosen unit may carry in the box: its name once loaded (or its code before), as browsed, as
  // found. The box shows one of them after a choice; counting them all as "nothing typed" keeps the list from
  // flipping between browsing and searching (two labels of one value made the Select reset its text forever).
  const valueLabels = p.value
    ? [
        selectedLabel,
        ...(browsed ?? []).filter((u) => u.code === p.value).map((u) => `${u.fullName} (${u.code})`),
        ...(found.data?.items ?? []).filter((i) => i.unit.code === p.value).map(foundLabel),
        ...extra.filter((e) => e.value === p.value).map((e) => e.label),
      ]
    : [];
  // Nothing typed (or the chosen unit's own label shown in the box): browse instead of searching.
  const browsing = search.trim() === '' || valueLabels.includes(search);
  const items = browsing
    ? browseOptions
    : !searchServer
      ? local
      : (found.data?.items ?? [])
          .filter((i) => !p.provinceCode || i.unit.provinceCode === p.provinceCode || i.unit.code === p.provinceCode)
          .map((i) => ({ value: i.unit.code, label: foundLabel(i) }));
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
      // Enter takes the first unit listed; leaving the box takes the unit the typed name designates, if only one
      selectFirstOptionOnChange
      onBlur={() => {
        if (browsing) return;
        const one = pickUnitOption(listed, search);
        if (one && one.value !== p.value) p.onChange(one.value);
      }}
      w={p.w}
    />
  );
}
