import {
  Alert,
  Anchor,
  Box,
  Container,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { DossierStats, StatsBucket } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useDossierStats } from '../../api/dossiers.js';
import { mayDo, useSession } from '../../api/session.js';
import { ProvinceMap } from '../../components/ProvinceMap.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { FeedbackIndexSection } from '../feedback/FeedbackIndexSection.js';
import { StatsDossierList, type StatsPick } from './supervision/StatsDossierList.js';
import { StatsDownloads } from './supervision/StatsDownloads.js';
import { Count, Figure, OnTimeBar, pct } from './supervision/StatsParts.js';

/**
 * Supervision of an area: per unit at the time of receipt or per today's unit (per province for a national supervisor), the
 * dossiers received in the period, the online share, those in progress by deadline, those finished early,
 * on time or late, the on-time rate, refusals and withdrawals; with links to the overdue lists.
 */
export function SupervisionPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filter = {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    provinceCode: params.get('provinceCode') ?? '',
    unitCode: params.get('unitCode') ?? '',
    by: params.get('by') === 'current_unit' ? 'current_unit' : '',
  };
  const set = (k: keyof typeof filter, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const query = {
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
    ...(filter.unitCode ? { unitCode: filter.unitCode } : {}),
    ...(filter.by ? { by: 'current_unit' as const } : {}),
  };
  const q = useDossierStats(query);
  const [pick, setPick] = useState<StatsPick | null>(null);
  /** Open the list behind a figure (a row's, or the totals' when code is null). */
  const open = (bucket: StatsBucket, code: string | null, label: string) => () => setPick({ bucket, code, label });
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  const s: DossierStats | undefined = q.data;
  type Counts = DossierStats['totals'];
  /** The table's figures: bucket, header and value; each opens its list. */
  const cells: Array<[StatsBucket, string, (c: Counts) => number]> = [
    ['not_due', t('dossiers.progress.undue'), (c) => c.inProgress.undue + c.inProgress.noDeadline],
    ['due_soon', t('dossiers.progress.due_soon'), (c) => c.inProgress.dueSoon],
    ['overdue', t('dossiers.progress.overdue'), (c) => c.inProgress.overdue],
    ['early', t('dossiers.progress.early'), (c) => c.finished.early],
    ['on_time', t('dossiers.progress.on_time'), (c) => c.finished.onTime],
    ['late', t('dossiers.progress.late'), (c) => c.finished.late],
  ];
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('dossiers.supervision.title')}</Title>
        <Group>
          <Anchor component={Link} to="/workspace/supervision/dashboard">
            {t('dossiers.supervision.dashboardLink')}
          </Anchor>
          <StatsDownloads query={query} />
        </Group>
        <Group align="end" wrap="wrap">
          <TextInput
            type="date"
            label={t('dossiers.supervision.from')}
            value={filter.from || s?.from || ''}
            onChange={(e) => set('from', e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('dossiers.supervision.to')}
            value={filter.to || s?.to || ''}
            onChange={(e) => set('to', e.currentTarget.value)}
          />
          <UnitPicker
            label={t('dossiers.supervision.province')}
            value={filter.provinceCode || null}
            onChange={(c) => set('provinceCode', c ?? '')}
            w={260}
          />
          <UnitPicker
            label={t('dossiers.supervision.unit')}
            value={filter.unitCode || null}
            onChange={(c) => set('unitCode', c ?? '')}
            w={300}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="supervision-by">
              {t('dossiers.supervision.by')}
            </Text>
            <SegmentedControl
              aria-labelledby="supervision-by"
              value={filter.by || 'received_unit'}
              onChange={(v) => set('by', v === 'current_unit' ? v : '')}
              data={[
                { value: 'received_unit', label: t('dossiers.supervision.byReceived') },
                { value: 'current_unit', label: t('dossiers.supervision.byCurrent') },
              ]}
            />
          </Stack>
        </Group>
        {q.error instanceof ApiError && <Alert color="red">{q.error.problem.detail}</Alert>}
        {q.isLoading && <Loader aria-label={t('common.loading')} />}
        {s && (
          <>
            <Text size="sm" c="dimmed">
              {t('dossiers.supervision.period', {
                from: s.from.split('-').reverse().join('/'),
                to: s.to.split('-').reverse().join('/'),
              })}
            </Text>
            <SimpleGrid cols={{ base: 2, md: 5 }}>
              <Figure
                label={t('dossiers.supervision.received')}
                value={s.totals.received}
                onOpen={open('received', null, t('dossiers.supervision.received'))}
              />
              <Figure label={t('dossiers.supervision.onlineShare')} value={pct(s.totals.onlineShare)} />
              <Figure
                label={t('dossiers.supervision.inProgress')}
                value={s.totals.inProgress.total}
                onOpen={open('in_progress', null, t('dossiers.supervision.inProgress'))}
              />
              <Figure
                label={t('dossiers.progress.overdue')}
                value={s.totals.inProgress.overdue}
                onOpen={open('overdue', null, t('dossiers.progress.overdue'))}
                {...(s.totals.inProgress.overdue > 0 ? { color: 'red' } : {})}
              />
              <Figure label={t('dossiers.supervision.onTimeRate')} value={pct(s.totals.onTimeRate)} />
            </SimpleGrid>
            {s.groupBy === 'province' && s.rows.length > 0 && (
              <Box maw={520}>
                <ProvinceMap
                  title={t('dossiers.supervision.mapTitle')}
                  values={Object.fromEntries(
                    s.rows.filter((r) => r.onTimeRate !== null).map((r) => [r.code, r.onTimeRate as number]),
                  )}
                  describe={(code, v) =>
                    t('dossiers.supervision.mapValue', {
                      rate: pct(v),
                      received: s.rows.find((r) => r.code === code)?.received ?? 0,
                    })
                  }
                  hrefOf={(code) => `/workspace/supervision?provinceCode=${code}`}
                  onSelect={(code) => set('provinceCode', code)}
                />
              </Box>
            )}
            {s.rows.length === 0 ? (
              <Text c="dimmed">{t('dossiers.supervision.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={1100}>
                <Table striped withTableBorder withColumnBorders data-testid="supervision-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th rowSpan={2}>
                        {s.groupBy === 'province'
                          ? t('dossiers.supervision.provinceCol')
                          : s.by === 'current_unit'
                            ? t('dossiers.supervision.unitColCurrent')
                            : t('dossiers.supervision.unitCol')}
                      </Table.Th>
                      <Table.Th rowSpan={2}>{t('dossiers.supervision.received')}</Table.Th>
                      <Table.Th rowSpan={2}>{t('dossiers.supervision.onlineShare')}</Table.Th>
                      <Table.Th colSpan={3}>{t('dossiers.supervision.inProgress')}</Table.Th>
                      <Table.Th colSpan={3}>{t('dossiers.supervision.finished')}</Table.Th>
                      <Table.Th rowSpan={2}>{t('dossiers.supervision.onTimeRate')}</Table.Th>
                      <Table.Th rowSpan={2}>{t('dossiers.supervision.refused')}</Table.Th>
                      <Table.Th rowSpan={2}>{t('dossiers.supervision.withdrawn')}</Table.Th>
                      <Table.Th rowSpan={2}>{t('dossiers.supervision.links')}</Table.Th>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t('dossiers.progress.undue')}</Table.Th>
                      <Table.Th>{t('dossiers.progress.due_soon')}</Table.Th>
                      <Table.Th>{t('dossiers.progress.overdue')}</Table.Th>
                      <Table.Th>{t('dossiers.progress.early')}</Table.Th>
                      <Table.Th>{t('dossiers.progress.on_time')}</Table.Th>
                      <Table.Th>{t('dossiers.progress.late')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.rows.map((r) => (
                      <Table.Tr key={r.code} data-unit={r.code}>
                        <Table.Td>
                          <Text size="sm">{r.name}</Text>
                          <Text size="xs" c="dimmed" ff="monospace">
                            {r.code}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {s.groupBy === 'unit' && r.canReadDossiers ? (
                            <Count
                              value={r.received}
                              label={t('dossiers.supervision.received')}
                              onOpen={open('received', r.code, t('dossiers.supervision.received'))}
                            />
                          ) : (
                            r.received
                          )}
                        </Table.Td>
                        <Table.Td>{pct(r.onlineShare)}</Table.Td>
                        {cells.map(([bucket, label, value]) => (
                          <Table.Td key={bucket}>
                            {s.groupBy === 'unit' && r.canReadDossiers ? (
                              <Count
                                value={value(r)}
                                label={label}
                                strong={bucket === 'overdue' && value(r) > 0}
                                onOpen={open(bucket, r.code, label)}
                              />
                            ) : (
                              value(r)
                            )}
                          </Table.Td>
                        ))}
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Text size="sm" w={48}>
                              {pct(r.onTimeRate)}
                            </Text>
                            <OnTimeBar row={r} />
                          </Group>
                        </Table.Td>
                        <Table.Td>{r.refused}</Table.Td>
                        <Table.Td>{r.withdrawn + r.stopped}</Table.Td>
                        <Table.Td>
                          {s.groupBy === 'province' ? (
                            <Anchor component={Link} to={`/workspace/supervision?provinceCode=${r.code}`} size="sm">
                              {t('dossiers.supervision.byCommune')}
                            </Anchor>
                          ) : r.canReadDossiers ? (
                            <Anchor
                              component="button"
                              size="sm"
                              onClick={open('overdue', r.code, t('dossiers.progress.overdue'))}
                            >
                              {t('dossiers.supervision.overdueList', { count: r.inProgress.overdue })}
                            </Anchor>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr fw={700}>
                      <Table.Td>{t('dossiers.supervision.total')}</Table.Td>
                      <Table.Td>
                        <Count
                          value={s.totals.received}
                          label={t('dossiers.supervision.received')}
                          onOpen={open('received', null, t('dossiers.supervision.received'))}
                        />
                      </Table.Td>
                      <Table.Td>{pct(s.totals.onlineShare)}</Table.Td>
                      {cells.map(([bucket, label, value]) => (
                        <Table.Td key={bucket}>
                          <Count value={value(s.totals)} label={label} onOpen={open(bucket, null, label)} />
                        </Table.Td>
                      ))}
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" w={48} fw={700}>
                            {pct(s.totals.onTimeRate)}
                          </Text>
                          <OnTimeBar row={s.totals} />
                        </Group>
                      </Table.Td>
                      <Table.Td>{s.totals.refused}</Table.Td>
                      <Table.Td>{s.totals.withdrawn + s.totals.stopped}</Table.Td>
                      <Table.Td />
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            )}
            {pick && <StatsDossierList filter={query} pick={pick} onClose={() => setPick(null)} />}
            <Text size="xs" c="dimmed">
              {s.by === 'current_unit' ? t('dossiers.supervision.noteCurrent') : t('dossiers.supervision.note')}
            </Text>
            {mayDo(session.data, 'feedback.read') && (
              <FeedbackIndexSection
                query={{
                  from: s.from,
                  to: s.to,
                  ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
                  ...(filter.unitCode ? { unitCode: filter.unitCode } : {}),
                }}
              />
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
