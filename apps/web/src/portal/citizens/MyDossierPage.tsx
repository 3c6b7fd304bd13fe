import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import {
  answerSupplement,
  myFileUrl,
  mySlipUrl,
  startPayment,
  type Uploads,
  useInvalidateMine,
  useMyDossier,
} from '../../api/citizens.js';
import { ApiError } from '../../api/client.js';
import { statusColor, vnDateTime } from '../../api/dossiers.js';
import { formatDuration } from '../../api/procedures.js';
import { useSession } from '../../api/session.js';
import { FeesTable } from '../../components/FeesTable.js';
import { AccessLogCard } from '../lookup/AccessLogCard.js';
import { FileSlot } from './FileSlot.js';
import { MyEformSection } from './MyEformSection.js';
import { RateServiceCard } from './RateServiceCard.js';

/** One of my dossiers: what happens now and by when, what I must do, the timeline, my files, slips and result. */
export function MyDossierPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const q = useMyDossier(id);
  if (q.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (q.error instanceof ApiError)
    return (
      <Container size="sm" py="md">
        <Alert color="red" role="alert">
          {i18n.language === 'en' ? q.error.problem.message.en : q.error.problem.message.vi}
        </Alert>
      </Container>
    );
  const d = q.data;
  if (!d) return null;
  const results = d.attachments.filter((a) => a.kind === 'result');
  const mine = d.attachments.filter((a) => a.kind === 'component');
  return (
    <Container size="sm" py="md" px="xs">
      <Stack gap="sm">
        <Anchor component={Link} to="/ho-so-cua-toi" size="sm">
          {t('citizens.back')}
        </Anchor>
        {params.get('moi') && (
          <Alert color="green" title={t('citizens.sent', { code: d.code })} role="status">
            {t('citizens.sentHint')}
          </Alert>
        )}
        <Title order={2} size="h3">
          {d.procedureName}
        </Title>
        <Group gap="xs">
          <Badge color={statusColor[d.status]} variant="light">
            {d.statusLabel}
          </Badge>
          <Text size="sm">
            {t('citizens.code')}: <strong data-testid="dossier-code">{d.code}</strong>
          </Text>
        </Group>
        <Alert color={d.now.mustAct ? 'orange' : 'blue'} title={t('citizens.now')}>
          <Text>{d.now.text}</Text>
          {d.now.byWhen && <Text size="sm">{t('citizens.byWhen', { when: vnDateTime(d.now.byWhen) })}</Text>}
        </Alert>
        <Paper withBorder p="sm" radius="md">
          <Text size="sm">
            {t('citizens.submitted')}: {vnDateTime(d.submittedAt)} · {d.receivingUnitName}
          </Text>
          {d.dueAt && (
            <Text size="sm">
              {t('citizens.due')}: <strong>{vnDateTime(d.dueAt)}</strong>
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('citizens.duration', {
              text: formatDuration(t, d.duration.unit === 'none' ? null : (d.duration as never)),
            })}
          </Text>
        </Paper>
        {params.get('thanh-toan') && (
          <Alert color={params.get('thanh-toan') === 'success' ? 'green' : 'orange'} role="status">
            {t(
              `citizens.paymentResult.${params.get('thanh-toan') === 'success' ? 'success' : params.get('thanh-toan') === 'cancelled' ? 'cancelled' : 'failed'}`,
            )}
          </Alert>
        )}
        {d.paymentDue && <PayBox id={d.id} amount={d.paymentDue.amount} description={d.paymentDue.description} />}
        {d.paidOnline && <Badge color="green">{t('citizens.paidOnline')}</Badge>}
        <FeesTable items={d.fees} />
        {d.fees
          .filter((f) => f.channel === 'online' && f.orderRef)
          .map((f) => (
            <Anchor
              key={f.id}
              href={`/api/citizen/dossiers/${d.id}/payments/${f.orderRef}/receipt`}
              target="_blank"
              size="sm"
            >
              {t('citizenForms.onlineReceipt', { amount: f.amountVnd.toLocaleString('vi-VN') })}
            </Anchor>
          ))}
        {d.canAnswerSupplement && <SupplementForm id={d.id} items={d.pendingSupplement} />}
        <RateServiceCard id={d.id} code={d.code} rating={d.rating} />
        {results.length > 0 && (
          <Section title={t('citizens.results')}>
            <List>
              {results.map((a) => (
                <List.Item key={a.id}>
                  <Anchor href={myFileUrl(d.id, a.id)}>{a.fileName}</Anchor>
                </List.Item>
              ))}
            </List>
          </Section>
        )}
        <Section title={t('citizens.timeline')}>
          <Timeline bulletSize={14} lineWidth={2} active={d.timeline.length - 1}>
            {d.timeline.map((e) => (
              <Timeline.Item key={`${e.at}-${e.label}`} title={e.label}>
                <Text size="xs" c="dimmed">
                  {vnDateTime(e.at)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Section>
        {d.slips.length > 0 && (
          <Section title={t('citizens.slips')}>
            <List>
              {d.slips.map((k) => (
                <List.Item key={k}>
                  <Anchor href={mySlipUrl(d.id, k)} target="_blank">
                    {t(`citizens.slipNames.${k}`)} (PDF)
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Section>
        )}
        <MyEformSection dossierId={d.id} />
        {mine.length > 0 && (
          <Section title={t('citizens.files')}>
            <List size="sm">
              {mine.map((a) => (
                <List.Item key={a.id}>
                  <Anchor href={myFileUrl(d.id, a.id)}>{a.fileName}</Anchor> ({Math.ceil(a.sizeBytes / 1024)} KB)
                </List.Item>
              ))}
            </List>
          </Section>
        )}
        <AccessLogCard entries={d.accessLog} />
      </Stack>
    </Container>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md" component="section">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function SupplementForm({
  id,
  items,
}: {
  id: string;
  items: Array<{ key: string; name: string; reason: string | null }>;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const invalidate = useInvalidateMine();
  const [uploads, setUploads] = useState<Uploads>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await answerSupplement(id, uploads, note, session.data?.csrfToken ?? '');
      invalidate();
    } catch (err) {
      setError(
        err instanceof ApiError
          ? i18n.language === 'en'
            ? err.problem.message.en
            : err.problem.message.vi
          : String(err),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={send} aria-labelledby="supplement-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="supplement-title">
          {t('citizens.supplementTitle')}
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {items.map((it) => (
          <FileSlot
            key={it.key}
            label={it.name}
            {...(it.reason ? { description: it.reason } : {})}
            required
            files={uploads[it.key] ?? []}
            onChange={(files) => setUploads((u) => ({ ...u, [it.key]: files }))}
          />
        ))}
        <Textarea label={t('citizens.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Button type="submit" loading={busy}>
          {t('citizens.supplementSend')}
        </Button>
      </Stack>
    </Paper>
  );
}

function PayBox({ id, amount, description }: { id: string; amount: number; description: string }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pay = async () => {
    setBusy(true);
    setError(null);
    try {
      window.location.assign(await startPayment(id, session.data?.csrfToken ?? ''));
    } catch (err) {
      setError(
        err instanceof ApiError
          ? i18n.language === 'en'
            ? err.problem.message.en
            : err.problem.message.vi
          : String(err),
      );
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="pay-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="pay-title">
          {t('citizens.payTitle')}
        </Title>
        <Text size="sm">{description}</Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Button onClick={() => void pay()} loading={busy} color="green.9">
          {t('citizens.payButton', { amount: `${amount.toLocaleString('vi-VN')} đ` })}
        </Button>
      </Stack>
    </Paper>
  );
}
