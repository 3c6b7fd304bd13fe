import { Alert, Anchor, Badge, Container, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router-dom';
import { useUnitNames } from '../../api/admin-units.js';
import { ApiError } from '../../api/client.js';
import { progressLabel, slipUrl, statusColor, useDossier, vnDateTime } from '../../api/dossiers.js';
import { useSession } from '../../api/session.js';
import { awaitingSentence } from './awaiting.js';
import { ActionButtons } from './detail/ActionButtons.js';
import { ComponentsCard } from './detail/ComponentsCard.js';
import { EformCard } from './detail/EformCard.js';
import { FeesCard } from './detail/FeesCard.js';
import { ControlSheetCard, TimelineCard } from './detail/HistoryCards.js';
import { NotificationLogCard } from './NotificationLogCard.js';

/** One dossier: status, deadlines, checklist, the actions the signed-in official may take now, slips, timeline and process control sheet. */
export function DossierDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  const q = useDossier(id);
  const unitName = useUnitNames(q.data ? [...q.data.timeline.map((a) => a.unitCode), q.data.competentUnitCode] : []);
  if (session.isLoading || q.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  if (!q.data)
    return (
      <Alert color="red">{q.error instanceof ApiError ? q.error.problem.detail : t('dossiers.queue.empty')}</Alert>
    );
  const d = q.data;
  const slips = [
    d.timeline.some((a) => a.type === 'received') && 'receipt',
    d.timeline.some((a) => a.type === 'supplement_requested') && 'supplement',
    d.timeline.some((a) => a.type === 'refused') && 'refusal',
    d.timeline.some((a) => a.type === 'apology_issued') && 'apology',
    d.timeline.some((a) => a.type === 'withdrawn' || a.type === 'stopped') && 'stop',
    d.timeline.some((a) => a.type === 'received') && 'control-sheet',
    d.feeCollected && 'fee-receipt',
  ].filter(Boolean) as string[];
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Anchor component={Link} to="/workspace/dossiers" size="sm">
          ← {t('dossiers.detail.back')}
        </Anchor>
        <Group justify="space-between" align="start">
          <div>
            <Title order={2} ff="monospace">
              {d.code}
            </Title>
            <Text>{d.procedureName}</Text>
          </div>
          <Group>
            <Badge size="lg" color={statusColor[d.status]}>
              {t(`dossiers.status.${d.status}`)}
            </Badge>
            <Badge
              size="lg"
              variant="outline"
              color={d.progress === 'overdue' || d.progress === 'late' ? 'red' : 'gray'}
            >
              {t(`dossiers.progress.${progressLabel(d)}`)}
            </Badge>
          </Group>
        </Group>
        <Alert color="blue" variant="light" data-testid="dossier-awaiting">
          {awaitingSentence(t, d)}
        </Alert>
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              {t('dossiers.detail.received')}
            </Text>
            <Text>{vnDateTime(d.receivedAt ?? d.submittedAt)}</Text>
          </Paper>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              {t('dossiers.detail.due')}
            </Text>
            <Text fw={600}>{vnDateTime(d.dueAt)}</Text>
            {d.status === 'new' && d.intakeDueAt && (
              <Text size="xs">
                {t('dossiers.detail.intakeDue')}: {vnDateTime(d.intakeDueAt)}
              </Text>
            )}
          </Paper>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              {t('dossiers.detail.currentStep')}
            </Text>
            <Text>{d.currentStep ? `${d.currentStep.order}. ${d.currentStep.name}` : '—'}</Text>
            <Text size="xs">
              {t('dossiers.detail.assignee')}: {d.currentStep?.assigneeName ?? t('dossiers.detail.nobody')}
            </Text>
          </Paper>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              {t('dossiers.columns.applicant')}
            </Text>
            <Text>{d.applicant.fullName}</Text>
            <Text size="xs">{[d.applicant.phone, d.applicant.idNumber].filter(Boolean).join(' · ')}</Text>
            {d.agent && <Text size="xs">↳ {d.agent.fullName}</Text>}
          </Paper>
        </SimpleGrid>

        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            {t('dossiers.detail.actions')}
          </Title>
          <ActionButtons d={d} />
        </Paper>

        <EformCard dossierId={d.id} />
        <FeesCard dossierId={d.id} />

        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ComponentsCard d={d} />
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="sm">
              {t('dossiers.detail.slips')}
            </Title>
            <Stack gap={4}>
              {slips.map((k) => (
                <Anchor key={k} href={slipUrl(d.id, k)} target="_blank" rel="noopener">
                  {t(`dossiers.slip.${k}`)} (PDF)
                </Anchor>
              ))}
            </Stack>
          </Paper>
        </SimpleGrid>

        <TimelineCard d={d} unitName={unitName} />

        <NotificationLogCard dossierId={d.id} />

        <ControlSheetCard d={d} />
      </Stack>
    </Container>
  );
}
