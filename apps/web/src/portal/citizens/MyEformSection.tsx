import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEformView } from '../../api/eforms.js';
import { EformSummary } from '../../components/EformSummary.js';

/** The e-form of one of my dossiers as I filled it, and my declaration as a PDF (printed with the e-form fields). */
export function MyEformSection({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const q = useEformView(`/api/citizen/dossiers/${dossierId}/eform`);
  if (!q.data) return null;
  return (
    <Stack gap={4}>
      <EformSummary view={q.data} />
      <Anchor href={`/api/citizen/dossiers/${dossierId}/declaration`} target="_blank" size="sm">
        {t('citizenForms.declarationPdf')}
      </Anchor>
    </Stack>
  );
}
