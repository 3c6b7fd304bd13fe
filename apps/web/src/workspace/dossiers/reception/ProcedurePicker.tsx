import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProcedureSearch } from '../../../api/search.js';

/**
 * The procedure by name at the counter: the catalog search (accents optional, typos, abbreviations) limited to
 * what the receiving unit receives; the code is shown beside each name and may be typed, never required.
 */
export function ProcedurePicker(p: { unitCode: string; value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const results = useProcedureSearch({ q, unit: p.unitCode, limit: 12 });
  const items = (results.data?.items ?? []).map((h) => ({ value: h.code, label: h.name, code: h.code }));
  const data =
    picked && !items.some((i) => i.value === picked.value) ? [{ ...picked, code: picked.value }, ...items] : items;
  const codes = new Map(data.map((d) => [d.value, d.code]));
  return (
    <Stack gap={2} style={{ flex: 1, minWidth: 420 }}>
      <Select
        label={t('dossiers.reception.procedure')}
        description={t('dossiers.reception.procedurePickerHint')}
        placeholder="khai sinh, ket hon, 1.001193…"
        searchable
        clearable
        data={data}
        value={p.value || null}
        searchValue={search}
        onSearchChange={setSearch}
        // The server has ranked and filtered (accent-less, typos): the list is not filtered again here.
        filter={({ options }) => options}
        nothingFoundMessage={q.trim() && !results.isFetching ? t('dossiers.reception.procedureNothing') : undefined}
        renderOption={({ option }) => (
          <div>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {t('dossiers.reception.procedureCode')} {codes.get(option.value)}
            </Text>
          </div>
        )}
        onChange={(v, option) => {
          setPicked(v ? { value: v, label: option.label } : null);
          p.onChange(v ?? '');
        }}
        maxDropdownHeight={360}
      />
      {p.value && (
        <Text size="xs" c="dimmed" data-testid="procedure-code">
          {t('dossiers.reception.procedureCode')}: {p.value}
        </Text>
      )}
    </Stack>
  );
}
