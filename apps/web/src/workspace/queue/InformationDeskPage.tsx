import { Alert, Button, Container, Group, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { PriorityKind, TicketView } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useChecklistPreview } from '../../api/dossiers.js';
import { issueDeskTicket, useQueueCenter, useQueueCenters } from '../../api/queue.js';
import { mayDo, useSession } from '../../api/session.js';
import { TicketCard } from '../../portal/queue/TicketCard.js';
import { type Check, ChecklistTable } from '../dossiers/reception/ChecklistTable.js';
import { ProcedurePicker } from '../dossiers/reception/ProcedurePicker.js';
import { PrecheckSummary } from './PrecheckSummary.js';

const PRIORITIES: PriorityKind[] = ['elderly', 'disabled', 'pregnant'];

/**
 * The information desk: the official picks the visitor's procedure by name, ticks the documents brought against
 * the procedure's checklist (the server's preview, as at reception), and issues a ticket of the chosen group. The
 * server checks the procedure and records what is missing itself; the counter sees that pre-check when it calls.
 */
export function InformationDeskPage() {
  const { t } = useTranslation();
  const session = useSession();
  const centers = useQueueCenters();
  const [chosenCenter, setChosenCenter] = useState<string | null>(null);
  const centerId = chosenCenter ?? centers.data?.items[0]?.id;
  const center = useQueueCenter(centerId);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const [priority, setPriority] = useState<string>('none');
  const [phone, setPhone] = useState('');
  const [issued, setIssued] = useState<TicketView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unitCode = center.data?.unitCode ?? '';
  const touched = Object.entries(checks).map(([key, c]) => ({
    key,
    state: c.state,
    reason: c.reason.trim() ? c.reason.trim() : null,
  }));
  const preview = useChecklistPreview(
    code && unitCode
      ? { procedureCode: code, receivingUnitCode: unitCode, channel: 'in_person', components: touched }
      : null,
  );

  if (session.isLoading || centers.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  if (!mayDo(session.data, 'queue.issue')) return <Alert color="yellow">{t('queue.desk.notAllowed')}</Alert>;
  const groups = (center.data?.groups ?? []).filter((g) => g.kind !== 'pickup');
  const group = groupId ?? groups.find((g) => g.kind === 'field')?.id ?? null;

  const issue = async () => {
    if (!centerId || !group) return;
    setBusy(true);
    setError(null);
    try {
      const ticket = await issueDeskTicket(centerId, {
        groupId: group,
        ...(priority !== 'none' ? { priorityKind: priority as PriorityKind } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(code ? { precheck: { procedureCode: code, components: touched } } : {}),
      });
      setIssued(ticket);
      setChecks({});
      setCode('');
      setPhone('');
      setPriority('none');
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size="lg" py="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2}>{t('queue.desk.title')}</Title>
          {(centers.data?.items.length ?? 0) > 1 && (
            <Select
              aria-label={t('queue.center')}
              data={centers.data!.items.map((c) => ({ value: c.id, label: c.name }))}
              value={centerId ?? null}
              onChange={setChosenCenter}
              w={320}
            />
          )}
        </Group>
        <Text c="dimmed">{t('queue.desk.intro')}</Text>
        {issued && (
          <Paper withBorder p="md" data-testid="desk-issued">
            <Group align="flex-start">
              <TicketCard ticket={issued} />
              {issued.precheck && <PrecheckSummary precheck={issued.precheck} />}
            </Group>
            <Button mt="sm" variant="light" onClick={() => setIssued(null)}>
              {t('queue.desk.next')}
            </Button>
          </Paper>
        )}
        {unitCode && (
          <Group align="flex-end">
            <ProcedurePicker
              unitCode={unitCode}
              value={code}
              onChange={(c) => {
                setCode(c);
                setChecks({});
              }}
            />
          </Group>
        )}
        {code && preview.error instanceof ApiError && <Alert color="red">{preview.error.problem.detail}</Alert>}
        {code && preview.data && (
          <ChecklistTable
            preview={preview.data}
            checks={checks}
            onChange={(key, c) => setChecks((all) => ({ ...all, [key]: c }))}
          />
        )}
        <Group align="flex-end">
          <Select
            label={t('queue.group')}
            data={groups.map((g) => ({
              value: g.id,
              label: `${g.name} (${t('queue.waitingCount', { count: g.waiting })})`,
            }))}
            value={group}
            onChange={setGroupId}
            w={360}
          />
          <Select
            label={t('queue.priorityLabel')}
            data={['none', ...PRIORITIES].map((p) => ({ value: p, label: t(`queue.priority.${p}`) }))}
            value={priority}
            onChange={(v) => setPriority(v ?? 'none')}
            w={220}
          />
          <TextInput label={t('queue.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} w={200} />
          <Button size="md" loading={busy} disabled={!group} onClick={() => void issue()}>
            {code ? t('queue.desk.issueChecked') : t('queue.desk.issue')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Container>
  );
}
