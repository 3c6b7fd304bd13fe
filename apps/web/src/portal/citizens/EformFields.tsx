import { Button, Fieldset, Group, NativeSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import type {
  EformAddress,
  EformField,
  EformSchema,
  EformValue,
  EformValues,
  Label,
  LeafField,
} from '@mot-cua/contracts/eforms';
import { useTranslation } from 'react-i18next';
import { VnDateInput } from '../../components/VnDateInput.js';
import { AddressInput } from './EformAddressInput.js';

type Row = Record<string, string | EformAddress>;
export type EformErrors = Record<string, string>;

const useLang = () => {
  const { i18n } = useTranslation();
  return (l: Label) => (i18n.language === 'en' ? l.en : l.vi);
};
const today = () => new Date().toISOString().slice(0, 10);

/** The error of a field, or of any of its parts (an address's unit or street). */
const errorAt = (errors: EformErrors, path: string) =>
  errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];

/**
 * The one generic e-form renderer: any procedure's declarative schema (packages/contracts/src/eforms) as labelled
 * inputs, section by section, errors under their field. Used by the citizen's online submission.
 */
export function EformFields({
  schema,
  values,
  onChange,
  errors,
}: {
  schema: EformSchema;
  values: EformValues;
  onChange: (values: EformValues) => void;
  errors: EformErrors;
}) {
  const tr = useLang();
  const set = (key: string, v: EformValue | undefined) => {
    const next = { ...values };
    if (v === undefined || v === '') delete next[key];
    else next[key] = v;
    onChange(next);
  };
  return (
    <Stack gap="sm">
      {schema.sections.map((section) => (
        <Fieldset key={section.key} legend={tr(section.title)} id={`eform-${section.key}`} p="sm">
          <Stack gap="xs">
            {section.fields.map((f) =>
              f.type === 'group' ? (
                <GroupInput
                  key={f.key}
                  field={f}
                  rows={(values[f.key] as Row[] | undefined) ?? []}
                  errors={errors}
                  onChange={(rows) => set(f.key, rows.length ? rows : undefined)}
                />
              ) : (
                <LeafInput
                  key={f.key}
                  field={f}
                  path={f.key}
                  value={values[f.key] as string | EformAddress | undefined}
                  error={errorAt(errors, f.key)}
                  onChange={(v) => set(f.key, v)}
                />
              ),
            )}
          </Stack>
        </Fieldset>
      ))}
    </Stack>
  );
}

function GroupInput({
  field,
  rows,
  errors,
  onChange,
}: {
  field: Extract<EformField, { type: 'group' }>;
  rows: Row[];
  errors: EformErrors;
  onChange: (rows: Row[]) => void;
}) {
  const { t } = useTranslation();
  const tr = useLang();
  return (
    <Stack gap="xs">
      <Title order={4} size="h6">
        {tr(field.label)}
      </Title>
      {errors[field.key] && (
        <div role="alert" style={{ color: 'var(--mantine-color-error)', fontSize: 14 }}>
          {errors[field.key]}
        </div>
      )}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
        <Fieldset key={i} legend={`${tr(field.label)} ${i + 1}`} p="xs">
          <Stack gap="xs">
            {field.fields.map((c) => (
              <LeafInput
                key={c.key}
                field={c}
                path={`${field.key}.${i}.${c.key}`}
                value={row[c.key]}
                error={errorAt(errors, `${field.key}.${i}.${c.key}`)}
                onChange={(v) => {
                  const next = { ...row };
                  if (v === undefined || v === '') delete next[c.key];
                  else next[c.key] = v;
                  onChange(rows.map((r, j) => (j === i ? next : r)));
                }}
              />
            ))}
            <Button variant="subtle" color="red" size="xs" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('citizenForms.eformRemoveRow', { n: i + 1 })}
            </Button>
          </Stack>
        </Fieldset>
      ))}
      {rows.length < field.max && (
        <Group>
          <Button variant="light" size="xs" onClick={() => onChange([...rows, {}])}>
            {t('citizenForms.eformAddRow', { label: tr(field.label) })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function LeafInput({
  field,
  path,
  value,
  error,
  onChange,
}: {
  field: LeafField;
  path: string;
  value: string | EformAddress | undefined;
  error: string | undefined;
  onChange: (v: string | EformAddress | undefined) => void;
}) {
  const { t } = useTranslation();
  const tr = useLang();
  const common = {
    id: `eform-field-${path}`,
    label: tr(field.label),
    withAsterisk: Boolean(field.required),
    description: field.hint ? tr(field.hint) : undefined,
    error,
  };
  const text = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'text':
      return field.multiline ? (
        <Textarea
          {...common}
          value={text}
          maxLength={field.maxLength}
          autosize
          minRows={2}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      ) : (
        <TextInput
          {...common}
          value={text}
          maxLength={field.maxLength}
          inputMode={field.pattern ? (field.pattern === 'digits' ? 'numeric' : 'decimal') : undefined}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'date':
      return (
        <VnDateInput
          {...common}
          value={text}
          max={field.notFuture ? today() : undefined}
          onChange={onChange}
          w="auto"
        />
      );
    case 'idNumber':
      return (
        <TextInput
          {...common}
          value={text}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          description={t('citizenForms.eformIdHint')}
          onChange={(e) => onChange(e.currentTarget.value.replace(/\D/g, ''))}
        />
      );
    case 'select':
      return (
        <NativeSelect
          {...common}
          value={text}
          data={[
            { value: '', label: t('citizenForms.eformChoose') },
            ...field.options.map((o) => ({ value: o.value, label: tr(o.label) })),
          ]}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'address':
      return <AddressInput common={common} value={typeof value === 'object' ? value : undefined} onChange={onChange} />;
  }
}
