import {
  Alert,
  Anchor,
  Button,
  Container,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import {
  type DossierChannel,
  type DossierReturnMethod,
  fieldErrorsUnder,
  type ReceiveDossierRequest,
} from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { uploadComponentScans, useChecklistPreview, useReceiveDossier } from '../../api/dossiers.js';
import { allowedUnits, useSession } from '../../api/session.js';
import { useServedTicket } from '../queue/useServedTicket.js';
import { type Agent, type Applicant, ApplicantForm } from './reception/ApplicantForm.js';
import { type Check, ChecklistTable } from './reception/ChecklistTable.js';
import { CounterEform, useCounterEform } from './reception/CounterEform.js';
import { FeeHeader, feeAmount } from './reception/FeeHeader.js';
import { ReceptionTarget } from './reception/ReceptionTarget.js';
import { enteredLimit, type LimitDraft, TimeLimitPanel } from './reception/TimeLimitPanel.js';

const emptyApplicant: Applicant = { fullName: '', idNumber: '', phone: '', email: '', address: '' };

/**
 * Reception at the counter: the procedure by name, the checklist of the channel with the server's verdict,
 * applicant and agent, then receipt (form 01) or one supplement request (form 02).
 */
export function ReceptionPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const receive = useReceiveDossier();
  const served = useServedTicket();
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const [channel, setChannel] = useState<DossierChannel>('in_person');
  const [unit, setUnit] = useState<string | null>(null);
  const [competent, setCompetent] = useState<string | null>(null);
  const [applicant, setApplicant] = useState<Applicant>(emptyApplicant);
  const [agent, setAgent] = useState<Agent | null>(null);
  const [returnMethod, setReturnMethod] = useState<DossierReturnMethod>('counter');
  const [limit, setLimit] = useState<LimitDraft>({ value: '', unit: 'working_days' });
  const [fee, setFee] = useState<string | null>(null);
  const [scans, setScans] = useState<Record<string, File[]>>({});
  const [scanError, setScanError] = useState<{ id: string; detail: string } | null>(null);
  const eform = useCounterEform(code);
  const units = session.data ? allowedUnits(session.data, 'dossier.receive') : [];
  const receivingUnit = unit ?? units[0] ?? '';
  const opt = (v: string) => (v.trim() ? v.trim() : null);
  const touched = Object.entries(checks).map(([key, c]) => ({ key, state: c.state, reason: opt(c.reason) }));
  const preview = useChecklistPreview(
    code && receivingUnit
      ? {
          procedureCode: code,
          receivingUnitCode: receivingUnit,
          competentUnitCode: competent,
          channel,
          components: touched,
          eformGiven: eform.values !== null,
        }
      : null,
  );

  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  if (units.length === 0) return <Alert color="yellow">{t('dossiers.reception.noReceptionRole')}</Alert>;
  const p = preview.data;
  const problem = receive.error instanceof ApiError ? receive.error.problem : undefined;
  const errorCode = problem?.code;
  const askLimit =
    !!p &&
    errorCode !== 'DOSSIER_TIME_LIMIT_FIXED' &&
    (errorCode === 'DOSSIER_TIME_LIMIT_REQUIRED' || p.needsTimeLimit);
  const timeLimit = askLimit ? enteredLimit(limit) : null;
  // The fee collected at the counter: the procedure's by default, as the official corrects it.
  const feeVnd = feeAmount(fee, p?.feeTotal ?? 0);
  const reset = () => {
    setChecks({});
    setFee(null);
    setScans({});
    eform.reset();
  };

  const submit = (mode: ReceiveDossierRequest['mode']) => {
    if (!p || !eform.validate()) return;
    receive.mutate(
      {
        mode,
        channel,
        procedureCode: code,
        receivingUnitCode: receivingUnit,
        competentUnitCode: competent,
        applicant: {
          type: 'citizen',
          fullName: applicant.fullName,
          idNumber: opt(applicant.idNumber),
          phone: opt(applicant.phone),
          email: opt(applicant.email),
          address: opt(applicant.address),
        },
        agent: agent ? { fullName: agent.fullName, relation: opt(agent.relation) } : null,
        components: p.rows.map((r) => ({
          key: r.key,
          state: checks[r.key]?.state ?? r.state,
          reason: opt(checks[r.key]?.reason ?? ''),
        })),
        returnMethod,
        ...(timeLimit ? { timeLimit } : {}),
        ...(mode === 'receive' && feeVnd > 0 ? { feeCollectedVnd: feeVnd } : {}),
        ...(eform.values !== null ? { eform: { values: eform.values } } : {}),
      },
      {
        onError: eform.fromServer,
        onSuccess: async (d) => {
          if (mode === 'receive') await served.link(d.code);
          if (mode === 'receive') window.open(`/api/dossiers/${d.id}/slips/receipt`, '_blank', 'noopener');
          if (mode === 'receive' && d.feeCollected)
            window.open(`/api/dossiers/${d.id}/slips/fee-receipt`, '_blank', 'noopener');
          if (mode === 'request_supplement')
            window.open(`/api/dossiers/${d.id}/slips/supplement`, '_blank', 'noopener');
          // The scanned pages go into the dossier once it exists (one PDF per component, made by the server).
          for (const [key, files] of Object.entries(scans)) {
            if (files.length === 0) continue;
            try {
              await uploadComponentScans(d.id, key, files, session.data?.csrfToken ?? '');
            } catch (e) {
              // The dossier is received: never submit it twice; say what failed and link to it.
              setScanError({ id: d.id, detail: e instanceof ApiError ? e.problem.detail : String(e) });
              return;
            }
          }
          navigate(`/workspace/dossiers/${d.id}`);
        },
      },
    );
  };

  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('dossiers.reception.title')}</Title>
        {served.banner}
        <Paper withBorder p="md">
          <ReceptionTarget
            units={units}
            receivingUnit={receivingUnit}
            setUnit={(v) => {
              setUnit(v);
              reset();
            }}
            code={code}
            setCode={(c) => {
              setCode(c);
              reset();
            }}
            competent={competent}
            setCompetent={(c) => {
              setCompetent(c);
              reset();
            }}
          />
          {preview.isError && (
            <Alert color="red" mt="sm">
              {preview.error instanceof ApiError
                ? preview.error.problem.detail
                : t('dossiers.reception.procedureNotFound')}
            </Alert>
          )}
        </Paper>

        {p && (
          <>
            <FeeHeader name={p.procedure.name} feeTotal={p.feeTotal} fee={fee} setFee={setFee} />
            <SegmentedControl
              value={channel}
              onChange={(v) => {
                setChannel(v as DossierChannel);
                // The checklist is the channel's; the e-form being filled in stays.
                const kept = eform.values;
                reset();
                if (kept) eform.setValues(kept);
              }}
              data={(['in_person', 'postal', 'online'] as const).map((c) => ({
                value: c,
                label: t(`dossiers.channel.${c}`),
              }))}
            />
            <ChecklistTable
              preview={p}
              checks={checks}
              onChange={(key, c) => setChecks((all) => ({ ...all, [key]: c }))}
              scans={scans}
              onScan={(key, files) => setScans((all) => ({ ...all, [key]: files }))}
            />
            <CounterEform form={eform} />
            <ApplicantForm
              applicant={applicant}
              setApplicant={(a) => {
                setApplicant(a);
                if (receive.isError) receive.reset();
              }}
              agent={agent}
              setAgent={(a) => {
                setAgent(a);
                if (receive.isError) receive.reset();
              }}
              errors={fieldErrorsUnder(problem?.errors, 'body.applicant')}
              agentErrors={fieldErrorsUnder(problem?.errors, 'body.agent')}
              returnMethod={returnMethod}
              setReturnMethod={setReturnMethod}
            />
            {askLimit && <TimeLimitPanel limit={limit} setLimit={setLimit} />}

            {receive.error instanceof ApiError && <Alert color="red">{receive.error.problem.detail}</Alert>}
            {scanError && (
              <Alert color="red">
                {scanError.detail}{' '}
                <Anchor component={Link} to={`/workspace/dossiers/${scanError.id}`}>
                  {t('dossiers.reception.openReceived')}
                </Anchor>
              </Alert>
            )}
            {!applicant.fullName.trim() && (
              <Text size="sm" data-testid="reception-name-first">
                {t('dossiers.reception.nameFirst')}
              </Text>
            )}
            <Group>
              <Button
                disabled={!p.complete || preview.isFetching || !applicant.fullName.trim() || !!scanError}
                loading={receive.isPending}
                onClick={() => submit('receive')}
              >
                {t('dossiers.reception.submitReceive')}
              </Button>
              <Button
                color="orange"
                variant="light"
                disabled={p.complete || preview.isFetching || !applicant.fullName.trim()}
                onClick={() => submit('request_supplement')}
              >
                {t('dossiers.reception.submitSupplement')}
              </Button>
              <Button variant="subtle" disabled={!applicant.fullName.trim()} onClick={() => submit('submit')}>
                {t('dossiers.reception.submitRegister')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Container>
  );
}
