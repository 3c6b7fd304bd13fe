import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { vnDateTime } from '../../api/dossiers.js';
import { useSession } from '../../api/session.js';
import { usePortalImports } from '../../api/sync.js';
import { DataTable } from '../../components/DataTable.js';
import { RoutePortalDossierModal } from './RoutePortalDossierModal.js';

/**
 * Reception's review list of online dossiers from the national portal: those routed to the official's units and
 * still waiting (accept, request a supplement or refuse them on the dossier page), and those that could not be
 * routed, with the reason.
 */
export function OnlineDossiersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [view, setView] = useState<'pending' | 'all'>('pending');
  const q = usePortalImports(view);
  const [routing, setRouting] = useState<string | null>(null);
  const [routed, setRouted] = useState<{ portalCode: string; dossierCode: string } | null>(null);
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Navigate to="/login" replace />;
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('sync.online.title')}</Title>
        <Text c="dimmed">{t('sync.online.intro')}</Text>
        <SegmentedControl
          w={320}
          value={view}
          onChange={(v) => setView(v as 'pending' | 'all')}
          data={[
            { value: 'pending', label: t('sync.online.pending') },
            { value: 'all', label: t('sync.online.all') },
          ]}
        />
        {routed && (
          <Alert color="green" role="status" withCloseButton onClose={() => setRouted(null)}>
            {t('sync.online.route.done', routed)}
          </Alert>
        )}
        {q.isError && (
          <Alert color="red">{q.error instanceof ApiError ? q.error.problem.detail : t('common.error')}</Alert>
        )}
        {q.isLoading && <Loader aria-label={t('common.loading')} />}
        {q.data?.items.length === 0 && <Text>{t('sync.online.empty')}</Text>}
        {q.data && q.data.items.length > 0 && (
          <DataTable
            minWidth={960}
            columns={[
              {
                header: t('sync.online.portalCode'),
                cell: (r) => (
                  <Text ff="monospace" size="sm">
                    {r.portalCode}
                  </Text>
                ),
              },
              { header: t('sync.online.applicant'), cell: (r) => r.applicantName },
              { header: t('sync.online.procedure'), cell: (r) => r.procedureName ?? r.procedureCode },
              { header: t('sync.online.files'), cell: (r) => r.fileCount },
              {
                header: t('sync.online.flags'),
                cell: (r) => (
                  <Group gap={4}>
                    {r.vneidVerified && <Badge variant="light">{t('sync.online.vneid')}</Badge>}
                    {r.paidOnline && (
                      <Badge variant="light" color="green">
                        {t('sync.online.paid')}
                      </Badge>
                    )}
                  </Group>
                ),
              },
              { header: t('sync.online.importedAt'), cell: (r) => vnDateTime(r.importedAt) },
              {
                header: t('sync.online.status'),
                cell: (r) =>
                  r.state === 'needs_review' ? (
                    <Badge color="orange" variant="light" title={r.reason ?? ''}>
                      {t('sync.online.review')}: {t(`sync.online.reasons.${r.reason}`)}
                    </Badge>
                  ) : (
                    t(`dossiers.status.${r.status}`)
                  ),
              },
              {
                header: null,
                cell: (r) =>
                  r.dossierId ? (
                    <Anchor component={Link} to={`/workspace/dossiers/${r.dossierId}`} size="sm">
                      {t('sync.online.open')} {r.dossierCode}
                    </Anchor>
                  ) : r.state === 'needs_review' ? (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => {
                        setRouted(null);
                        setRouting(r.portalCode);
                      }}
                      aria-label={`${t('sync.online.route.action')} ${r.portalCode}`}
                    >
                      {t('sync.online.route.action')}
                    </Button>
                  ) : null,
              },
            ]}
            rows={q.data.items}
            rowKey={(r) => r.portalCode}
          />
        )}
      </Stack>
      <RoutePortalDossierModal
        portalCode={routing}
        onClose={() => setRouting(null)}
        onRouted={(r) => {
          setRouting(null);
          setRouted(r);
        }}
      />
    </Container>
  );
}
