import { Paper, Table, Text, Timeline, Title } from '@mantine/core';
import type { DossierDetail } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { vnDateTime } from '../../../api/dossiers.js';

/** What happened to the dossier, with the unit of each step by name. */
export function TimelineCard({ d, unitName }: { d: DossierDetail; unitName: (code: string) => string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {t('dossiers.detail.timeline')}
      </Title>
      <Timeline bulletSize={14} lineWidth={2} active={d.timeline.length}>
        {d.timeline.map((a) => (
          <Timeline.Item key={a.seq} title={t(`dossiers.action.${a.type}`)}>
            <Text size="xs" c="dimmed">
              {vnDateTime(a.at)} · {a.actorName ?? t(`roles.${a.actorRole}`)} · {unitName(a.unitCode)}
            </Text>
            {a.note && <Text size="sm">{a.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

/** The process control sheet (phiếu kiểm soát quá trình giải quyết hồ sơ). */
export function ControlSheetCard({ d }: { d: DossierDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {t('dossiers.detail.controlSheet')}
      </Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dossiers.columns.received')}</Table.Th>
            <Table.Th>{t('dossiers.detail.actions')}</Table.Th>
            <Table.Th>{t('dossiers.detail.from')}</Table.Th>
            <Table.Th>{t('dossiers.detail.to')}</Table.Th>
            <Table.Th>{t('dossiers.detail.stepDue')}</Table.Th>
            <Table.Th>{t('dossiers.detail.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.controlSheet.map((r) => (
            <Table.Tr key={r.seq}>
              <Table.Td>{vnDateTime(r.at)}</Table.Td>
              <Table.Td>
                {t(`dossiers.action.${r.action}`)}
                {r.stepName ? ` (${r.stepName})` : ''}
              </Table.Td>
              <Table.Td>{r.from}</Table.Td>
              <Table.Td>{r.to}</Table.Td>
              <Table.Td>{r.stepDueAt ? vnDateTime(r.stepDueAt) : ''}</Table.Td>
              <Table.Td>{r.outcome ? t(`dossiers.progress.${r.outcome}`) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
