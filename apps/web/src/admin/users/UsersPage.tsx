import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { UserView } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { useUnitNames } from '../../api/admin-units.js';
import { ApiError } from '../../api/client.js';
import { mayDo, useSession } from '../../api/session.js';
import { useUsers } from '../../api/users.js';
import { DataTable } from '../../components/DataTable.js';
import { Pager } from '../../components/Pager.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { CreateUserForm } from './CreateUserForm.js';
import { OneTimePasswordNotice, type OneTimeShown } from './OneTimePasswordNotice.js';

const PAGE = 25;

/** Status badges of an account: active or disabled, waiting for a password change, second factor. */
export function AccountBadges({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge color={user.isActive ? 'green' : 'gray'} variant="light" tt="none">
        {t(user.isActive ? 'users.state.active' : 'users.state.disabled')}
      </Badge>
      {user.mustChangePassword && (
        <Badge color="orange" variant="light" tt="none">
          {t('users.state.mustChange')}
        </Badge>
      )}
      {user.secondFactor && (
        <Badge color="blue" variant="light" tt="none">
          {t('users.state.secondFactor')}
        </Badge>
      )}
    </Group>
  );
}

/** Officials within the administrator's jurisdictions: search, status, create (one-time password shown once). */
export function UsersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [q, setQ] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [status, setStatus] = useState<'all' | 'active' | 'disabled'>('all');
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<OneTimeShown | null>(null);
  const list = useUsers({ q: q.trim(), unitCode: unitCode.trim(), status, limit: PAGE, offset });
  const unitName = useUnitNames(list.data?.items.flatMap((u) => u.grants.map((g) => g.unitCode)) ?? []);
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  if (!mayDo(session.data, 'user.manage')) return <Text p="lg">{t('adminUnits.admin.signIn')}</Text>;
  const filter = (set: (v: string) => void) => (v: string) => {
    set(v);
    setOffset(0);
  };
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={2}>{t('users.list.title')}</Title>
          <Button onClick={() => setCreating(true)}>{t('users.list.create')}</Button>
        </Group>
        <Text c="dimmed">{t('users.list.intro')}</Text>
        <Group align="end">
          <TextInput
            label={t('users.list.search')}
            value={q}
            onChange={(e) => filter(setQ)(e.currentTarget.value)}
            w={280}
          />
          <UnitPicker
            label={t('users.list.unit')}
            value={unitCode || null}
            onChange={(code) => filter(setUnitCode)(code ?? '')}
            w={340}
          />
          <Select
            label={t('users.list.status')}
            value={status}
            allowDeselect={false}
            onChange={(v) => filter((x) => setStatus(x as typeof status))(v ?? 'all')}
            data={[
              { value: 'all', label: t('users.list.statusAll') },
              { value: 'active', label: t('users.list.statusActive') },
              { value: 'disabled', label: t('users.list.statusDisabled') },
            ]}
            w={200}
          />
        </Group>
        {list.error && (
          <Alert color="red">{list.error instanceof ApiError ? list.error.problem.detail : t('common.error')}</Alert>
        )}
        {list.isLoading && <Loader aria-label={t('common.loading')} />}
        {list.data && list.data.items.length === 0 && <Text>{t('users.list.empty')}</Text>}
        {list.data && list.data.items.length > 0 && (
          <>
            <Text size="sm">{t('users.list.total', { count: list.data.total })}</Text>
            <DataTable
              minWidth={760}
              rows={list.data.items}
              rowKey={(u) => u.id}
              columns={[
                {
                  header: t('users.list.name'),
                  cell: (u) => (
                    <Anchor component={Link} to={`/admin/users/${u.id}`}>
                      {u.fullName}
                    </Anchor>
                  ),
                },
                { header: t('users.list.username'), cell: (u) => u.username },
                {
                  header: t('users.list.roles'),
                  cell: (u) =>
                    u.grants
                      .map(
                        (g) =>
                          `${t(`roles.${g.role}`)} · ${g.unitCode === 'VN' ? t('scope.national') : unitName(g.unitCode)}`,
                      )
                      .join('; '),
                },
                { header: t('users.list.state'), cell: (u) => <AccountBadges user={u} /> },
              ]}
            />
            <Pager
              offset={offset}
              limit={PAGE}
              total={list.data.total}
              onOffset={setOffset}
              previous={t('users.list.previous')}
              next={t('users.list.next')}
              pageLabel={(page, pages) => t('users.list.page', { page, pages })}
            />
          </>
        )}
      </Stack>
      <CreateUserForm
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(r) => {
          setCreating(false);
          setShown(r);
        }}
      />
      <OneTimePasswordNotice shown={shown} onClose={() => setShown(null)} />
    </Container>
  );
}
