import { Alert, Badge, Button, Card, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useRate, useTracking, vnDateTimeOf } from '../../api/feedback.js';

const RATINGS = ['satisfied', 'neutral', 'dissatisfied'] as const;

/** What the submitter sees with the tracking link: status, deadline, the answer, and the rating. */
export function FeedbackTrackPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const q = useTracking(token);
  const rate = useRate(token);
  if (q.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (q.error instanceof ApiError) return <Alert color="red">{q.error.problem.detail}</Alert>;
  const d = q.data;
  if (!d) return null;
  return (
    <Container size="md" py="lg">
      <Stack>
        <Title order={2}>{t('feedback.track.title', { code: d.code })}</Title>
        <Text fw={500}>{d.title}</Text>
        <Group>
          <Badge size="lg">{t(`feedback.statuses.${d.status}`)}</Badge>
          <Text size="sm">
            {t('feedback.track.due')}: {vnDateTimeOf(d.dueAt)}
          </Text>
          {d.unitName && (
            <Text size="sm">
              {t('feedback.track.unit')}: {d.unitName}
            </Text>
          )}
        </Group>
        {d.refusalReason && (
          <Alert color="gray" title={t('feedback.track.refusal')}>
            {d.refusalReason}
          </Alert>
        )}
        {d.infoRequest && (
          <Alert color="orange" title={t('feedback.track.info')}>
            {d.infoRequest}
          </Alert>
        )}
        {d.answer && (
          <Card withBorder>
            <Title order={3} size="h4">
              {t('feedback.track.answer')}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{d.answer}</Text>
            <Text size="xs" c="dimmed">
              {vnDateTimeOf(d.answeredAt)}
            </Text>
          </Card>
        )}
        {d.mayRate && (
          <Stack gap="xs">
            <Text fw={500}>{t('feedback.track.rate')}</Text>
            <Group>
              {RATINGS.map((r) => (
                <Button key={r} variant="light" loading={rate.isPending} onClick={() => rate.mutate({ rating: r })}>
                  {t(`feedback.track.ratings.${r}`)}
                </Button>
              ))}
            </Group>
          </Stack>
        )}
        {d.rating && <Text>{t('feedback.track.rated', { rating: t(`feedback.track.ratings.${d.rating}`) })}</Text>}
      </Stack>
    </Container>
  );
}
