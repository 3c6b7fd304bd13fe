import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Loader,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { CalendarDayEntry, CalendarDayKind, CalendarScopeQuery } from '@mot-cua/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDeleteSchedule, useSaveSchedule, useYearSchedule } from '../../api/calendar.js';
import { ApiError } from '../../api/client.js';
import { mayDo, useSession } from '../../api/session.js';
import { ScopePickers, type ScopeValue, useScopeLabel } from '../../components/ScopePickers.js';
import { VnDateInput } from '../../components/VnDateInput.js';
import { KIND_COLORS } from '../../components/YearGrid.js';
import { SettingsCard } from './SettingsCard.js';

const NATIONAL_KINDS: CalendarDayKind[] = ['holiday', 'compensatory', 'day_off', 'make_up_working'];
const LOCAL_KINDS: CalendarDayKind[] = ['local_day_off', 'reception_day'];

/**
 * Admin page (system administrators): load or edit the schedule of a year. For the nation it is the
 * announced schedule (days off and make-up Saturdays) that replaces the rule-derived days; for a province
 * or commune, its local days off and reception days.
 */
export function ScheduleEditorPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [year, setYear] = useState(2027);
  const [scopeInput, setScopeInput] = useState<ScopeValue>({ provinceCode: null, unitCode: null });
  const [scope, setScope] = useState<CalendarScopeQuery>({});
  const q = useYearSchedule(year, scope);
  const scopeLabel = useScopeLabel(q.data?.scopeCode);
  const save = useSaveSchedule(year);
  const remove = useDeleteSchedule(year);
  const [entries, setEntries] = useState<CalendarDayEntry[]>([]);
  const [source, setSource] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (q.data) {
      setEntries(q.data.entries);
      setSource(q.data.source ?? '');
    }
  }, [q.data]);

  const national = !scope.provinceCode && !scope.unitCode;
  const kinds = national ? NATIONAL_KINDS : LOCAL_KINDS;
  const error =
    (save.error ?? remove.error) instanceof ApiError ? ((save.error ?? remove.error) as ApiError).problem : null;
  const update = (i: number, patch: Partial<CalendarDayEntry>) =>
    setEntries(entries.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const isAdmin = mayDo(session.data, 'calendar.manage');

  return (
    <Container size="lg" py="lg">
      <Stack>
        <Anchor component={Link} to={`/calendar?year=${year}`} size="sm">
          ← {t('calendar.editor.back')}
        </Anchor>
        <Title order={2}>{t('calendar.editor.title')}</Title>
        {session.data === null && <Alert color="yellow">{t('calendar.editor.signIn')}</Alert>}
        {session.data && !isAdmin && <Alert color="yellow">{t('calendar.editor.notAdmin')}</Alert>}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            setScope({
              ...(scopeInput.provinceCode ? { provinceCode: scopeInput.provinceCode } : {}),
              ...(scopeInput.unitCode ? { unitCode: scopeInput.unitCode } : {}),
            });
          }}
        >
          <Group align="end">
            <NumberInput
              label={t('calendar.year.year')}
              value={year}
              min={1970}
              max={2100}
              onChange={(v) => {
                if (typeof v === 'number') {
                  setYear(v);
                  setSaved(false);
                }
              }}
              w={110}
            />
            <ScopePickers value={scopeInput} onChange={setScopeInput} />
            <Button type="submit" variant="default">
              {t('calendar.scope.apply')}
            </Button>
          </Group>
        </form>
        {q.isLoading && <Loader aria-label={t('common.loading')} />}
        {q.data && (
          <>
            <Group>
              <Badge variant="light" color={q.data.stored ? 'green' : 'gray'}>
                {q.data.stored
                  ? t('calendar.editor.stored', { version: q.data.version })
                  : national
                    ? t('calendar.editor.draftFromRules')
                    : t('calendar.editor.noLocal')}
              </Badge>
              <Text>{t('calendar.year.scope', { scope: scopeLabel })}</Text>
            </Group>
            <Text size="sm" c="dimmed">
              {national ? t('calendar.editor.helpNational') : t('calendar.editor.helpLocal')}
            </Text>
            <Textarea
              label={t('calendar.editor.source')}
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
              autosize
              minRows={1}
            />
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('calendar.editor.date')}</Table.Th>
                  <Table.Th>{t('calendar.editor.kind')}</Table.Th>
                  <Table.Th>{t('calendar.editor.name')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and may share a date while typing
                  <Table.Tr key={i} style={{ background: KIND_COLORS[e.kind] }}>
                    <Table.Td>
                      <VnDateInput
                        aria-label={t('calendar.editor.date')}
                        value={e.date}
                        onChange={(iso) => update(i, { date: iso })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('calendar.editor.kind')}
                        value={e.kind}
                        data={[...new Set([...kinds, e.kind])].map((k) => ({
                          value: k,
                          label: t(`calendar.kinds.${k}`),
                        }))}
                        onChange={(v) => v && update(i, { kind: v as CalendarDayKind })}
                        allowDeselect={false}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('calendar.editor.name')}
                        value={e.name}
                        onChange={(ev) => update(i, { name: ev.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('calendar.editor.removeRow')}
                        onClick={() => setEntries(entries.filter((_, j) => j !== i))}
                      >
                        ✕
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Button
                variant="default"
                onClick={() => setEntries([...entries, { date: `${year}-01-01`, kind: kinds[0]!, name: '' }])}
              >
                {t('calendar.editor.addRow')}
              </Button>
              <Button
                onClick={() => {
                  setSaved(false);
                  save.mutate(
                    {
                      ...scope,
                      source: source.trim() || null,
                      entries,
                      expectedVersion: q.data.version,
                    },
                    { onSuccess: () => setSaved(true) },
                  );
                }}
                loading={save.isPending}
                disabled={!isAdmin}
              >
                {t('calendar.editor.save')}
              </Button>
              {q.data.stored && (
                <Button
                  color="red"
                  variant="light"
                  disabled={!isAdmin}
                  loading={remove.isPending}
                  onClick={() => {
                    if (window.confirm(t('calendar.editor.confirmRemove'))) {
                      remove.mutate({ ...scope, expectedVersion: q.data.version });
                    }
                  }}
                >
                  {t('calendar.editor.remove')}
                </Button>
              )}
            </Group>
            {saved && (
              <Alert color="green" aria-live="polite">
                {t('calendar.editor.saved')}
              </Alert>
            )}
            {error && (
              <Alert color="red" aria-live="assertive">
                {i18n.language === 'en' ? error.message.en : error.message.vi}
                {error.errors?.map((fe) => (
                  <div key={`${fe.field}-${fe.message}`}>
                    {fe.field}: {fe.message}
                  </div>
                ))}
              </Alert>
            )}
          </>
        )}
        <SettingsCard scope={scope} canEdit={Boolean(isAdmin)} />
      </Stack>
    </Container>
  );
}
