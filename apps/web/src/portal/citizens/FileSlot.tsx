import { FileInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { lighten } from '../../api/citizens.js';

/** One upload slot (a component of the dossier): PDF, JPEG or PNG, photos lightened on slow networks. */
export function FileSlot({
  label,
  description,
  files,
  onChange,
  required,
}: {
  label: string;
  description?: string;
  files: File[];
  onChange: (files: File[]) => void;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <FileInput
      label={label}
      description={description}
      placeholder={t('citizens.choose')}
      accept="application/pdf,image/jpeg,image/png"
      multiple
      clearable
      withAsterisk={required}
      value={files}
      onChange={async (v) => onChange(await Promise.all((v ?? []).map((f) => lighten(f))))}
    />
  );
}
