import { Anchor, Button, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The addresses the director opens on the center's devices: the ticket kiosk (`/lay-so/<center>`) and the hall's
 * TV (`/man-hinh/<center>`), full addresses so they can be typed or copied into the device's browser.
 */
export function DeviceLinks({ centerId }: { centerId: string }) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const links = [
    { key: 'kioskAddress', path: `/lay-so/${centerId}`, testId: 'device-kiosk' },
    { key: 'displayAddress', path: `/man-hinh/${centerId}`, testId: 'device-display' },
    { key: 'bookOnline', path: '/dat-lich', testId: 'device-booking' },
  ];
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t('queue.launchTitle')}
      </Title>
      <Stack gap={6}>
        {links.map((l) => (
          <Group key={l.key} gap="sm" wrap="nowrap">
            <Text size="sm" w={200}>
              {t(`queue.${l.key}`)}
            </Text>
            <Anchor href={l.path} target="_blank" rel="noopener" size="sm" data-testid={l.testId}>
              {origin}
              {l.path}
            </Anchor>
            <CopyButton value={`${origin}${l.path}`}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="subtle" onClick={copy}>
                  {copied ? t('queue.copied') : t('queue.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
