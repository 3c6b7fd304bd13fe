import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

export type Column<T> = { header: ReactNode; cell: (row: T) => ReactNode };

/**
 * The list table of the admin and workspace pages: a header row from the columns, one row per item, striped,
 * scrolling sideways under `minWidth` on narrow screens.
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  minWidth,
  ...props
}: {
  columns: ReadonlyArray<Column<T>>;
  rows: ReadonlyArray<T>;
  rowKey: (row: T) => string;
  minWidth?: number;
} & Omit<TableProps, 'children'>) {
  const table = (
    <Table striped fz="sm" {...props}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
            <Table.Th key={i}>{c.header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={rowKey(r)}>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
              <Table.Td key={i}>{c.cell(r)}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table;
}
