import { Alert, Container, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { useSession } from '../../api/session.js';
import { ChangePasswordCard } from './ChangePasswordCard.js';
import { SecondFactorCard } from './SecondFactorCard.js';
import { SessionsCard } from './SessionsCard.js';

/** The official's own account: password, sessions and (for administrators and supervisors) the second factor. */
export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  const forced = session.data.account.mustChangePassword;
  return (
    <Container size="lg" py="lg">
      <Stack>
        <Title order={2}>{t('users.account.title')}</Title>
        {forced && (
          <Alert color="orange" role="alert">
            {t('users.account.forced')}
          </Alert>
        )}
        <ChangePasswordCard onChanged={forced ? () => navigate('/workspace') : undefined} />
        {!forced && <SessionsCard />}
        {!forced && session.data.account.secondFactorOffered && <SecondFactorCard session={session.data} />}
      </Stack>
    </Container>
  );
}
