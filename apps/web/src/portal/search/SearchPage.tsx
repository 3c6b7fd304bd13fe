import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ProcedureLevel } from '@mot-cua/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useProcedureFacets } from '../../api/procedures.js';
import {
  formatDuration,
  formatTookMs,
  levelsNearestFirst,
  procedurePath,
  useProcedureSearch,
} from '../../api/search.js';
import { UnitPicker } from '../../components/UnitPicker.js';

const LEVELS: ProcedureLevel[] = ['commune', 'province', 'ministry', 'other'];

/** The typed query as the server folds it (lower case, no accents, đ → d, single spaces). */
const folded = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();
const PAGE = 20;

/** Public search page: accent-insensitive, typo-tolerant search with a level filter; results open the procedure page. */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const level = (params.get('level') ?? '') as ProcedureLevel | '';
  const field = params.get('field') ?? '';
  const unit = params.get('unit') ?? '';
  const facets = useProcedureFacets();
  const [limit, setLimit] = useState(PAGE);
  const [debounced] = useDebouncedValue(text, 250);
  const search = useProcedureSearch({
    q: debounced,
    level: level || undefined,
    field: field || undefined,
    unit: unit || undefined,
    limit,
  });
  const data = search.data;

  const update = (next: { q?: string; level?: string; field?: string; unit?: string }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
    setLimit(PAGE);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim() });
  };
  const lang = i18n.language === 'en' ? 'en' : 'vi';

  return (
    <Container size="md" py="lg">
      <Stack gap="md">
        <Title order={2}>{t('search.searchTitle')}</Title>
        <Text c="dimmed">{t('search.searchIntro')}</Text>
        <search>
          <form onSubmit={onSubmit}>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                style={{ flex: 1, minWidth: 240 }}
                label={t('search.queryLabel')}
                placeholder={t('search.queryPlaceholder')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                maxLength={200}
                autoFocus
                autoComplete="off"
                spellCheck={false}
              />
              <NativeSelect
                label={t('search.levelLabel')}
                value={level}
                onChange={(e) => update({ level: e.currentTarget.value, q: text.trim() })}
                data={[
                  { value: '', label: t('search.levelAll') },
                  ...LEVELS.map((l) => ({ value: l, label: t(`search.levels.${l}`) })),
                ]}
              />
              <NativeSelect
                label={t('search.fieldLabel')}
                value={field}
                onChange={(e) => update({ field: e.currentTarget.value, q: text.trim() })}
                data={[
                  { value: '', label: t('search.fieldAll') },
                  ...(facets.data?.fields ?? []).map((f) => ({ value: f.field, label: `${f.field} (${f.count})` })),
                ]}
                style={{ maxWidth: 260 }}
              />
              {/* by name, not by a code citizens do not know (it asked for "26743") */}
              <UnitPicker
                label={t('search.unitLabel')}
                placeholder={t('search.unitHint')}
                value={unit || null}
                onChange={(code) => update({ unit: code ?? '', q: text.trim() })}
                w={280}
              />
              <Button type="submit">{t('search.submit')}</Button>
            </Group>
          </form>
        </search>

        <div aria-live="polite" aria-busy={search.isFetching}>
          {search.isFetching && !data ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
          {search.error ? (
            <Alert color="red" title={t('common.error')}>
              {search.error instanceof ApiError ? search.error.problem.message[lang] : String(search.error)}
            </Alert>
          ) : null}
          {data && debounced.trim() ? (
            <Stack gap={4}>
              <Text fw={500}>
                {t('search.resultCount', { count: data.total })}{' '}
                <Text span c="dimmed" size="sm">
                  {t('search.took', { ms: formatTookMs(data.tookMs, lang) })}
                </Text>
              </Text>
              {data.corrections.length > 0 ? (
                <Text size="sm" c="dimmed">
                  {t('search.corrected', {
                    list: data.corrections.map((c) => `${c.from} → ${c.to}`).join(', '),
                  })}
                </Text>
              ) : null}
              {data.understood && data.understood !== folded(debounced) ? (
                <Text size="sm" c="dimmed">
                  {t('search.understood', { text: data.understood })}
                </Text>
              ) : null}
            </Stack>
          ) : null}
        </div>

        {data && debounced.trim() && data.total === 0 ? (
          <Alert color="gray">
            {t('search.noResults')}{' '}
            <Anchor component={Link} to={`/assistant?q=${encodeURIComponent(debounced.trim())}`}>
              {t('search.askAssistant')}
            </Anchor>
          </Alert>
        ) : null}

        {data && debounced.trim() ? (
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.items.map((hit) => (
              <Paper component="li" key={hit.code} withBorder p="sm" radius="md">
                <Anchor component={Link} to={procedurePath(hit.code)} fw={600}>
                  {hit.name}
                </Anchor>
                <Group gap="xs" mt={4} wrap="wrap">
                  <Text size="sm" c="dimmed">
                    {t('search.code', { code: hit.code })}
                  </Text>
                  <Text size="sm" c="dimmed">
                    · {hit.field}
                  </Text>
                  {levelsNearestFirst(hit.levels).map((l) => (
                    <Badge key={l} size="sm" variant={l === 'commune' ? 'filled' : 'light'}>
                      {t(`search.levels.${l}`)}
                    </Badge>
                  ))}
                  <Text size="sm">
                    · {t('search.timeLimit')}: {formatDuration(t, hit.timeLimit)}
                  </Text>
                  {hit.onlineServiceLevel === 'full_process' ? (
                    <Badge size="sm" color="green" variant="light">
                      {t('search.online.full_process')}
                    </Badge>
                  ) : null}
                </Group>
              </Paper>
            ))}
          </Stack>
        ) : null}
        {data && data.total > data.items.length ? (
          <Button variant="light" onClick={() => setLimit((n) => Math.min(100, n + PAGE))} disabled={limit >= 100}>
            {t('search.more')}
          </Button>
        ) : null}
      </Stack>
    </Container>
  );
}
