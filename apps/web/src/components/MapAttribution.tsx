import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The source and licence of the shapes in data/geo (see its README): shown under every map drawn from them. */
export function MapAttribution() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" mt={4}>
      {t('common.mapAttribution')}
    </Text>
  );
}
