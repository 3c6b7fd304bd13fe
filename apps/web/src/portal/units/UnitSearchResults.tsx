import { Box, Card, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { UnitSearchResult } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';

type Hit = UnitSearchResult['items'][number];

/** The units a name search found, with the old code an alias resolved; picking one selects it. */
export function UnitSearchResults({ hits, onSelect }: { hits: Hit[] | undefined; onSelect: (code: string) => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {t('adminUnits.browse.results')}
      </Title>
      {hits?.length === 0 && <Text c="dimmed">{t('adminUnits.browse.noResults')}</Text>}
      <Stack gap={2} component="ul" p={0} m={0} aria-label={t('adminUnits.browse.results')}>
        {hits?.map((h) => (
          <Box component="li" key={h.unit.code} style={{ listStyle: 'none' }}>
            <UnstyledButton onClick={() => onSelect(h.unit.code)} data-search-hit={h.unit.code}>
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
  );
}
