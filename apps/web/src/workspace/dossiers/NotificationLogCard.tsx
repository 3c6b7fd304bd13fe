import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { NotificationChannel } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { vnDateTime } from '../../api/dossiers.js';
import { mayDo, useSession } from '../../api/session.js';
import { useDossierNotifications, useOptOut } from '../../api/sync.js';

const stateColor = { pending: 'blue', sent: 'green', failed: 'red' } as const;

/** What the applicant of a dossier was told (e-mail, SMS), and the opt-out reception records at their request. */
export function NotificationLogCard({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const q = useDossierNotifications(dossierId);
  const optOut = useOptOut(dossierId);
  // The API checks the dossier's unit; the button shows for officials who receive somewhere.
  const canRecord = mayDo(session.data, 'dossier.receive');
  if (!q.data) return null;
  const channels: NotificationChannel[] = ['email', 'sms'];
  const address = { email: q.data.recipient.email, sms: q.data.recipient.phone };
  return (
    <Paper withBorder p="md" data-testid="notification-log">
      <Title order={3} size="h5" mb="sm">
        {t('sync.log.title')}
      </Title>
      <Group gap="lg" mb="sm">
        {channels.map((c) => {
          const out = q.data.optedOut.includes(c);
          return (
            <Group key={c} gap="xs">
              <Text size="sm">
                {t(`sync.log.channel.${c}`)}: {address[c] ?? t('sync.log.noAddress')}
              </Text>
              {out && (
                <Badge color="gray" variant="light">
                  {t('sync.log.optedOut')}
                </Badge>
              )}
              {canRecord && address[c] && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  loading={optOut.isPending && optOut.variables?.channel === c}
                  onClick={() => optOut.mutate({ channel: c, optedOut: !out })}
                >
                  {t(out ? 'sync.log.resume' : 'sync.log.stop', { channel: t(`sync.log.channel.${c}`) })}
                </Button>
              )}
            </Group>
          );
        })}
      </Group>
      {q.data.items.length === 0 && q.data.skipped.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sync.log.empty')}
        </Text>
      ) : (
        <Table striped fz="sm">
          <Table.Tbody>
            {q.data.items.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{vnDateTime(n.createdAt)}</Table.Td>
                <Table.Td>{t(`sync.log.channel.${n.channel}`)}</Table.Td>
                <Table.Td>{t(`sync.log.events.${n.event}`, { defaultValue: n.event })}</Table.Td>
                <Table.Td>{n.subject ?? n.text}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 120 }}>
                  <Badge
                    color={stateColor[n.state]}
                    variant="light"
                    title={n.lastError ?? ''}
                    style={{ overflow: 'visible' }}
                  >
                    {t(`sync.log.state.${n.state}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
            {q.data.skipped.map((s) => (
              <Table.Tr key={`skip-${s.id}`} data-testid="notification-skipped">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{vnDateTime(s.createdAt)}</Table.Td>
                <Table.Td>{t(`sync.log.channel.${s.channel}`)}</Table.Td>
                <Table.Td>{t(`sync.log.events.${s.event}`, { defaultValue: s.event })}</Table.Td>
                <Table.Td>{t(`sync.log.skipped.${s.reason}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 120 }}>
                  <Badge color="gray" variant="light" style={{ overflow: 'visible' }}>
                    {t('sync.log.skipped.label')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
