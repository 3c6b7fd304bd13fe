import { Alert, Button, Card, Group, NumberInput, Select, Stack, TextInput, Title } from '@mantine/core';
import type { CalendarCutoff, CalendarScopeQuery, OfficeSession } from '@mot-cua/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarSettings, useSaveCalendarSettings } from '../../api/calendar.js';
import { ApiError } from '../../api/client.js';
import { useScopeLabel } from '../../components/ScopePickers.js';

/** Office hours, intake cut-off and "due soon" threshold of a scope (system administrators). */
export function SettingsCard({ scope, canEdit }: { scope: CalendarScopeQuery; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const q = useCalendarSettings(scope);
  const save = useSaveCalendarSettings(scope);
  const scopeLabel = useScopeLabel(q.data?.scopeCode);
  const [hours, setHours] = useState<OfficeSession[]>([]);
  const [cutoff, setCutoff] = useState<CalendarCutoff>({ kind: 'at', time: '15:00' });
  const [dueSoon, setDueSoon] = useState(1);
  useEffect(() => {
    if (q.data) {
      setHours(q.data.officeHours);
      setCutoff(q.data.cutoff);
      setDueSoon(q.data.dueSoonWithin.value);
    }
  }, [q.data]);
  const problem = save.error instanceof ApiError ? save.error.problem : null;
  const setSession = (i: number, patch: Partial<OfficeSession>) =>
    setHours(hours.map((h, j) => (j === i ? { ...h, ...patch } : h)));

  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('calendar.settings.title', { scope: scopeLabel })}</Title>
        {hours.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of sessions edited in place
          <Group key={i}>
            <TextInput
              type="time"
              label={t('calendar.settings.sessionStart', { n: i + 1 })}
              value={h.start}
              onChange={(e) => setSession(i, { start: e.currentTarget.value })}
            />
            <TextInput
              type="time"
              label={t('calendar.settings.sessionEnd', { n: i + 1 })}
              value={h.end}
              onChange={(e) => setSession(i, { end: e.currentTarget.value })}
            />
          </Group>
        ))}
        <Group align="end">
          <Select
            label={t('calendar.settings.cutoff')}
            value={cutoff.kind}
            allowDeselect={false}
            data={(['at', 'before_close', 'none'] as const).map((k) => ({
              value: k,
              label: t(`calendar.settings.cutoffKinds.${k}`),
            }))}
            onChange={(v) =>
              setCutoff(
                v === 'at'
                  ? { kind: 'at', time: '15:00' }
                  : v === 'before_close'
                    ? { kind: 'before_close', minutes: 60 }
                    : { kind: 'none' },
              )
            }
          />
          {cutoff.kind === 'at' && (
            <TextInput
              type="time"
              label={t('calendar.settings.cutoffTime')}
              value={cutoff.time}
              onChange={(e) => setCutoff({ kind: 'at', time: e.currentTarget.value })}
            />
          )}
          {cutoff.kind === 'before_close' && (
            <NumberInput
              label={t('calendar.settings.cutoffMinutes')}
              value={cutoff.minutes}
              min={0}
              max={600}
              onChange={(v) => setCutoff({ kind: 'before_close', minutes: Number(v) || 0 })}
            />
          )}
          <NumberInput
            label={t('calendar.settings.dueSoon')}
            value={dueSoon}
            min={0}
            step={0.5}
            decimalScale={2}
            onChange={(v) => setDueSoon(Number(v) || 0)}
          />
          <Button
            disabled={!canEdit}
            loading={save.isPending}
            onClick={() =>
              save.mutate({ officeHours: hours, cutoff, dueSoonWithin: { value: dueSoon, unit: 'working_days' } })
            }
          >
            {t('calendar.settings.save')}
          </Button>
        </Group>
        {save.isSuccess && <Alert color="green">{t('calendar.settings.saved')}</Alert>}
        {problem && <Alert color="red">{i18n.language === 'en' ? problem.message.en : problem.message.vi}</Alert>}
      </Stack>
    </Card>
  );
}
