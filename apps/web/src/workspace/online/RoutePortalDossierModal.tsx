import { Alert, Button, Group, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { vnToday } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProvinces } from '../../api/admin-units.js';
import { ApiError } from '../../api/client.js';
import { usePortalRouteCandidates, useRoutePortalDossier } from '../../api/sync.js';

/**
 * Route an online dossier of the review list to a unit by hand: the successors of a split old commune first,
 * then the other communes of the province; the API fetches it again from the portal and imports it there.
 */
export function RoutePortalDossierModal(props: {
  portalCode: string | null;
  onClose: () => void;
  onRouted: (r: { portalCode: string; dossierCode: string }) => void;
}) {
  const { t } = useTranslation();
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [provinceCode, setProvinceCode] = useState<string | null>(null);
  const q = usePortalRouteCandidates(props.portalCode, provinceCode);
  // Without successors, any commune of a province: the province is the record's (or the official's) unless changed.
  const provinces = useProvinces(vnToday());
  const pickProvince = q.data !== undefined && q.data.successors.length === 0;
  const route = useRoutePortalDossier();
  const close = () => {
    setUnitCode(null);
    setProvinceCode(null);
    route.reset();
    props.onClose();
  };
  const option = (u: { code: string; fullName: string }) => ({ value: u.code, label: `${u.fullName} (${u.code})` });
  const groups = q.data
    ? [
        { group: t('sync.online.route.successors'), items: q.data.successors.map(option) },
        { group: t('sync.online.route.others'), items: q.data.others.map(option) },
      ].filter((g) => g.items.length > 0)
    : [];
  const problem = (e: unknown) => (e instanceof ApiError ? e.problem.detail : t('common.error'));
  return (
    <Modal
      opened={props.portalCode !== null}
      onClose={close}
      title={t('sync.online.route.title', { code: props.portalCode ?? '' })}
      size="lg"
    >
      <Stack>
        <Text size="sm">{t('sync.online.route.intro')}</Text>
        {q.isLoading && <Loader aria-label={t('common.loading')} />}
        {q.isError && <Alert color="red">{problem(q.error)}</Alert>}
        {pickProvince && (
          <Select
            label={t('sync.online.route.province')}
            data={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.fullName }))}
            value={provinceCode ?? q.data?.provinceCode ?? null}
            onChange={(v) => {
              setProvinceCode(v);
              setUnitCode(null);
            }}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {q.data && groups.length === 0 && <Text>{t('sync.online.route.none')}</Text>}
        {groups.length > 0 && (
          <Select
            label={t('sync.online.route.unit')}
            data={groups}
            value={unitCode}
            onChange={setUnitCode}
            searchable
            nothingFoundMessage={t('sync.online.route.none')}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
        )}
        {route.isError && (
          <Alert color="red" role="alert">
            {problem(route.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('sync.online.route.cancel')}
          </Button>
          <Button
            disabled={!unitCode || !props.portalCode}
            loading={route.isPending}
            onClick={() => {
              if (!unitCode || !props.portalCode) return;
              route.mutate(
                { portalCode: props.portalCode, unitCode },
                {
                  onSuccess: (r) => {
                    setUnitCode(null);
                    props.onRouted({ portalCode: r.portalCode, dossierCode: r.dossierCode });
                  },
                },
              );
            }}
          >
            {t('sync.online.route.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
