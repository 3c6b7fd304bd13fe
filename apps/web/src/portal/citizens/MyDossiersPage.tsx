import { Alert, Anchor, Badge, Button, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isCitizen, useMyDossiers } from '../../api/citizens.js';
import { statusColor, vnDateTime } from '../../api/dossiers.js';
import { useSession } from '../../api/session.js';
import { Pager } from '../../components/Pager.js';
import { CitizenSignInPage } from './CitizenSignInPage.js';
import { MyDraftsList } from './MyDraftsList.js';

/** "Hồ sơ của tôi": cards rather than a table, so they read well on a narrow phone. */
export function MyDossiersPage() {
  const session = useSession();
  if (session.isLoading) return <Loader />;
  if (!isCitizen(session.data)) return <CitizenSignInPage />;
  return <MyDossierList />;
}

function MyDossierList() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const q = useMyDossiers(offset);
  return (
    <Container size="sm" py="md" px="xs">
      <Stack gap="sm">
        <Title order={2}>{t('citizens.myDossiers')}</Title>
        <MyDraftsList />
        {q.isLoading && <Loader aria-label={t('common.loading')} />}
        {q.data?.items.length === 0 && (
          <Alert>
            {t('citizens.noDossiers')}{' '}
            <Anchor component={Link} to="/search">
              {t('nav.search')}
            </Anchor>
          </Alert>
        )}
        {q.data?.items.map((d) => (
          <Paper key={d.id} withBorder p="sm" radius="md" component="article">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/ho-so-cua-toi/${d.id}`} fw={600}>
                  {d.procedureName}
                </Anchor>
                <Badge color={statusColor[d.status]} variant="light" style={{ flexShrink: 0 }}>
                  {d.statusLabel}
                </Badge>
              </Group>
              <Text size="sm">
                {t('citizens.code')}: <strong>{d.code}</strong>
                {d.relation === 'agent' && ` · ${t('citizens.asAgent')}: ${d.applicantName}`}
              </Text>
              <Text size="sm" c="dimmed">
                {t('citizens.submitted')}: {vnDateTime(d.submittedAt)}
                {d.dueAt && ` · ${t('citizens.due')}: ${vnDateTime(d.dueAt)}`}
              </Text>
            </Stack>
          </Paper>
        ))}
        {q.data && q.data.total > 20 && (
          <Pager
            total={q.data.total}
            offset={offset}
            limit={20}
            onOffset={setOffset}
            previous={t('procedures.prev')}
            next={t('procedures.next')}
          />
        )}
        <Button component={Link} to="/search" variant="light">
          {t('citizens.submitOnline')}
        </Button>
      </Stack>
    </Container>
  );
}
