import { Anchor, Badge, Button, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { MonthlyReportList } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { mayDo, useSession } from '../../api/session.js';
import { monthlyReportUrl, useGenerateMonthlyReport, useMonthlyReports } from '../../api/supervision.js';
import { DataTable } from '../../components/DataTable.js';

type Report = MonthlyReportList['items'][number];

/** "2026-10" → "10/2026". */
const monthVi = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
const STATUS_COLOR = { running: 'blue', done: 'green', failed: 'red' } as const;

/**
 * /workspace/supervision/reports: the monthly reports of the provinces the caller may read, with their state
 * (generating, generated, failed) and their files once generated; administrators may generate a month.
 */
export function MonthlyReportsPage() {
  const { t } = useTranslation();
  const reports = useMonthlyReports();
  const session = useSession();
  const generate = useGenerateMonthlyReport();
  // The API decides (supervision.manage); the button shows for those who may generate.
  const mayGenerate = mayDo(session.data, 'supervision.manage');
  const state = (r: Report) => (
    <Group gap="xs">
      {r.file ? (
        <Badge color={STATUS_COLOR[r.file.status]} variant="light" tt="none" title={r.file.error ?? undefined}>
          {t(`supervision.reports.status.${r.file.status}`)}
        </Badge>
      ) : (
        <Text size="sm" c="dimmed">
          {t('supervision.reports.notStarted')}
        </Text>
      )}
      {mayGenerate && r.file?.status !== 'done' && r.file?.status !== 'running' && (
        <Button
          size="compact-xs"
          variant="light"
          loading={generate.isPending && generate.variables?.provinceCode === r.provinceCode}
          onClick={() => generate.mutate({ provinceCode: r.provinceCode, month: r.month })}
        >
          {t('supervision.reports.generate')}
        </Button>
      )}
    </Group>
  );
  const file = (r: Report, format: 'xlsx' | 'pdf') => (
    <Anchor
      href={monthlyReportUrl(r.provinceCode, r.month, format)}
      download
      aria-label={t('supervision.reports.fileLabel', {
        month: monthVi(r.month),
        name: r.name,
        format: t(`supervision.reports.${format}`),
      })}
    >
      {t(`supervision.reports.${format}`)}
    </Anchor>
  );
  return (
    <Container size="lg" py="lg">
      <Stack>
        <Title order={2}>{t('supervision.reports.title')}</Title>
        <Text size="sm">{t('supervision.reports.intro')}</Text>
        {reports.isLoading && <Loader aria-label={t('common.loading')} />}
        {reports.error && (
          <Text c="red.9" role="alert">
            {reports.error.message}
          </Text>
        )}
        {generate.error && (
          <Text c="red.9" role="alert">
            {generate.error.message}
          </Text>
        )}
        {reports.data && reports.data.items.length === 0 && <Text c="dimmed">{t('supervision.reports.none')}</Text>}
        {reports.data && reports.data.items.length > 0 && (
          <DataTable<Report>
            rows={reports.data.items}
            rowKey={(r) => `${r.provinceCode}-${r.month}`}
            minWidth={640}
            data-testid="monthly-reports"
            columns={[
              { header: t('supervision.reports.province'), cell: (r) => `${r.name} (${r.provinceCode})` },
              { header: t('supervision.reports.month'), cell: (r) => monthVi(r.month) },
              {
                header: t('supervision.reports.points'),
                cell: (r) =>
                  r.points === null || r.maxPoints === null
                    ? '—'
                    : `${r.points.toLocaleString('vi-VN')} / ${r.maxPoints.toLocaleString('vi-VN')}`,
              },
              {
                header: t('supervision.reports.computedAt'),
                cell: (r) =>
                  r.computedAt
                    ? new Date(r.computedAt).toLocaleString('vi-VN', {
                        timeZone: 'Asia/Ho_Chi_Minh',
                        dateStyle: 'short',
                        timeStyle: 'short',
                      })
                    : '—',
              },
              { header: t('supervision.reports.state'), cell: state },
              {
                header: t('supervision.reports.files'),
                cell: (r) =>
                  r.file?.status === 'done' ? (
                    <Group gap="sm">
                      {file(r, 'xlsx')}
                      {file(r, 'pdf')}
                    </Group>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </Stack>
    </Container>
  );
}
