import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Container,
  CopyButton,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { Open311Key } from '@mot-cua/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useIssueOpen311Key, useOpen311Keys, useRevokeOpen311Key } from '../../api/feedback.js';
import { mayDo, useSession } from '../../api/session.js';
import { DataTable } from '../../components/DataTable.js';

const dateVi = (iso: string) => new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * Open311 API keys of outside applications: a national administrator issues a key (shown once, only its digest is
 * kept) and revokes it. The discovery document tells generic clients where the interface is.
 */
export function Open311KeysPage() {
  const { t } = useTranslation();
  const session = useSession();
  const allowed = Boolean(session.data && mayDo(session.data, 'open311.manage'));
  const keys = useOpen311Keys(allowed);
  const issue = useIssueOpen311Key();
  const revoke = useRevokeOpen311Key();
  const [name, setName] = useState('');
  const [revoking, setRevoking] = useState<Open311Key | null>(null);
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!allowed) return <Text p="lg">{t('feedback.open311.notAllowed')}</Text>;
  const failure = keys.error ?? issue.error ?? revoke.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    issue.mutate({ name }, { onSuccess: () => setName('') });
  };
  const items = keys.data?.items ?? [];
  return (
    <Container size="lg" py="lg">
      <Stack>
        <Title order={2}>{t('feedback.open311.title')}</Title>
        <Text c="dimmed">{t('feedback.open311.intro')}</Text>
        <Anchor href="/open311/discovery.json" target="_blank">
          {t('feedback.open311.discovery')}
        </Anchor>
        <form onSubmit={submit}>
          <Group align="end">
            <TextInput
              label={t('feedback.open311.name')}
              placeholder={t('feedback.open311.nameHint')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              minLength={3}
              maxLength={120}
              w={420}
            />
            <Button type="submit" loading={issue.isPending}>
              {t('feedback.open311.issue')}
            </Button>
          </Group>
        </form>
        {issue.data && (
          <Alert color="green" title={t('feedback.open311.issued')} data-testid="open311-issued">
            <Group>
              <Code fz="md">{issue.data.key}</Code>
              <CopyButton value={issue.data.key}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('feedback.open311.copied') : t('feedback.open311.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
        {failure && (
          <Alert color="red">{failure instanceof ApiError ? failure.problem.detail : t('common.error')}</Alert>
        )}
        {keys.isLoading && <Loader aria-label={t('common.loading')} />}
        {keys.data && items.length === 0 && <Text>{t('feedback.open311.empty')}</Text>}
        {items.length > 0 && (
          <DataTable
            minWidth={640}
            aria-label={t('feedback.open311.title')}
            rows={items}
            rowKey={(k) => k.id}
            columns={[
              { header: t('feedback.open311.name'), cell: (k) => k.name },
              { header: t('feedback.open311.prefix'), cell: (k) => (k.prefix ? <Code>{k.prefix}…</Code> : '—') },
              { header: t('feedback.open311.createdAt'), cell: (k) => dateVi(k.createdAt) },
              {
                header: t('feedback.open311.status'),
                cell: (k) =>
                  k.revokedAt ? (
                    <Badge color="gray">{t('feedback.open311.revokedAt', { date: dateVi(k.revokedAt) })}</Badge>
                  ) : (
                    <Badge color="green">{t('feedback.open311.active')}</Badge>
                  ),
              },
              {
                header: '',
                cell: (k) =>
                  !k.revokedAt && (
                    <Button size="xs" color="red" variant="light" onClick={() => setRevoking(k)}>
                      {t('feedback.open311.revoke')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Stack>
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('feedback.open311.revoke')}>
        <Stack>
          <Text>{t('feedback.open311.confirmRevoke', { name: revoking?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('feedback.open311.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
            >
              {t('feedback.open311.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Container>
  );
}
