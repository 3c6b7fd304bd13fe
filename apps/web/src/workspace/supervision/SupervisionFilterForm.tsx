import { Button, Group } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisionFilter } from '../../api/supervision.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { VnDateInput } from '../../components/VnDateInput.js';

/** The area the page's first answer covered (the caller's own province or commune, or the nation). */
export type ShownScope = { code: string; level: 'nation' | 'province' | 'unit' };

/**
 * Province, commune and period of a supervision page; applied on submit. The pickers start on the area the page
 * shows (`scope`, the caller's own by default) and the dates on its period, not empty: a province supervisor sees
 * their province chosen and the days the heading names.
 */
export function SupervisionFilterForm({
  onApply,
  scope,
  period,
  drilled,
}: {
  onApply: (f: SupervisionFilter) => void;
  scope?: ShownScope | undefined;
  /** The period the page's first answer covered (ISO days): the date fields start on it, not empty. */
  period?: { from: string; to: string } | undefined;
  /** A province the page drilled into by itself (a click in its table): the picker follows, so "Xem" keeps it. */
  drilled?: string | undefined;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SupervisionFilter>({});
  const seeded = useRef(false);
  useEffect(() => {
    if (seeded.current || !scope) return;
    seeded.current = true;
    if (scope.level === 'province') setDraft((d) => (d.provinceCode ? d : { ...d, provinceCode: scope.code }));
    if (scope.level === 'unit') setDraft((d) => (d.unitCode ? d : { ...d, unitCode: scope.code }));
  }, [scope]);
  const periodSeeded = useRef(false);
  const [from, to] = [period?.from, period?.to];
  useEffect(() => {
    if (periodSeeded.current || !from || !to) return;
    periodSeeded.current = true;
    setDraft((d) => ({ ...d, from: d.from ?? from, to: d.to ?? to }));
  }, [from, to]);
  useEffect(() => {
    if (!drilled) return;
    setDraft((d) => {
      if (d.provinceCode === drilled) return d;
      const { unitCode: _u, ...rest } = d;
      return { ...rest, provinceCode: drilled };
    });
  }, [drilled]);
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
