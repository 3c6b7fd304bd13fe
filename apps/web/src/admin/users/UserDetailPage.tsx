import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Container,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { GrantInput } from '@mot-cua/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router-dom';
import { useUnitNames } from '../../api/admin-units.js';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../api/session.js';
import { useAddGrant, useResetPassword, useRevokeGrant, useSetActive, useUser } from '../../api/users.js';
import { defaultGrantUnit, GrantFields, grantableRoles } from './GrantFields.js';
import { OneTimePasswordNotice, type OneTimeShown } from './OneTimePasswordNotice.js';
import { AccountBadges } from './UsersPage.js';

const vnDate = (d: string) => d.split('-').reverse().join('/');

/** One official's account: grants (add, revoke), disable or enable, reset the password. */
export function UserDetailPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const session = useSession();
  const user = useUser(id);
  const setActive = useSetActive();
  const reset = useResetPassword();
  const addGrant = useAddGrant();
  const revoke = useRevokeGrant();
  const [clearSecondFactor, setClearSecondFactor] = useState(false);
  const [shown, setShown] = useState<OneTimeShown | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [grant, setGrant] = useState<GrantInput | null>(null);
  const unitName = useUnitNames(user.data?.grants.map((g) => g.unitCode) ?? []);
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  const failure = setActive.error ?? reset.error ?? addGrant.error ?? revoke.error ?? user.error;
  const problem = failure instanceof ApiError ? failure.problem : undefined;
  const u = user.data;
  const draft = grant ?? {
    role: grantableRoles(session.data)[0] ?? 'reception',
    unitCode: defaultGrantUnit(session.data),
  };
  const submitGrant = (e: FormEvent) => {
    e.preventDefault();
    if (!u) return;
    addGrant.mutate({ id: u.id, grant: draft }, { onSuccess: () => setDone(t('users.detail.added')) });
  };
  return (
    <Container size="lg" py="lg">
      <Stack>
        <Anchor component={Link} to="/admin/users">
          ← {t('users.detail.back')}
        </Anchor>
        {failure && (
          <Alert color="red" role="alert">
            {problem ? (i18n.language === 'en' ? problem.message.en : problem.message.vi) : t('common.error')}
          </Alert>
        )}
        {done && (
          <Alert color="green" role="status">
            {done}
          </Alert>
        )}
        {user.isLoading && <Loader aria-label={t('common.loading')} />}
        {u && (
          <>
            <Group justify="space-between">
              <Title order={2}>{u.fullName}</Title>
              <AccountBadges user={u} />
            </Group>
            <Text>
              {u.username}
              {u.email ? ` · ${t('users.detail.email')}: ${u.email}` : ''}
              {u.phone ? ` · ${t('users.detail.phone')}: ${u.phone}` : ''}
            </Text>
            {!u.manageable && <Alert color="gray">{t('users.detail.notManageable')}</Alert>}
            {u.manageable && (
              <Paper withBorder p="md">
                <Group>
                  <Button
                    color={u.isActive ? 'red' : 'green'}
                    variant="light"
                    loading={setActive.isPending}
                    onClick={() =>
                      setActive.mutate(
                        { id: u.id, active: !u.isActive },
                        { onSuccess: () => setDone(t(u.isActive ? 'users.detail.disabled' : 'users.detail.enabled')) },
                      )
                    }
                  >
                    {t(u.isActive ? 'users.detail.disable' : 'users.detail.enable')}
                  </Button>
                  <Button
                    variant="light"
                    loading={reset.isPending}
                    onClick={() => reset.mutate({ id: u.id, clearSecondFactor }, { onSuccess: (r) => setShown(r) })}
                  >
                    {t('users.detail.reset')}
                  </Button>
                  {u.secondFactor && (
                    <Checkbox
                      label={t('users.detail.clearSecondFactor')}
                      checked={clearSecondFactor}
                      onChange={(e) => setClearSecondFactor(e.currentTarget.checked)}
                    />
                  )}
                </Group>
              </Paper>
            )}
            <Title order={3} size="h4">
              {t('users.detail.grants')}
            </Title>
            {u.grants.map((g) => (
              <Paper key={g.id} withBorder p="sm" data-testid="grant">
                <Group justify="space-between">
                  <div>
                    <Text fw={600}>{t(`roles.${g.role}`)}</Text>
                    <Text size="sm">
                      {g.unitCode === 'VN' ? t('scope.national') : `${unitName(g.unitCode)} (${g.unitCode})`} ·{' '}
                      {t('users.detail.from', { date: vnDate(g.validFrom) })}
                      {g.validTo ? ` ${t('users.detail.until', { date: vnDate(g.validTo) })}` : ''}
                    </Text>
                    {g.fromAssignment && (
                      <Badge variant="light" color="gray" tt="none">
                        {t('users.detail.fromAssignment')}
                      </Badge>
                    )}
                  </div>
                  {g.revocable && (
                    <Button
                      size="xs"
                      color="red"
                      variant="subtle"
                      loading={revoke.isPending && revoke.variables?.grantId === g.id}
                      onClick={() =>
                        revoke.mutate(
                          { id: u.id, grantId: g.id },
                          { onSuccess: () => setDone(t('users.detail.revoked')) },
                        )
                      }
                    >
                      {t('users.detail.revoke')}
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
            {grantableRoles(session.data).length > 0 && (
              <Paper withBorder p="md" component="form" onSubmit={submitGrant}>
                <Stack>
                  <Title order={4} size="h5">
                    {t('users.detail.addGrant')}
                  </Title>
                  <GrantFields value={draft} onChange={setGrant} session={session.data} />
                  <Group justify="end">
                    <Button type="submit" loading={addGrant.isPending}>
                      {t('users.detail.add')}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            )}
          </>
        )}
      </Stack>
      <OneTimePasswordNotice shown={shown} onClose={() => setShown(null)} />
    </Container>
  );
}
