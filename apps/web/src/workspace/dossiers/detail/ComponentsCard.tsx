import { Alert, Anchor, Badge, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { DossierDetail } from '@mot-cua/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { uploadComponentScans } from '../../../api/dossiers.js';
import { allowedUnits, useSession } from '../../../api/session.js';

const stateColor = { present: 'green', not_applicable: 'gray', missing: 'orange', invalid: 'orange' } as const;

/**
 * The dossier's components with their state and files. A receiving official of the dossier's unit may scan or
 * photograph pages into a component while the dossier is open (the camera on a phone, any folder, e.g. a
 * scanner's output, on a desktop); the server joins image pages into one PDF.
 */
export function ComponentsCard({ d }: { d: DossierDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const receiving = allowedUnits(session.data, 'dossier.receive');
  const mayUpload =
    !d.finishedAt &&
    !['result_ready', 'returned', 'refused', 'withdrawn', 'stopped'].includes(d.status) &&
    (receiving.includes(d.receivingUnitCode) || receiving.includes(d.competentUnitCode));
  const upload = async (key: string, files: File[]) => {
    if (files.length === 0) return;
    setBusy(key);
    setError(null);
    try {
      const updated = await uploadComponentScans(d.id, key, files, session.data?.csrfToken ?? '');
      client.setQueryData(['dossiers', 'detail', d.id], updated);
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : String(e));
    } finally {
      setBusy(null);
    }
  };
  const loose = d.attachments.filter((a) => !a.componentKey || !d.components.some((c) => c.key === a.componentKey));
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {t('dossiers.detail.components')}
      </Title>
      <Table data-testid="dossier-components">
        <Table.Tbody>
          {d.components.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Td>
                <Text size="sm">{c.name}</Text>
                {d.attachments
                  .filter((a) => a.componentKey === c.key)
                  .map((a) => (
                    <Anchor key={a.id} href={`/api/dossiers/${d.id}/attachments/${a.id}`} display="block" size="xs">
                      {a.fileName} ({Math.ceil(a.sizeBytes / 1024)} KB)
                    </Anchor>
                  ))}
                <Group gap="xs" mt={4}>
                  <Badge variant="light" tt="none" style={{ overflow: 'visible' }} color={stateColor[c.state]}>
                    {t(`dossiers.componentState.${c.state}`)}
                  </Badge>
                  {mayUpload && (
                    <FileButton
                      multiple
                      accept="image/jpeg,image/png,application/pdf"
                      inputProps={{ capture: 'environment', 'aria-label': `${t('dossiers.detail.scan')}: ${c.name}` }}
                      onChange={(files) => void upload(c.key, files)}
                    >
                      {(props) => (
                        <Button {...props} size="compact-xs" variant="light" loading={busy === c.key}>
                          {t('dossiers.detail.scan')}
                        </Button>
                      )}
                    </FileButton>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && (
        <Alert color="red" mt="sm">
          {error}
        </Alert>
      )}
      {loose.length > 0 && (
        <Stack gap={2} mt="sm">
          <Title order={4} size="h6">
            {t('dossiers.detail.attachments')}
          </Title>
          {loose.map((a) => (
            <Group key={a.id} gap={4}>
              <Anchor href={`/api/dossiers/${d.id}/attachments/${a.id}`} size="sm">
                {a.fileName} ({Math.ceil(a.sizeBytes / 1024)} KB)
              </Anchor>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
