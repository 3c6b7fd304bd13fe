import { Anchor, Badge, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { DRILL_BUCKET_NAMES } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDrilldownDossiers } from '../../../api/supervision-dashboard.js';
import { DataTable } from '../../../components/DataTable.js';
import { Pager } from '../../../components/Pager.js';
import { int } from './format.js';
import { TableDownloads } from './TableDownloads.js';

const day = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—';
const PAGE = 20;
const COLOR: Record<string, string> = { overdue: 'red', finished_late: 'orange', finished_on_time: 'green' };

/** The dossiers of a department or an official in the drill-down, filtered by figure, each opening its page. */
export function DrillDossierList({
  query,
  title,
}: {
  query: { code: string; from?: string | undefined; to?: string | undefined; department?: string; official?: string };
  title: string;
}) {
  const { t } = useTranslation();
  const [bucket, setBucket] = useState<string | null>(null);
  // keyset pages: the `next` of each page seen, so Previous goes back and Next goes on (the pager moves one page)
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState(0);
  // the first page's total, sent with the later pages so the server does not count the row again
  const [known, setKnown] = useState<number | undefined>(undefined);
  const after = cursors[page];
  const list = useDrilldownDossiers({
    ...query,
    ...(bucket ? { bucket } : {}),
    ...(after ? { after, ...(known !== undefined ? { total: String(known) } : {}) } : {}),
  });
  return (
    <Card withBorder data-testid="drill-dossiers">
      <Stack gap="xs">
        <Group justify="space-between" align="end">
          <Title order={2} size="h4">
            {title} — {t('dashboard.drill.dossiers')} ({int(list.data?.total ?? 0)})
          </Title>
          <Select
            label={t('dashboard.drill.figure')}
            w={280}
            value={bucket ?? ''}
            onChange={(v) => {
              setCursors([undefined]);
              setKnown(undefined);
              setPage(0);
              setBucket(v || null);
            }}
            data={[
              { value: '', label: t('dashboard.drill.allBuckets') },
              ...DRILL_BUCKET_NAMES.map((b) => ({ value: b, label: t(`dashboard.drill.bucket.${b}`) })),
            ]}
            allowDeselect={false}
          />
        </Group>
        <TableDownloads
          path="/api/supervision/drilldown/dossiers"
          query={{ ...query, bucket }}
          table={`${title} — ${t('dashboard.drill.dossiers')}`}
        />
        {list.error && (
          <Text c="red.9" role="alert">
            {list.error.message}
          </Text>
        )}
        <DataTable
          rows={list.data?.items ?? []}
          rowKey={(d) => d.id}
          minWidth={860}
          columns={[
            {
              header: t('dossiers.columns.code'),
              cell: (d) => (
                <Anchor component={Link} to={`/workspace/dossiers/${d.id}`}>
                  {d.code ?? d.id.slice(0, 8)}
                </Anchor>
              ),
            },
            { header: t('dossiers.columns.procedure'), cell: (d) => d.procedureName ?? d.procedureCode },
            { header: t('dossiers.columns.status'), cell: (d) => t(`dossiers.status.${d.status}`) },
            {
              header: t('dashboard.drill.figure'),
              cell: (d) => (
                <Badge
                  color={COLOR[d.bucket] ?? 'gray'}
                  variant="light"
                  tt="none"
                  h="auto"
                  py={2}
                  // read in full, never cut to "Đang giải …"
                  style={{ minWidth: 'max-content' }}
                  styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}
                >
                  {t(`dashboard.drill.bucket.${d.bucket}`)}
                </Badge>
              ),
            },
            { header: t('dashboard.drill.receivedAt'), cell: (d) => day(d.receivedAt) },
            { header: t('dashboard.drill.dueAt'), cell: (d) => day(d.dueAt) },
            { header: t('dashboard.drill.holder'), cell: (d) => d.holderName ?? '—' },
          ]}
        />
        <Pager
          offset={page * PAGE}
          limit={PAGE}
          total={list.data?.total}
          onOffset={(offset) => {
            const to = Math.floor(offset / PAGE);
            if (to > page) {
              const next = list.data?.next;
              if (!next) return;
              if (page === 0) setKnown(list.data?.total);
              setCursors((c) => [...c.slice(0, to), next]);
            }
            setPage(to);
          }}
          previous={t('dashboard.drill.previous')}
          next={t('dashboard.drill.next')}
          pageLabel={(page, pages) => t('dashboard.drill.page', { page, pages })}
        />
      </Stack>
    </Card>
  );
}
