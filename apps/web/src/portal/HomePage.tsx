import { Button, Container, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';

/** The portal's entry points, each a card that opens its page. */
const CARDS = [
  { to: '/assistant', title: 'nav.assistant', body: 'portal.cards.assistant' },
  { to: '/tra-cuu', title: 'nav.lookup', body: 'portal.cards.lookup' },
  { to: '/dat-lich', title: 'nav.booking', body: 'portal.cards.booking' },
  { to: '/procedures', title: 'nav.procedures', body: 'portal.cards.procedures' },
  { to: '/units/convert', title: 'nav.convert', body: 'portal.cards.convert' },
  { to: '/calendar', title: 'nav.calendar', body: 'portal.cards.calendar' },
  { to: '/units', title: 'nav.units', body: 'portal.cards.units' },
] as const;

/** Public landing page of the citizen portal: one search box, then the portal's sections. */
export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = q.trim();
    navigate(text ? `/search?q=${encodeURIComponent(text)}` : '/search');
  };
  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={2}>{t('portal.title')}</Title>
          <Text size="lg">{t('portal.intro')}</Text>
        </Stack>
        <search>
          <form onSubmit={submit}>
            <Group align="end" wrap="nowrap">
              <TextInput
                flex={1}
                size="md"
                label={t('portal.searchLabel')}
                placeholder={t('portal.searchPlaceholder')}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
              />
              <Button type="submit" size="md">
                {t('portal.searchSubmit')}
              </Button>
            </Group>
          </form>
        </search>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {CARDS.map((c) => (
            <Paper
              key={c.to}
              component={Link}
              to={c.to}
              withBorder
              p="md"
              radius="md"
              style={{ textDecoration: 'none', color: 'inherit' }}
            >
              <Text fw={600} c="blue.9">
                {t(c.title)}
              </Text>
              <Text size="sm" c="dimmed" mt={4}>
                {t(c.body)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('portal.facts')}
        </Text>
      </Stack>
    </Container>
  );
}
