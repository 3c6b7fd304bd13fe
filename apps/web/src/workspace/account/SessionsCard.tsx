import { Alert, Badge, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { vnDateTime } from '../../api/dossiers.js';
import { useEndSession, useMySessions } from '../../api/users.js';
import { DataTable } from '../../components/DataTable.js';
import { problemText } from './problem-text.js';

/** Where the account is signed in; any session but this one can be ended here. */
export function SessionsCard() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  const end = useEndSession();
  return (
    <Paper withBorder p="md" radius="md" aria-labelledby="sessions-title">
      <Stack>
        <Title order={3} size="h4" id="sessions-title">
          {t('users.account.sessions')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('users.account.sessionsIntro')}
        </Text>
        {(sessions.error || end.error) && <Alert color="red">{problemText(sessions.error ?? end.error)}</Alert>}
        {sessions.data && (
          <DataTable
            minWidth={640}
            rows={sessions.data.items}
            rowKey={(s) => s.id}
            columns={[
              {
                header: t('users.account.browser'),
                cell: (s) => (
                  <Text size="sm" lineClamp={2} maw={300}>
                    {s.userAgent ?? t('users.account.unknown')}
                  </Text>
                ),
              },
              { header: t('users.account.address'), cell: (s) => s.ip ?? t('users.account.unknown') },
              { header: t('users.account.started'), cell: (s) => vnDateTime(s.createdAt) },
              { header: t('users.account.lastSeen'), cell: (s) => vnDateTime(s.lastSeenAt) },
              {
                header: null,
                cell: (s) =>
                  s.current ? (
                    <Badge variant="light" tt="none">
                      {t('users.account.thisSession')}
                    </Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={end.isPending && end.variables === s.id}
                      onClick={() => end.mutate(s.id)}
                    >
                      {t('users.account.end')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Stack>
    </Paper>
  );
}
