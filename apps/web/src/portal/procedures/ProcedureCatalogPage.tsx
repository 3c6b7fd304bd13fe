import { Anchor, Badge, Container, Group, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDuration, useProcedureFacets, useProcedureList } from '../../api/procedures.js';
import { Pager } from '../../components/Pager.js';

const PAGE = 30;

/** Public browse page of the catalog: filter by text (code or name), level, field and ministry. */
export function ProcedureCatalogPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 250);
  const [level, setLevel] = useState<string | null>('commune');
  const [field, setField] = useState<string | null>(null);
  const [agency, setAgency] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const facets = useProcedureFacets();
  const list = useProcedureList({
    q,
    level: level ?? undefined,
    field: field ?? undefined,
    agency: agency ?? undefined,
    limit: PAGE,
    offset,
  });
  const reset = () => setOffset(0);
  return (
    <Container size="lg" py="lg">
      <Stack>
        <Title order={2}>{t('procedures.catalogTitle')}</Title>
        <Text c="dimmed">{t('procedures.catalogIntro')}</Text>
        <Group align="end" wrap="wrap">
          <TextInput
            label={t('procedures.filterText')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              reset();
            }}
            w={280}
          />
          <Select
            label={t('procedures.filterLevel')}
            placeholder={t('procedures.all')}
            clearable
            value={level}
            onChange={(v) => {
              setLevel(v);
              reset();
            }}
            data={(['commune', 'province', 'ministry', 'other'] as const).map((l) => ({
              value: l,
              label: t(`procedures.levels.${l}`),
            }))}
          />
          <Select
            label={t('procedures.filterField')}
            placeholder={t('procedures.all')}
            clearable
            searchable
            value={field}
            onChange={(v) => {
              setField(v);
              reset();
            }}
            data={(facets.data?.fields ?? []).map((f) => ({ value: f.field, label: `${f.field} (${f.count})` }))}
            w={320}
          />
          <Select
            label={t('procedures.filterAgency')}
            placeholder={t('procedures.all')}
            clearable
            value={agency}
            onChange={(v) => {
              setAgency(v);
              reset();
            }}
            data={(facets.data?.agencies ?? []).map((a) => ({
              value: a.agency,
              label: `${a.agencyName} (${a.count})`,
            }))}
          />
        </Group>
        {list.isLoading ? (
          <Loader aria-label={t('common.loading')} />
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {list.data?.total ? t('procedures.found', { count: list.data.total }) : t('procedures.none')}
            </Text>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {list.data?.items.map((p) => (
                <Paper key={p.code} withBorder p="sm" radius="md" component="li">
                  <Group justify="space-between" wrap="nowrap" align="start">
                    <Stack gap={2}>
                      <Anchor component={Link} to={`/procedures/${p.code}`} fw={600}>
                        {p.name}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {p.code} · {p.field} · {p.agencyName}
                      </Text>
                    </Stack>
                    <Stack gap={4} align="end">
                      <Badge variant="light">{formatDuration(t, p.timeLimit)}</Badge>
                      {p.onlineServiceLevel === 'full_process' && (
                        <Badge color="green" variant="light">
                          {t('procedures.online.full_process')}
                        </Badge>
                      )}
                    </Stack>
                  </Group>
                </Paper>
              ))}
            </Stack>
            <Pager
              offset={offset}
              limit={PAGE}
              total={list.data?.total}
              onOffset={setOffset}
              previous={t('procedures.prev')}
              next={t('procedures.next')}
            />
          </>
        )}
      </Stack>
    </Container>
  );
}
