import { Badge, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { NATIONAL_SCOPE } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { useSession } from '../api/session.js';

/** The signed-in official's home: one panel per role held. Features fill these panels. */
export function WorkspaceHome() {
  const { t } = useTranslation();
  const session = useSession();
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
              <Badge variant="light">
                {g.unitCode === NATIONAL_SCOPE ? t('scope.national') : t('scope.unit', { code: g.unitCode })}
              </Badge>
            </Group>
            <Text c="dimmed" size="sm" mt="xs">
              {t('workspace.empty')}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Container>
  );
}
