import { Anchor, Button, Container, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { mayDo, useSession } from '../../api/session.js';

import { EventForm } from './events/EventForm.js';
import { RecentEvents } from './events/RecentEvents.js';
import { Reviews } from './events/Reviews.js';

export function UnitsAdminPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Text p="lg">{t('adminUnits.admin.signIn')}</Text>;
  if (!mayDo(session.data, 'admin_unit.change')) return <Text p="lg">{t('adminUnits.admin.notAdmin')}</Text>;
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('adminUnits.admin.title')}</Title>
        <Text c="dimmed">{t('adminUnits.admin.intro')}</Text>
        <Group align="end">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (code.trim()) navigate(`/admin/units/${code.trim().toUpperCase()}/organisation`);
            }}
          >
            <Group align="end" gap="xs">
              <TextInput
                label={t('adminUnits.admin.openOrganisation')}
                placeholder="26743"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                w={220}
              />
              <Button type="submit" variant="default">
                {t('adminUnits.admin.go')}
              </Button>
            </Group>
          </form>
          <Anchor component={Link} to="/admin/units/readiness" pb={8}>
            {t('adminUnits.admin.readinessLink')}
          </Anchor>
        </Group>
        <EventForm />
        <Reviews />
        <RecentEvents />
      </Stack>
    </Container>
  );
}
