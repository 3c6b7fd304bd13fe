import { Badge, Card, Container, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublishedAnswers, vnDateTimeOf } from '../../api/feedback.js';

/** Published answers, searchable like the catalog (accents optional). */
export function PublishedAnswersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const list = usePublishedAnswers(debounced);
  return (
    <Container size="md" py="lg">
      <Stack>
        <Title order={2}>{t('feedback.answers.title')}</Title>
        <Text c="dimmed">{t('feedback.answers.intro')}</Text>
        <TextInput
          label={t('feedback.answers.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          placeholder="giay khai sinh"
        />
        {list.isLoading ? (
          <Loader aria-label={t('common.loading')} />
        ) : !list.data?.items.length ? (
          <Text c="dimmed">{t('feedback.answers.none')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('feedback.answers.count', { count: list.data.total })}
            </Text>
            {list.data.items.map((a) => (
              <Card key={a.code} withBorder component="article">
                <Group justify="space-between" mb="xs">
                  <Title order={3} size="h5">
                    {a.question}
                  </Title>
                  <Badge variant="light">{t(`feedback.kinds.${a.kind}`)}</Badge>
                </Group>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{a.answer}</Text>
                <Text size="xs" c="dimmed" mt="xs">
                  {a.code} · {t('feedback.answers.by', { unit: a.unitName ?? '', date: vnDateTimeOf(a.publishedAt) })}
                </Text>
              </Card>
            ))}
          </>
        )}
      </Stack>
    </Container>
  );
}
