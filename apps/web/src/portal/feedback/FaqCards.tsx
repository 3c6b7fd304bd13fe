import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { FaqCard } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { vnDateTimeOf } from '../../api/feedback.js';

/** The assistant's answers that come from published feedback, said to come from there. */
export function FaqCards({ faq }: { faq: ReadonlyArray<FaqCard> }) {
  const { t } = useTranslation();
  if (faq.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="faq-cards">
      <Text size="sm" fw={600}>
        {t('feedback.faq.intro')}
      </Text>
      {faq.map((f) => (
        <Card key={f.code} withBorder component="article" bg="var(--mantine-color-yellow-0)">
          <Title order={3} size="h5">
            {f.question}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {f.answer}
          </Text>
          <Text size="xs" c="dimmed" mt="xs">
            {t('feedback.faq.source', { unit: f.unitName ?? '', date: vnDateTimeOf(f.publishedAt) })} ·{' '}
            <Anchor component={Link} to="/hoi-dap" size="xs">
              {t('feedback.navAnswers')}
            </Anchor>
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
