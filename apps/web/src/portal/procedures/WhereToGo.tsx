import { Alert, Anchor, Stack, Text } from '@mantine/core';
import type { CatalogProcedure } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { mapUrl, useWhereToGo } from '../../api/procedures.js';
import { UnitPicker } from '../../components/UnitPicker.js';

const KEY = 'mc.citizenUnit';
const remembered = () => {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
};

/**
 * "Where to go": the citizen picks their commune by name (remembered on this device) and sees the service center
 * that receives the procedure — the commune's, or the province's when the commune does not — with its address,
 * office hours and a map link.
 */
export function WhereToGo({ p }: { p: CatalogProcedure }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<string | null>(remembered);
  const q = useWhereToGo(p.code, unit);
  const choose = (code: string | null) => {
    setUnit(code);
    try {
      if (code) window.localStorage.setItem(KEY, code);
      else window.localStorage.removeItem(KEY);
    } catch {
      // private browsing: not remembered
    }
  };
  const w = q.data;
  return (
    <Stack gap="xs">
      <UnitPicker label={t('procedures.where.unit')} value={unit} onChange={choose} w="100%" />
      {q.error instanceof ApiError && <Alert color="red">{q.error.problem.detail}</Alert>}
      {w && (
        <Stack gap={2} data-testid="where-to-go">
          {!w.receivesHere && (
            <Text size="sm" c="dimmed">
              {t('procedures.where.notHere', { unit: w.unit.name, place: w.place.unitName })}
            </Text>
          )}
          <Text fw={600}>{w.place.centerName ?? t('procedures.where.center', { unit: w.place.unitName })}</Text>
          <Text size="sm">
            {t('procedures.where.address')}:{' '}
            {w.place.address ?? t('procedures.where.noAddress', { unit: w.place.unitName })}
          </Text>
          <Text size="sm">
            {t('procedures.where.hours')}: {w.place.officeHours.map((h) => `${h.start}–${h.end}`).join(', ')} (
            {t('procedures.where.workingDays')})
          </Text>
          <Anchor href={mapUrl(w.place)} target="_blank" rel="noopener noreferrer" size="sm">
            {t('procedures.where.map')}
          </Anchor>
          {w.place.demoData && (
            <Text size="sm" c="orange.8" data-testid="where-to-go-demo">
              {t('procedures.where.demoData')}
            </Text>
          )}
        </Stack>
      )}
      {!unit && (
        <Text size="sm" c="dimmed">
          {p.receivingAddress ?? p.implementingAgency ?? t('procedures.whereDefault')}
        </Text>
      )}
      <Anchor component={Link} to="/dat-lich" size="sm" data-testid="procedure-booking">
        {t('nav.bookingLong')}
      </Anchor>
    </Stack>
  );
}
