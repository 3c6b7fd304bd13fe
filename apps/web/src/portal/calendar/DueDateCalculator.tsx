import { Alert, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { CalendarDuration, CalendarScopeQuery } from '@mot-cua/contracts';
import { vnLocalToIso } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDuration, formatVn, useDueDate } from '../../api/calendar.js';
import { ApiError } from '../../api/client.js';

const UNITS: CalendarDuration['unit'][] = ['working_days', 'working_hours', 'calendar_days'];

/** Try the deadline engine: a receipt time and a time limit give the clock start and the due date. */
export function DueDateCalculator({ scope }: { scope: CalendarScopeQuery }) {
  const { t, i18n } = useTranslation();
  // now, as a datetime-local value in the browser's time zone
  const [receivedAt, setReceivedAt] = useState(() => {
    const d = new Date();
    d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
    return d.toISOString().slice(0, 16);
  });
  const [value, setValue] = useState<number>(3);
  const [unit, setUnit] = useState<CalendarDuration['unit']>('working_days');
  const due = useDueDate();
  const problem = due.error instanceof ApiError ? due.error.problem : null;
  const r = due.data;
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('calendar.calculator.title')}</Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            due.mutate({ receivedAt: vnLocalToIso(receivedAt), duration: { value, unit }, ...scope });
          }}
        >
          <Group align="end">
            <TextInput
              type="datetime-local"
              label={t('calendar.calculator.receivedAt')}
              value={receivedAt}
              onChange={(e) => setReceivedAt(e.currentTarget.value)}
              required
            />
            <NumberInput
              label={t('calendar.calculator.value')}
              value={value}
              min={0}
              step={0.5}
              decimalScale={2}
              onChange={(v) => setValue(typeof v === 'number' ? v : Number(v) || 0)}
              w={120}
            />
            <Select
              label={t('calendar.calculator.unit')}
              value={unit}
              onChange={(v) => v && setUnit(v as CalendarDuration['unit'])}
              data={UNITS.map((u) => ({ value: u, label: t(`calendar.unitNames.${u}`) }))}
              allowDeselect={false}
            />
            <Button type="submit" loading={due.isPending}>
              {t('calendar.calculator.compute')}
            </Button>
          </Group>
        </form>
        {problem && <Alert color="red">{i18n.language === 'en' ? problem.message.en : problem.message.vi}</Alert>}
        {r && (
          <Table aria-live="polite" data-testid="due-result">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('calendar.calculator.duration')}</Table.Th>
                <Table.Td>{formatCalendarDuration(t, r.duration)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('calendar.calculator.clockStartsAt')}</Table.Th>
                <Table.Td>{formatVn(r.clockStartsAt)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('calendar.calculator.dueAt')}</Table.Th>
                <Table.Td>
                  <Text fw={700}>{formatVn(r.dueAt)}</Text>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('calendar.calculator.apologyBy')}</Table.Th>
                <Table.Td>{formatVn(r.apologyNoticeBy)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
        <Text size="sm" c="dimmed">
          {t('calendar.calculator.rules')}
        </Text>
      </Stack>
    </Card>
  );
}
