import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import type { QueueGroupInput, QueueSettingsView } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useSaveQueueSettings } from '../../api/queue.js';

type Editing = { id: string | null; form: QueueGroupInput };

/** The service groups of a center: list, add, edit (name, kind, fields, number base, order, active). */
export function GroupsEditor({ centerId, settings }: { centerId: string; settings: QueueSettingsView }) {
  const { t } = useTranslation();
  const save = useSaveQueueSettings(centerId);
  const [editing, setEditing] = useState<Editing | null>(null);
  const nextBase = Math.max(0, ...settings.groups.map((g) => g.numberBase)) + 1000;
  const blank: QueueGroupInput = {
    code: String(settings.groups.length + 1),
    name: '',
    kind: 'field',
    fieldCodes: [],
    numberBase: nextBase,
    position: settings.groups.length,
    isActive: true,
  };
  const submit = () => {
    if (!editing) return;
    save.mutate(
      editing.id ? { kind: 'group', id: editing.id, body: editing.form } : { kind: 'newGroup', body: editing.form },
      { onSuccess: () => setEditing(null) },
    );
  };
  const set = (patch: Partial<QueueGroupInput>) =>
    editing && setEditing({ ...editing, form: { ...editing.form, ...patch } });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="groups-title">
      <Stack>
        <Title order={3} size="h4" id="groups-title">
          {t('queue.settings.groupsTitle')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('queue.settings.code')}</Table.Th>
                <Table.Th>{t('queue.settings.name')}</Table.Th>
                <Table.Th>{t('queue.settings.kindLabel')}</Table.Th>
                <Table.Th>{t('queue.settings.fields')}</Table.Th>
                <Table.Th>{t('queue.settings.numberBase')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {settings.groups.map((g) => (
                <Table.Tr key={g.id} data-group={g.code}>
                  <Table.Td>{g.code}</Table.Td>
                  <Table.Td>
                    {g.name}{' '}
                    {!g.isActive && (
                      <Badge color="gray" variant="light">
                        {t('queue.settings.inactive')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`queue.settings.kind.${g.kind}`)}</Table.Td>
                  <Table.Td>{g.fieldCodes.join(', ')}</Table.Td>
                  <Table.Td>{g.numberBase + 1}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={`${t('queue.settings.edit')}: ${g.name}`}
                      onClick={() => setEditing({ id: g.id, form: { ...g } })}
                    >
                      {t('queue.settings.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {editing ? (
          <Stack gap="sm" p="sm" bg="gray.0">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('queue.settings.code')}
                value={editing.form.code}
                onChange={(e) => set({ code: e.currentTarget.value.toUpperCase() })}
              />
              <TextInput
                label={t('queue.settings.name')}
                value={editing.form.name}
                onChange={(e) => set({ name: e.currentTarget.value })}
              />
              <Select
                label={t('queue.settings.kindLabel')}
                value={editing.form.kind}
                allowDeselect={false}
                onChange={(v) => v && set({ kind: v as QueueGroupInput['kind'] })}
                data={(['field', 'pickup', 'information'] as const).map((k) => ({
                  value: k,
                  label: t(`queue.settings.kind.${k}`),
                }))}
              />
              <MultiSelect
                label={t('queue.settings.fields')}
                data={[...new Set([...settings.fields, ...editing.form.fieldCodes])]}
                value={editing.form.fieldCodes}
                onChange={(v) => set({ fieldCodes: v })}
                searchable
              />
              <NumberInput
                label={t('queue.settings.numberBase')}
                value={editing.form.numberBase}
                min={0}
                step={1000}
                allowDecimal={false}
                onChange={(v) => set({ numberBase: Number(v) || 0 })}
              />
              <NumberInput
                label={t('queue.settings.position')}
                value={editing.form.position}
                min={0}
                max={99}
                allowDecimal={false}
                onChange={(v) => set({ position: Number(v) || 0 })}
              />
            </SimpleGrid>
            <Switch
              label={t('queue.settings.active')}
              checked={editing.form.isActive}
              onChange={(e) => set({ isActive: e.currentTarget.checked })}
            />
            {save.error && (
              <Alert color="red" role="alert">
                {save.error instanceof ApiError ? save.error.problem.detail : String(save.error)}
              </Alert>
            )}
            <Group>
              <Button onClick={submit} loading={save.isPending}>
                {t('queue.settings.saveGroup')}
              </Button>
              <Button variant="default" onClick={() => setEditing(null)}>
                {t('queue.settings.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button variant="light" onClick={() => setEditing({ id: null, form: blank })}>
              {t('queue.settings.addGroup')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
