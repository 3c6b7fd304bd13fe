import { Alert, Badge, Button, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { cancelAppointment, rescheduleAppointment, useAppointment, useSlots } from '../../api/queue.js';
import { QrImage } from '../../components/QrImage.js';
import { VnDateInput } from '../../components/VnDateInput.js';
import { SlotPicker } from './SlotPicker.js';

/** A booking: its QR for the kiosk, cancel, move to another slot. */
export function AppointmentViewPage() {
  const { t } = useTranslation();
  const { token } = useParams();
  const qc = useQueryClient();
  const a = useAppointment(token);
  const [date, setDate] = useState('');
  const [start, setStart] = useState<string>();
  const [error, setError] = useState<string>();
  const slots = useSlots(a.data?.centerId, a.data?.groupId, date);
  if (a.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!a.data || !token) return <Alert color="red">{t('queue.notFound')}</Alert>;
  const d = a.data;
  const act = async (fn: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: ['queue', 'appointment', token] });
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : String(e));
    }
  };
  const url = `${window.location.origin}/dat-lich/${d.token}`;
  return (
    <Container size="sm" py="md">
      <Stack>
        <Title order={2}>{t('queue.appointmentTitle')}</Title>
        <Paper withBorder p="md">
          <Group align="start">
            <QrImage value={url} size={160} label={t('queue.showAtKiosk')} />
            <Stack gap={4}>
              <Text fw={700}>{d.centerName}</Text>
              <Text>{d.groupName}</Text>
              <Text fz={24} fw={700} data-testid="appointment-when">
                {d.start}–{d.end} · {d.date.split('-').reverse().join('/')}
              </Text>
              <Text>{d.applicantName}</Text>
              <Badge size="lg" data-testid="appointment-status">
                {t(`queue.appointmentStatus.${d.status}`)}
              </Badge>
              <Text size="sm">{t('queue.showAtKiosk')}</Text>
              <Text size="xs" c="dimmed" data-testid="appointment-token">
                {d.token}
              </Text>
            </Stack>
          </Group>
        </Paper>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {d.status === 'booked' && (
          <>
            <Button color="gray" variant="light" onClick={() => void act(() => cancelAppointment(token))}>
              {t('queue.cancel')}
            </Button>
            <VnDateInput label={t('queue.date')} value={date} onChange={setDate} w="100%" />
            {slots.data && <SlotPicker list={slots.data} value={start} onChange={setStart} />}
            <Button
              disabled={!start}
              onClick={() => start && void act(() => rescheduleAppointment(token, { date, start }))}
            >
              {t('queue.reschedule')}
            </Button>
          </>
        )}
      </Stack>
    </Container>
  );
}
