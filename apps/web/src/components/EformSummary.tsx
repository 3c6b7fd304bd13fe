import { Anchor, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { EformView } from '@mot-cua/contracts/eforms';
import { useTranslation } from 'react-i18next';

/**
 * An e-form read back (tờ khai): each section as a two-column table of label → value, in the page's language.
 * `onEdit` adds an "edit" link per section (the summary before sending).
 */
export function EformSummary({
  view,
  onEdit,
  editLabel,
}: {
  view: EformView;
  onEdit?: (sectionIndex: number) => void;
  editLabel?: string;
}) {
  const { i18n } = useTranslation();
  const tr = (l: { vi: string; en: string }) => (i18n.language === 'en' ? l.en : l.vi);
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="eform-summary-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="eform-summary-title">
          {tr(view.title)}
        </Title>
        {view.sections.map((s, i) => (
          <Stack key={tr(s.title)} gap={2}>
            <Text fw={600} size="sm">
              {tr(s.title)}
              {onEdit && (
                <>
                  {' · '}
                  <Anchor component="button" type="button" size="sm" onClick={() => onEdit(i)}>
                    {editLabel} <VisuallyHidden>{tr(s.title)}</VisuallyHidden>
                  </Anchor>
                </>
              )}
            </Text>
            {s.rows.length === 0 ? (
              <Text size="sm" c="dimmed">
                —
              </Text>
            ) : (
              <Table withRowBorders={false} verticalSpacing={2} fz="sm" layout="fixed">
                <Table.Tbody>
                  {s.rows.map((r) => (
                    <Table.Tr key={r.field}>
                      <Table.Th scope="row" w="45%" style={{ fontWeight: 400, verticalAlign: 'top' }}>
                        {tr(r.label)}
                      </Table.Th>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{tr(r.value)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
