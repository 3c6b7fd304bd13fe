import { Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { DossierAccessEntry } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vnDateTime } from '../../api/dossiers.js';

const FIRST = 10;

/**
 * "Ai đã mở hồ sơ của tôi" (issue 16, after Estonia's Data Tracker): each time an official opened the dossier, a
 * file or a slip — when, which office, which role, what; never the official's name. Shown on the public lookup
 * and in "Hồ sơ của tôi".
 */
export function AccessLogCard({ entries }: { entries: readonly DossierAccessEntry[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? entries : entries.slice(0, FIRST);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="access-log-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="access-log-title">
          {t('dossiers.accessLog.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('dossiers.accessLog.intro')}
        </Text>
        {entries.length === 0 ? (
          <Text size="sm">{t('dossiers.accessLog.none')}</Text>
        ) : (
          <List spacing={4} size="sm" data-testid="access-log">
            {shown.map((e) => (
              <List.Item key={`${e.at}-${e.purpose}-${e.officeCode}-${e.role}`}>
                <Text span size="sm" fw={600}>
                  {vnDateTime(e.at)}
                </Text>
                {' · '}
                {e.officeCode === 'VN' ? t('dossiers.accessLog.national') : e.officeName}
                {' · '}
                {t(`roles.${e.role}`)}
                {' · '}
                <Text span size="sm" c="dimmed">
                  {t(`dossiers.accessLog.purpose.${e.purpose}`)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {!all && entries.length > FIRST && (
          <Button variant="subtle" size="compact-sm" onClick={() => setAll(true)} style={{ alignSelf: 'start' }}>
            {t('dossiers.accessLog.more', { count: entries.length - FIRST })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
