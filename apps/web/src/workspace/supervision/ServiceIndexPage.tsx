import { Anchor, Badge, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import {
  DOSSIER_INDICATORS,
  type DossierIndicatorId,
  FEEDBACK_INDICATORS,
  formatVnDay,
  type ServiceIndicator,
} from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { exportUrl, type SupervisionFilter, useServiceIndex } from '../../api/supervision.js';
import { DataTable } from '../../components/DataTable.js';
import { IndicatorDossierList, type IndicatorPick } from './IndicatorDossierList.js';
import { type FeedbackPick, IndicatorFeedbackList } from './IndicatorFeedbackList.js';
import { ServiceIndexTrendChart } from './ServiceIndexTrendChart.js';
import { SupervisionFilterForm } from './SupervisionFilterForm.js';

const percent = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toLocaleString('vi-VN')} %`);
const listable = (id: string): id is DossierIndicatorId => (DOSSIER_INDICATORS as readonly string[]).includes(id);
const feedbackListable = (id: string): id is FeedbackPick['indicator'] =>
  (FEEDBACK_INDICATORS as readonly string[]).includes(id);

/** The dashboard of the index's scope and period (its table of processing time per procedure). */
const dashboardOf = (b: { scope: { code: string; level: string }; from: string; to: string }) => {
  const level = b.scope.level === 'unit' ? 'commune' : b.scope.level;
  const code = b.scope.level === 'nation' ? '' : `&code=${b.scope.code}`;
  return `/workspace/supervision/dashboard?level=${level}${code}&from=${b.from}&to=${b.to}`;
};

/** /workspace/supervision/index: the Decision 766 index of an area and period, its dossiers and its trend. */
export function ServiceIndexPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<SupervisionFilter>({});
  const [pick, setPick] = useState<IndicatorPick | null>(null);
  const [feedbackPick, setFeedbackPick] = useState<FeedbackPick | null>(null);
  const index = useServiceIndex(filter);
  const body = index.data;

  const figure = (i: ServiceIndicator, part: 'numerator' | 'denominator') => {
    const n = i[part];
    if (n === null) return '—';
    if (!i.listable || !(listable(i.id) || feedbackListable(i.id))) return n.toLocaleString('vi-VN');
    const id = i.id;
    const open = () => {
      if (feedbackListable(id)) {
        setPick(null);
        setFeedbackPick({ indicator: id, part });
      } else if (listable(id)) {
        setFeedbackPick(null);
        setPick({ indicator: id, part });
      }
    };
    return (
      <Anchor
        component="button"
        type="button"
        size="sm"
        aria-label={t('supervision.index.showDossiers', { what: t(`supervision.index.part.${part}`), id })}
        onClick={open}
      >
        {n.toLocaleString('vi-VN')}
      </Anchor>
    );
  };

  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('supervision.index.title')}</Title>
        <Text size="sm">{t('supervision.index.intro')}</Text>
        <SupervisionFilterForm
          scope={body?.scope}
          period={body}
          onApply={(f) => {
            setPick(null);
            setFeedbackPick(null);
            setFilter(f);
          }}
        />
        {index.isLoading && <Loader aria-label={t('common.loading')} />}
        {index.error && (
          <Text c="red.9" role="alert">
            {index.error.message}
          </Text>
        )}
        {body && (
          <>
            <Group justify="space-between">
              <Stack gap={2}>
                <Text fw={600} data-testid="service-index-scope">
                  {t('supervision.index.scope', {
                    ...body.scope,
                    from: formatVnDay(body.from),
                    to: formatVnDay(body.to),
                  })}
                </Text>
                <Text data-testid="service-index-total">{t('supervision.index.total', body.total)}</Text>
              </Stack>
              <Group>
                <Anchor href={exportUrl('/service-index', filter, 'xlsx')} download>
                  {t('supervision.index.xlsx')}
                </Anchor>
                <Anchor href={exportUrl('/service-index', filter, 'pdf')} download>
                  {t('supervision.index.pdf')}
                </Anchor>
                <Anchor component={Link} to="/workspace/supervision/reports">
                  {t('supervision.reports.link')}
                </Anchor>
              </Group>
            </Group>
            <DataTable<ServiceIndicator>
              rows={body.indicators}
              rowKey={(i) => i.id}
              minWidth={1000}
              data-testid="service-index-table"
              columns={[
                { header: t('supervision.index.columns.id'), cell: (i) => i.id },
                { header: t('supervision.index.columns.name'), cell: (i) => t(`supervision.index.names.${i.id}`) },
                { header: t('supervision.index.columns.numerator'), cell: (i) => figure(i, 'numerator') },
                { header: t('supervision.index.columns.denominator'), cell: (i) => figure(i, 'denominator') },
                { header: t('supervision.index.columns.rate'), cell: (i) => percent(i.rate) },
                {
                  header: t('supervision.index.columns.threshold'),
                  cell: (i) => (i.computable ? percent(i.threshold) : '—'),
                },
                {
                  header: t('supervision.index.columns.points'),
                  cell: (i) =>
                    i.points !== null ? (
                      `${i.points.toLocaleString('vi-VN')} / ${i.max}`
                    ) : (
                      <Badge
                        color={i.computable ? 'gray' : 'orange'}
                        variant="light"
                        tt="none"
                        h="auto"
                        py={2}
                        // the label wraps in a narrow column instead of being cut to "Không t…"
                        style={{ minWidth: 'max-content' }}
                        styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } }}
                        data-testid={`service-index-badge-${i.id}`}
                      >
                        {i.computable ? t('supervision.index.noPoints') : t('supervision.index.notComputable')}
                      </Badge>
                    ),
                },
                {
                  header: t('supervision.index.columns.note'),
                  cell: (i) => (
                    <Text size="xs">
                      {i.reason ?? ''}
                      {i.id === '2.2' && (
                        <>
                          {' '}
                          <Anchor component={Link} to={dashboardOf(body)} size="xs">
                            {t('supervision.index.procedureTable')}
                          </Anchor>
                        </>
                      )}
                    </Text>
                  ),
                },
              ]}
            />
            {pick && <IndicatorDossierList filter={filter} pick={pick} onClose={() => setPick(null)} />}
            {feedbackPick && (
              <IndicatorFeedbackList filter={filter} pick={feedbackPick} onClose={() => setFeedbackPick(null)} />
            )}
            <ServiceIndexTrendChart {...(body.scope.level === 'province' ? { provinceCode: body.scope.code } : {})} />
          </>
        )}
      </Stack>
    </Container>
  );
}
