import { Button, Code, Modal, Stack, Text } from '@mantine/core';
import type { OneTimePasswordResponse } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { vnDateTime } from '../../api/dossiers.js';

export type OneTimeShown = OneTimePasswordResponse;

/** The one-time password of a new or reset account, shown once to hand over in person. */
export function OneTimePasswordNotice({ shown, onClose }: { shown: OneTimeShown | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={shown !== null} onClose={onClose} title={t('users.oneTime.title')} centered>
      {shown && (
        <Stack>
          <Text>
            {t('users.oneTime.body', {
              name: shown.user.fullName,
              username: shown.user.username,
              until: vnDateTime(shown.expiresAt),
            })}
          </Text>
          <Code block fz="xl" ta="center" data-testid="one-time-password">
            {shown.oneTimePassword}
          </Code>
          <Button onClick={onClose}>{t('users.oneTime.done')}</Button>
        </Stack>
      )}
    </Modal>
  );
}
