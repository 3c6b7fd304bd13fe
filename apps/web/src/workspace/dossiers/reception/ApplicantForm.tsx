import { Checkbox, Group, Paper, Select, Text, TextInput, Title } from '@mantine/core';
import { cleanPersonName, type DossierReturnMethod, hasVisibleName } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { AddressConvert } from './AddressConvert.js';

export type Applicant = { fullName: string; idNumber: string; phone: string; email: string; address: string };
export type Agent = { fullName: string; relation: string };

/** The applicant, the agent who hands the dossier in (if any) and where the result goes. */
export function ApplicantForm(p: {
  applicant: Applicant;
  setApplicant: (a: Applicant) => void;
  agent: Agent | null;
  setAgent: (a: Agent | null) => void;
  returnMethod: DossierReturnMethod;
  setReturnMethod: (m: DossierReturnMethod) => void;
  /** The server's refusal of a field, by field ('fullName', 'phone'…), shown under it. */
  errors?: Record<string, string> | undefined;
  agentErrors?: Record<string, string> | undefined;
}) {
  const { t } = useTranslation();
  const a = p.applicant;
  const field = (key: keyof Applicant, label: string, required = false) => (
    <TextInput
      required={required}
      label={t(`dossiers.reception.${label}`)}
      value={a[key]}
      onChange={(e) => p.setApplicant({ ...a, [key]: e.currentTarget.value })}
      error={
        key === 'fullName' && a.fullName !== '' && !hasVisibleName(cleanPersonName(a.fullName))
          ? t('dossiers.reception.nameInvisible')
          : p.errors?.[key]
      }
    />
  );
  // Received with a name only: the citizen will track it with the code and this name (said on the receipt too).
  const nameOnly = hasVisibleName(a.fullName) && !a.phone.trim() && !a.idNumber.trim() && !p.agent;
  return (
    <Paper withBorder p="md">
      <Title order={4} size="h5" mb="sm">
        {t('dossiers.reception.applicant')}
      </Title>
      <Group grow>
        {field('fullName', 'fullName', true)}
        {field('idNumber', 'idNumber')}
        {field('phone', 'phone')}
      </Group>
      {nameOnly && (
        <Text size="sm" c="dimmed" mt={4} data-testid="reception-name-only">
          {t('dossiers.reception.nameOnlyLookup')}
        </Text>
      )}
      <Group grow mt="sm" align="start">
        <div>
          {field('address', 'address')}
          <AddressConvert address={a.address} onAddress={(address) => p.setApplicant({ ...a, address })} />
        </div>
        {field('email', 'email')}
      </Group>
      <Checkbox
        mt="md"
        label={t('dossiers.reception.hasAgent')}
        checked={!!p.agent}
        onChange={(e) => p.setAgent(e.currentTarget.checked ? { fullName: '', relation: '' } : null)}
      />
      {p.agent && (
        <Group grow mt="sm">
          <TextInput
            label={t('dossiers.reception.agentName')}
            value={p.agent.fullName}
            error={p.agentErrors?.fullName}
            onChange={(e) => p.agent && p.setAgent({ ...p.agent, fullName: e.currentTarget.value })}
          />
          <TextInput
            label={t('dossiers.reception.agentRelation')}
            value={p.agent.relation}
            error={p.agentErrors?.relation}
            onChange={(e) => p.agent && p.setAgent({ ...p.agent, relation: e.currentTarget.value })}
          />
        </Group>
      )}
      <Select
        mt="sm"
        label={t('dossiers.reception.returnMethod')}
        data={(['counter', 'post', 'online'] as const).map((m) => ({
          value: m,
          label: t(`dossiers.returnMethod.${m}`),
        }))}
        value={p.returnMethod}
        onChange={(v) => v && p.setReturnMethod(v as DossierReturnMethod)}
        allowDeselect={false}
      />
    </Paper>
  );
}
