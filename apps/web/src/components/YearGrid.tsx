import { Badge, Group, SimpleGrid, Text, Tooltip } from '@mantine/core';
import type { CalendarDayKind, CalendarDayView } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';

/** Background colour of a day by what it is (kept readable in high contrast). */
export const KIND_COLORS: Record<CalendarDayKind | 'weekend' | 'working', string> = {
  working: '#ffffff',
  weekend: '#e9ecef',
  holiday: '#ffc9c9',
  compensatory: '#ffd8a8',
  day_off: '#fcc2d7',
  make_up_working: '#b2f2bb',
  local_day_off: '#d0bfff',
  reception_day: '#a5d8ff',
};

export function dayKey(d: CalendarDayView): keyof typeof KIND_COLORS {
  const first = d.entries[0]?.kind;
  if (first) return first;
  return d.working ? 'working' : 'weekend';
}

/** Weeks (Monday first) of a month: `lead` blanks, then the days, padded to full weeks. */
function weeksOf(lead: number, days: CalendarDayView[]): Array<Array<CalendarDayView | null>> {
  const cells: Array<CalendarDayView | null> = [...Array.from({ length: lead }, () => null), ...days];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** Twelve month grids (Monday first) of a year. */
export function YearGrid({ days }: { days: CalendarDayView[] }) {
  const { t } = useTranslation();
  const months = Array.from({ length: 12 }, (_, m) => days.filter((d) => Number(d.date.slice(5, 7)) === m + 1));
  const weekdayHeads = [1, 2, 3, 4, 5, 6, 0].map((w) => t(`calendar.weekdaysShort.${w}`));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3, lg: 4 }} spacing="lg">
      {months.map((mdays, m) => {
        const lead = ((mdays[0]?.weekday ?? 1) + 6) % 7;
        return (
          <section key={mdays[0]?.date ?? m} aria-label={t(`calendar.months.${m + 1}`)}>
            <Text fw={600} mb={4}>
              {t(`calendar.months.${m + 1}`)}
            </Text>
            <table style={{ width: '100%', borderCollapse: 'separate', borderSpacing: 2 }}>
              <thead>
                <tr>
                  {weekdayHeads.map((h) => (
                    <th key={h} style={{ fontSize: 11, color: 'var(--mantine-color-dimmed)', fontWeight: 400 }}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeksOf(lead, mdays).map((week) => (
                  <tr key={week.find(Boolean)?.date}>
                    {week.map((d, i) => {
                      // biome-ignore lint/suspicious/noArrayIndexKey: blank padding cells have no identity
                      if (!d) return <td key={`blank-${i}`} />;
                      const key = dayKey(d);
                      const label = [
                        d.date,
                        d.working ? t('calendar.legend.working') : t('calendar.legend.notWorking'),
                        ...d.entries.map((e) => e.name),
                      ].join(' · ');
                      return (
                        <Tooltip key={d.date} label={label} withinPortal>
                          <td
                            aria-label={label}
                            data-date={d.date}
                            data-working={d.working}
                            style={{
                              background: KIND_COLORS[key],
                              border: '1px solid #dee2e6',
                              borderRadius: 4,
                              textAlign: 'center',
                              fontSize: 12,
                              padding: '2px 0',
                              fontWeight: d.entries.length ? 700 : 400,
                            }}
                          >
                            {Number(d.date.slice(8, 10))}
                          </td>
                        </Tooltip>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </SimpleGrid>
  );
}

export function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {(Object.keys(KIND_COLORS) as Array<keyof typeof KIND_COLORS>).map((k) => (
        <Badge key={k} variant="outline" color="dark" style={{ background: KIND_COLORS[k] }} radius="sm">
          {t(`calendar.kinds.${k}`)}
        </Badge>
      ))}
    </Group>
  );
}
