import {
  Alert,
  Button,
  Checkbox,
  Container,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type {
  ComponentState,
  DossierChannel,
  DossierReturnMethod,
  ReceiveDossierRequest,
  TimeLimitInput,
} from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useProcedureForReception, useReceiveDossier } from '../../api/dossiers.js';
import { allowedUnits, useSession } from '../../api/session.js';

type Check = { state: ComponentState; reason: string };

/** Reception at the counter: procedure, completeness checklist, applicant and agent, then receipt or one supplement request. */
export function ReceptionPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [codeInput, setCodeInput] = useState('');
  const [code, setCode] = useState('');
  const procedure = useProcedureForReception(code);
  const receive = useReceiveDossier();
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const [channel, setChannel] = useState<DossierChannel>('in_person');
  const [unit, setUnit] = useState<string | null>(null);
  const [competent, setCompetent] = useState('');
  const [applicant, setApplicant] = useState({ fullName: '', idNumber: '', phone: '', email: '', address: '' });
  const [hasAgent, setHasAgent] = useState(false);
  const [agent, setAgent] = useState({ fullName: '', relation: '' });
  const [returnMethod, setReturnMethod] = useState<DossierReturnMethod>('counter');
  const [limit, setLimit] = useState<{ value: string; unit: TimeLimitInput['unit'] }>({
    value: '',
    unit: 'working_days',
  });

  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  const units = allowedUnits(session.data, 'dossier.receive');
  if (units.length === 0) return <Alert color="yellow">{t('dossiers.reception.noReceptionRole')}</Alert>;
  const receivingUnit = unit ?? units[0]!;
  const components = (procedure.data?.procedure.components ?? []).filter((c) => !c.presentOnly);
  const stateOf = (key: string): Check => checks[key] ?? { state: 'missing', reason: '' };
  const problems = components.filter((c) => !c.conditional && stateOf(c.key).state !== 'present');
  // A procedure without a time limit for this channel (about 315 catalog records): the official enters one,
  // unless the unit's internal process sets one (the server then answers DOSSIER_TIME_LIMIT_FIXED).
  const p = procedure.data?.procedure;
  const limitOf = (d: { unit: string } | null | undefined) => !!d && d.unit !== 'none';
  const errorCode = receive.error instanceof ApiError ? receive.error.problem.code : undefined;
  const askLimit =
    !!p &&
    errorCode !== 'DOSSIER_TIME_LIMIT_FIXED' &&
    (errorCode === 'DOSSIER_TIME_LIMIT_REQUIRED' ||
      (!limitOf(p.channels.find((c) => c.kind === channel)?.duration) && !limitOf(p.timeLimit)));
  const limitValue = Number(limit.value.replace(',', '.'));
  const timeLimit: TimeLimitInput | null =
    askLimit && limit.value.trim() && limitValue > 0 ? { value: limitValue, unit: limit.unit } : null;

  const submit = (mode: ReceiveDossierRequest['mode']) => {
    const opt = (v: string) => (v.trim() ? v.trim() : null);
    receive.mutate(
      {
        mode,
        channel,
        procedureCode: code,
        receivingUnitCode: receivingUnit,
        competentUnitCode: opt(competent),
        applicant: {
          type: 'citizen',
          fullName: applicant.fullName,
          idNumber: opt(applicant.idNumber),
          phone: opt(applicant.phone),
          email: opt(applicant.email),
          address: opt(applicant.address),
        },
        agent: hasAgent ? { fullName: agent.fullName, relation: opt(agent.relation) } : null,
        components: components.map((c) => ({
          key: c.key,
          state: stateOf(c.key).state,
          reason: opt(stateOf(c.key).reason),
        })),
        returnMethod,
        ...(timeLimit ? { timeLimit } : {}),
      },
      {
        onSuccess: (d) => {
          if (mode === 'receive') window.open(`/api/dossiers/${d.id}/slips/receipt`, '_blank', 'noopener');
          if (mode === 'request_supplement')
            window.open(`/api/dossiers/${d.id}/slips/supplement`, '_blank', 'noopener');
          navigate(`/workspace/dossiers/${d.id}`);
        },
      },
    );
  };

  return (
    <Container size="lg" py="lg">
      <Stack>
        <Title order={2}>{t('dossiers.reception.title')}</Title>
        <Paper withBorder p="md">
          <Group align="end">
            <TextInput
              label={t('dossiers.reception.procedureCode')}
              description={t('dossiers.reception.procedureHint')}
              value={codeInput}
              onChange={(e) => setCodeInput(e.currentTarget.value)}
            />
            <Button variant="light" onClick={() => setCode(codeInput.trim())}>
              {t('dossiers.reception.load')}
            </Button>
            <Select
              label={t('dossiers.reception.receivingUnit')}
              data={units}
              value={receivingUnit}
              onChange={setUnit}
              allowDeselect={false}
            />
            <TextInput
              label={t('dossiers.reception.competentUnit')}
              value={competent}
              onChange={(e) => setCompetent(e.currentTarget.value.toUpperCase())}
            />
          </Group>
          {procedure.isError && (
            <Alert color="red" mt="sm">
              {t('dossiers.reception.procedureNotFound')}
            </Alert>
          )}
        </Paper>

        {procedure.data && (
          <>
            <Title order={3} size="h4">
              {procedure.data.procedure.name}
            </Title>
            <SegmentedControl
              value={channel}
              onChange={(v) => setChannel(v as DossierChannel)}
              data={(['in_person', 'postal', 'online'] as const).map((c) => ({
                value: c,
                label: t(`dossiers.channel.${c}`),
              }))}
            />
            <Paper withBorder p="md">
              <Title order={4} size="h5" mb="sm">
                {t('dossiers.reception.checklist')}
              </Title>
              <Table>
                <Table.Tbody>
                  {components.map((c) => (
                    <Table.Tr key={c.key}>
                      <Table.Td>
                        {c.name}
                        {c.conditional && (
                          <Text span c="dimmed" size="sm">
                            {' '}
                            ({t('dossiers.reception.conditional')})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td w={300}>
                        <SegmentedControl
                          size="xs"
                          value={stateOf(c.key).state}
                          onChange={(v) =>
                            setChecks({ ...checks, [c.key]: { ...stateOf(c.key), state: v as ComponentState } })
                          }
                          data={(['present', 'missing', 'invalid'] as const).map((s) => ({
                            value: s,
                            label: t(`dossiers.componentState.${s}`),
                          }))}
                        />
                      </Table.Td>
                      <Table.Td w={240}>
                        {stateOf(c.key).state !== 'present' && (
                          <TextInput
                            size="xs"
                            aria-label={t('dossiers.reception.reason')}
                            placeholder={t('dossiers.reception.reason')}
                            value={stateOf(c.key).reason}
                            onChange={(e) =>
                              setChecks({ ...checks, [c.key]: { ...stateOf(c.key), reason: e.currentTarget.value } })
                            }
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Alert mt="sm" color={problems.length ? 'orange' : 'green'}>
                {problems.length
                  ? t('dossiers.reception.incomplete', { count: problems.length })
                  : t('dossiers.reception.complete')}
              </Alert>
            </Paper>

            <Paper withBorder p="md">
              <Title order={4} size="h5" mb="sm">
                {t('dossiers.reception.applicant')}
              </Title>
              <Group grow>
                <TextInput
                  required
                  label={t('dossiers.reception.fullName')}
                  value={applicant.fullName}
                  onChange={(e) => setApplicant({ ...applicant, fullName: e.currentTarget.value })}
                />
                <TextInput
                  label={t('dossiers.reception.idNumber')}
                  value={applicant.idNumber}
                  onChange={(e) => setApplicant({ ...applicant, idNumber: e.currentTarget.value })}
                />
                <TextInput
                  label={t('dossiers.reception.phone')}
                  value={applicant.phone}
                  onChange={(e) => setApplicant({ ...applicant, phone: e.currentTarget.value })}
                />
              </Group>
              <Group grow mt="sm">
                <TextInput
                  label={t('dossiers.reception.address')}
                  value={applicant.address}
                  onChange={(e) => setApplicant({ ...applicant, address: e.currentTarget.value })}
                />
                <TextInput
                  label={t('dossiers.reception.email')}
                  value={applicant.email}
                  onChange={(e) => setApplicant({ ...applicant, email: e.currentTarget.value })}
                />
              </Group>
              <Checkbox
                mt="md"
                label={t('dossiers.reception.hasAgent')}
                checked={hasAgent}
                onChange={(e) => setHasAgent(e.currentTarget.checked)}
              />
              {hasAgent && (
                <Group grow mt="sm">
                  <TextInput
                    label={t('dossiers.reception.agentName')}
                    value={agent.fullName}
                    onChange={(e) => setAgent({ ...agent, fullName: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('dossiers.reception.agentRelation')}
                    value={agent.relation}
                    onChange={(e) => setAgent({ ...agent, relation: e.currentTarget.value })}
                  />
                </Group>
              )}
              <Select
                mt="sm"
                label={t('dossiers.reception.returnMethod')}
                data={(['counter', 'post', 'online'] as const).map((m) => ({
                  value: m,
                  label: t(`dossiers.returnMethod.${m}`),
                }))}
                value={returnMethod}
                onChange={(v) => v && setReturnMethod(v as DossierReturnMethod)}
                allowDeselect={false}
              />
            </Paper>

            {askLimit && (
              <Paper withBorder p="md" data-testid="reception-time-limit">
                <Title order={4} size="h5" mb="xs">
                  {t('dossiers.reception.timeLimit')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t('dossiers.reception.timeLimitHelp')}
                </Text>
                <Group align="end">
                  <TextInput
                    type="number"
                    min={0.5}
                    step={0.5}
                    label={t('dossiers.reception.timeLimitValue')}
                    value={limit.value}
                    onChange={(e) => setLimit({ ...limit, value: e.currentTarget.value })}
                    w={140}
                  />
                  <Select
                    label={t('dossiers.reception.timeLimitUnit')}
                    data={(['working_days', 'working_hours', 'calendar_days'] as const).map((u) => ({
                      value: u,
                      label: t(`dossiers.reception.timeLimitUnits.${u}`),
                    }))}
                    value={limit.unit}
                    onChange={(v) => v && setLimit({ ...limit, unit: v as TimeLimitInput['unit'] })}
                    allowDeselect={false}
                    w={200}
                  />
                </Group>
              </Paper>
            )}

            {receive.error instanceof ApiError && <Alert color="red">{receive.error.problem.detail}</Alert>}
            <Group>
              <Button
                disabled={problems.length > 0 || !applicant.fullName}
                loading={receive.isPending}
                onClick={() => submit('receive')}
              >
                {t('dossiers.reception.submitReceive')}
              </Button>
              <Button
                color="orange"
                variant="light"
                disabled={problems.length === 0 || !applicant.fullName}
                onClick={() => submit('request_supplement')}
              >
                {t('dossiers.reception.submitSupplement')}
              </Button>
              <Button variant="subtle" disabled={!applicant.fullName} onClick={() => submit('submit')}>
                {t('dossiers.reception.submitRegister')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Container>
  );
}
