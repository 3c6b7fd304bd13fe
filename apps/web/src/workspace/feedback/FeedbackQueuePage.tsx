import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { markColor, useFeedbackList, vnDateTimeOf } from '../../api/feedback.js';
import { mayDo, useSession } from '../../api/session.js';

const VIEWS = ['all', 'received', 'in_progress', 'due_soon', 'overdue', 'answered'] as const;

/** Officials' queue of feedback: soonest deadline first, due-soon and overdue marks, escalation. */
export function FeedbackQueuePage() {
  const { t } = useTranslation();
  const session = useSession();
  const [view, setView] = useState<(typeof VIEWS)[number]>('all');
  const [q, setQ] = useState('');
  const mark = view === 'due_soon' || view === 'overdue' ? view : undefined;
  const status = !mark && view !== 'all' ? view : undefined;
  const list = useFeedbackList({ status, mark, q });
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={2}>{t('feedback.queue.title')}</Title>
          {mayDo(session.data, 'feedback.intake') && (
            <Button component={Link} to="/workspace/feedback/intake">
              {t('feedback.queue.hotline')}
            </Button>
          )}
        </Group>
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as (typeof VIEWS)[number])}
          data={VIEWS.map((v) => ({
            value: v,
            label:
              v === 'all'
                ? t('feedback.queue.all')
                : v === 'due_soon' || v === 'overdue'
                  ? t(`feedback.marks.${v}`)
                  : t(`feedback.statuses.${v}`),
          }))}
        />
        <TextInput
          aria-label={t('feedback.queue.search')}
          placeholder={t('feedback.queue.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        {list.error instanceof ApiError && <Alert color="red">{list.error.problem.detail}</Alert>}
        {list.isLoading ? (
          <Loader aria-label={t('common.loading')} />
        ) : !list.data?.items.length ? (
          <Text c="dimmed">{t('feedback.queue.empty')}</Text>
        ) : (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('feedback.queue.code')}</Table.Th>
                <Table.Th>{t('feedback.queue.subject')}</Table.Th>
                <Table.Th>{t('feedback.queue.status')}</Table.Th>
                <Table.Th>{t('feedback.queue.due')}</Table.Th>
                <Table.Th>{t('feedback.queue.unit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/workspace/feedback/${i.id}`}>
                      {i.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{i.title}</Text>
                    <Group gap={4}>
                      <Badge size="xs" variant="outline">
                        {t(`feedback.kinds.${i.kind}`)}
                      </Badge>
                      {i.repeatOf && (
                        <Badge size="xs" color="grape">
                          {t('feedback.queue.repeat')}
                        </Badge>
                      )}
                      {i.hasDraft && (
                        <Badge size="xs" color="blue">
                          {t('feedback.queue.draft')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t(`feedback.statuses.${i.status}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{vnDateTimeOf(i.dueAt)}</Text>
                    {i.mark !== 'none' && i.mark !== 'undue' && (
                      <Badge color={markColor(i.mark)}>{t(`feedback.marks.${i.mark}`)}</Badge>
                    )}
                    {i.escalation > 0 && (
                      <Badge color="red" variant="outline">
                        {t(`feedback.escalation.${i.escalation}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{i.unitName ?? i.unitCode}</Text>
                    {i.departmentName && (
                      <Text size="xs" c="dimmed">
                        {i.departmentName}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Container>
  );
}
