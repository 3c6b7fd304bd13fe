import {
  Alert,
  Anchor,
  Box,
  Container,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { DossierStats, DossierStatsRow } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useDossierStats } from '../../api/dossiers.js';
import { useSession } from '../../api/session.js';
import { ProvinceMap } from '../../components/ProvinceMap.js';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** On time (early + on time) against late, as a plain bar with its figures spelled out for screen readers. */
function OnTimeBar({ row }: { row: Pick<DossierStatsRow, 'finished'> }) {
  const { t } = useTranslation();
  const good = row.finished.early + row.finished.onTime;
  const late = row.finished.late;
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

function Figure({ label, value, color }: { label: string; value: string | number; color?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" {...(color ? { c: color } : {})}>
        {value}
      </Text>
    </Paper>
  );
}

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
  const q = useDossierStats({
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
    ...(filter.unitCode ? { unitCode: filter.unitCode } : {}),
    ...(filter.by ? { by: 'current_unit' as const } : {}),
  });
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  const s: DossierStats | undefined = q.data;
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('dossiers.supervision.title')}</Title>
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
          <TextInput
            label={t('dossiers.supervision.province')}
            placeholder="79"
            value={filter.provinceCode}
            onChange={(e) => set('provinceCode', e.currentTarget.value.trim())}
            w={140}
          />
          <TextInput
            label={t('dossiers.supervision.unit')}
            placeholder="26743"
            value={filter.unitCode}
            onChange={(e) => set('unitCode', e.currentTarget.value.trim())}
            w={140}
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
              <Figure label={t('dossiers.supervision.received')} value={s.totals.received} />
              <Figure label={t('dossiers.supervision.onlineShare')} value={pct(s.totals.onlineShare)} />
              <Figure label={t('dossiers.supervision.inProgress')} value={s.totals.inProgress.total} />
              <Figure
                label={t('dossiers.progress.overdue')}
                value={s.totals.inProgress.overdue}
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
                        <Table.Td>{r.received}</Table.Td>
                        <Table.Td>{pct(r.onlineShare)}</Table.Td>
                        <Table.Td>{r.inProgress.undue + r.inProgress.noDeadline}</Table.Td>
                        <Table.Td>{r.inProgress.dueSoon}</Table.Td>
                        <Table.Td
                          c={r.inProgress.overdue > 0 ? 'red' : undefined}
                          fw={r.inProgress.overdue > 0 ? 700 : undefined}
                        >
                          {r.inProgress.overdue}
                        </Table.Td>
                        <Table.Td>{r.finished.early}</Table.Td>
                        <Table.Td>{r.finished.onTime}</Table.Td>
                        <Table.Td>{r.finished.late}</Table.Td>
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
                            <Anchor component={Link} to={`/workspace/dossiers?view=overdue&unit=${r.code}`} size="sm">
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
                      <Table.Td>{s.totals.received}</Table.Td>
                      <Table.Td>{pct(s.totals.onlineShare)}</Table.Td>
                      <Table.Td>{s.totals.inProgress.undue + s.totals.inProgress.noDeadline}</Table.Td>
                      <Table.Td>{s.totals.inProgress.dueSoon}</Table.Td>
                      <Table.Td>{s.totals.inProgress.overdue}</Table.Td>
                      <Table.Td>{s.totals.finished.early}</Table.Td>
                      <Table.Td>{s.totals.finished.onTime}</Table.Td>
                      <Table.Td>{s.totals.finished.late}</Table.Td>
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
            <Text size="xs" c="dimmed">
              {s.by === 'current_unit' ? t('dossiers.supervision.noteCurrent') : t('dossiers.supervision.note')}
            </Text>
          </>
        )}
      </Stack>
    </Container>
  );
}
