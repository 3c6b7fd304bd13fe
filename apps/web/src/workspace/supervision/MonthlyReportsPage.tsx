import { Anchor, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { MonthlyReportList } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { monthlyReportUrl, useMonthlyReports } from '../../api/supervision.js';
import { DataTable } from '../../components/DataTable.js';

type Report = MonthlyReportList['items'][number];

/** "2026-10" → "10/2026". */
const monthVi = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

/** /workspace/supervision/reports: the recorded monthly reports of the provinces the caller may read, as files. */
export function MonthlyReportsPage() {
  const { t } = useTranslation();
  const reports = useMonthlyReports();
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
                cell: (r) => `${r.points.toLocaleString('vi-VN')} / ${r.maxPoints.toLocaleString('vi-VN')}`,
              },
              {
                header: t('supervision.reports.computedAt'),
                cell: (r) =>
                  new Date(r.computedAt).toLocaleString('vi-VN', {
                    timeZone: 'Asia/Ho_Chi_Minh',
                    dateStyle: 'short',
                    timeStyle: 'short',
                  }),
              },
              {
                header: t('supervision.reports.files'),
                cell: (r) => (
                  <Group gap="sm">
                    {file(r, 'xlsx')}
                    {file(r, 'pdf')}
                  </Group>
                ),
              },
            ]}
          />
        )}
      </Stack>
    </Container>
  );
}
