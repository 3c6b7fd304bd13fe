import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { GrantInput } from '@mot-cua/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../api/session.js';
import { useCreateUser } from '../../api/users.js';
import { defaultGrantUnit, GrantFields, grantableRoles } from './GrantFields.js';
import type { OneTimeShown } from './OneTimePasswordNotice.js';

/** A new official's account with its first grant; the server answers with the one-time password. */
export function CreateUserForm({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (r: OneTimeShown) => void;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [grant, setGrant] = useState<GrantInput>(() => ({
    role: grantableRoles(session.data)[0] ?? 'reception',
    unitCode: defaultGrantUnit(session.data),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        username: username.trim().toLowerCase(),
        fullName,
        email: email.trim() || null,
        phone: phone.trim() || null,
        grants: [grant],
      },
      {
        onSuccess: (r) => {
          setUsername('');
          setFullName('');
          setEmail('');
          setPhone('');
          create.reset();
          onCreated(r);
        },
      },
    );
  };
  const problem = create.error instanceof ApiError ? create.error.problem : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.create.title')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          {create.isError && (
            <Alert color="red" role="alert">
              {problem ? (i18n.language === 'en' ? problem.message.en : problem.message.vi) : t('common.error')}
            </Alert>
          )}
          <TextInput
            label={t('users.create.username')}
            description={t('users.create.usernameHint')}
            required
            autoComplete="off"
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
          <TextInput
            label={t('users.create.fullName')}
            required
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
          />
          <Group grow>
            <TextInput
              label={t('users.create.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <TextInput
              label={t('users.create.phone')}
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
            />
          </Group>
          <GrantFields value={grant} onChange={setGrant} session={session.data} />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              {t('users.create.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
