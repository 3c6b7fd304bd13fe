import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import type { Organisation, ServiceCenter } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgApi, useOrgWrite } from '../../../api/admin-units.js';
import { DataTable } from '../../../components/DataTable.js';

import { errorText, splitList } from '../form-helpers.js';

function Center({ center }: { center: ServiceCenter }) {
  const { t } = useTranslation();
  const next = Math.max(0, ...center.counters.map((c) => c.number)) + 1;
  const [number, setNumber] = useState<number | string>(next);
  const [name, setName] = useState('');
  const [fields, setFields] = useState('');
  const add = useOrgWrite((b: { number: number; name: string; fields: string[] }) => orgApi.addCounter(center.id, b));
  const patch = useOrgWrite((b: { id: string; isActive: boolean }) =>
    orgApi.patchCounter(b.id, { isActive: b.isActive }),
  );
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Title order={4}>{center.name}</Title>
        <Badge variant="light">{center.isMain ? t('adminUnits.org.main') : t('adminUnits.org.branch')}</Badge>
      </Group>
      {center.address && (
        <Text size="sm" c="dimmed">
          {center.address}
        </Text>
      )}
      {center.counters.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('adminUnits.org.noCounters')}
        </Text>
      ) : (
        <DataTable
          columns={[
            { header: t('adminUnits.org.counterNumber'), cell: (c) => c.number },
            { header: t('adminUnits.org.counterName'), cell: (c) => c.name },
            { header: t('adminUnits.org.fieldsHeader'), cell: (c) => c.fields.join(', ') || '—' },
            {
              header: t('adminUnits.org.active'),
              cell: (c) => (
                <Switch
                  checked={c.isActive}
                  aria-label={`${t('adminUnits.org.active')}: ${c.name}`}
                  onChange={(e) => patch.mutate({ id: c.id, isActive: e.currentTarget.checked })}
                />
              ),
            },
          ]}
          rows={center.counters}
          rowKey={(c) => c.id}
        />
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { number: Number(number), name, fields: splitList(fields) },
            {
              onSuccess: () => {
                setName('');
                setFields('');
                setNumber(Number(number) + 1);
              },
            },
          );
        }}
      >
        <Group align="end">
          <NumberInput
            label={t('adminUnits.org.counterNumber')}
            value={number}
            onChange={setNumber}
            min={1}
            max={999}
            w={110}
          />
          <TextInput
            label={t('adminUnits.org.counterName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('adminUnits.org.fields')}
            value={fields}
            onChange={(e) => setFields(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="light" loading={add.isPending}>
            {t('adminUnits.org.addCounter')}
          </Button>
        </Group>
      </form>
      {add.isError && <Alert color="red">{errorText(add.error, t('common.error'))}</Alert>}
    </Stack>
  );
}

export function Centers({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const add = useOrgWrite((b: { name: string; isMain: boolean; address: string | null }) =>
    orgApi.addCenter(org.unit.code, b),
  );
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('adminUnits.org.centers')}</Title>
        {org.serviceCenters.map((c) => (
          <Center key={c.id} center={c} />
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(
              { name, isMain: org.serviceCenters.length === 0, address: address.trim() || null },
              { onSuccess: () => setName('') },
            );
          }}
        >
          <Group align="end">
            <TextInput
              label={t('adminUnits.org.centerName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              minLength={2}
              style={{ flex: 1 }}
            />
            <TextInput
              label={t('adminUnits.org.address')}
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="default" loading={add.isPending}>
              {t('adminUnits.org.addCenter')}
            </Button>
          </Group>
        </form>
        {add.isError && <Alert color="red">{errorText(add.error, t('common.error'))}</Alert>}
      </Stack>
    </Card>
  );
}
