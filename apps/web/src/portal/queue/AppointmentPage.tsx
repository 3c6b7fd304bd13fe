import { Alert, Button, Chip, Container, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { vnDate } from '@mot-cua/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { bookAppointment, useQueueCenter, useQueueCenters, useSlots } from '../../api/queue.js';
import { VnDateInput } from '../../components/VnDateInput.js';
import { SlotPicker } from './SlotPicker.js';

/** Tomorrow's date in Vietnam (the first day a slot can be booked for). */
const tomorrowIso = () => vnDate(new Date(Date.now() + 86_400_000));

/** A citizen books a slot at a center (no sign-in): field, date, slot from the working calendar, name and phone. */
export function AppointmentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const centers = useQueueCenters();
  const [centerId, setCenterId] = useState<string | null>(null);
  const chosenCenter = centerId ?? centers.data?.items[0]?.id;
  const center = useQueueCenter(chosenCenter);
  const [groupId, setGroupId] = useState<string>();
  const [date, setDate] = useState(tomorrowIso());
  const [start, setStart] = useState<string>();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string>();
  const slots = useSlots(chosenCenter, groupId, date);

  // A double tap on a slow phone books once: the second booking took the slot's other place.
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  async function book() {
    if (!chosenCenter || !groupId || !start || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(undefined);
    try {
      const a = await bookAppointment(chosenCenter, { groupId, date, start, applicantName: name, phone });
      navigate(`/dat-lich/${a.token}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : String(e));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <Container size="sm" py="md">
      <Stack>
        <Title order={2}>{t('queue.bookTitle')}</Title>
        <Text>{t('queue.bookIntro')}</Text>
        <Select
          label={t('queue.center')}
          data={centers.data?.items.map((c) => ({ value: c.id, label: c.name })) ?? []}
          value={chosenCenter ?? null}
          onChange={setCenterId}
        />
        <Stack gap={4}>
          <Text fw={500} id="group-label">
            {t('queue.group')}
          </Text>
          <Chip.Group value={groupId ?? ''} onChange={(v) => setGroupId(v as string)}>
            <Group gap="xs" aria-labelledby="group-label" role="group">
              {center.data?.groups
                .filter((g) => g.kind === 'field')
                .map((g) => (
                  <Chip key={g.id} value={g.id}>
                    {g.name}
                  </Chip>
                ))}
            </Group>
          </Chip.Group>
        </Stack>
        <VnDateInput label={t('queue.date')} value={date} onChange={setDate} w="100%" />
        {slots.data && <SlotPicker list={slots.data} value={start} onChange={setStart} />}
        <TextInput label={t('queue.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <TextInput
          label={t('queue.phone')}
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          required
          inputMode="tel"
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Button onClick={() => void book()} disabled={!groupId || !start || !name || !phone} loading={busy}>
          {t('queue.book')}
        </Button>
      </Stack>
    </Container>
  );
}
