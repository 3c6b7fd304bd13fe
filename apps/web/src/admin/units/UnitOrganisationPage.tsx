import { Alert, Anchor, Button, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { vnToday } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { orgApi, useOrganisation, useOrgWrite } from '../../api/admin-units.js';
import { useSession } from '../../api/session.js';
import { VnDateInput } from '../../components/VnDateInput.js';
import { errorText } from './form-helpers.js';
import { Centers } from './organisation/Centers.js';
import { Departments } from './organisation/Departments.js';
import { Officials } from './organisation/Officials.js';

export function UnitOrganisationPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const session = useSession();
  const [onDate, setOnDate] = useState(vnToday());
  const org = useOrganisation(code, onDate);
  const createDefault = useOrgWrite(() => orgApi.createDefault(code));
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Text p="lg">{t('adminUnits.admin.signIn')}</Text>;
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Anchor component={Link} to={`/units?code=${code}`} size="sm">
          ← {t('adminUnits.org.back')}
        </Anchor>
        <Title order={2}>{t('adminUnits.org.title', { name: org.data?.unit.fullName ?? code })}</Title>
        <Text c="dimmed">{t('adminUnits.org.intro')}</Text>
        <VnDateInput label={t('adminUnits.onDate')} value={onDate} onChange={(iso) => iso && setOnDate(iso)} w={180} />
        {org.isLoading && <Loader aria-label={t('common.loading')} />}
        {org.isError && <Alert color="red">{errorText(org.error, t('adminUnits.loadError'))}</Alert>}
        {org.data && (
          <>
            {org.data.departments.length === 0 && org.data.serviceCenters.length === 0 && (
              <Alert color="blue">
                <Group justify="space-between">
                  <Text>{t('adminUnits.org.empty')}</Text>
                  <Button loading={createDefault.isPending} onClick={() => createDefault.mutate(undefined)}>
                    {t('adminUnits.org.createDefault')}
                  </Button>
                </Group>
                {createDefault.isError && <Text c="red">{errorText(createDefault.error, t('common.error'))}</Text>}
              </Alert>
            )}
            <Departments org={org.data} />
            <Centers org={org.data} />
            <Officials org={org.data} onDate={onDate} />
          </>
        )}
      </Stack>
    </Container>
  );
}
