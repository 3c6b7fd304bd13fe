import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ChecklistPreview, ChecklistRow, ComponentState } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';

export type Check = { state: ComponentState; reason: string };

/**
 * The checklist as the server answers it: each row with its condition, the state ticked (required rows start
 * unticked, conditional ones "not applicable") and the server's verdict on the whole.
 */
export function ChecklistTable(p: {
  preview: ChecklistPreview;
  checks: Record<string, Check>;
  onChange: (key: string, check: Check) => void;
  /** Pages scanned or photographed per component, uploaded once the dossier exists (at the counter only). */
  scans?: Record<string, File[]>;
  onScan?: (key: string, files: File[]) => void;
}) {
  const { t } = useTranslation();
  const stateOf = (r: ChecklistRow): Check => p.checks[r.key] ?? { state: r.state, reason: r.reason ?? '' };
  const conditionText = (r: ChecklistRow) =>
    r.condition.kind === 'if_applicable'
      ? t('dossiers.reception.conditionIf', { text: r.condition.text ?? t('dossiers.reception.conditional') })
      : r.condition.kind === 'channel'
        ? t('dossiers.reception.conditionChannel', {
            channels: r.condition.channels.map((c) => t(`dossiers.channel.${c}`).toLowerCase()).join(', '),
          })
        : null;
  return (
    <Paper withBorder p="md">
      <Title order={4} size="h5" mb="sm">
        {t('dossiers.reception.checklist')}
      </Title>
      <Table data-testid="reception-checklist">
        <Table.Tbody>
          {p.preview.rows.map((r) => {
            const s = stateOf(r);
            const states: ComponentState[] =
              r.initialState === 'not_applicable'
                ? ['present', 'not_applicable', 'missing', 'invalid']
                : ['present', 'missing', 'invalid'];
            return (
              <Table.Tr key={r.key} data-problem={r.problem || undefined}>
                <Table.Td>
                  <Text size="sm">{r.name}</Text>
                  {conditionText(r) && (
                    <Text size="xs" c="dimmed">
                      {conditionText(r)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td w={360}>
                  <SegmentedControl
                    size="xs"
                    aria-label={r.name}
                    value={s.state}
                    onChange={(v) => p.onChange(r.key, { ...s, state: v as ComponentState })}
                    data={states.map((v) => ({ value: v, label: t(`dossiers.componentState.${v}`) }))}
                  />
                </Table.Td>
                {p.onScan && (
                  <Table.Td w={200}>
                    {s.state === 'present' && (
                      <Group gap={4} wrap="nowrap">
                        <FileButton
                          multiple
                          accept="image/jpeg,image/png,application/pdf"
                          inputProps={{ capture: 'environment', 'aria-label': t('dossiers.reception.scan') }}
                          onChange={(files) => p.onScan?.(r.key, [...(p.scans?.[r.key] ?? []), ...files])}
                        >
                          {(props) => (
                            <Button {...props} size="compact-xs" variant="light">
                              {t('dossiers.reception.scan')}
                            </Button>
                          )}
                        </FileButton>
                        {(p.scans?.[r.key]?.length ?? 0) > 0 && (
                          <Badge size="sm" variant="light" color="teal" tt="none">
                            {t('dossiers.reception.pages', { count: p.scans?.[r.key]?.length ?? 0 })}
                          </Badge>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                )}
                <Table.Td w={200}>
                  {(s.state === 'missing' || s.state === 'invalid') && (
                    <TextInput
                      size="xs"
                      aria-label={t('dossiers.reception.reason')}
                      placeholder={t('dossiers.reception.reason')}
                      value={s.reason}
                      onChange={(e) => p.onChange(r.key, { ...s, reason: e.currentTarget.value })}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Alert mt="sm" color={p.preview.complete ? 'green' : 'orange'} data-testid="reception-verdict">
        {p.preview.complete
          ? t('dossiers.reception.complete')
          : t('dossiers.reception.incomplete', { count: p.preview.problemCount })}
      </Alert>
    </Paper>
  );
}
