import { Alert, Anchor, Container, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { vnToday } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNoApprover, useProvinces } from '../../api/admin-units.js';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../api/session.js';
import { DataTable } from '../../components/DataTable.js';
import { Pager } from '../../components/Pager.js';
import { VnDateInput } from '../../components/VnDateInput.js';

const PAGE = 50;

/** Report: communes where no official can approve online (no leader with an account and a valid certificate). */
export function ReadinessReportPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [onDate, setOnDate] = useState(vnToday());
  const [provinceCode, setProvinceCode] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const provinces = useProvinces(onDate);
  const report = useNoApprover({ onDate, provinceCode, offset, limit: PAGE });
  const provinceName = new Map((provinces.data?.items ?? []).map((p) => [p.code, p.fullName]));
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Text p="lg">{t('adminUnits.admin.signIn')}</Text>;
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('adminUnits.readiness.title')}</Title>
        <Text c="dimmed">{t('adminUnits.readiness.intro')}</Text>
        <Group align="end">
          <VnDateInput
            label={t('adminUnits.onDate')}
            value={onDate}
            onChange={(iso) => {
              if (!iso) return;
              setOnDate(iso);
              setOffset(0);
            }}
            w={180}
          />
          <Select
            label={t('adminUnits.province')}
            placeholder={t('adminUnits.readiness.allProvinces')}
            data={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.fullName }))}
            value={provinceCode}
            onChange={(v) => {
              setProvinceCode(v);
              setOffset(0);
            }}
            clearable
            searchable
            w={300}
          />
        </Group>
        {report.isError && (
          <Alert color="red">
            {report.error instanceof ApiError ? report.error.problem.detail : t('common.error')}
          </Alert>
        )}
        {report.isLoading && <Loader aria-label={t('common.loading')} />}
        {report.data && (
          <>
            <Text fw={500} data-testid="readiness-summary">
              {t('adminUnits.readiness.summary', {
                total: report.data.total.toLocaleString('vi-VN'),
                communes: report.data.communes.toLocaleString('vi-VN'),
              })}
            </Text>
            <DataTable
              columns={[
                { header: t('adminUnits.code'), cell: (c) => c.code },
                { header: t('adminUnits.name'), cell: (c) => c.fullName },
                { header: t('adminUnits.province'), cell: (c) => provinceName.get(c.provinceCode) ?? c.provinceCode },
                {
                  header: null,
                  cell: (c) => (
                    <Anchor component={Link} to={`/admin/units/${c.code}/organisation`} size="sm">
                      {t('adminUnits.readiness.open')}
                    </Anchor>
                  ),
                },
              ]}
              rows={report.data.items}
              rowKey={(c) => c.code}
            />
            <Pager
              offset={offset}
              limit={PAGE}
              total={report.data.total}
              onOffset={setOffset}
              previous={t('adminUnits.readiness.previous')}
              next={t('adminUnits.readiness.next')}
              pageLabel={(page, pages) => t('adminUnits.readiness.page', { page, pages })}
            />
          </>
        )}
      </Stack>
    </Container>
  );
}
