import { Checkbox, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CitizenProfile } from '@mot-cua/contracts';
import type { EformValues } from '@mot-cua/contracts/eforms';
import { useTranslation } from 'react-i18next';

/** What the form holds, as saved in the server-side draft. */
export type FormState = {
  unit: string | null;
  unitLabel: string;
  forOther: boolean;
  other: { fullName: string; idNumber: string; relation: string };
  contact: { phone: string; email: string; address: string };
  returnMethod: 'online' | 'counter' | 'post';
  note: string;
  eform: EformValues;
};
export const EMPTY: FormState = {
  unit: null,
  unitLabel: '',
  forOther: false,
  other: { fullName: '', idNumber: '', relation: '' },
  contact: { phone: '', email: '', address: '' },
  returnMethod: 'online',
  note: '',
  eform: {},
};

/** The applicant: from the identity claims, or someone else the citizen submits for; contact details. */
export function ApplicantCard({
  s,
  set,
  phone,
  me,
}: {
  s: FormState;
  set: <K extends keyof FormState>(k: K, v: FormState[K]) => void;
  phone: string;
  me: CitizenProfile | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" id="submit-applicant">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('citizens.applicant')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('citizens.fromIdentity')}
        </Text>
        <TextInput label={t('citizens.fullName')} value={me?.fullName ?? ''} readOnly />
        <TextInput label={t('citizens.idNumber')} value={me?.idNumber ?? ''} readOnly />
        <Checkbox
          label={t('citizens.forSomeoneElse')}
          checked={s.forOther}
          onChange={(e) => set('forOther', e.currentTarget.checked)}
        />
        {s.forOther && (
          <>
            <TextInput
              label={t('citizens.fullName')}
              required
              value={s.other.fullName}
              onChange={(e) => set('other', { ...s.other, fullName: e.currentTarget.value })}
            />
            <TextInput
              label={t('citizens.idNumber')}
              inputMode="numeric"
              pattern="[0-9]{12}"
              value={s.other.idNumber}
              onChange={(e) => set('other', { ...s.other, idNumber: e.currentTarget.value })}
            />
            <TextInput
              label={t('citizens.relation')}
              value={s.other.relation}
              onChange={(e) => set('other', { ...s.other, relation: e.currentTarget.value })}
            />
          </>
        )}
        <TextInput
          label={t('citizens.phone')}
          type="tel"
          value={phone}
          onChange={(e) => set('contact', { ...s.contact, phone: e.currentTarget.value })}
        />
        <TextInput
          label={t('citizens.email')}
          type="email"
          value={s.contact.email}
          onChange={(e) => set('contact', { ...s.contact, email: e.currentTarget.value })}
        />
        <TextInput
          label={t('citizens.address')}
          value={s.contact.address}
          onChange={(e) => set('contact', { ...s.contact, address: e.currentTarget.value })}
        />
      </Stack>
    </Paper>
  );
}
