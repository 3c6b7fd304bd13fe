import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import {
  FEEDBACK_KINDS,
  type FeedbackKind,
  type RoutingRule,
  type RoutingRuleInput,
  vnToday,
} from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisation } from '../../api/admin-units.js';
import { ApiError } from '../../api/client.js';
import { useSaveRoutingRule } from '../../api/feedback.js';
import { UnitPicker } from '../../components/UnitPicker.js';

const empty = (provinceCode: string | null): RoutingRuleInput => ({
  provinceCode: provinceCode ?? '',
  communeCode: null,
  field: null,
  kind: null,
  unitCode: '',
  departmentId: null,
  priority: 100,
});

/** Add or change one routing rule: where the matter comes from (commune, field, kind) → unit and department. */
export function RoutingRuleForm(p: { rule: RoutingRule | null; provinceCode: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRoutingRule();
  const [v, setV] = useState<RoutingRuleInput>(() => {
    if (!p.rule) return empty(p.provinceCode);
    const { id: _id, unitName: _u, departmentName: _d, ...input } = p.rule;
    return input;
  });
  const set = <K extends keyof RoutingRuleInput>(k: K, value: RoutingRuleInput[K]) =>
    setV((o) => ({ ...o, [k]: value }));
  const org = useOrganisation(v.unitCode, vnToday());
  const departments = (org.data?.departments ?? []).filter((d) => d.validTo === null);
  const error = save.error instanceof ApiError ? save.error.problem.detail : save.error ? t('common.error') : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: p.rule?.id ?? null, body: v }, { onSuccess: p.onDone });
      }}
    >
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <UnitPicker
          label={t('feedback.rules.province')}
          value={v.provinceCode || null}
          onChange={(c) => setV((o) => ({ ...o, provinceCode: c ?? '', communeCode: null }))}
        />
        <UnitPicker
          label={t('feedback.rules.commune')}
          description={t('feedback.rules.communeHint')}
          value={v.communeCode}
          provinceCode={v.provinceCode || undefined}
          onChange={(c) => set('communeCode', c)}
        />
        <TextInput
          label={t('feedback.rules.field')}
          description={t('feedback.rules.fieldHint')}
          value={v.field ?? ''}
          onChange={(e) => set('field', e.currentTarget.value.trim() ? e.currentTarget.value : null)}
        />
        <Select
          label={t('feedback.rules.kind')}
          clearable
          placeholder={t('feedback.rules.anyKind')}
          data={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kinds.${k}`) }))}
          value={v.kind}
          onChange={(k) => set('kind', (k as FeedbackKind | null) ?? null)}
        />
        <UnitPicker
          label={t('feedback.rules.unit')}
          value={v.unitCode || null}
          provinceCode={v.provinceCode || undefined}
          onChange={(c) => setV((o) => ({ ...o, unitCode: c ?? '', departmentId: null }))}
        />
        <Select
          label={t('feedback.rules.department')}
          clearable
          placeholder={t('feedback.rules.noDepartment')}
          data={departments.map((d) => ({ value: d.id, label: d.name }))}
          value={v.departmentId}
          onChange={(d) => set('departmentId', d)}
          disabled={!v.unitCode}
        />
        <NumberInput
          label={t('feedback.rules.priority')}
          description={t('feedback.rules.priorityHint')}
          min={0}
          max={1000}
          value={v.priority}
          onChange={(n) => set('priority', typeof n === 'number' ? n : 100)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={p.onDone}>
            {t('feedback.rules.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!v.provinceCode || !v.unitCode}>
            {t('feedback.rules.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
