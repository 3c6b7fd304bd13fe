import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Public landing page of the citizen portal. */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <Container size="md" py="xl">
      <Stack gap="md">
        <Title order={2}>{t('portal.title')}</Title>
        <Text size="lg">{t('portal.intro')}</Text>
        <Paper withBorder p="md" radius="md">
          <Text fw={500}>{t('portal.facts')}</Text>
        </Paper>
      </Stack>
    </Container>
  );
}
