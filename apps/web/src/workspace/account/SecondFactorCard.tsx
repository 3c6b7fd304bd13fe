import {
  Alert,
  Button,
  Code,
  Group,
  Image,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { SessionInfo } from '@mot-cua/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmTotp, useDisableTotp, useStartTotp } from '../../api/users.js';
import { problemText } from './problem-text.js';

/** TOTP for administrators and supervisors: scan the QR code, confirm a code, keep the recovery codes. */
export function SecondFactorCard({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const disable = useDisableTotp();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [off, setOff] = useState(false);
  const on = session.account.secondFactor;
  const failure = start.error ?? confirm.error ?? disable.error;
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(code.trim(), { onSuccess: () => setCode('') });
  };
  const submitOff = (e: FormEvent) => {
    e.preventDefault();
    disable.mutate(password, {
      onSuccess: () => {
        setPassword('');
        setOff(true);
        start.reset();
        confirm.reset();
      },
    });
  };
  return (
    <Paper withBorder p="md" radius="md" aria-labelledby="second-factor-title">
      <Stack>
        <Title order={3} size="h4" id="second-factor-title">
          {t('users.account.secondFactor')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('users.account.secondFactorIntro')}
        </Text>
        {failure && (
          <Alert color="red" role="alert">
            {problemText(failure)}
          </Alert>
        )}
        {off && !on && (
          <Alert color="green" role="status">
            {t('users.account.disabled')}
          </Alert>
        )}
        {confirm.data && (
          <Alert color="green" title={t('users.account.recoveryTitle')} role="status">
            <Text size="sm" mb="xs">
              {t('users.account.recoveryBody')}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} data-testid="recovery-codes">
              {confirm.data.recoveryCodes.map((c) => (
                <Code key={c} fz="md">
                  {c}
                </Code>
              ))}
            </SimpleGrid>
          </Alert>
        )}
        {on && <Text fw={600}>{t('users.account.secondFactorOn')}</Text>}
        {!on && !start.data && (
          <Button w="fit-content" loading={start.isPending} onClick={() => start.mutate()}>
            {t('users.account.enrol')}
          </Button>
        )}
        {!on && start.data && (
          <Stack component="form" onSubmit={submitCode}>
            <Text size="sm">{t('users.account.scan')}</Text>
            <Group align="center">
              <Image src={start.data.qrCodeDataUrl} alt={t('users.account.qrAlt')} w={200} h={200} />
              <Code data-testid="totp-secret" style={{ wordBreak: 'break-all' }} maw={260}>
                {start.data.secret}
              </Code>
            </Group>
            <Group align="end">
              <TextInput
                label={t('users.account.code')}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
              />
              <Button type="submit" loading={confirm.isPending}>
                {t('users.account.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
        {on && (
          <Group component="form" onSubmit={submitOff} align="end">
            <PasswordInput
              label={t('users.account.disablePassword')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" variant="light" color="red" loading={disable.isPending}>
              {t('users.account.disable')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
