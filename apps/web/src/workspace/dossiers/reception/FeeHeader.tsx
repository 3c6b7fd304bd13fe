import { Group, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The procedure's name and its fee for the channel, with the amount collected at the counter (the official may correct it). */
export function FeeHeader(p: { name: string; feeTotal: number; fee: string | null; setFee: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Title order={3} size="h4">
        {p.name}
      </Title>
      <Group gap="xs" align="end">
        <Text size="sm" c="dimmed">
          {p.feeTotal > 0
            ? t('dossiers.reception.fee', { amount: `${p.feeTotal.toLocaleString('vi-VN')} đ` })
            : t('dossiers.reception.free')}
        </Text>
        <TextInput
          size="xs"
          w={160}
          inputMode="numeric"
          label={t('dossiers.reception.feeCollected')}
          value={p.fee ?? String(p.feeTotal)}
          onChange={(e) => p.setFee(e.currentTarget.value)}
        />
      </Group>
    </Group>
  );
}

/** The amount to record: the procedure's fee by default, as the official corrected it ("50.000" reads 50000). */
export const feeAmount = (fee: string | null, feeTotal: number) =>
  Math.max(0, Math.round(Number((fee ?? String(feeTotal)).replace(/[.\s]/g, '')) || 0));
