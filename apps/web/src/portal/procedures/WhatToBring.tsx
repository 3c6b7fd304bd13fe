import { Badge, List, Stack, Text } from '@mantine/core';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { Section } from './Section.js';

/** What to bring: the components by group, with originals and copies, forms and notes. */
export function WhatToBring({ p }: { p: CatalogProcedure }) {
  const { t } = useTranslation();
  const groups = [...new Set(p.components.map((c) => c.group ?? ''))];
  return (
    <Section title={t('procedures.whatToBring')}>
      <Stack gap="sm">
        {groups.map((g) => (
          <div key={g}>
            {g && (
              <Text fw={600} mb={4}>
                {g}
              </Text>
            )}
            <List spacing={6}>
              {p.components
                .filter((c) => (c.group ?? '') === g)
                .map((c) => (
                  <List.Item key={c.key}>
                    <Text span>{c.name}</Text>{' '}
                    <Text span c="dimmed" size="sm">
                      (
                      {[
                        c.originals ? t('procedures.original', { count: c.originals }) : null,
                        c.copies ? t('procedures.copy', { count: c.copies }) : null,
                      ]
                        .filter(Boolean)
                        .join(', ')}
                      )
                    </Text>{' '}
                    {c.presentOnly && <Badge size="xs">{t('procedures.presentOnly')}</Badge>}{' '}
                    {c.conditional && (
                      <Badge size="xs" color="gray">
                        {t('procedures.conditional')}
                      </Badge>
                    )}
                    {c.forms.length > 0 && (
                      <Text size="sm" c="dimmed">
                        {t('procedures.form')}: {c.forms.join(', ')}
                      </Text>
                    )}
                  </List.Item>
                ))}
            </List>
          </div>
        ))}
        {p.componentNotes.length > 0 && (
          <div>
            <Text fw={600}>{t('procedures.notes')}</Text>
            <List size="sm" c="dimmed">
              {p.componentNotes.map((n) => (
                <List.Item key={n}>{n}</List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Section>
  );
}
