import {
  Alert,
  Anchor,
  Badge,
  Box,
  Card,
  Container,
  Grid,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { AdminUnit, Lineage } from '@mot-cua/contracts';
import { vnToday } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDate, useChildren, useLineage, useProvinces, useUnit, useUnitSearch } from '../../api/admin-units.js';
import { useSession } from '../../api/session.js';
import { ProvinceMap } from '../../components/ProvinceMap.js';

type Select = (code: string) => void;

/** One unit in the tree: a button that selects it, and (except communes) a toggle that loads its children. */
function TreeNode({
  unit,
  onDate,
  selected,
  onSelect,
}: {
  unit: AdminUnit;
  onDate: string;
  selected: string | undefined;
  onSelect: Select;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const leaf = unit.level === 'commune';
  const children = useChildren(unit.code, onDate, open && !leaf);
  const isSelected = selected === unit.code;
  return (
    <Box component="li" style={{ listStyle: 'none' }}>
      <Group gap={4} wrap="nowrap">
        {leaf ? (
          <Box w={22} />
        ) : (
          <UnstyledButton
            w={22}
            aria-expanded={open}
            aria-label={t(open ? 'adminUnits.browse.collapse' : 'adminUnits.browse.expand', { name: unit.fullName })}
            onClick={() => setOpen((o) => !o)}
            style={{ textAlign: 'center', fontFamily: 'monospace' }}
          >
            {open ? '▾' : '▸'}
          </UnstyledButton>
        )}
        <UnstyledButton
          onClick={() => onSelect(unit.code)}
          aria-current={isSelected ? 'true' : undefined}
          data-unit={unit.code}
          px={6}
          py={2}
          style={{
            borderRadius: 4,
            background: isSelected ? 'var(--mantine-color-blue-light)' : undefined,
            fontWeight: isSelected ? 600 : undefined,
          }}
        >
          <Text span size="sm">
            {unit.fullName}
          </Text>{' '}
          <Text span size="xs" c="dimmed">
            {unit.code}
          </Text>
        </UnstyledButton>
      </Group>
      {open && !leaf && (
        <Box component="ul" pl={18} m={0}>
          {children.isLoading && <Loader size="xs" aria-label={t('common.loading')} />}
          {children.data?.items.map((c) => (
            <TreeNode key={c.code} unit={c} onDate={onDate} selected={selected} onSelect={onSelect} />
          ))}
        </Box>
      )}
    </Box>
  );
}

function LineageTable({ steps, direction }: { steps: Lineage['predecessors']; direction: 'back' | 'forward' }) {
  const { t } = useTranslation();
  if (steps.length === 0) return <Text c="dimmed">{t('adminUnits.browse.none')}</Text>;
  const sorted = [...steps].sort((a, b) => a.depth - b.depth || a.fromCode.localeCompare(b.fromCode));
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('adminUnits.validFrom')}</Table.Th>
            <Table.Th>{t('adminUnits.browse.event')}</Table.Th>
            <Table.Th>{t('adminUnits.browse.from')}</Table.Th>
            <Table.Th>{t('adminUnits.browse.to')}</Table.Th>
            <Table.Th>{t('adminUnits.convert.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((s) => (
            <Table.Tr key={`${s.eventKey}:${s.fromCode}:${s.toCode}`} data-direction={direction}>
              <Table.Td>{formatDate(s.effectiveDate)}</Table.Td>
              <Table.Td title={s.legalBasis ?? undefined}>{t(`adminUnits.kind.${s.kind}`)}</Table.Td>
              <Table.Td>
                {s.fromName}{' '}
                <Text span size="xs" c="dimmed">
                  {s.fromCode}
                </Text>
              </Table.Td>
              <Table.Td>
                {s.toName}{' '}
                <Text span size="xs" c="dimmed">
                  {s.toCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={s.share === 'partial' ? 'orange' : 'gray'}>
                  {t(`adminUnits.share.${s.share}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UnitDetail({ code, onDate }: { code: string; onDate: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const unit = useUnit(code, onDate);
  const lineage = useLineage(code, onDate);
  if (unit.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (unit.isError || !unit.data) return <Alert color="red">{unit.error?.message ?? t('adminUnits.loadError')}</Alert>;
  const u = unit.data;
  return (
    <Stack>
      <Card withBorder>
        <Stack gap={6}>
          <Title order={3}>{u.fullName}</Title>
          <Group gap="xs">
            <Badge>{t(`adminUnits.type.${u.type}`)}</Badge>
            <Badge variant="outline">{t(`adminUnits.level.${u.level}`)}</Badge>
          </Group>
          <Table variant="vertical" withTableBorder={false} fz="sm">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={160}>{t('adminUnits.code')}</Table.Th>
                <Table.Td>{u.code}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('adminUnits.name')}</Table.Th>
                <Table.Td>{u.name}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('adminUnits.validFrom')}</Table.Th>
                <Table.Td>{u.validFrom ? formatDate(u.validFrom) : t('adminUnits.notRecorded')}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('adminUnits.validTo')}</Table.Th>
                <Table.Td>{u.validTo ? formatDate(u.validTo) : t('adminUnits.stillInForce')}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {session.data && u.level !== 'district' && (
            <Anchor component={Link} to={`/admin/units/${u.code}/organisation`} size="sm">
              {t('adminUnits.browse.organisationLink')}
            </Anchor>
          )}
        </Stack>
      </Card>
      <Title order={3}>{t('adminUnits.browse.lineage')}</Title>
      {lineage.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {lineage.data && (
        <>
          <Title order={4}>{t('adminUnits.browse.predecessors')}</Title>
          <LineageTable steps={lineage.data.predecessors} direction="back" />
          <Title order={4}>{t('adminUnits.browse.successors')}</Title>
          <LineageTable steps={lineage.data.successors} direction="forward" />
        </>
      )}
    </Stack>
  );
}

/** Public page: the unit tree as of a date, search by name, and a unit's details and lineage. */
export function UnitsBrowserPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const onDate = params.get('onDate') ?? vnToday();
  const selected = params.get('code') ?? undefined;
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 250);
  const provinces = useProvinces(onDate);
  const search = useUnitSearch(q, onDate);
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const select = (code: string) => update({ code });

  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('adminUnits.browse.title')}</Title>
        <Text c="dimmed">{t('adminUnits.browse.intro')}</Text>
        <Group align="end">
          <TextInput
            type="date"
            label={t('adminUnits.onDate')}
            value={onDate}
            onChange={(e) => e.currentTarget.value && update({ onDate: e.currentTarget.value })}
            w={180}
          />
          <TextInput
            label={t('adminUnits.browse.search')}
            placeholder={t('adminUnits.browse.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 260 }}
            type="search"
          />
          <Anchor component={Link} to="/units/convert" pb={8}>
            {t('adminUnits.browse.convertLink')}
          </Anchor>
        </Group>
        {q.trim() && (
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              {t('adminUnits.browse.results')}
            </Title>
            {search.data?.items.length === 0 && <Text c="dimmed">{t('adminUnits.browse.noResults')}</Text>}
            <Stack gap={2} component="ul" p={0} m={0} aria-label={t('adminUnits.browse.results')}>
              {search.data?.items.map((h) => (
                <Box component="li" key={h.unit.code} style={{ listStyle: 'none' }}>
                  <UnstyledButton onClick={() => select(h.unit.code)} data-search-hit={h.unit.code}>
                    <Text span fw={500}>
                      {h.unit.fullName}
                    </Text>
                    {h.provinceName && h.unit.level !== 'province' && <Text span>{`, ${h.provinceName}`}</Text>}{' '}
                    <Text span size="xs" c="dimmed">
                      {h.unit.code} · {t(`adminUnits.type.${h.unit.type}`)}
                    </Text>
                    {h.alias && (
                      <Text size="xs" c="orange" data-alias-note={h.alias.code}>
                        {t('adminUnits.browse.aliasNote', { alias: h.alias.code, code: h.unit.code })}{' '}
                        <Text span size="xs" c="dimmed">
                          ({h.alias.note})
                        </Text>
                      </Text>
                    )}
                  </UnstyledButton>
                </Box>
              ))}
            </Stack>
          </Card>
        )}
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder p="sm">
              <Group justify="space-between" mb="xs">
                <Title order={3} size="h4">
                  {t('adminUnits.browse.tree')}
                </Title>
                {provinces.data && (
                  <Text size="sm" c="dimmed">
                    {t('adminUnits.browse.count', { count: provinces.data.items.length })}
                  </Text>
                )}
              </Group>
              {provinces.isLoading && <Loader aria-label={t('common.loading')} />}
              {provinces.isError && <Alert color="red">{t('adminUnits.loadError')}</Alert>}
              <ScrollArea.Autosize mah={640}>
                <Box component="ul" p={0} m={0} aria-label={t('adminUnits.browse.tree')}>
                  {provinces.data?.items.map((p) => (
                    <TreeNode
                      key={`${onDate}:${p.code}`}
                      unit={p}
                      onDate={onDate}
                      selected={selected}
                      onSelect={select}
                    />
                  ))}
                </Box>
              </ScrollArea.Autosize>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {selected ? (
              <UnitDetail code={selected} onDate={onDate} />
            ) : (
              <Stack gap="xs">
                <Text c="dimmed">{t('adminUnits.browse.pickOne')}</Text>
                {onDate >= '2025-07-01' && (
                  <ProvinceMap
                    title={t('adminUnits.browse.mapTitle')}
                    hrefOf={(code) => `/units?onDate=${onDate}&code=${code}`}
                    onSelect={select}
                  />
                )}
              </Stack>
            )}
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
