import { Alert, Button, Card, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplyEvent, usePreviewEvent } from '../../../api/admin-units.js';
import { VnDateInput } from '../../../components/VnDateInput.js';
import { errorText } from '../form-helpers.js';
import { EventPreview } from './EventPreview.js';
import { blankEventForm, type EventFormFields, KINDS, toRequest, UNIT_TYPES } from './event-request.js';

/** A change event of the admin units (merge, split, rename, type change, code alias): previewed, then applied. */
export function EventForm() {
  const { t } = useTranslation();
  const [f, setF] = useState<EventFormFields>(blankEventForm);
  const preview = usePreviewEvent();
  const apply = useApplyEvent();
  const set = (k: keyof EventFormFields) => (v: string) => {
    setF((old) => ({ ...old, [k]: v }));
    preview.reset();
    apply.reset();
  };
  const input = (k: keyof EventFormFields, label: string, extra: object = {}) => (
    <TextInput label={label} value={f[k]} onChange={(e) => set(k)(e.currentTarget.value)} {...extra} />
  );
  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    apply.reset();
    preview.mutate(toRequest(f));
  };
  const onApply = () => {
    if (window.confirm(t('adminUnits.admin.applyConfirm'))) apply.mutate(toRequest(f));
  };
  const typeData = UNIT_TYPES.map((v) => ({ value: v, label: t(`adminUnits.type.${v}`) }));
  return (
    <Card withBorder>
      <form onSubmit={onPreview}>
        <Stack>
          <Title order={3}>{t('adminUnits.admin.event')}</Title>
          <Group align="end" grow>
            <Select
              label={t('adminUnits.admin.kind')}
              data={KINDS.map((k) => ({ value: k, label: t(`adminUnits.kind.${k}`) }))}
              value={f.kind}
              onChange={(v) => v && set('kind')(v)}
              allowDeselect={false}
            />
            <VnDateInput
              label={t('adminUnits.admin.effectiveDate')}
              value={f.effectiveDate}
              onChange={set('effectiveDate')}
              required
            />
            {input('legalBasis', t('adminUnits.admin.legalBasis'))}
          </Group>
          {f.kind === 'merge' && (
            <>
              {input('sourceCodes', t('adminUnits.admin.sourceCodes'), { required: true })}
              <Group grow align="end">
                {input('targetCode', t('adminUnits.admin.targetCode'), { required: true })}
                {input('targetName', t('adminUnits.admin.targetName'), { required: true })}
                <Select
                  label={t('adminUnits.admin.targetType')}
                  data={typeData}
                  value={f.targetType}
                  onChange={(v) => v && set('targetType')(v)}
                  allowDeselect={false}
                />
              </Group>
            </>
          )}
          {f.kind === 'split' && (
            <>
              {input('sourceCode', t('adminUnits.admin.sourceCode'), { required: true })}
              <Textarea
                label={t('adminUnits.admin.targets')}
                description={t('adminUnits.admin.targetsHint')}
                value={f.targets}
                onChange={(e) => set('targets')(e.currentTarget.value)}
                autosize
                minRows={2}
                required
              />
            </>
          )}
          {f.kind === 'rename' && (
            <Group grow>
              {input('code', t('adminUnits.admin.unitCode'), { required: true })}
              {input('name', t('adminUnits.admin.newName'), { required: true })}
            </Group>
          )}
          {f.kind === 'type_change' && (
            <Textarea
              label={t('adminUnits.admin.units')}
              description={t('adminUnits.admin.unitsHint')}
              value={f.units}
              onChange={(e) => set('units')(e.currentTarget.value)}
              autosize
              minRows={2}
              required
            />
          )}
          {f.kind === 'code_alias' && (
            <Group grow>
              {input('alias', t('adminUnits.admin.alias'), { required: true })}
              {input('code', t('adminUnits.admin.aliasOf'), { required: true })}
            </Group>
          )}
          {input('description', t('adminUnits.admin.description'))}
          <Group>
            <Button type="submit" loading={preview.isPending}>
              {t('adminUnits.admin.preview')}
            </Button>
            <Button color="red" onClick={onApply} disabled={!preview.data || apply.isSuccess} loading={apply.isPending}>
              {t('adminUnits.admin.apply')}
            </Button>
          </Group>
          {preview.isError && <Alert color="red">{errorText(preview.error, t('common.error'))}</Alert>}
          {apply.isError && <Alert color="red">{errorText(apply.error, t('common.error'))}</Alert>}
          {apply.data && (
            <Alert color="green" role="status">
              {t('adminUnits.admin.applied', {
                id: apply.data.eventId,
                moved: apply.data.moved,
                queued: apply.data.queued,
              })}
            </Alert>
          )}
          {preview.data && <EventPreview p={apply.data ?? preview.data} />}
        </Stack>
      </form>
    </Card>
  );
}
