import { Alert, Button, Card, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import type { DepartmentKind, Organisation } from '@mot-cua/contracts';
import { DepartmentKind as DepartmentKindSchema, vnToday } from '@mot-cua/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, orgApi, useOrgWrite } from '../../../api/admin-units.js';

import { errorText } from '../form-helpers.js';

const DEPT_KINDS: readonly DepartmentKind[] = DepartmentKindSchema.options;

export function Departments({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DepartmentKind>('other');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const add = useOrgWrite((b: { kind: string; name: string }) => orgApi.addDepartment(org.unit.code, b));
  const rename = useOrgWrite((b: { id: string; name: string }) => orgApi.renameDepartment(b.id, b.name));
  const end = useOrgWrite((id: string) => orgApi.endDepartment(id, vnToday()));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ kind, name }, { onSuccess: () => setName('') });
  };
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('adminUnits.org.departments')}</Title>
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('adminUnits.name')}</Table.Th>
              <Table.Th>{t('adminUnits.org.deptKind')}</Table.Th>
              <Table.Th>{t('adminUnits.validFrom')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {org.departments.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  {editing?.id === d.id ? (
                    <Group gap="xs" wrap="nowrap">
                      <TextInput
                        size="xs"
                        value={editing.name}
                        aria-label={t('adminUnits.name')}
                        onChange={(e) => setEditing({ id: d.id, name: e.currentTarget.value })}
                      />
                      <Button
                        size="xs"
                        loading={rename.isPending}
                        onClick={() => rename.mutate(editing, { onSuccess: () => setEditing(null) })}
                      >
                        {t('adminUnits.org.save')}
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setEditing(null)}>
                        {t('adminUnits.org.cancel')}
                      </Button>
                    </Group>
                  ) : (
                    d.name
                  )}
                </Table.Td>
                <Table.Td>{t(`adminUnits.org.deptKinds.${d.kind}`)}</Table.Td>
                <Table.Td>{formatDate(d.validFrom)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ id: d.id, name: d.name })}>
                      {t('adminUnits.org.rename')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => window.confirm(t('adminUnits.org.endConfirm')) && end.mutate(d.id)}
                    >
                      {t('adminUnits.org.end')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <form onSubmit={submit}>
          <Group align="end">
            <Select
              label={t('adminUnits.org.deptKind')}
              data={DEPT_KINDS.map((k) => ({ value: k, label: t(`adminUnits.org.deptKinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as DepartmentKind)}
              allowDeselect={false}
              w={300}
            />
            <TextInput
              label={t('adminUnits.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              minLength={2}
              style={{ flex: 1 }}
            />
            <Button type="submit" loading={add.isPending}>
              {t('adminUnits.org.addDepartment')}
            </Button>
          </Group>
        </form>
        {[
          { id: 'add', m: add },
          { id: 'rename', m: rename },
          { id: 'end', m: end },
        ].map(({ id, m }) =>
          m.isError ? (
            <Alert color="red" key={id}>
              {errorText(m.error, t('common.error'))}
            </Alert>
          ) : null,
        )}
      </Stack>
    </Card>
  );
}
