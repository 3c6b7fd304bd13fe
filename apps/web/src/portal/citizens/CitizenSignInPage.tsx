import { Alert, Anchor, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { errorCatalog } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { citizenSignInUrl } from '../../api/citizens.js';

/** Citizens sign in with their electronic identity: one button to the provider (VNeID, or the local one). */
export function CitizenSignInPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const error = params.get('error');
  const entry = error ? (errorCatalog as Record<string, { vi: string; en: string }>)[error] : undefined;
  const returnTo = params.get('returnTo') ?? '/ho-so-cua-toi';
  return (
    <Container size={440} py="xl">
      <Paper withBorder p="lg" radius="md">
        <Stack>
          <Title order={2} size="h3">
            {t('citizens.signInTitle')}
          </Title>
          {error && (
            <Alert color="red" title={t('citizens.signInError')} role="alert">
              {entry ? (i18n.language === 'en' ? entry.en : entry.vi) : error}
            </Alert>
          )}
          <Text>{t('citizens.signInIntro')}</Text>
          <Button component="a" href={citizenSignInUrl(returnTo)} size="md" color="red.9">
            {t('citizens.signInButton')}
          </Button>
          <Anchor component={Link} to="/login" size="sm">
            {t('citizens.officialLogin')}
          </Anchor>
        </Stack>
      </Paper>
    </Container>
  );
}
