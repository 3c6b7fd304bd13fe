import { Box, Group, Loader, Text, UnstyledButton } from '@mantine/core';
import type { AdminUnit } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChildren } from '../../api/admin-units.js';

/** One unit in the tree: a button that selects it, and (except communes) a toggle that loads its children. */
export function UnitTreeNode({
  unit,
  onDate,
  selected,
  onSelect,
}: {
  unit: AdminUnit;
  onDate: string;
  selected: string | undefined;
  onSelect: (code: string) => void;
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
            <UnitTreeNode key={c.code} unit={c} onDate={onDate} selected={selected} onSelect={onSelect} />
          ))}
        </Box>
      )}
    </Box>
  );
}
