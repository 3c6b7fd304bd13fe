import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../api/users.js';
import { problemText } from './problem-text.js';

/** The official changes their own password (the policy is the server's; the other sessions end). */
export function ChangePasswordCard({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const mismatch = repeat.length > 0 && next !== repeat;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) return;
    setDone(false);
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
          setDone(true);
          onChanged?.();
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} aria-labelledby="password-title">
      <Stack>
        <Title order={3} size="h4" id="password-title">
          {t('users.account.password')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('users.account.policy')}
        </Text>
        {change.isError && (
          <Alert color="red" role="alert">
            {problemText(change.error)}
          </Alert>
        )}
        {done && (
          <Alert color="green" role="status">
            {t('users.account.changed')}
          </Alert>
        )}
        <PasswordInput
          label={t('users.account.current')}
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
        />
        <PasswordInput
          label={t('users.account.next')}
          autoComplete="new-password"
          required
          minLength={12}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
        />
        <PasswordInput
          label={t('users.account.repeat')}
          autoComplete="new-password"
          required
          value={repeat}
          error={mismatch ? t('users.account.mismatch') : undefined}
          onChange={(e) => setRepeat(e.currentTarget.value)}
        />
        <Button type="submit" loading={change.isPending} disabled={mismatch} w="fit-content">
          {t('users.account.change')}
        </Button>
      </Stack>
    </Paper>
  );
}
