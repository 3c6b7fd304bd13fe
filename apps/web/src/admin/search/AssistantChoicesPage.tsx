import { Alert, Anchor, Badge, Container, Group, Loader, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { AssistantChoiceSummary, AssistantChoicesSort } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { vnDateTime } from '../../api/dossiers.js';
import { procedurePath, useAssistantChoices } from '../../api/search.js';
import { useSession } from '../../api/session.js';
import { DataTable } from '../../components/DataTable.js';
import { Pager } from '../../components/Pager.js';

type Item = AssistantChoiceSummary['items'][number];
const PAGE = 50;

/**
 * The curators' view of the assistant's choices ("Có phải bạn muốn…"): per anonymised question, how often it was
 * asked, which procedures people picked (each linked to its public page) and how often none fitted. Sorted by the
 * server, so every page follows the chosen order.
 */
export function AssistantChoicesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [sort, setSort] = useState<AssistantChoicesSort>('times');
  const [offset, setOffset] = useState(0);
  const list = useAssistantChoices(sort, offset, PAGE);
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  const sortable = (key: AssistantChoicesSort) => {
    const label = t(`searchCuration.${key}`);
    const active = sort === key;
    return (
      <UnstyledButton
        fw={700}
        fz="sm"
        data-testid={`sort-${key}`}
        aria-pressed={active}
        aria-label={t('searchCuration.sortBy', { column: label })}
        onClick={() => {
          setSort(key);
          setOffset(0);
        }}
      >
        {label} {active ? '▼' : '↕'}
      </UnstyledButton>
    );
  };
  const failure = list.error;
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('searchCuration.title')}</Title>
        <Text c="dimmed">{t('searchCuration.intro')}</Text>
        {failure && (
          <Alert color="red">{failure instanceof ApiError ? failure.problem.detail : t('common.error')}</Alert>
        )}
        {list.isLoading && <Loader aria-label={t('common.loading')} />}
        {list.data && list.data.items.length === 0 && <Text>{t('searchCuration.empty')}</Text>}
        {list.data && list.data.items.length > 0 && (
          <>
            <Text size="sm">{t('searchCuration.total', { count: list.data.total })}</Text>
            <DataTable<Item>
              minWidth={900}
              data-testid="assistant-choices"
              columns={[
                { header: t('searchCuration.question'), cell: (r) => <Text size="sm">{r.question}</Text> },
                { header: sortable('times'), cell: (r) => r.times },
                { header: t('searchCuration.picked'), cell: (r) => <Picks item={r} /> },
                {
                  header: sortable('noneOfThese'),
                  cell: (r) => (
                    <Badge color={r.noneOfThese > 0 ? 'orange' : 'gray'} variant="light">
                      {r.noneOfThese}
                    </Badge>
                  ),
                },
                { header: sortable('lastAt'), cell: (r) => vnDateTime(r.lastAt) },
              ]}
              rows={list.data.items}
              rowKey={(r) => r.question}
            />
            <Pager
              offset={offset}
              limit={PAGE}
              total={list.data.total}
              onOffset={setOffset}
              previous={t('searchCuration.previous')}
              next={t('searchCuration.next')}
              pageLabel={(page, pages) => t('searchCuration.page', { page, pages })}
            />
          </>
        )}
      </Stack>
    </Container>
  );
}

/** The procedures picked for one question, most picked first, each linked to its public page. */
function Picks({ item }: { item: Item }) {
  const { t } = useTranslation();
  if (item.picked.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('searchCuration.noPick')}
      </Text>
    );
  return (
    <Stack gap={4}>
      {item.picked.map((p) => (
        <Group key={p.code} gap="xs" wrap="nowrap" align="flex-start">
          <Badge variant="light" tt="none">
            {t('searchCuration.pickTimes', { count: p.times })}
          </Badge>
          <Anchor component={Link} to={procedurePath(p.code)} size="sm" lineClamp={2} maw={420}>
            {p.code} · {p.name ?? t('searchCuration.unknownProcedure')}
          </Anchor>
        </Group>
      ))}
    </Stack>
  );
}
