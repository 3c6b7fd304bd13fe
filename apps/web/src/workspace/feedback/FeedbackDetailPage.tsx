import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Container,
  Grid,
  Group,
  Image,
  Loader,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import type { FeedbackAction } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { markColor, useFeedbackAction, useFeedbackDetail, vnDateTimeOf } from '../../api/feedback.js';

const NEEDS_TEXT: ReadonlySet<FeedbackAction> = new Set(['refuse', 'request_info', 'draft_answer', 'return_draft']);

/** One feedback for the official handling it: the matter, its deadline, its history, and the next steps. */
export function FeedbackDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useFeedbackDetail(id);
  const act = useFeedbackAction(id);
  const [text, setText] = useState('');
  const [publish, setPublish] = useState(true);
  const [publicQuestion, setPublicQuestion] = useState('');
  const [unitCode, setUnitCode] = useState('');
  if (q.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (q.error instanceof ApiError) return <Alert color="red">{q.error.problem.detail}</Alert>;
  const d = q.data;
  if (!d) return null;
  const run = (action: FeedbackAction) =>
    act.mutate(
      {
        action,
        ...(NEEDS_TEXT.has(action) ? { text } : {}),
        ...(action === 'approve_answer' ? { publish } : {}),
        ...(action === 'publish' && publicQuestion.trim() ? { publicQuestion } : {}),
        ...(action === 'route' && unitCode.trim() ? { unitCode: unitCode.trim(), departmentId: null } : {}),
      },
      { onSuccess: () => setText('') },
    );
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Anchor component={Link} to="/workspace/feedback">
          ← {t('feedback.queue.title')}
        </Anchor>
        <Group justify="space-between">
          <Title order={2}>
            {d.code}: {d.title}
          </Title>
          <Group gap="xs">
            <Badge size="lg">{t(`feedback.statuses.${d.status}`)}</Badge>
            {d.mark !== 'none' && (
              <Badge size="lg" color={markColor(d.mark)}>
                {t(`feedback.marks.${d.mark}`)}
              </Badge>
            )}
            {d.escalation > 0 && (
              <Badge size="lg" color="red" variant="outline">
                {t(`feedback.escalation.${d.escalation}`)}
              </Badge>
            )}
          </Group>
        </Group>
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack>
              <Card withBorder>
                <Text size="sm" c="dimmed">
                  {t(`feedback.kinds.${d.kind}`)} · {d.field ?? '—'} · {d.unitName ?? d.unitCode}
                  {d.departmentName ? ` / ${d.departmentName}` : ''} · {t('feedback.queue.due')}:{' '}
                  {vnDateTimeOf(d.dueAt)}
                </Text>
                <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {d.content}
                </Text>
                <Text size="sm" mt="xs">
                  {t('feedback.detail.submitter')}:{' '}
                  {d.anonymous
                    ? t('feedback.detail.anonymous')
                    : [d.submitterName, d.submitterPhone, d.submitterEmail].filter(Boolean).join(' · ')}
                </Text>
                {d.dossierCode && <Text size="sm">{t('feedback.detail.dossier', { code: d.dossierCode })}</Text>}
                {d.lat !== null && <Text size="sm">{t('feedback.detail.location', { lat: d.lat, long: d.long })}</Text>}
                {d.photos.length > 0 && (
                  <Group mt="xs">
                    {d.photos.map((p) => (
                      <Image key={p.id} src={p.url} alt={p.fileName} h={120} w="auto" radius="sm" />
                    ))}
                  </Group>
                )}
              </Card>
              {d.answerDraft && (
                <Alert color="blue" title={t('feedback.detail.draft')}>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{d.answerDraft}</Text>
                </Alert>
              )}
              {d.answer && (
                <Alert color="teal" title={t('feedback.detail.answer')}>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{d.answer}</Text>
                </Alert>
              )}
              {d.allowedActions.length > 0 && (
                <Card withBorder>
                  <Stack>
                    {d.allowedActions.some((a) => NEEDS_TEXT.has(a)) && (
                      <Textarea
                        label={t('feedback.detail.text')}
                        autosize
                        minRows={3}
                        value={text}
                        onChange={(e) => setText(e.currentTarget.value)}
                      />
                    )}
                    {d.allowedActions.includes('route') && (
                      <TextInput
                        label={t('feedback.detail.unitCode')}
                        value={unitCode}
                        onChange={(e) => setUnitCode(e.currentTarget.value)}
                        placeholder={d.unitCode}
                      />
                    )}
                    {d.allowedActions.includes('approve_answer') && (
                      <Checkbox
                        label={t('feedback.detail.publish')}
                        checked={publish}
                        onChange={(e) => setPublish(e.currentTarget.checked)}
                      />
                    )}
                    {d.allowedActions.includes('publish') && (
                      <Textarea
                        label={t('feedback.detail.publicQuestion')}
                        autosize
                        value={publicQuestion}
                        onChange={(e) => setPublicQuestion(e.currentTarget.value)}
                        placeholder={d.title}
                      />
                    )}
                    {act.error instanceof ApiError && <Alert color="red">{act.error.problem.detail}</Alert>}
                    <Group>
                      {d.allowedActions.map((a) => (
                        <Button
                          key={a}
                          variant={a === 'refuse' || a === 'return_draft' ? 'light' : 'filled'}
                          loading={act.isPending}
                          onClick={() => run(a)}
                        >
                          {t(`feedback.actions.${a}`)}
                        </Button>
                      ))}
                    </Group>
                  </Stack>
                </Card>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Title order={3} size="h4" mb="sm">
              {t('feedback.detail.history')}
            </Title>
            <Timeline bulletSize={14} lineWidth={2}>
              {d.events.map((e) => (
                <Timeline.Item
                  key={`${e.at}-${e.action}-${e.note}`}
                  title={
                    e.action === 'escalated'
                      ? t(`feedback.escalation.${e.note === 'province' ? 2 : 1}`)
                      : t(`feedback.actions.${e.action}`, e.action)
                  }
                  color={
                    e.onTime === false || e.action === 'escalated' ? 'red' : e.action === 'reminded' ? 'orange' : 'blue'
                  }
                >
                  <Text size="xs" c="dimmed">
                    {vnDateTimeOf(e.at)} ·{' '}
                    {e.actorName ?? (['reminded', 'escalated'].includes(e.action) ? t('feedback.detail.system') : '—')}
                    {e.onTime === false ? ` · ${t('feedback.detail.late')}` : ''}
                  </Text>
                  {e.note && !['received', 'escalated'].includes(e.action) && <Text size="sm">{e.note}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
