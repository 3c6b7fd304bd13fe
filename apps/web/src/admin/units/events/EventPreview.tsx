import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ChangePreview } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../api/admin-units.js';
import { DataTable } from '../../../components/DataTable.js';

/** What applying a change event will do: versions closed and opened, links, references moved and to review. */
export function EventPreview({ p }: { p: ChangePreview }) {
  const { t } = useTranslation();
  const table = (name: string, column: string) => {
    const label = t(`adminUnits.admin.tables.${name}`, { defaultValue: name });
    const col = t(`adminUnits.admin.columns.${column}`, { defaultValue: '' });
    return col ? `${label} (${col})` : label;
  };
  return (
    <Stack data-testid="event-preview">
      <Title order={3}>
        {t('adminUnits.admin.previewTitle', {
          kind: t(`adminUnits.kind.${p.kind}`),
          date: formatDate(p.effectiveDate),
        })}
      </Title>
      {p.description && <Text>{p.description}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <div>
          <Title order={4}>{t('adminUnits.admin.closeVersions')}</Title>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adminUnits.code')}</Table.Th>
                <Table.Th>{t('adminUnits.admin.lastDay')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.closeVersions.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td>{c.code}</Table.Td>
                  <Table.Td>{formatDate(c.validTo)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <div>
          <Title order={4}>{t('adminUnits.admin.newVersions')}</Title>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adminUnits.code')}</Table.Th>
                <Table.Th>{t('adminUnits.name')}</Table.Th>
                <Table.Th>{t('adminUnits.validFrom')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.newVersions.map((v) => (
                <Table.Tr key={`${v.code}:${v.validFrom}`}>
                  <Table.Td>{v.code}</Table.Td>
                  <Table.Td>{v.fullName}</Table.Td>
                  <Table.Td>{formatDate(v.validFrom)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </SimpleGrid>
      {p.links.length > 0 && (
        <Text size="sm">
          <b>{t('adminUnits.admin.links')}:</b>{' '}
          {p.links.map((l) => `${l.fromCode} → ${l.toCode} (${t(`adminUnits.share.${l.share}`)})`).join('; ')}
        </Text>
      )}
      <Title order={4}>{t('adminUnits.admin.moves')}</Title>
      {p.moves.length === 0 ? (
        <Text c="dimmed">{t('adminUnits.admin.noMoves')}</Text>
      ) : (
        <DataTable
          data-testid="preview-moves"
          columns={[
            { header: t('adminUnits.admin.table'), cell: (m) => table(m.tableName, m.columnName) },
            { header: t('adminUnits.browse.from'), cell: (m) => m.fromCode },
            { header: t('adminUnits.browse.to'), cell: (m) => m.toCode },
            { header: t('adminUnits.admin.count'), cell: (m) => m.count },
          ]}
          rows={p.moves}
          rowKey={(m) => `${m.tableName}:${m.columnName}:${m.fromCode}:${m.toCode}`}
        />
      )}
      {p.reviews.length > 0 && (
        <>
          <Title order={4}>{t('adminUnits.admin.reviews')}</Title>
          <DataTable
            columns={[
              { header: t('adminUnits.admin.table'), cell: (r) => table(r.tableName, r.columnName) },
              { header: t('adminUnits.browse.from'), cell: (r) => r.fromCode },
              { header: t('adminUnits.admin.candidates'), cell: (r) => r.candidateCodes.join(', ') },
              { header: t('adminUnits.admin.count'), cell: (r) => r.count },
            ]}
            rows={p.reviews}
            rowKey={(r) => `${r.tableName}:${r.columnName}:${r.fromCode}`}
          />
        </>
      )}
    </Stack>
  );
}
