import { Box, Paper, Text, UnstyledButton } from '@mantine/core';
import type { DossierStatsRow } from '@mot-cua/contracts';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';

/** A share as a percentage with one decimal, in the reader's language (92,3% in Vietnamese, 92.3% in English). */
export const pct = (v: number | null) =>
  v === null
    ? '—'
    : `${new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 }).format(Math.round(v * 1000) / 10)}%`;

/**
 * The on-time rate as a bar, with the one definition (766, indicator 2.1) the rate uses: within the deadline
 * (finished early or on time, and in progress not yet overdue) against not (finished late, and in progress
 * overdue); dossiers without a deadline are left out. Its figures are spelled out for screen readers.
 */
export function OnTimeBar({ row }: { row: Pick<DossierStatsRow, 'finished' | 'inProgress'> }) {
  const { t } = useTranslation();
  const good = row.finished.early + row.finished.onTime + row.inProgress.undue + row.inProgress.dueSoon;
  const late = row.finished.late + row.inProgress.overdue;
  const all = good + late;
  const label = t('dossiers.supervision.barLabel', { good, late });
  if (all === 0)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Box role="img" aria-label={label} title={label} w={140}>
      <Box
        style={{
          display: 'flex',
          height: 12,
          borderRadius: 3,
          overflow: 'hidden',
          background: 'var(--mantine-color-gray-2)',
        }}
      >
        <Box style={{ width: `${(good / all) * 100}%`, background: 'var(--mantine-color-teal-6)' }} />
        <Box style={{ width: `${(late / all) * 100}%`, background: 'var(--mantine-color-red-6)' }} />
      </Box>
      <Text size="xs" c="dimmed">
        {good} / {late}
      </Text>
    </Box>
  );
}

/** A headline figure; with `onOpen`, a button that opens the list of its dossiers. */
export function Figure(p: { label: string; value: string | number; color?: string; onOpen?: () => void }) {
  const body = (
    <>
      <Text size="xs" c="dimmed">
        {p.label}
      </Text>
      <Text fw={700} size="xl" {...(p.color ? { c: p.color } : {})}>
        {p.value}
      </Text>
    </>
  );
  return (
    <Paper withBorder p="sm">
      {p.onOpen ? (
        <UnstyledButton onClick={p.onOpen} aria-label={`${p.label}: ${p.value}`} w="100%">
          {body}
        </UnstyledButton>
      ) : (
        body
      )}
    </Paper>
  );
}

/** A figure in the table that opens the list of its dossiers (same filter, same rule: as many as it says). */
export function Count(p: { value: number; onOpen: () => void; label: string; strong?: boolean }) {
  if (p.value === 0) return <Text size="sm">0</Text>;
  return (
    <UnstyledButton
      onClick={p.onOpen}
      aria-label={`${p.label}: ${p.value}`}
      c={p.strong ? 'red' : 'blue.9'}
      fw={p.strong ? 700 : 500}
      td="underline"
      fz="sm"
    >
      {p.value}
    </UnstyledButton>
  );
}
