import { Alert, Button, Code, Container, Group, Loader, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import type { DeadLetterView } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { vnDateTime } from '../../api/dossiers.js';
import { useSession } from '../../api/session.js';
import { useDeadLetters, useDiscardDeadLetter, useResendDeadLetter } from '../../api/sync.js';
import { DataTable } from '../../components/DataTable.js';

const destinationOf = (topic: string) =>
  topic === 'notify.email' ? 'email' : topic === 'notify.sms' ? 'sms' : ('portal' as const);

/** The outbox's dead letters: what failed, why, the receiver's answer; re-send or discard (audited). */
export function DeadLettersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const list = useDeadLetters();
  const resend = useResendDeadLetter();
  const discard = useDiscardDeadLetter();
  const [discarding, setDiscarding] = useState<DeadLetterView | null>(null);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const failure = resend.error ?? discard.error ?? list.error;
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Text p="lg">{t('adminUnits.admin.signIn')}</Text>;
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('sync.deadLetters.title')}</Title>
        <Text c="dimmed">{t('sync.deadLetters.intro')}</Text>
        {failure && (
          <Alert color="red">{failure instanceof ApiError ? failure.problem.detail : t('common.error')}</Alert>
        )}
        {done && (
          <Alert color="green" role="status">
            {done}
          </Alert>
        )}
        {list.isLoading && <Loader aria-label={t('common.loading')} />}
        {list.data && list.data.items.length === 0 && <Text>{t('sync.deadLetters.empty')}</Text>}
        {list.data && list.data.items.length > 0 && (
          <DataTable
            minWidth={1000}
            columns={[
              { header: '#', cell: (r) => r.id },
              {
                header: t('sync.deadLetters.destination'),
                cell: (r) => t(`sync.supervision.destination.${destinationOf(r.topic)}`),
              },
              {
                header: t('sync.deadLetters.subject'),
                cell: (r) => <Code>{String(r.payload.MaHoSo ?? r.payload.to ?? r.aggregateId)}</Code>,
              },
              { header: t('sync.deadLetters.reason'), cell: (r) => r.reason },
              {
                header: t('sync.deadLetters.answer'),
                cell: (r) => (
                  <Text size="xs" lineClamp={3} maw={280}>
                    {r.portalResponse ?? '—'}
                  </Text>
                ),
              },
              { header: t('sync.deadLetters.attempts'), cell: (r) => r.attempts },
              { header: t('sync.deadLetters.deadAt'), cell: (r) => vnDateTime(r.deadAt) },
              {
                header: null,
                cell: (r) => (
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      loading={resend.isPending && resend.variables?.id === r.id}
                      onClick={() =>
                        resend.mutate(
                          { id: r.id, body: {} },
                          { onSuccess: () => setDone(t('sync.deadLetters.resent', { id: r.id })) },
                        )
                      }
                    >
                      {t('sync.deadLetters.resend')}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      onClick={() => {
                        setNote('');
                        setDiscarding(r);
                      }}
                    >
                      {t('sync.deadLetters.discard')}
                    </Button>
                  </Group>
                ),
              },
            ]}
            rows={list.data.items}
            rowKey={(r) => String(r.id)}
          />
        )}
      </Stack>
      <Modal
        opened={discarding !== null}
        onClose={() => setDiscarding(null)}
        title={`${t('sync.deadLetters.discard')} #${discarding?.id ?? ''}`}
      >
        <Stack>
          <Textarea
            label={t('sync.deadLetters.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            minRows={2}
            autoFocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDiscarding(null)}>
              {t('sync.deadLetters.cancel')}
            </Button>
            <Button
              color="red"
              disabled={note.trim().length < 3}
              loading={discard.isPending}
              onClick={() => {
                const id = discarding!.id;
                discard.mutate(
                  { id, body: { note: note.trim() } },
                  {
                    onSuccess: () => {
                      setDiscarding(null);
                      setDone(t('sync.deadLetters.discarded', { id }));
                    },
                  },
                );
              }}
            >
              {t('sync.deadLetters.confirmDiscard')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Container>
  );
}
