import { Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { type EformValues, eformForProcedure, validateEform } from '@mot-cua/contracts/eforms';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { type EformErrors, EformFields } from '../../../portal/citizens/EformFields.js';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The e-form filled in at the counter for the applicant (issue 17): the same generic renderer and validator as the
 * citizen's online form, for the procedures that have one. `values` is null while the official has not chosen it.
 */
export function useCounterEform(procedureCode: string) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const schema = procedureCode ? eformForProcedure(procedureCode) : undefined;
  const [values, setValues] = useState<EformValues | null>(null);
  const [errors, setErrors] = useState<EformErrors>({});
  return {
    schema,
    values: schema ? values : null,
    setValues,
    errors,
    reset: () => {
      setValues(null);
      setErrors({});
    },
    /** Checked on the page before sending; false (errors shown under their fields) when something is wrong. */
    validate(): boolean {
      if (!schema || values === null) return true;
      const r = validateEform(schema, values, today());
      setErrors(r.ok ? {} : Object.fromEntries(r.errors.map((e) => [e.field, e.message[lang]])));
      if (!r.ok) document.getElementById('counter-eform')?.scrollIntoView({ block: 'start' });
      return r.ok;
    },
    /** The server's 422 EFORM_INVALID put back under the fields. */
    fromServer(err: unknown) {
      if (!(err instanceof ApiError)) return;
      const fe = (err.problem.errors ?? []).filter((e) => e.field.startsWith('eform.'));
      if (fe.length) setErrors(Object.fromEntries(fe.map((e) => [e.field.slice(6), e.message])));
    },
  };
}

export function CounterEform({ form }: { form: ReturnType<typeof useCounterEform> }) {
  const { t } = useTranslation();
  if (!form.schema) return null;
  const on = form.values !== null;
  return (
    <Paper withBorder p="md" id="counter-eform" component="section" aria-labelledby="counter-eform-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="counter-eform-title">
          {t('citizenForms.counterEformTitle')}
        </Title>
        <Checkbox
          label={t('citizenForms.counterEformUse')}
          checked={on}
          onChange={(e) => (e.currentTarget.checked ? form.setValues({}) : form.reset())}
        />
        {on && (
          <>
            <Text size="sm" c="dimmed">
              {t('citizenForms.counterEformHint')}
            </Text>
            <EformFields
              schema={form.schema}
              values={form.values ?? {}}
              errors={form.errors}
              onChange={(v) => form.setValues(v)}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
