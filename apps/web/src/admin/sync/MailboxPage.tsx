import { Alert, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { vnDateTime } from '../../api/dossiers.js';
import { useSession } from '../../api/session.js';
import { useMailbox } from '../../api/sync.js';

/** What the local mail catcher received (development and demo), newest first. */
export function MailboxPage() {
  const { t } = useTranslation();
  const session = useSession();
  const q = useMailbox();
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Text p="lg">{t('adminUnits.admin.signIn')}</Text>;
  return (
    <Container size="lg" py="lg">
      <Stack>
        <Title order={2}>{t('sync.mailbox.title')}</Title>
        <Text c="dimmed">{t('sync.mailbox.intro')}</Text>
        {q.isError && (
          <Alert color="orange">{q.error instanceof ApiError ? q.error.problem.detail : t('common.error')}</Alert>
        )}
        {q.isLoading && <Loader aria-label={t('common.loading')} />}
        {q.data?.items.length === 0 && <Text>{t('sync.mailbox.empty')}</Text>}
        {q.data?.items.map((m) => (
          <Paper key={m.seq} withBorder p="md" radius="md">
            <Text fw={600}>{m.subject ?? '—'}</Text>
            <Text size="sm" c="dimmed">
              {t('sync.mailbox.to')}: {m.to} · {t('sync.mailbox.receivedAt')}: {vnDateTime(m.receivedAt)}
            </Text>
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {m.text}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Container>
  );
}
