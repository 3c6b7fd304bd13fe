import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  FileInput,
  Group,
  Loader,
  Modal,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { type DossierActionKind, type DossierDetail, vnLocalToIso } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router-dom';
import { useUnitNames } from '../../api/admin-units.js';
import { ApiError } from '../../api/client.js';
import {
  slipUrl,
  statusColor,
  uploadResult,
  useAssigneeCandidates,
  useDossier,
  useDossierAction,
  vnDateTime,
} from '../../api/dossiers.js';
import { useSession } from '../../api/session.js';
import { awaitingSentence } from './awaiting.js';
import { NotificationLogCard } from './NotificationLogCard.js';

type Field =
  | 'reason'
  | 'note'
  | 'newDueAt'
  | 'toUnitCode'
  | 'agency'
  | 'question'
  | 'workingDays'
  | 'answer'
  | 'amount'
  | 'timeLimitDays';

const forms: Partial<Record<DossierActionKind, { path: (d: DossierDetail) => string; fields: Field[] }>> = {
  received: { path: () => 'accept', fields: ['note'] },
  supplemented: { path: () => 'supplement', fields: ['note'] },
  refused: { path: () => 'refuse', fields: ['reason'] },
  claimed: { path: () => 'claim', fields: [] },
  step_completed: { path: () => 'complete-step', fields: ['note'] },
  forwarded: { path: () => 'forward', fields: ['toUnitCode', 'note'] },
  consultation_requested: { path: () => 'consultations', fields: ['agency', 'question', 'workingDays'] },
  consultation_answered: { path: (d) => `consultations/${d.openConsultations[0]}/answer`, fields: ['answer'] },
  financial_obligation_requested: { path: () => 'financial-obligation', fields: ['amount', 'note'] },
  financial_obligation_paid: { path: () => 'payment', fields: ['note'] },
  approved: { path: () => 'approve', fields: ['note'] },
  apology_issued: { path: () => 'apology', fields: ['reason', 'newDueAt'] },
  withdrawn: { path: () => 'withdraw', fields: ['reason'] },
  stopped: { path: () => 'stop', fields: ['reason'] },
};

function bodyFor(type: DossierActionKind, d: DossierDetail, v: Record<string, string>): unknown {
  switch (type) {
    case 'refused':
      return { reasons: [v.reason ?? ''] };
    case 'claimed':
      return { stepOrder: d.currentStep?.order ?? 1 };
    case 'step_completed':
      return { fromStep: d.currentStep?.order ?? 1, note: v.note || null };
    case 'consultation_requested':
      return { agency: v.agency, question: v.question, workingDays: Number(v.workingDays || 5) };
    case 'financial_obligation_requested':
      return { amount: v.amount ? Number(v.amount) : null, description: v.note || null };
    case 'apology_issued':
      return {
        reason: v.reason,
        newDueAt: v.newDueAt ? new Date(vnLocalToIso(`${v.newDueAt}T17:00`)).toISOString() : '',
      };
    case 'withdrawn':
    case 'stopped':
      return { reason: v.reason };
    case 'forwarded':
      return { toUnitCode: (v.toUnitCode ?? '').toUpperCase(), note: v.note || null };
    case 'consultation_answered':
      return { answer: v.answer };
    case 'received':
      return {
        note: v.note || null,
        ...(v.timeLimitDays ? { timeLimit: { value: Number(v.timeLimitDays), unit: 'working_days' } } : {}),
      };
    default:
      return { note: v.note || null };
  }
}

