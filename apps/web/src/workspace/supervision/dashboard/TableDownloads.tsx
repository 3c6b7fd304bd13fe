import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Excel and PDF links for one supervision table: the same route and query as the table's JSON with `format` (and
 * `table` where the route answers several), so the file holds what the page shows; the API checks the scope again.
 */
export function TableDownloads({
  path,
  query,
  table,
}: {
  path: string;
  query: Record<string, string | null | undefined>;
  /** The table's title, for the links' accessible names. */
  table: string;
}) {
  const { t } = useTranslation();
  const href = (format: 'xlsx' | 'pdf') => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) qs.set(k, v);
    qs.set('format', format);
    return `${path}?${qs}`;
  };
  return (
    <Group gap="sm" justify="flex-end" data-testid="table-downloads">
      {(['xlsx', 'pdf'] as const).map((format) => (
        <Anchor
          key={format}
          href={href(format)}
          download
          size="sm"
          aria-label={t('dashboard.download', { table, format: t(`dashboard.format.${format}`) })}
        >
          {t(`dashboard.format.${format}`)}
        </Anchor>
      ))}
    </Group>
  );
}
