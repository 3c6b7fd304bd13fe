import { Anchor, Badge, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { NATIONAL_SCOPE, type Role } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { useUnitNames } from '../api/admin-units.js';
import { mayDo, useSession } from '../api/session.js';

type RoleLink = { key: string; to: string };

/** What each role does first, as links into the features (the API still authorizes every action). */
function linksFor(role: Role, unitCode: string): RoleLink[] {
  const unit = unitCode === NATIONAL_SCOPE ? '' : unitCode;
  const organisation = unit ? [{ key: 'organisation', to: `/admin/units/${unit}/organisation` }] : [];
  switch (role) {
    case 'reception':
      return [
        { key: 'receive', to: '/workspace/dossiers/new' },
        { key: 'queue', to: '/workspace/dossiers' },
        { key: 'onlineDossiers', to: '/workspace/online-dossiers' },
        { key: 'counterDesk', to: '/workspace/quay' },
        { key: 'informationDesk', to: '/workspace/quay/thong-tin' },
      ];
    case 'specialist':
    case 'department_head':
      return [{ key: 'process', to: '/workspace/dossiers' }];
    case 'leader':
      return [{ key: 'approve', to: '/workspace/dossiers' }, ...organisation];
    case 'center_director':
      return [
        { key: 'queue', to: '/workspace/dossiers' },
        { key: 'counterDesk', to: '/workspace/quay' },
        { key: 'informationDesk', to: '/workspace/quay/thong-tin' },
        { key: 'queueStats', to: '/workspace/quay/so-lieu' },
        { key: 'queueSettings', to: '/admin/queue' },
        ...organisation,
      ];
    case 'supervisor':
      return [
        { key: 'monitor', to: '/workspace/supervision' },
        { key: 'dashboard', to: '/workspace/supervision/dashboard' },
        { key: 'serviceIndex', to: '/workspace/supervision/index' },
        { key: 'monthlyReports', to: '/workspace/supervision/reports' },
        { key: 'workload', to: '/workspace/supervision/workload' },
        { key: 'register', to: '/workspace/supervision/register' },
        { key: 'readiness', to: '/admin/units/readiness' },
      ];
    case 'system_admin':
      return [
        { key: 'units', to: '/admin/units' },
        ...organisation,
        { key: 'procedures', to: '/admin/procedures' },
        { key: 'calendar', to: '/admin/calendar' },
        { key: 'readiness', to: '/admin/units/readiness' },
        { key: 'sync', to: '/admin/sync' },
        { key: 'register', to: '/workspace/supervision/register' },
        { key: 'queueSettings', to: '/admin/queue' },
        { key: 'assistantChoices', to: '/admin/search/choices' },
      ];
    default:
      return [];
  }
}

/** The signed-in official's home: one panel per role held, with the role's entry points. */
export function WorkspaceHome() {
  const { t } = useTranslation();
  const session = useSession();
  const unitName = useUnitNames(session.data?.user.grants.map((g) => g.unitCode) ?? []);
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  const { user } = session.data;
  return (
    <Container size="lg" py="lg">
      <Stack>
        <Title order={2}>{t('workspace.welcome', { name: user.fullName })}</Title>
        <Title order={3} size="h4">
          {t('workspace.yourRoles')}
        </Title>
        {user.grants.map((g) => (
          <Paper key={`${g.role}-${g.unitCode}`} withBorder p="md" radius="md" data-role={g.role}>
            <Group justify="space-between">
              <Text fw={600}>{t(`roles.${g.role}`)}</Text>
              <Badge variant="light" tt="none">
                {g.unitCode === NATIONAL_SCOPE
                  ? t('scope.national')
                  : `${unitName(g.unitCode)}${unitName(g.unitCode) === g.unitCode ? '' : ` (${g.unitCode})`}`}
              </Badge>
            </Group>
            <Group gap="lg" mt="xs">
              {linksFor(g.role, g.unitCode).map((l) => (
                <Anchor key={l.to} component={Link} to={l.to}>
                  {t(`workspace.links.${l.key}`)}
                </Anchor>
              ))}
            </Group>
          </Paper>
        ))}
        <Group gap="lg">
          {mayDo(session.data, 'user.manage') && (
            <Anchor component={Link} to="/admin/users" data-testid="users-link">
              {t('users.nav.users')}
            </Anchor>
          )}
          <Anchor component={Link} to="/workspace/account" data-testid="account-link">
            {t('users.nav.account')}
          </Anchor>
        </Group>
        {mayDo(session.data, 'feedback.read') && (
          <Anchor component={Link} to="/workspace/feedback" data-testid="feedback-link">
            {t('feedback.queue.title')}
          </Anchor>
        )}
        {mayDo(session.data, 'feedback.configure') && (
          <Anchor component={Link} to="/admin/feedback/routing-rules" data-testid="feedback-rules-link">
            {t('feedback.rules.title')}
          </Anchor>
        )}
        {mayDo(session.data, 'open311.manage') && (
          <Anchor component={Link} to="/admin/open311" data-testid="open311-keys-link">
            {t('feedback.open311.title')}
          </Anchor>
        )}
      </Stack>
    </Container>
  );
}
