import { Alert, Badge, Button, Container, Group, Loader, NumberInput, Stack, Text, Title } from '@mantine/core';
import type { CalendarScopeQuery } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatCalendarDuration, useCalendarYear } from '../../api/calendar.js';
import { ApiError } from '../../api/client.js';
import { ScopePickers, type ScopeValue, useScopeLabel } from '../../components/ScopePickers.js';
import { Legend, YearGrid } from '../../components/YearGrid.js';
import { DueDateCalculator } from './DueDateCalculator.js';

/** Public page: the working calendar of a year for the nation, a province or a commune. */
export function CalendarYearPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const scope: CalendarScopeQuery = {
    ...(params.get('provinceCode') ? { provinceCode: params.get('provinceCode')! } : {}),
    ...(params.get('unitCode') ? { unitCode: params.get('unitCode')! } : {}),
  };
  const [picked, setPicked] = useState<ScopeValue>({
    provinceCode: scope.provinceCode ?? null,
    unitCode: scope.unitCode ?? null,
  });
  const q = useCalendarYear(year, scope);
  const scopeLabel = useScopeLabel(q.data?.scopeCode);
  const problem = q.error instanceof ApiError ? q.error.problem : null;
  const setYear = (y: number) => {
    const next = new URLSearchParams(params);
    next.set('year', String(y));
    setParams(next);
  };

  return (
    <Container size="xl" py="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={2}>{t('calendar.year.title', { year })}</Title>
          <Button component={Link} to="/admin/calendar" variant="light" size="xs">
            {t('calendar.year.admin')}
          </Button>
        </Group>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const next = new URLSearchParams({ year: String(year) });
            if (picked.provinceCode) next.set('provinceCode', picked.provinceCode);
            if (picked.unitCode) next.set('unitCode', picked.unitCode);
            setParams(next);
          }}
        >
          <Group align="end">
            <Button variant="default" onClick={() => setYear(year - 1)} aria-label={t('calendar.year.previous')}>
              ←
            </Button>
            <NumberInput
              label={t('calendar.year.year')}
              value={year}
              min={1970}
              max={2100}
              onChange={(v) => typeof v === 'number' && setYear(v)}
              w={110}
            />
            <Button variant="default" onClick={() => setYear(year + 1)} aria-label={t('calendar.year.next')}>
              →
            </Button>
            <ScopePickers value={picked} onChange={setPicked} />
            <Button type="submit">{t('calendar.scope.apply')}</Button>
          </Group>
        </form>
        {q.isLoading && <Loader aria-label={t('common.loading')} />}
        {problem && <Alert color="red">{i18n.language === 'en' ? problem.message.en : problem.message.vi}</Alert>}
        {q.data && (
          <>
            <Group>
              <Badge color={q.data.announced ? 'green' : 'gray'} variant="light">
                {q.data.announced ? t('calendar.year.announced') : t('calendar.year.byRules')}
              </Badge>
              <Text>{t('calendar.year.scope', { scope: scopeLabel })}</Text>
              <Text>{t('calendar.year.workingDays', { count: q.data.workingDays })}</Text>
              <Text>
                {t('calendar.year.hours', {
                  hours: q.data.settings.officeHours.map((s) => `${s.start}–${s.end}`).join(', '),
                })}
              </Text>
              <Text>
                {q.data.settings.cutoff.kind === 'at'
                  ? t('calendar.year.cutoffAt', { time: q.data.settings.cutoff.time })
                  : q.data.settings.cutoff.kind === 'before_close'
                    ? t('calendar.year.cutoffBeforeClose', { minutes: q.data.settings.cutoff.minutes })
                    : t('calendar.year.noCutoff')}
              </Text>
              <Text>
                {t('calendar.year.dueSoon', { duration: formatCalendarDuration(t, q.data.settings.dueSoonWithin) })}
              </Text>
            </Group>
            {q.data.source && (
              <Text size="sm" c="dimmed">
                {t('calendar.year.source')}: {q.data.source}
              </Text>
            )}
            <Legend />
            <YearGrid days={q.data.days} />
          </>
        )}
        <DueDateCalculator scope={scope} />
      </Stack>
    </Container>
  );
}
