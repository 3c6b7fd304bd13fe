import { Anchor, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisionFilter } from '../../api/supervision.js';
import { type Column, DataTable } from '../../components/DataTable.js';
import { TableDownloads } from './dashboard/TableDownloads.js';

/**
 * The frame of a workload readiness gap: its title with the table's downloads, then either the nation's rows per
 * province (a click drills into one) or, inside a province, what `children` lists.
 */
export function WorkloadGapsFrame<P extends { provinceCode: string; name: string }>({
  title,
  table,
  testId,
  filter,
  byProvince,
  provinceColumns,
  onDrill,
  children,
}: {
  title: string;
  /** The export's table name (`?table=`). */
  table: string;
  testId: string;
  filter: SupervisionFilter;
  byProvince: P[];
  /** The columns after the province's name. */
  provinceColumns: Column<P>[];
  onDrill: (provinceCode: string) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        <TableDownloads path="/api/supervision/workload" query={{ ...filter, table }} table={title} />
      </Group>
      {byProvince.length > 0 ? (
        <DataTable
          rows={byProvince}
          rowKey={(p) => p.provinceCode}
          data-testid={`${testId}-provinces`}
          columns={[
            {
              header: t('supervision.workload.province'),
              cell: (p) => (
                <Anchor
                  component="button"
                  type="button"
                  title={t('supervision.workload.drill', { name: p.name })}
                  onClick={() => onDrill(p.provinceCode)}
                >
                  {`${p.name} (${p.provinceCode})`}
                </Anchor>
              ),
            },
            ...provinceColumns,
          ]}
        />
      ) : (
        children
      )}
    </Paper>
  );
}
