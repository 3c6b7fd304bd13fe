import {
  Alert,
  Anchor,
  Box,
  Card,
  Container,
  Grid,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { vnToday } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useProvinces, useUnitSearch } from '../../api/admin-units.js';
import { ProvinceMap } from '../../components/ProvinceMap.js';
import { VnDateInput } from '../../components/VnDateInput.js';
import { UnitDetail } from './UnitDetail.js';
import { UnitSearchResults } from './UnitSearchResults.js';
import { UnitTreeNode } from './UnitTreeNode.js';

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
          <VnDateInput
            label={t('adminUnits.onDate')}
            value={onDate}
            onChange={(iso) => iso && update({ onDate: iso })}
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
        {q.trim() && <UnitSearchResults hits={search.data?.items} onSelect={select} />}
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
                    <UnitTreeNode
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
