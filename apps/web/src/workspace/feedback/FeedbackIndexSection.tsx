import { Alert, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { FeedbackIndexByUnitQuery } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useFeedbackIndexByUnit } from '../../api/feedback.js';
import { Figure, pct } from '../dossiers/supervision/StatsParts.js';

const low = (v: number | null) => (v !== null && v < 0.9 ? { c: 'red', fw: 700 } : {});

/**
 * Feedback (PAKN) in the service index of Decision 766, on the supervision page: per unit of the same area and
 * period, indicator 5.2 (handled within every deadline / handled) and 5.3 ((all − dissatisfied − overdue −
 * repeated) / all), with the counts behind them.
 */
export function FeedbackIndexSection({ query }: { query: FeedbackIndexByUnitQuery }) {
  const { t } = useTranslation();
  const q = useFeedbackIndexByUnit(query, true);
  const s = q.data;
  return (
    <Stack component="section" aria-labelledby="feedback-index-title" data-testid="feedback-index">
      <Title order={3} size="h4" id="feedback-index-title">
        {t('feedback.index.title')}
      </Title>
      {q.error && <Alert color="red">{q.error instanceof ApiError ? q.error.problem.detail : t('common.error')}</Alert>}
      {q.isLoading && <Loader aria-label={t('common.loading')} />}
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t('feedback.index.received')} value={s.totals.received} />
            <Figure label={t('feedback.index.handled')} value={s.totals.handled} />
            <Figure
              label={t('feedback.index.onTimeRate')}
              value={pct(s.totals.onTimeRate)}
              {...(low(s.totals.onTimeRate).c ? { color: 'red' } : {})}
            />
            <Figure
              label={t('feedback.index.satisfactionRate')}
              value={pct(s.totals.satisfactionRate)}
              {...(low(s.totals.satisfactionRate).c ? { color: 'red' } : {})}
            />
          </SimpleGrid>
          {s.rows.length === 0 ? (
            <Text c="dimmed">{t('feedback.index.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table striped withTableBorder fz="sm" data-testid="feedback-index-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('feedback.index.unit')}</Table.Th>
                    <Table.Th>{t('feedback.index.received')}</Table.Th>
                    <Table.Th>{t('feedback.index.handled')}</Table.Th>
                    <Table.Th>{t('feedback.index.handledOnTime')}</Table.Th>
                    <Table.Th>{t('feedback.index.onTimeRate')}</Table.Th>
                    <Table.Th>{t('feedback.index.dissatisfied')}</Table.Th>
                    <Table.Th>{t('feedback.index.overdue')}</Table.Th>
                    <Table.Th>{t('feedback.index.repeated')}</Table.Th>
                    <Table.Th>{t('feedback.index.satisfactionRate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.rows.map((r) => (
                    <Table.Tr key={r.unitCode} data-unit={r.unitCode}>
                      <Table.Td>
                        <Text size="sm">{r.unitName ?? r.unitCode}</Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {r.unitCode}
                        </Text>
                      </Table.Td>
                      <Table.Td>{r.received}</Table.Td>
                      <Table.Td>{r.handled}</Table.Td>
                      <Table.Td>{r.handledOnTime}</Table.Td>
                      <Table.Td>
                        <Text size="sm" {...low(r.onTimeRate)}>
                          {pct(r.onTimeRate)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{r.dissatisfied}</Table.Td>
                      <Table.Td>{r.overdue}</Table.Td>
                      <Table.Td>{r.repeated}</Table.Td>
                      <Table.Td>
                        <Text size="sm" {...low(r.satisfactionRate)}>
                          {pct(r.satisfactionRate)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Text size="xs" c="dimmed">
            {t('feedback.index.note')}
          </Text>
        </>
      )}
    </Stack>
  );
}
