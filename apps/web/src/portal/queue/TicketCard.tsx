import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TicketView } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { ticketPdfUrl } from '../../api/queue.js';
import { QrImage } from '../../components/QrImage.js';

/** A ticket as the visitor sees it (kiosk screen, phone, print): number, group, place, QR to follow it. */
export function TicketCard({ ticket, big = false }: { ticket: TicketView; big?: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" className="queue-print-ticket" data-testid="ticket-card">
      <Stack align="center" gap={6}>
        <Text size="sm" fw={700} ta="center" tt="uppercase">
          {ticket.centerName}
        </Text>
        <Text size="sm">{t('queue.yourNumber')}</Text>
        <Title order={2} fz={big ? 96 : 64} lh={1} data-testid="ticket-number">
          {ticket.number}
        </Title>
        <Text fw={700} size="lg" ta="center">
          {ticket.groupName}
        </Text>
        {ticket.priorityKind && <Badge size="lg">{t(`queue.priority.${ticket.priorityKind}`)}</Badge>}
        {ticket.dossierCode && <Text size="sm">{t('queue.pickupDossier', { code: ticket.dossierCode })}</Text>}
        <Badge size="xl" variant="light" data-testid="ticket-status">
          {t(`queue.status.${ticket.status}`)}
        </Badge>
        {ticket.counterNumber !== null && ['called', 'serving'].includes(ticket.status) && (
          <Text fz={28} fw={700} c="red.9" role="status">
            {t('queue.calledTo', { counter: ticket.counterNumber })}
          </Text>
        )}
        {ticket.status === 'waiting' && (
          <Text size="lg">
            {t('queue.ahead', { count: ticket.ahead })} ·{' '}
            {t('queue.expectedWait', { minutes: ticket.expectedWaitMinutes })}
          </Text>
        )}
        <QrImage value={ticket.followUrl} size={big ? 180 : 140} label={t('queue.followHint')} />
        <Text size="xs">{t('queue.followHint')}</Text>
        <Group className="queue-no-print" gap="xs">
          <Button component="a" href={ticketPdfUrl(ticket.publicToken, 80)} target="_blank" variant="light" size="xs">
            {t('queue.print80')}
          </Button>
          <Button component="a" href={ticketPdfUrl(ticket.publicToken, 58)} target="_blank" variant="light" size="xs">
            {t('queue.print58')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
