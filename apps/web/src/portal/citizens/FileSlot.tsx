import { ActionIcon, FileInput, Group, List, Stack, Text } from '@mantine/core';
import type { CitizenDraft } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { lighten } from '../../api/citizens.js';

/** The picker's placeholder ("Chọn tệp…") is text the user reads: dark enough for WCAG AA (4.5:1), unlike Mantine's grey. */
const readablePlaceholder = { placeholder: { color: 'var(--mantine-color-gray-7)' } };

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
      styles={readablePlaceholder}
      accept="application/pdf,image/jpeg,image/png"
      multiple
      clearable
      withAsterisk={required}
      value={files}
      onChange={async (v) => onChange(await Promise.all((v ?? []).map((f) => lighten(f))))}
    />
  );
}

/**
 * An upload slot of a draft: the files already kept with the draft (removable), and a picker that sends new ones to
 * the draft at once, so they survive a closed tab or a change of device.
 */
export function DraftFileSlot({
  label,
  description,
  required,
  kept,
  busy,
  onAdd,
  onRemove,
}: {
  label: string;
  description?: string;
  required?: boolean;
  kept: CitizenDraft['files'];
  busy: boolean;
  onAdd: (files: File[]) => void;
  onRemove: (fileId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <FileInput
        label={label}
        description={description}
        placeholder={busy ? t('citizenForms.uploading') : t('citizens.choose')}
        styles={readablePlaceholder}
        accept="application/pdf,image/jpeg,image/png"
        multiple
        withAsterisk={required}
        disabled={busy}
        value={[]}
        onChange={(v) => v && v.length > 0 && onAdd(v)}
      />
      {kept.length > 0 && (
        <List size="sm" aria-label={t('citizenForms.keptFiles', { label })}>
          {kept.map((f) => (
            <List.Item key={f.id}>
              <Group gap={4} wrap="nowrap">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {f.fileName} ({Math.max(1, Math.round(f.sizeBytes / 1024))} KB)
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  aria-label={t('citizenForms.removeFile', { name: f.fileName })}
                  onClick={() => onRemove(f.id)}
                >
                  ×
                </ActionIcon>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
