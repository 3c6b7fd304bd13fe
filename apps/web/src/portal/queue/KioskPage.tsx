import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { PriorityKind, TicketView } from '@mot-cua/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { checkIn, issueKioskTicket, issuePickupTicket, useQueueCenter } from '../../api/queue.js';
import { TicketCard } from './TicketCard.js';
import { useCenterId } from './useCenterId.js';
import './queue.css';

/** What a scanned QR (or typed code) is: an appointment to check in, or a receipt slip's dossier code. */
export function readScan(raw: string): { kind: 'appointment'; token: string } | { kind: 'dossier'; code: string } {
  const text = raw.trim();
  const lookup = /[?&]ma=([^&\s]+)/.exec(text);
  if (lookup) return { kind: 'dossier', code: decodeURIComponent(lookup[1]!) };
  const booking = /\/dat-lich\/([\w-]+)/.exec(text);
  if (booking) return { kind: 'appointment', token: booking[1]! };
  return /^[A-Z]\d*\.[\w.]+-\d{6}-\d+$/i.test(text)
    ? { kind: 'dossier', code: text }
    : { kind: 'appointment', token: text };
}

/** The kiosk in the hall: touch-sized, large print; a field, a priority, or a scanned QR gives a ticket. */
export function KioskPage() {
  const { t, i18n } = useTranslation();
  const centerId = useCenterId();
  const center = useQueueCenter(centerId, 15_000);
  const qc = useQueryClient();
  const [priority, setPriority] = useState<'none' | PriorityKind>('none');
  const [ticket, setTicket] = useState<TicketView>();
  const [scan, setScan] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string>();
  const hours = center.data?.hours;
  const closed = hours ? !hours.open : false;
  const phoneOk = phone.trim() === '' || /^0\d{9,10}$/.test(phone.trim());

  // A touch screen's double tap (or a second tap while a slow network answers) issues one ticket, not two.
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  async function run(fn: () => Promise<TicketView>) {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(undefined);
    try {
      setTicket(await fn());
      setPriority('none');
      setScan('');
      setPhone('');
      void qc.invalidateQueries({ queryKey: ['queue', 'center', centerId] });
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : String(e));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }
  const onScan = (e: FormEvent) => {
    e.preventDefault();
    if (!centerId || !scan.trim()) return;
    const s = readScan(scan);
    void run(() => (s.kind === 'dossier' ? issuePickupTicket(centerId, s.code) : checkIn(s.token)));
  };

  return (
    <Box className="queue-fullscreen" p="xl">
      <Container size="lg">
        <Group justify="space-between" mb="md">
          <Title order={1} fz={40}>
            {t('queue.kioskTitle')}
          </Title>
          <SegmentedControl
            size="md"
            aria-label={t('app.language')}
            value={i18n.language}
            onChange={(v) => void i18n.changeLanguage(v)}
            data={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Group>
        {center.data && (
          <Text fz={22} fw={600} mb="lg">
            {center.data.name}
          </Text>
        )}
        {ticket ? (
          <Stack align="center">
            <TicketCard ticket={ticket} big />
            <Button size="xl" onClick={() => setTicket(undefined)}>
              {t('queue.done')}
            </Button>
          </Stack>
        ) : (
          <Stack gap="lg">
            {error && (
              <Alert color="red" role="alert" fz={20}>
                {error}
              </Alert>
            )}
            {closed && hours && (
              <Alert color="orange" role="status" title={t('queue.closedTitle')} fz={22} data-testid="kiosk-closed">
                {hours.opensAt
                  ? t('queue.closedUntil', {
                      time: new Date(hours.opensAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
                        timeZone: 'Asia/Ho_Chi_Minh',
                        weekday: 'long',
                        day: 'numeric',
                        month: 'numeric',
                        hour: '2-digit',
                        minute: '2-digit',
                      }),
                    })
                  : t('queue.closedNoDate')}
              </Alert>
            )}
            <Text fz={26}>{t('queue.kioskIntro')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              {center.data?.groups.map((g) => (
                <Button
                  key={g.id}
                  className="queue-kiosk-group"
                  size="xl"
                  h="auto"
                  py="lg"
                  variant={g.kind === 'field' ? 'filled' : 'light'}
                  disabled={closed || !phoneOk || busy}
                  onClick={() =>
                    centerId &&
                    void run(() =>
                      issueKioskTicket(centerId, {
                        groupId: g.id,
                        ...(priority !== 'none' ? { priorityKind: priority } : {}),
                        ...(phone.trim() ? { phone: phone.trim() } : {}),
                      }),
                    )
                  }
                >
                  <Stack gap={4} align="center">
                    <span>{g.name}</span>
                    <Text component="span" fz={18}>
                      {t('queue.waitingCount', { count: g.waiting })} ·{' '}
                      {t('queue.expectedWait', { minutes: g.expectedWaitMinutes })}
                    </Text>
                  </Stack>
                </Button>
              ))}
            </SimpleGrid>
            <Stack gap={6}>
              <Text fz={22} fw={600} id="priority-label">
                {t('queue.priorityLabel')}
              </Text>
              <SegmentedControl
                size="lg"
                aria-labelledby="priority-label"
                value={priority}
                onChange={(v) => setPriority(v as typeof priority)}
                data={(['none', 'elderly', 'disabled', 'pregnant'] as const).map((k) => ({
                  value: k,
                  label: t(`queue.priority.${k}`),
                }))}
              />
            </Stack>
            <TextInput
              size="xl"
              type="tel"
              inputMode="numeric"
              autoComplete="tel"
              label={t('queue.phoneLabel')}
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value.replace(/[^\d]/g, ''))}
              error={phoneOk ? undefined : t('queue.phoneInvalid')}
              maw={520}
            />
            <form onSubmit={onScan}>
              <Group align="end">
                <TextInput
                  size="xl"
                  style={{ flex: 1 }}
                  label={t('queue.scanLabel')}
                  description={t('queue.scanHint')}
                  value={scan}
                  onChange={(e) => setScan(e.currentTarget.value)}
                />
                <Button type="submit" size="xl" disabled={closed || busy}>
                  {t('queue.scanSubmit')}
                </Button>
              </Group>
            </form>
          </Stack>
        )}
      </Container>
    </Box>
  );
}
