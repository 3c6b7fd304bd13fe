import { Anchor, Button, Group, Loader, Paper, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { exportUrl, type SupervisionFilter } from '../../api/supervision.js';
import { type Column, DataTable } from '../../components/DataTable.js';
import { Pager } from '../../components/Pager.js';

/** A figure of the index picked for its list: which indicator, and its numerator or denominator. */
export type IndicatorPart = { indicator: string; part: 'numerator' | 'denominator' };

type Page<T> = { items: T[]; total: number };

/**
 * A list behind a figure of the index, of dossiers or of feedback (`kind`: its title `supervision.index.<kind>` with
 * the part, the indicator and the total, its export `/service-index/<kind>`, its rows' pages
 * `/workspace/<kind>/<id>`): the Excel and PDF downloads of the whole list (same filter and pick), a close button,
 * the rows (their code linked, then `columns`) and the pager, 20 a page; `usePage` is the list's query.
 */
export function IndicatorListFrame<T extends { id: string; code: string }, P extends IndicatorPart>(p: {
  kind: 'dossiers' | 'feedback';
  filter: SupervisionFilter;
  pick: P;
  usePage: (filter: SupervisionFilter, pick: P, offset: number) => { isLoading: boolean; data: Page<T> | undefined };
  codeHeader: string;
  columns: ReadonlyArray<Column<T>>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const list = p.usePage(p.filter, p.pick, offset);
  const file = (format: 'xlsx' | 'pdf') =>
    `${exportUrl(`/service-index/${p.kind}`, p.filter, format)}&indicator=${p.pick.indicator}&part=${p.pick.part}`;
  const code: Column<T> = {
    header: p.codeHeader,
    cell: (d) => (
      <Anchor component={Link} to={`/workspace/${p.kind}/${d.id}`} ff="monospace" size="sm">
        {d.code}
      </Anchor>
    ),
  };
  return (
    <Paper withBorder p="md" data-testid={`indicator-${p.kind}`}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t(`supervision.index.${p.kind}`, {
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
          <DataTable<T> rows={list.data.items} rowKey={(d) => d.id} minWidth={800} columns={[code, ...p.columns]} />
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
