import { Alert, Button, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { holdResult } from '../../api/queue.js';

/**
 * The official records that this counter holds a dossier's result (it came back from the competent office): a
 * pickup ticket for that dossier is then routed to this counter while it is open.
 */
export function HoldResultPanel({ counterId }: { counterId: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async () => {
    try {
      const r = await holdResult(counterId, code.trim());
      setMessage({ ok: true, text: t('queue.heldResult', { code: r.dossierCode, counter: r.counterNumber }) });
      setCode('');
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.problem.detail : String(e) });
    }
  };
  return (
    <Paper withBorder p="md" radius="md" mt="md">
      <Title order={3} size="h5" mb="xs">
        {t('queue.holdResult')}
      </Title>
      <Stack gap="xs">
        <TextInput label={t('queue.holdResultLabel')} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        <Button variant="light" disabled={code.trim().length < 5} onClick={() => void submit()}>
          {t('queue.holdResultSubmit')}
        </Button>
      </Stack>
      {message && (
        <Alert mt="sm" color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
    </Paper>
  );
}
