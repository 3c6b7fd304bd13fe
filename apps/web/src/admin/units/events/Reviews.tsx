import { Button, Card, Group, Loader, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ReviewList } from '@mot-cua/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, useResolveReview, useReviews, useUnitNames } from '../../../api/admin-units.js';
import { Pager } from '../../../components/Pager.js';

import { errorText } from '../form-helpers.js';

function ReviewRow({ r }: { r: ReviewList['items'][number] }) {
  const { t } = useTranslation();
  const [pick, setPick] = useState<string | null>(r.candidateCodes[0] ?? null);
  const resolve = useResolveReview();
  const nameOf = useUnitNames([r.fromCode, r.resolvedCode, ...r.candidateCodes]);
  const named = (code: string | null) => (code ? `${nameOf(code)} (${code})` : '');
  return (
    <Table.Tr>
      <Table.Td>{t(`adminUnits.admin.tables.${r.tableName}`, { defaultValue: r.tableName })}</Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace">
          {r.rowKey}
        </Text>
      </Table.Td>
      <Table.Td>{named(r.fromCode)}</Table.Td>
      <Table.Td>{formatDate(r.effectiveDate)}</Table.Td>
      <Table.Td>
        {r.status === 'resolved' ? (
          t('adminUnits.admin.resolvedTo', { code: named(r.resolvedCode) })
        ) : (
          <Group gap="xs" wrap="nowrap">
            <Select
              size="xs"
              w={260}
              data={r.candidateCodes.map((c) => ({ value: c, label: named(c) }))}
              value={pick}
              onChange={setPick}
              aria-label={t('adminUnits.admin.chooseUnit')}
            />
            <Button
              size="xs"
              disabled={!pick}
              loading={resolve.isPending}
              onClick={() => pick && resolve.mutate({ id: r.id, unitCode: pick })}
            >
              {t('adminUnits.admin.resolve')}
            </Button>
          </Group>
        )}
        {resolve.isError && (
          <Text c="red" size="xs">
            {errorText(resolve.error, t('common.error'))}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

const REVIEW_PAGE = 50;

export function Reviews() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [offset, setOffset] = useState(0);
  const reviews = useReviews(status, offset, REVIEW_PAGE);
  const total = reviews.data?.total ?? 0;
  const _pages = Math.max(1, Math.ceil(total / REVIEW_PAGE));
  const _page = Math.floor(offset / REVIEW_PAGE) + 1;
  // Resolving the last items of the last page leaves it empty: step back to the page that now is the last.
  useEffect(() => {
    if (reviews.data && offset > 0 && offset >= reviews.data.total) {
      setOffset(Math.max(0, (Math.ceil(reviews.data.total / REVIEW_PAGE) - 1) * REVIEW_PAGE));
    }
  }, [reviews.data, offset]);
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={3}>{t('adminUnits.admin.reviewList')}</Title>
            {reviews.data && (
              <Text size="sm" c="dimmed" data-testid="review-total">
                {t('adminUnits.admin.reviewTotal', { count: total })}
              </Text>
            )}
          </Group>
          <SegmentedControl
            value={status}
            onChange={(v) => {
              setStatus(v as 'open' | 'resolved');
              setOffset(0);
            }}
            data={[
              { value: 'open', label: t('adminUnits.admin.reviewOpen') },
              { value: 'resolved', label: t('adminUnits.admin.reviewResolved') },
            ]}
          />
        </Group>
        {reviews.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
        {reviews.data?.items.length === 0 && <Text c="dimmed">{t('adminUnits.admin.reviewEmpty')}</Text>}
        {Boolean(reviews.data?.items.length) && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('adminUnits.admin.table')}</Table.Th>
                  <Table.Th>{t('adminUnits.admin.record')}</Table.Th>
                  <Table.Th>{t('adminUnits.admin.fromUnit')}</Table.Th>
                  <Table.Th>{t('adminUnits.admin.effectiveDate')}</Table.Th>
                  <Table.Th>{t('adminUnits.admin.chooseUnit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reviews.data?.items.map((r) => (
                  <ReviewRow key={r.id} r={r} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {total > REVIEW_PAGE && (
          <Pager
            testId="review-pager"
            offset={offset}
            limit={REVIEW_PAGE}
            total={total}
            onOffset={setOffset}
            previous={t('adminUnits.admin.reviewPrevious')}
            next={t('adminUnits.admin.reviewNext')}
            pageLabel={(page, pages) => t('adminUnits.admin.reviewPage', { page, pages })}
          />
        )}
      </Stack>
    </Card>
  );
}
