import { Chip, Group, Text } from '@mantine/core';
import type { SlotList } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';

/** The slots of a day as chips; full or past slots are shown but cannot be chosen. */
export function SlotPicker({
  list,
  value,
  onChange,
}: {
  list: SlotList;
  value: string | undefined;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  if (!list.working) return <Text c="red.9">{t('queue.dayOff')}</Text>;
  return (
    <Chip.Group value={value ?? ''} onChange={(v) => onChange(v as string)}>
      <Group gap="xs" role="group" aria-label={t('queue.slots')}>
        {list.slots.map((s) => (
          <Chip key={s.start} value={s.start} disabled={s.available <= 0}>
            {s.start}–{s.end} ({s.available > 0 ? t('queue.slotLeft', { count: s.available }) : t('queue.slotFull')})
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
