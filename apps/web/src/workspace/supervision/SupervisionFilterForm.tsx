import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisionFilter } from '../../api/supervision.js';

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
        <TextInput
          label={t('supervision.index.province')}
          value={draft.provinceCode ?? ''}
          onChange={(e) => setDraft({ ...draft, provinceCode: e.currentTarget.value.trim() })}
          w={150}
        />
        <TextInput
          label={t('supervision.index.unit')}
          value={draft.unitCode ?? ''}
          onChange={(e) => setDraft({ ...draft, unitCode: e.currentTarget.value.trim() })}
          w={180}
        />
        <TextInput
          type="date"
          label={t('supervision.index.from')}
          value={draft.from ?? ''}
          onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('supervision.index.to')}
          value={draft.to ?? ''}
          onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
        />
        <Button type="submit">{t('supervision.index.apply')}</Button>
      </Group>
    </form>
  );
}
