import { Alert, Button, Container, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client.js';
import { useLogin } from '../api/session.js';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const login = useLogin();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [secondFactor, setSecondFactor] = useState('');
  const [askCode, setAskCode] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { username, password, ...(askCode && secondFactor.trim() ? { secondFactor: secondFactor.trim() } : {}) },
      {
        onSuccess: (s) => navigate(s.account.mustChangePassword ? '/workspace/account' : '/workspace'),
        onError: (e) => {
          if (e instanceof ApiError && e.problem.code === 'SECOND_FACTOR_REQUIRED') setAskCode(true);
        },
      },
    );
  };
  const err = login.error instanceof ApiError ? login.error.problem : undefined;
  // Asking for the code is the next step, not a failure.
  const failed = login.isError && err?.code !== 'SECOND_FACTOR_REQUIRED';

  return (
    <Container size={420} py="xl">
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} aria-labelledby="login-title">
        <Stack>
          <Title order={2} id="login-title" size="h3">
            {t('login.title')}
          </Title>
          {failed && (
            <Alert color="red" title={t('login.failed')} role="alert">
              {err ? (i18n.language === 'en' ? err.message.en : err.message.vi) : t('common.error')}
            </Alert>
          )}
          <TextInput
            label={t('login.username')}
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('login.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {askCode && (
            <TextInput
              label={t('users.login.secondFactor')}
              description={t('users.login.secondFactorHint')}
              name="secondFactor"
              autoComplete="one-time-code"
              autoFocus
              required
              value={secondFactor}
              onChange={(e) => setSecondFactor(e.currentTarget.value)}
            />
          )}
          <Button type="submit" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
    </Container>
  );
}
