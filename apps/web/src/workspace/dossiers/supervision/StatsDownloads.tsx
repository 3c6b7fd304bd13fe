import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The supervision table as an Excel or PDF file, with the page's filter (the API keeps the caller's own scope). */
export function StatsDownloads({ query }: { query: Record<string, string> }) {
  const { t } = useTranslation();
  return (['xlsx', 'pdf'] as const).map((format) => (
    <Anchor
      key={format}
      href={`/api/supervision/exports/dossier-stats?${new URLSearchParams({ ...query, format })}`}
      download
    >
      {t(`dossiers.supervision.${format}`)}
    </Anchor>
  ));
}
