import { Anchor, Badge, Button, Group, Loader, Paper, Title } from '@mantine/core';
import type { DossierIndicatorId, ServiceIndexDossier } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { statusColor, vnDateTime } from '../../api/dossiers.js';
import { exportUrl, type SupervisionFilter, useServiceIndexDossiers } from '../../api/supervision.js';
import { DataTable } from '../../components/DataTable.js';
import { Pager } from '../../components/Pager.js';

export type IndicatorPick = { indicator: DossierIndicatorId; part: 'numerator' | 'denominator' };

/** The dossiers behind a figure of the index: the same scope, period and condition, so as many as the figure. */
export function IndicatorDossierList(p: { filter: SupervisionFilter; pick: IndicatorPick; onClose: () => void }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const list = useServiceIndexDossiers(p.filter, p.pick, offset);
  const file = (format: 'xlsx' | 'pdf') =>
    `${exportUrl('/service-index/dossiers', p.filter, format)}&indicator=${p.pick.indicator}&part=${p.pick.part}`;
  return (
    <Paper withBorder p="md" data-testid="indicator-dossiers">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t('supervision.index.dossiers', {
            part: t(`supervision.index.part.${p.pick.part}`),
            id: p.pick.indicator,
            total: list.data?.total ?? 0,
          })}
        </Title>
        <Group gap="sm">
          <Anchor href={file('xlsx')} download size="sm">
            {t('supervision.index.xlsx')}
          </Anchor>
          <Anchor href={file('pdf')} download size="sm">
            {t('supervision.index.pdf')}
          </Anchor>
          <Button variant="subtle" size="xs" onClick={p.onClose}>
            {t('supervision.index.close')}
          </Button>
        </Group>
      </Group>
      {list.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {list.data && (
        <>
          <DataTable<ServiceIndexDossier>
            rows={list.data.items}
            rowKey={(d) => d.id}
            minWidth={800}
            columns={[
              {
                header: t('supervision.index.dossierColumns.code'),
                cell: (d) => (
                  <Anchor component={Link} to={`/workspace/dossiers/${d.id}`} ff="monospace" size="sm">
                    {d.code}
                  </Anchor>
                ),
              },
              { header: t('supervision.index.dossierColumns.procedure'), cell: (d) => d.procedureName },
              { header: t('supervision.index.dossierColumns.unit'), cell: (d) => d.receivingUnitCode },
              {
                header: t('supervision.index.dossierColumns.channel'),
                cell: (d) => t(`dossiers.channel.${d.channel}`),
              },
              {
                header: t('supervision.index.dossierColumns.status'),
                cell: (d) => <Badge color={statusColor[d.status] ?? 'gray'}>{t(`dossiers.status.${d.status}`)}</Badge>,
              },
              { header: t('supervision.index.dossierColumns.entered'), cell: (d) => vnDateTime(d.enteredAt) },
            ]}
          />
          <Pager
            total={list.data.total}
            offset={offset}
            limit={20}
            onOffset={setOffset}
            previous={t('supervision.index.previous')}
            next={t('supervision.index.next')}
          />
        </>
      )}
    </Paper>
  );
}
