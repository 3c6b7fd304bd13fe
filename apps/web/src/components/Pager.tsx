import { Button, Group, Text } from '@mantine/core';

/**
 * Previous / page n of N / next over an offset-limit list (every paged list answers `total`). Labels come from
 * the page's own strings so each list keeps its wording.
 */
export function Pager({
  offset,
  limit,
  total,
  onOffset,
  previous,
  next,
  pageLabel,
  testId,
}: {
  offset: number;
  limit: number;
  total: number | undefined;
  onOffset: (offset: number) => void;
  previous: string;
  next: string;
  /** "Page 2 of 7": shown when given. */
  pageLabel?: (page: number, pages: number) => string;
  testId?: string;
}) {
  const pages = Math.max(1, Math.ceil((total ?? 0) / limit));
  const page = Math.floor(offset / limit) + 1;
  return (
    <Group data-testid={testId}>
      <Button variant="default" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        {previous}
      </Button>
      {pageLabel && <Text size="sm">{pageLabel(page, pages)}</Text>}
      <Button
        variant="default"
        disabled={total === undefined || offset + limit >= total}
        onClick={() => onOffset(offset + limit)}
      >
        {next}
      </Button>
    </Group>
  );
}
