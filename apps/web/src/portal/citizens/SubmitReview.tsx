import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { CitizenDraft, ProcedureDetail } from '@mot-cua/contracts';
import { describeEform, type EformSchema, type EformValues } from '@mot-cua/contracts/eforms';
import { useTranslation } from 'react-i18next';
import { EformSummary } from '../../components/EformSummary.js';

type Proc = ProcedureDetail['procedure'];

/** The summary before sending: who, where, how the result comes back, every e-form field and every file, with edit links. */
export function SubmitReview({
  proc,
  applicant,
  agent,
  unitLabel,
  returnMethod,
  schema,
  values,
  files,
  busy,
  onEdit,
  onSend,
  onPrint,
}: {
  proc: Proc;
  applicant: string;
  agent: string | null;
  unitLabel: string;
  returnMethod: string;
  schema: EformSchema | null;
  values: EformValues;
  files: CitizenDraft['files'];
  busy: boolean;
  onEdit: (target: string) => void;
  onSend: () => void;
  onPrint: (() => void) | null;
}) {
  const { t } = useTranslation();
  const missing = proc.components.filter((c) => !c.conditional && !files.some((f) => f.componentKey === c.key));
  return (
    <Paper withBorder p="sm" radius="md" aria-labelledby="review-title">
      <Stack gap="xs">
        <Title order={3} size="h4" id="review-title">
          {t('citizens.summary')}
        </Title>
        <Text>
          {t('citizens.applicant')}: <strong>{applicant}</strong>
          {agent && ` (${t('citizens.asAgent')}: ${agent})`}
        </Text>
        <Text>
          {t('citizens.unit')}: <strong>{unitLabel}</strong>
        </Text>
        <Text>
          {t('citizens.returnMethod')}: {t(`citizens.returnMethods.${returnMethod}`)}
        </Text>
        <Anchor component="button" type="button" size="sm" onClick={() => onEdit('submit-applicant')}>
          {t('citizenForms.editApplicant')}
        </Anchor>
        {schema && (
          <EformSummary
            view={describeEform(schema, values)}
            editLabel={t('citizens.edit')}
            onEdit={(i) => onEdit(`eform-${schema.sections[i]!.key}`)}
          />
        )}
        <Title order={4} size="h5">
          {t('citizens.components')}
        </Title>
        <List size="sm">
          {proc.components.map((c) => {
            const mine = files.filter((f) => f.componentKey === c.key);
            return (
              <List.Item key={c.key}>
                {c.name}: {mine.length ? mine.map((f) => f.fileName).join(', ') : t('citizens.noFile')}
              </List.Item>
            );
          })}
        </List>
        <Anchor component="button" type="button" size="sm" onClick={() => onEdit('submit-components')}>
          {t('citizenForms.editFiles')}
        </Anchor>
        {missing.length > 0 && (
          <Alert color="orange">{t('citizens.missingRequired', { list: missing.map((c) => c.name).join('; ') })}</Alert>
        )}
        <Group>
          <Button variant="default" onClick={() => onEdit('submit-applicant')}>
            {t('citizens.edit')}
          </Button>
          {onPrint && (
            <Button variant="default" onClick={onPrint}>
              {t('citizenForms.declarationPdf')}
            </Button>
          )}
          <Button onClick={onSend} loading={busy}>
            {t('citizens.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
