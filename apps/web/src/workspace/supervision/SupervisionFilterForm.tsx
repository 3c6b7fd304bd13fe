import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisionFilter } from '../../api/supervision.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { VnDateInput } from '../../components/VnDateInput.js';

/** Province, commune and period of a supervision page; applied on submit. */
export function SupervisionFilterForm({ onApply }: { onApply: (f: SupervisionFilter) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SupervisionFilter>({});
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ ...draft });
      }}
    >
      <Group align="end">
        <UnitPicker
          label={t('supervision.index.province')}
          level="province"
          value={draft.provinceCode ?? null}
          onChange={(code) => {
            const { provinceCode: _p, unitCode: _u, ...rest } = draft;
            setDraft({ ...rest, ...(code ? { provinceCode: code } : {}) });
          }}
          w={280}
        />
        <UnitPicker
          label={t('supervision.index.unit')}
          level="commune"
          provinceCode={draft.provinceCode}
          value={draft.unitCode ?? null}
          onChange={(code) => {
            const { unitCode: _u, ...rest } = draft;
            setDraft({ ...rest, ...(code ? { unitCode: code } : {}) });
          }}
          w={280}
        />
        <VnDateInput
          label={t('supervision.index.from')}
          value={draft.from ?? ''}
          onChange={(from) => setDraft({ ...draft, from })}
        />
        <VnDateInput
          label={t('supervision.index.to')}
          value={draft.to ?? ''}
          onChange={(to) => setDraft({ ...draft, to })}
        />
        <Button type="submit">{t('supervision.index.apply')}</Button>
      </Group>
    </form>
  );
}
