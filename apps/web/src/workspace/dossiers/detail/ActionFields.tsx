import { FileInput, MultiSelect, Select, TextInput } from '@mantine/core';
import type { DossierActionKind, DossierDetail } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { useAssigneeCandidates } from '../../../api/dossiers.js';
import { type Field, numberFields } from './action-forms.js';

export interface ActionDraft {
  values: Record<string, string>;
  items: string[];
  files: File[];
  assignee: string | null;
}

/** One field of an action dialog. */
export function ActionField(p: { name: Field; draft: ActionDraft; set: (d: ActionDraft) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t(`dossiers.form.${p.name}`)}
      type={p.name === 'newDueAt' ? 'date' : numberFields.has(p.name) ? 'number' : 'text'}
      value={p.draft.values[p.name] ?? ''}
      onChange={(e) => p.set({ ...p.draft, values: { ...p.draft.values, [p.name]: e.currentTarget.value } })}
    />
  );
}

/** The controls some actions ask for besides text fields: the items of a supplement request, the assignee, the return method, the rating, the result files. */
export function ActionExtras(p: {
  type: DossierActionKind;
  d: DossierDetail;
  draft: ActionDraft;
  set: (d: ActionDraft) => void;
}) {
  const { t } = useTranslation();
  const { type, d, draft, set } = p;
  const candidates = useAssigneeCandidates(d.id, d.currentStep?.order, type === 'assigned');
  const value = (k: string, v: string) => set({ ...draft, values: { ...draft.values, [k]: v } });
  switch (type) {
    case 'supplement_requested':
      return (
        <>
          <MultiSelect
            label={t('dossiers.detail.components')}
            data={d.components.map((c) => ({ value: c.key, label: c.name }))}
            value={draft.items}
            onChange={(items) => set({ ...draft, items })}
          />
          <ActionField name="reason" draft={draft} set={set} />
        </>
      );
    case 'assigned':
      return (
        <Select
          label={t('dossiers.form.assignee')}
          clearable
          data={(candidates.data?.items ?? []).map((c) => ({
            value: c.userId,
            label: `${c.fullName} (${c.openAssignments})`,
          }))}
          value={draft.assignee}
          onChange={(assignee) => set({ ...draft, assignee })}
        />
      );
    case 'returned':
      return (
        <Select
          label={t('dossiers.form.method')}
          data={(['counter', 'post', 'online'] as const).map((m) => ({
            value: m,
            label: t(`dossiers.returnMethod.${m}`),
          }))}
          value={draft.values.method ?? d.returnMethod}
          onChange={(v) => value('method', v ?? d.returnMethod)}
        />
      );
    case 'rated':
      return (
        <Select
          label={t('dossiers.form.level')}
          data={[5, 4, 3, 2, 1].map((n) => ({
            value: String(n),
            label: `${n} – ${t(`dossiers.lookup.levels.${n}`)}`,
          }))}
          value={draft.values.level ?? '5'}
          onChange={(v) => value('level', v ?? '5')}
        />
      );
    case 'result_issued':
      return (
        <>
          <FileInput
            multiple
            accept="application/pdf,image/jpeg,image/png"
            label={t('dossiers.detail.uploadResult')}
            value={draft.files}
            onChange={(files) => set({ ...draft, files })}
          />
          <ActionField name="note" draft={draft} set={set} />
        </>
      );
    default:
      return null;
  }
}