function ActionButtons({ d }: { d: DossierDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const act = useDossierAction(d.id);
  const [open, setOpen] = useState<DossierActionKind | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [items, setItems] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const candidates = useAssigneeCandidates(d.id, d.currentStep?.order, open === 'assigned');
  const close = () => {
    setOpen(null);
    setValues({});
    setItems([]);
    setFiles([]);
    setUploadError(null);
  };
  const submit = async () => {
    if (!open) return;
    if (open === 'result_issued') {
      try {
        await uploadResult(d.id, files, session.data?.csrfToken ?? '', values.note);
        await act.reset();
        window.location.reload();
      } catch (e) {
        setUploadError(e instanceof ApiError ? e.problem.detail : String(e));
      }
      return;
    }
    if (open === 'supplement_requested') {
      act.mutate(
        {
          path: 'supplement-request',
          body: { items: items.map((key) => ({ key, state: 'missing', reason: values.reason || null })) },
        },
        { onSuccess: close },
      );
      return;
    }
    if (open === 'assigned') {
      act.mutate(
        { path: 'assign', body: { stepOrder: d.currentStep?.order ?? 1, assigneeId: assignee } },
        { onSuccess: close },
      );
      return;
    }
    if (open === 'returned') {
      act.mutate({ path: 'return', body: { method: values.method || d.returnMethod } }, { onSuccess: close });
      return;
    }
    if (open === 'rated') {
      act.mutate({ path: 'rate', body: { level: Number(values.level || 5) } }, { onSuccess: close });
      return;
    }
    const f = forms[open];
    if (f) act.mutate({ path: f.path(d), body: bodyFor(open, d, values) }, { onSuccess: close });
  };
  const field = (name: Field) => (
    <TextInput
      key={name}
      label={t(`dossiers.form.${name}`)}
      type={
        name === 'newDueAt'
          ? 'date'
          : name === 'workingDays' || name === 'amount' || name === 'timeLimitDays'
            ? 'number'
            : 'text'
      }
      value={values[name] ?? ''}
      onChange={(e) => setValues({ ...values, [name]: e.currentTarget.value })}
    />
  );
  return (
    <>
      {d.allowedActions.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="no-actions">
          {t('dossiers.detail.noActions')}
        </Text>
      )}
      <Group gap="xs" data-testid="dossier-actions">
        {d.allowedActions.map((a) => (
          <Button
            key={a}
            size="xs"
            variant={a === 'refused' || a === 'stopped' ? 'outline' : 'light'}
            onClick={() => setOpen(a)}
          >
            {t(`dossiers.action.${a}`)}
          </Button>
        ))}
      </Group>
      <Modal opened={open !== null} onClose={close} title={open ? t(`dossiers.action.${open}`) : ''}>
        <Stack>
          {open === 'supplement_requested' && (
            <>
              <MultiSelect
                label={t('dossiers.detail.components')}
                data={d.components.map((c) => ({ value: c.key, label: c.name }))}
                value={items}
                onChange={setItems}
              />
              {field('reason')}
            </>
          )}
          {open === 'assigned' && (
            <Select
              label={t('dossiers.form.assignee')}
              clearable
              data={(candidates.data?.items ?? []).map((c) => ({
                value: c.userId,
                label: `${c.fullName} (${c.openAssignments})`,
              }))}
              value={assignee}
              onChange={setAssignee}
            />
          )}
          {open === 'returned' && (
            <Select
              label={t('dossiers.form.method')}
              data={(['counter', 'post', 'online'] as const).map((m) => ({
                value: m,
                label: t(`dossiers.returnMethod.${m}`),
              }))}
              value={values.method ?? d.returnMethod}
              onChange={(v) => setValues({ ...values, method: v ?? d.returnMethod })}
            />
          )}
          {open === 'rated' && (
            <Select
              label={t('dossiers.form.level')}
              data={[5, 4, 3, 2, 1].map((n) => ({
                value: String(n),
                label: `${n} – ${t(`dossiers.lookup.levels.${n}`)}`,
              }))}
              value={values.level ?? '5'}
              onChange={(v) => setValues({ ...values, level: v ?? '5' })}
            />
          )}
          {open === 'result_issued' && (
            <>
              <FileInput
                multiple
                accept="application/pdf,image/jpeg,image/png"
                label={t('dossiers.detail.uploadResult')}
                value={files}
                onChange={setFiles}
              />
              {field('note')}
            </>
          )}
          {open && forms[open]?.fields.map(field)}
          {/* A procedure without a time limit: the official enters one when accepting (DOSSIER_TIME_LIMIT_REQUIRED). */}
          {open === 'received' && d.duration.unit === 'none' && field('timeLimitDays')}
          {act.error instanceof ApiError && <Alert color="red">{act.error.problem.detail}</Alert>}
          {uploadError && <Alert color="red">{uploadError}</Alert>}
          <Group justify="end">
            <Button variant="default" onClick={close}>
              {t('dossiers.form.cancel')}
            </Button>
            <Button loading={act.isPending} onClick={() => void submit()}>
              {t('dossiers.form.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

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
              {t(`dossiers.progress.${d.progress}`)}
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

        <Group align="start" grow>
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="sm">
              {t('dossiers.detail.components')}
            </Title>
            <Table>
              <Table.Tbody>
                {d.components.map((c) => (
                  <Table.Tr key={c.key}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td w={140} style={{ whiteSpace: 'nowrap' }}>
                      <Badge
                        variant="light"
                        tt="none"
                        style={{ overflow: 'visible' }}
                        color={c.state === 'present' ? 'green' : c.state === 'not_applicable' ? 'gray' : 'orange'}
                      >
                        {t(`dossiers.componentState.${c.state}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
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
            {d.attachments.length > 0 && (
              <>
                <Title order={4} size="h6" mt="md">
                  {t('dossiers.detail.attachments')}
                </Title>
                {d.attachments.map((a) => (
                  <Anchor key={a.id} href={`/api/dossiers/${d.id}/attachments/${a.id}`} display="block" size="sm">
                    {a.fileName} ({Math.ceil(a.sizeBytes / 1024)} KB)
                  </Anchor>
                ))}
              </>
            )}
          </Paper>
        </Group>

        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            {t('dossiers.detail.timeline')}
          </Title>
          <Timeline bulletSize={14} lineWidth={2} active={d.timeline.length}>
            {d.timeline.map((a) => (
              <Timeline.Item key={a.seq} title={t(`dossiers.action.${a.type}`)}>
                <Text size="xs" c="dimmed">
                  {vnDateTime(a.at)} · {a.actorName ?? t(`roles.${a.actorRole}`)} · {unitName(a.unitCode)}
                </Text>
                {a.note && <Text size="sm">{a.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>

        <NotificationLogCard dossierId={d.id} />

        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            {t('dossiers.detail.controlSheet')}
          </Title>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dossiers.columns.received')}</Table.Th>
                <Table.Th>{t('dossiers.detail.actions')}</Table.Th>
                <Table.Th>{t('dossiers.detail.from')}</Table.Th>
                <Table.Th>{t('dossiers.detail.to')}</Table.Th>
                <Table.Th>{t('dossiers.detail.stepDue')}</Table.Th>
                <Table.Th>{t('dossiers.detail.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.controlSheet.map((r) => (
                <Table.Tr key={r.seq}>
                  <Table.Td>{vnDateTime(r.at)}</Table.Td>
                  <Table.Td>
                    {t(`dossiers.action.${r.action}`)}
                    {r.stepName ? ` (${r.stepName})` : ''}
                  </Table.Td>
                  <Table.Td>{r.from}</Table.Td>
                  <Table.Td>{r.to}</Table.Td>
                  <Table.Td>{r.stepDueAt ? vnDateTime(r.stepDueAt) : ''}</Table.Td>
                  <Table.Td>{r.outcome ? t(`dossiers.progress.${r.outcome}`) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>
    </Container>
  );
}
