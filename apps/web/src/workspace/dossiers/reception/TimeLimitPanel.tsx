import { Group, Paper, Select, Text, TextInput, Title } from '@mantine/core';
import type { TimeLimitInput } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';

export type LimitDraft = { value: string; unit: TimeLimitInput['unit'] };

/** The time limit the official enters for a procedure without one for the channel. */
export function TimeLimitPanel(p: { limit: LimitDraft; setLimit: (l: LimitDraft) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="reception-time-limit">
      <Title order={4} size="h5" mb="xs">
        {t('dossiers.reception.timeLimit')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('dossiers.reception.timeLimitHelp')}
      </Text>
      <Group align="end">
        <TextInput
          type="number"
          min={0.5}
          step={0.5}
          label={t('dossiers.reception.timeLimitValue')}
          value={p.limit.value}
          onChange={(e) => p.setLimit({ ...p.limit, value: e.currentTarget.value })}
          w={140}
        />
        <Select
          label={t('dossiers.reception.timeLimitUnit')}
          data={(['working_days', 'working_hours', 'calendar_days'] as const).map((u) => ({
            value: u,
            label: t(`dossiers.reception.timeLimitUnits.${u}`),
          }))}
          value={p.limit.unit}
          onChange={(v) => v && p.setLimit({ ...p.limit, unit: v as TimeLimitInput['unit'] })}
          allowDeselect={false}
          w={200}
        />
      </Group>
    </Paper>
  );
}

/** The entered limit, or null when none (or not asked). */
export function enteredLimit(limit: LimitDraft): TimeLimitInput | null {
  const value = Number(limit.value.replace(',', '.'));
  return limit.value.trim() && value > 0 ? { value, unit: limit.unit } : null;
}
