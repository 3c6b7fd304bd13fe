import { Alert, Button, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useUnsubscribe, useUnsubscribeLink } from '../../api/sync.js';

/**
 * The page of the signed link at the end of every applicant e-mail and SMS: it names the channel and the masked
 * address, and stops the messages only when the applicant confirms (opening the link changes nothing).
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const link = useUnsubscribeLink(token);
  const stop = useUnsubscribe();
  const problem = (e: unknown) => (e instanceof ApiError ? e.problem.detail : t('common.error'));
  const done = stop.data ?? (link.data?.optedOut ? link.data : null);
  return (
    <Container size="sm" py="xl">
      <Paper withBorder p="lg" radius="md">
        <Stack>
          <Title order={2}>{t('sync.unsubscribe.title')}</Title>
          {!token && <Alert color="orange">{t('sync.unsubscribe.noToken')}</Alert>}
          {link.isLoading && <Loader aria-label={t('common.loading')} />}
          {link.isError && <Alert color="orange">{problem(link.error)}</Alert>}
          {link.data && !done && (
            <>
              <Text>{t(`sync.unsubscribe.ask.${link.data.channel}`, { address: link.data.address })}</Text>
              <Text size="sm" c="dimmed">
                {t('sync.unsubscribe.note')}
              </Text>
              {stop.isError && <Alert color="orange">{problem(stop.error)}</Alert>}
              <Button onClick={() => stop.mutate(token)} loading={stop.isPending} w="fit-content">
                {t(`sync.unsubscribe.confirm.${link.data.channel}`)}
              </Button>
            </>
          )}
          {done && (
            <Alert color="green" role="status">
              {t(`sync.unsubscribe.done.${done.channel}`, { address: done.address })}
            </Alert>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
