import {
  Alert,
  Anchor,
  Badge,
  Container,
  Group,
  Loader,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { SyncSupervision } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { vnDateTime } from '../../api/dossiers.js';
import { useSession } from '../../api/session.js';
import { useSyncSupervision } from '../../api/sync.js';
import { SyncProvincesTable } from './SyncProvincesTable.js';

type Destination = SyncSupervision['destinations'][number];
const breakerColor = { closed: 'green', half_open: 'yellow', open: 'red' } as const;

/** How long the oldest message has waited: seconds, minutes, or hours and minutes. */
function useWaited() {
  const { t } = useTranslation();
  return (seconds: number): string => {
    if (seconds < 60) return t('sync.supervision.age.seconds', { n: seconds });
    const m = Math.floor(seconds / 60);
    if (m < 60) return t('sync.supervision.age.minutes', { n: m });
    return t('sync.supervision.age.hours', { h: Math.floor(m / 60), m: m % 60 });
  };
}

function DestinationCard({ d, maxAge }: { d: Destination; maxAge: number }) {
  const { t } = useTranslation();
  const waited = useWaited();
  const state = d.breaker ?? 'none';
  return (
    <Paper withBorder p="md" radius="md" data-testid={`destination-${d.destination}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t(`sync.supervision.destination.${d.destination}`)}</Text>
        <Badge color={d.breaker ? breakerColor[d.breaker] : 'gray'} variant="light">
          {t('sync.supervision.breaker')}: {t(`sync.supervision.breakerState.${state}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={2} spacing="xs">
        <Text size="sm">{t('sync.supervision.pending')}</Text>
        <Text size="sm" fw={600} ta="right">
          {d.pending.toLocaleString('vi-VN')}
        </Text>
        <Text size="sm">{t('sync.supervision.oldest')}</Text>
        <Text size="sm" fw={600} ta="right">
          {waited(d.oldestPendingAgeSeconds)}
        </Text>
        <Text size="sm">{t('sync.supervision.dead')}</Text>
        <Text size="sm" fw={600} ta="right" c={d.deadLetters ? 'red.9' : undefined}>
          {d.deadLetters.toLocaleString('vi-VN')}
        </Text>
        <Text size="sm">{t('sync.supervision.delivered')}</Text>
        <Text size="sm" fw={600} ta="right">
          {d.deliveredLastDay.toLocaleString('vi-VN')}
        </Text>
      </SimpleGrid>
      <Progress
        mt="sm"
        value={maxAge ? (100 * d.oldestPendingAgeSeconds) / maxAge : 0}
        color={d.oldestPendingAgeSeconds > 900 ? 'red' : 'blue'}
        aria-label={`${t('sync.supervision.oldest')}: ${waited(d.oldestPendingAgeSeconds)}`}
      />
    </Paper>
  );
}

/** Supervision of the sync: each destination's backlog, oldest pending, dead letters and breaker; the importer. */
export function SyncSupervisionPage() {
  const { t } = useTranslation();
  const session = useSession();
  const q = useSyncSupervision();
  const waited = useWaited();
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Text p="lg">{t('adminUnits.admin.signIn')}</Text>;
  const data = q.data;
  const maxAge = Math.max(1, ...(data?.destinations ?? []).map((d) => d.oldestPendingAgeSeconds));
  const imp = data?.portalImport;
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('sync.supervision.title')}</Title>
        <Text c="dimmed">{t('sync.supervision.intro')}</Text>
        <Group>
          <Anchor component={Link} to="/admin/sync/dead-letters">
            {t('sync.supervision.deadLetters')}
          </Anchor>
          <Anchor component={Link} to="/admin/sync/mailbox">
            {t('sync.supervision.mailbox')}
          </Anchor>
        </Group>
        {q.isError && (
          <Alert color="red">{q.error instanceof ApiError ? q.error.problem.detail : t('common.error')}</Alert>
        )}
        {q.isLoading && <Loader aria-label={t('common.loading')} />}
        {data && (
          <>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              {data.destinations.map((d) => (
                <DestinationCard key={d.destination} d={d} maxAge={maxAge} />
              ))}
            </SimpleGrid>
            <SyncProvincesTable data={data} waited={waited} />
            {imp && (
              <Paper withBorder p="md" radius="md" data-testid="portal-import">
                <Group justify="space-between" mb="xs">
                  <Title order={3} size="h5">
                    {t('sync.supervision.import')}
                  </Title>
                  <Badge color={imp.breaker ? breakerColor[imp.breaker] : 'gray'} variant="light">
                    {t('sync.supervision.breaker')}: {t(`sync.supervision.breakerState.${imp.breaker ?? 'none'}`)}
                  </Badge>
                </Group>
                <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
                  <Text size="sm">
                    {t('sync.supervision.imported')}: <b>{imp.imported.toLocaleString('vi-VN')}</b>
                  </Text>
                  <Text size="sm">
                    {t('sync.supervision.needsReview')}:{' '}
                    <Anchor component={Link} to="/workspace/online-dossiers" fw={600}>
                      {imp.needsReview.toLocaleString('vi-VN')}
                    </Anchor>
                  </Text>
                  <Text size="sm">
                    {t('sync.supervision.lastSuccess')}:{' '}
                    <b>{imp.lastSuccessAt ? vnDateTime(imp.lastSuccessAt) : t('sync.supervision.never')}</b>
                  </Text>
                  <Text size="sm">
                    {t('sync.supervision.cursor')}: <b>{imp.cursor ?? '0'}</b>
                  </Text>
                </SimpleGrid>
                {imp.lastError && (
                  <Alert color="orange" mt="sm" title={t('sync.supervision.lastError')}>
                    {imp.lastError}
                    {imp.nextAttemptAt && ` — ${t('sync.supervision.nextAttempt')} ${vnDateTime(imp.nextAttemptAt)}`}
                  </Alert>
                )}
              </Paper>
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
