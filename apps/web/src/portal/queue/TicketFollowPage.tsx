import { Alert, Anchor, Container, List, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useTicket } from '../../api/queue.js';
import { TicketCard } from './TicketCard.js';

/** The phone page behind the ticket's QR: one's place, refreshed every few seconds, and the counter once called. */
export function TicketFollowPage() {
  const { t } = useTranslation();
  const { token } = useParams();
  const ticket = useTicket(token);
  if (ticket.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!ticket.data) return <Alert color="red">{t('queue.notFound')}</Alert>;
  const d = ticket.data;
  return (
    <Container size="xs" py="md">
      <Stack>
        <Title order={2}>{t('queue.followTitle', { number: d.number })}</Title>
        <TicketCard ticket={d} />
        {d.dossiers.length > 0 && (
          <>
            <Title order={3} size="h4">
              {t('queue.linkedDossiers')}
            </Title>
            <List>
              {d.dossiers.map((x) => (
                <List.Item key={`${x.dossierId}-${x.kind}`}>
                  <Anchor component={Link} to={`/tra-cuu?ma=${encodeURIComponent(x.code)}`}>
                    {x.code}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Container>
  );
}
