import { Button, Group, Text } from '@mantine/core';
import type { ConversionResult } from '@mot-cua/contracts';

type ConversionCandidate = ConversionResult['candidates'][number];

import { useTranslation } from 'react-i18next';
import { useConvert } from '../../../api/admin-units.js';

/** The address written with today's commune and province. */
const rewritten = (detail: string, c: ConversionCandidate) =>
  [detail.trim().replace(/,\s*$/, ''), c.newUnit.fullName, c.newProvince.fullName].filter(Boolean).join(', ');

/**
 * The applicant's old address (before the 2025 reorganisation) turned into the new unit in one click; when the
 * old commune was split, the candidates are offered and the official picks one.
 */
export function AddressConvert(p: { address: string; onAddress: (a: string) => void }) {
  const { t } = useTranslation();
  const convert = useConvert();
  const r = convert.data;
  const choices = r && (r.status === 'ambiguous' || r.status === 'needs_detail') ? r.candidates.slice(0, 4) : [];
  return (
    <Group gap="xs" mt={6} wrap="wrap">
      <Button
        size="compact-xs"
        variant="light"
        disabled={p.address.trim().length < 4}
        loading={convert.isPending}
        onClick={() =>
          convert.mutate(
            { address: p.address },
            {
              onSuccess: (res) => {
                const best = res.candidates[0];
                if (res.status === 'converted' && best) p.onAddress(rewritten(res.detail, best));
              },
            },
          )
        }
      >
        {t('dossiers.reception.convertAddress')}
      </Button>
      {r?.status === 'converted' && (
        <Text size="xs" c="teal.9" data-testid="address-converted">
          {t('dossiers.reception.addressConverted')}
        </Text>
      )}
      {r?.status === 'already_current' && (
        <Text size="xs" c="dimmed">
          {t('dossiers.reception.addressCurrent')}
        </Text>
      )}
      {r?.status === 'not_found' && (
        <Text size="xs" c="orange.9">
          {t('dossiers.reception.addressNotFound')}
        </Text>
      )}
      {choices.map((c) => (
        <Button
          key={c.newUnit.code}
          size="compact-xs"
          variant="default"
          onClick={() => {
            p.onAddress(rewritten(r?.detail ?? '', c));
            convert.reset();
          }}
        >
          {c.newUnit.fullName}, {c.newProvince.fullName}
        </Button>
      ))}
    </Group>
  );
}
