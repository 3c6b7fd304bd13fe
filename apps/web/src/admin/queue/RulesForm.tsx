import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Textarea,
  Title,
} from '@mantine/core';
import type { QueueSettingsFields, QueueSettingsView } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useSaveQueueSettings } from '../../api/queue.js';

const fieldsOf = (s: QueueSettingsView): QueueSettingsFields => ({
  priorityRules: s.priorityRules,
  notices: s.notices,
  slotMinutes: s.slotMinutes,
  nearTurnAhead: s.nearTurnAhead,
  openBeforeMinutes: s.openBeforeMinutes,
  closeBeforeMinutes: s.closeBeforeMinutes,
});

/** Priority rules per kind, the display's ticker, appointment slot length, near-turn SMS and ticketing margins. */
export function RulesForm({ centerId, settings }: { centerId: string; settings: QueueSettingsView }) {
  const { t } = useTranslation();
  const save = useSaveQueueSettings(centerId);
  const [form, setForm] = useState<QueueSettingsFields>(() => fieldsOf(settings));
  const [notices, setNotices] = useState(settings.notices.join('\n'));
  const num = (key: 'slotMinutes' | 'nearTurnAhead' | 'openBeforeMinutes' | 'closeBeforeMinutes') => ({
    value: form[key],
    onChange: (v: string | number) => setForm({ ...form, [key]: Number(v) || 0 }),
    allowDecimal: false,
    min: 0,
  });
  const submit = () =>
    save.mutate({
      kind: 'settings',
      body: {
        ...form,
        notices: notices
          .split('\n')
          .map((n) => n.trim())
          .filter(Boolean),
      },
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rules-title">
      <Stack>
        <Title order={3} size="h4" id="rules-title">
          {t('queue.settings.rulesTitle')}
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('queue.priorityLabel')}</Table.Th>
              <Table.Th>{t('queue.settings.enabled')}</Table.Th>
              <Table.Th>{t('queue.settings.boost')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.priorityRules.map((r, i) => {
              const set = (patch: Partial<typeof r>) =>
                setForm({
                  ...form,
                  priorityRules: form.priorityRules.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                });
              const label = t(`queue.priority.${r.kind}`);
              return (
                <Table.Tr key={r.kind}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={`${t('queue.settings.enabled')}: ${label}`}
                      checked={r.enabled}
                      onChange={(e) => set({ enabled: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${t('queue.settings.boost')}: ${label}`}
                      value={r.boostMinutes}
                      min={0}
                      max={600}
                      allowDecimal={false}
                      onChange={(v) => set({ boostMinutes: Number(v) || 0 })}
                      maw={140}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Textarea
          label={t('queue.settings.notices')}
          autosize
          minRows={3}
          value={notices}
          onChange={(e) => setNotices(e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('queue.settings.slotMinutes')} max={240} {...num('slotMinutes')} />
          <NumberInput label={t('queue.settings.nearTurnAhead')} max={20} {...num('nearTurnAhead')} />
          <NumberInput label={t('queue.settings.openBefore')} max={120} {...num('openBeforeMinutes')} />
          <NumberInput label={t('queue.settings.closeBefore')} max={120} {...num('closeBeforeMinutes')} />
        </SimpleGrid>
        {save.error && (
          <Alert color="red" role="alert">
            {save.error instanceof ApiError ? save.error.problem.detail : String(save.error)}
          </Alert>
        )}
        {save.isSuccess && (
          <Alert color="green" role="status">
            {t('queue.settings.saved')}
          </Alert>
        )}
        <Group>
          <Button onClick={submit} loading={save.isPending}>
            {t('queue.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
