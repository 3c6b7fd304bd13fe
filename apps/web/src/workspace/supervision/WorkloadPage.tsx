import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Anchor, Badge, Container, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { formatVnDay, type WorkloadUnit } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportUrl, type SupervisionFilter, useWorkload } from '../../api/supervision.js';
import { DataTable } from '../../components/DataTable.js';
import { TableDownloads } from './dashboard/TableDownloads.js';
import { SupervisionFilterForm } from './SupervisionFilterForm.js';
import { WorkloadApproverGaps } from './WorkloadApproverGaps.js';
import { WorkloadCertificateGaps } from './WorkloadCertificateGaps.js';

const num = (v: number | null) => (v === null ? '—' : v.toLocaleString('vi-VN'));

/**
 * /workspace/supervision/workload: load per official and commune (for the nation, per province, drilling into one),
 * backlog, time per step, staffing gaps and moves.
 */
export function WorkloadPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<SupervisionFilter>({});
  const w = useWorkload(filter);
  const body = w.data;
  // the nation's rows are its provinces: a click drills into one (its communes)
  const byProvince = body?.unitsLevel === 'province';
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('supervision.workload.title')}</Title>
        <SupervisionFilterForm onApply={setFilter} scope={body?.scope} period={body} drilled={filter.provinceCode} />
        {w.isLoading && <Loader aria-label={t('common.loading')} />}
        {w.error && (
          <Text c="red.9" role="alert">
            {w.error.message}
          </Text>
        )}
        {body && (
          <>
            <Group justify="space-between">
              <Text fw={600} data-testid="workload-scope">
                {t('supervision.workload.scope', {
                  ...body.scope,
                  from: formatVnDay(body.from),
                  to: formatVnDay(body.to),
                  days: body.workingDays,
                  threshold: body.threshold,
                })}
              </Text>
              <Group>
                <Anchor href={exportUrl('/workload', filter, 'xlsx')} download>
                  {t('supervision.index.xlsx')}
                </Anchor>
                <Anchor href={exportUrl('/workload', filter, 'pdf')} download>
                  {t('supervision.index.pdf')}
                </Anchor>
              </Group>
            </Group>
            {byProvince && <Text size="sm">{t('supervision.workload.provincesHint')}</Text>}
            <DataTable<WorkloadUnit>
              rows={body.units}
              rowKey={(u) => u.unitCode}
              minWidth={800}
              data-testid="workload-table"
              columns={[
                {
                  header: t(byProvince ? 'supervision.workload.province' : 'supervision.workload.unit'),
                  cell: (u) =>
                    byProvince ? (
                      <Anchor
                        component="button"
                        type="button"
                        title={t('supervision.workload.drill', { name: u.name })}
                        onClick={() => setFilter({ ...filter, provinceCode: u.unitCode })}
                      >
                        {`${u.name} (${u.unitCode})`}
                      </Anchor>
                    ) : (
                      `${u.name} (${u.unitCode})`
                    ),
                },
                { header: t('supervision.workload.received'), cell: (u) => num(u.received) },
                { header: t('supervision.workload.officials'), cell: (u) => num(u.officials) },
                { header: t('supervision.workload.perOfficialPerDay'), cell: (u) => num(u.perOfficialPerDay) },
                { header: t('supervision.workload.open'), cell: (u) => num(u.open) },
                {
                  header: t('supervision.workload.flag'),
                  cell: (u) =>
                    u.overload ? (
                      <Badge color="red" variant="light" tt="none">
                        {t(`supervision.workload.overload.${u.overload}`)}
                      </Badge>
                    ) : null,
                },
              ]}
            />
            <Paper withBorder p="md">
              <Group justify="space-between" mb="sm">
                <Title order={3} size="h5">
                  {t('supervision.workload.backlog', { change: body.backlog.change, last: body.backlog.last })}
                </Title>
                <TableDownloads
                  path="/api/supervision/workload"
                  query={{ ...filter, table: 'backlog' }}
                  table={t('supervision.workload.backlog', { change: body.backlog.change, last: body.backlog.last })}
                />
              </Group>
              <LineChart
                h={200}
                data={body.backlog.points.map((p) => ({
                  day: `${p.day.slice(8, 10)}/${p.day.slice(5, 7)}`,
                  open: p.open,
                }))}
                dataKey="day"
                series={[{ name: 'open', label: t('supervision.workload.open'), color: 'orange.8' }]}
              />
            </Paper>
            <Paper withBorder p="md">
              <Group justify="space-between" mb="sm">
                <Title order={3} size="h5">
                  {t('supervision.workload.steps')}
                </Title>
                <TableDownloads
                  path="/api/supervision/workload"
                  query={{ ...filter, table: 'steps' }}
                  table={t('supervision.workload.steps')}
                />
              </Group>
              {body.steps.length === 0 ? (
                <Text size="sm">{t('supervision.workload.none')}</Text>
              ) : (
                <List size="sm">
                  {body.steps.map((s) => (
                    <List.Item key={s.step}>
                      {t('supervision.workload.step', { ...s, hours: num(s.medianHours) })}
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
            <WorkloadApproverGaps
              gaps={body.noOnlineApprover}
              filter={filter}
              onDrill={(provinceCode) => setFilter({ ...filter, provinceCode })}
            />
            <WorkloadCertificateGaps
              gaps={body.certificateGaps}
              filter={filter}
              onDrill={(provinceCode) => setFilter({ ...filter, provinceCode })}
            />
            <Paper withBorder p="md" data-testid="workload-moves">
              <Group justify="space-between" mb="sm">
                <Title order={3} size="h5">
                  {t('supervision.workload.moves', { count: body.moves.length })}
                </Title>
                <TableDownloads
                  path="/api/supervision/workload"
                  query={{ ...filter, table: 'moves' }}
                  table={t('supervision.workload.moves', { count: body.moves.length })}
                />
              </Group>
              <List size="sm">
                {body.moves.map((m) => (
                  <List.Item key={`${m.userId}-${m.validFrom}`}>
                    {t(`supervision.workload.kind.${m.kind}`, {
                      name: m.fullName,
                      unit: m.unitCode,
                      from: m.fromUnitCode ?? '—',
                      date: formatVnDay(m.validFrom),
                    })}
                  </List.Item>
                ))}
              </List>
            </Paper>
          </>
        )}
      </Stack>
    </Container>
  );
}
