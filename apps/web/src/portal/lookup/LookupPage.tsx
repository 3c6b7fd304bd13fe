import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import type { PublicDossierView } from '@mot-cua/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { lookupDossier, publicSlipUrl, rateDossier, statusColor, vnDateTime } from '../../api/dossiers.js';
import { AccessLogCard } from './AccessLogCard.js';

/** Public lookup (no login): dossier code from the receipt (or its QR code) plus phone or ID number. */
export function LookupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('ma') ?? '');
  const [secondFactor, setSecondFactor] = useState('');
  const [view, setView] = useState<PublicDossierView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [level, setLevel] = useState('5');
  const [thanks, setThanks] = useState(false);
  const [rateError, setRateError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'' | 'lookup' | 'rate'>('');
  // On a phone the answer lands below the form: it is brought into view and focused (read out) once found.
  const found = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown === 0) return;
    found.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    found.current?.focus({ preventScroll: true });
  }, [shown]);

  const search = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setRateError(null);
    setThanks(false);
    setBusy('lookup');
    try {
      setView(await lookupDossier(code.trim(), secondFactor.trim()));
      setShown((n) => n + 1);
    } catch (err) {
      setView(null);
      setError(err instanceof ApiError ? err.problem.detail : t('dossiers.lookup.notFound'));
    } finally {
      setBusy('');
    }
  };
  const rate = async () => {
    setRateError(null);
    setBusy('rate');
    try {
      setView(await rateDossier({ code: code.trim(), secondFactor: secondFactor.trim(), level: Number(level) }));
      setThanks(true);
    } catch (err) {
      setRateError(err instanceof ApiError ? err.problem.detail : String(err));
    } finally {
      setBusy('');
    }
  };

  return (
    <Container size="sm" py="lg">
      <Stack>
        <Title order={2}>{t('dossiers.lookup.title')}</Title>
        <Text c="dimmed">{t('dossiers.lookup.intro')}</Text>
        <Paper withBorder p="md" component="form" onSubmit={search}>
          <Stack>
            <TextInput
              required
              label={t('dossiers.lookup.code')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
            <TextInput
              required
              label={t('dossiers.lookup.secondFactor')}
              value={secondFactor}
              onChange={(e) => setSecondFactor(e.currentTarget.value)}
              autoComplete="tel"
            />
            <Button type="submit" loading={busy === 'lookup'}>
              {t('dossiers.lookup.submit')}
            </Button>
          </Stack>
        </Paper>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {view && (
          <Paper
            withBorder
            p="md"
            ref={found}
            tabIndex={-1}
            role="region"
            aria-label={t('dossiers.lookup.result', { code: view.code })}
            data-testid="lookup-result"
            style={{ scrollMarginTop: 112 }}
          >
            <Stack>
              <Group justify="space-between">
                <Text ff="monospace" fw={600}>
                  {view.code}
                </Text>
                <Badge color={statusColor[view.status]}>{view.statusName}</Badge>
              </Group>
              <Text>{view.procedureName}</Text>
              <Text size="sm">
                {t('dossiers.columns.applicant')}: {view.applicantInitials} · {t('dossiers.lookup.receivingUnit')}:{' '}
                {view.receivingUnitName}
              </Text>
              <Text size="sm">
                {t('dossiers.detail.received')}: {vnDateTime(view.receivedAt ?? view.submittedAt)} ·{' '}
                {t('dossiers.detail.due')}: <b>{vnDateTime(view.dueAt)}</b>
              </Text>
              {view.pendingSupplement.length > 0 && (
                <Alert color="orange" title={t('dossiers.lookup.pending')}>
                  {view.pendingSupplement.map((p) => (
                    <Text key={p.name} size="sm">
                      • {p.name}
                      {p.reason ? `: ${p.reason}` : ''}
                    </Text>
                  ))}
                </Alert>
              )}
              <Timeline bulletSize={12} active={view.timeline.length}>
                {view.timeline.map((e) => (
                  <Timeline.Item key={`${e.at}-${e.label}`} title={e.label}>
                    <Text size="xs" c="dimmed">
                      {vnDateTime(e.at)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
              <Group gap="xs">
                {view.slips.map((k) => (
                  <Anchor key={k} href={publicSlipUrl(k, view.code, secondFactor.trim())} size="sm">
                    {t(`dossiers.slip.${k}`)} (PDF)
                  </Anchor>
                ))}
              </Group>
              {view.canRate && (
                <Group align="end">
                  <Select
                    label={t('dossiers.lookup.rate')}
                    data={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t(`dossiers.lookup.levels.${n}`) }))}
                    value={level}
                    onChange={(v) => setLevel(v ?? '5')}
                  />
                  <Button loading={busy === 'rate'} onClick={() => void rate()}>
                    {t('dossiers.lookup.rateSubmit')}
                  </Button>
                </Group>
              )}
              {rateError && (
                <Alert color="red" role="alert">
                  {rateError}
                </Alert>
              )}
              {thanks && (
                <Alert color="green" role="status">
                  {t('dossiers.lookup.thanks')}
                </Alert>
              )}
            </Stack>
          </Paper>
        )}
        {view && <AccessLogCard entries={view.accessLog} />}
      </Stack>
    </Container>
  );
}
