import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Container,
  Group,
  List,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { CitizenSubmitRequest } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useUnitSearch } from '../../api/admin-units.js';
import { isCitizen, submitOnline, type Uploads, useCitizenProfile } from '../../api/citizens.js';
import { ApiError } from '../../api/client.js';
import { useProcedure } from '../../api/procedures.js';
import { useSession } from '../../api/session.js';
import { CitizenSignInPage } from './CitizenSignInPage.js';
import { FileSlot } from './FileSlot.js';

const today = () => new Date().toISOString().slice(0, 10);

/** The guided online submission: applicant from the identity claims, where to submit, one slot per component, review, send. */
export function OnlineSubmitPage() {
  const session = useSession();
  if (session.isLoading) return <Loader />;
  if (!isCitizen(session.data)) return <CitizenSignInPage />;
  return <OnlineSubmitForm csrf={session.data?.csrfToken ?? ''} />;
}

function OnlineSubmitForm({ csrf }: { csrf: string }) {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const p = useProcedure(code);
  const me = useCitizenProfile(true);
  const [unitQuery, setUnitQuery] = useState('');
  const units = useUnitSearch(unitQuery, today());
  const [unit, setUnit] = useState<string | null>(null);
  const [forOther, setForOther] = useState(false);
  const [other, setOther] = useState({ fullName: '', idNumber: '', relation: '' });
  const [contact, setContact] = useState({ phone: '', email: '', address: '' });
  const [returnMethod, setReturnMethod] = useState<'online' | 'counter' | 'post'>('online');
  const [uploads, setUploads] = useState<Uploads>({});
  const [note, setNote] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (p.isLoading || me.isLoading) return <Loader aria-label={t('common.loading')} />;
  const proc = p.data?.procedure;
  if (!proc || proc.onlineServiceLevel === 'none')
    return (
      <Container size="sm" py="md">
        <Alert color="red">{t('procedures.notFound')}</Alert>
      </Container>
    );
  const phone = contact.phone || me.data?.phone || '';
  const unitOptions = (units.data?.items ?? [])
    .filter((i) => i.unit.level === 'commune')
    .map((i) => ({ value: i.unit.code, label: `${i.unit.name}${i.provinceName ? `, ${i.provinceName}` : ''}` }));
  const missing = proc.components.filter((c) => !c.conditional && !uploads[c.key]?.length).map((c) => c.name);

  const send = async () => {
    if (!unit) return;
    setBusy(true);
    setError(null);
    const data: CitizenSubmitRequest = {
      procedureCode: proc.code,
      receivingUnitCode: unit,
      ...(forOther
        ? {
            applicant: { fullName: other.fullName, idNumber: other.idNumber || null },
            agentRelation: other.relation || null,
          }
        : {}),
      phone: phone || null,
      email: contact.email || null,
      address: contact.address || null,
      returnMethod,
      note: note || null,
    };
    try {
      const d = await submitOnline(data, uploads, csrf);
      navigate(`/ho-so-cua-toi/${d.id}?moi=1`);
    } catch (err) {
      setError(
        err instanceof ApiError
          ? i18n.language === 'en'
            ? err.problem.message.en
            : err.problem.message.vi
          : String(err),
      );
      setReviewing(false);
    } finally {
      setBusy(false);
    }
  };

  const unitLabel = unitOptions.find((o) => o.value === unit)?.label ?? unit ?? '';
  return (
    <Container size="sm" py="md" px="xs">
      <Stack gap="sm">
        <Anchor component={Link} to={`/procedures/${proc.code}`} size="sm">
          ← {proc.name}
        </Anchor>
        <Title order={2} size="h3">
          {t('citizens.onlineTitle')}
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {reviewing ? (
          <Paper withBorder p="sm" radius="md" aria-labelledby="review-title">
            <Stack gap="xs">
              <Title order={3} size="h4" id="review-title">
                {t('citizens.summary')}
              </Title>
              <Text>
                {t('citizens.applicant')}: <strong>{forOther ? other.fullName : me.data?.fullName}</strong>
                {forOther && ` (${t('citizens.asAgent')}: ${me.data?.fullName})`}
              </Text>
              <Text>
                {t('citizens.unit')}: <strong>{unitLabel}</strong>
              </Text>
              <Text>
                {t('citizens.returnMethod')}: {t(`citizens.returnMethods.${returnMethod}`)}
              </Text>
              <List size="sm">
                {proc.components.map((c) => (
                  <List.Item key={c.key}>
                    {c.name}:{' '}
                    {uploads[c.key]?.length ? uploads[c.key]!.map((f) => f.name).join(', ') : t('citizens.noFile')}
                  </List.Item>
                ))}
              </List>
              {missing.length > 0 && (
                <Alert color="orange">{t('citizens.missingRequired', { list: missing.join('; ') })}</Alert>
              )}
              <Group>
                <Button variant="default" onClick={() => setReviewing(false)}>
                  {t('citizens.edit')}
                </Button>
                <Button onClick={() => void send()} loading={busy}>
                  {t('citizens.send')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : (
          <Stack
            gap="sm"
            component="form"
            onSubmit={(e: React.FormEvent) => {
              e.preventDefault();
              if (unit) setReviewing(true);
            }}
          >
            <Paper withBorder p="sm" radius="md">
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('citizens.applicant')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('citizens.fromIdentity')}
                </Text>
                <TextInput label={t('citizens.fullName')} value={me.data?.fullName ?? ''} readOnly />
                <TextInput label={t('citizens.idNumber')} value={me.data?.idNumber ?? ''} readOnly />
                <Checkbox
                  label={t('citizens.forSomeoneElse')}
                  checked={forOther}
                  onChange={(e) => setForOther(e.currentTarget.checked)}
                />
                {forOther && (
                  <>
                    <TextInput
                      label={t('citizens.fullName')}
                      required
                      value={other.fullName}
                      onChange={(e) => setOther({ ...other, fullName: e.currentTarget.value })}
                    />
                    <TextInput
                      label={t('citizens.idNumber')}
                      inputMode="numeric"
                      pattern="[0-9]{12}"
                      value={other.idNumber}
                      onChange={(e) => setOther({ ...other, idNumber: e.currentTarget.value })}
                    />
                    <TextInput
                      label={t('citizens.relation')}
                      value={other.relation}
                      onChange={(e) => setOther({ ...other, relation: e.currentTarget.value })}
                    />
                  </>
                )}
                <TextInput
                  label={t('citizens.phone')}
                  type="tel"
                  value={phone}
                  onChange={(e) => setContact({ ...contact, phone: e.currentTarget.value })}
                />
                <TextInput
                  label={t('citizens.email')}
                  type="email"
                  value={contact.email}
                  onChange={(e) => setContact({ ...contact, email: e.currentTarget.value })}
                />
                <TextInput
                  label={t('citizens.address')}
                  value={contact.address}
                  onChange={(e) => setContact({ ...contact, address: e.currentTarget.value })}
                />
              </Stack>
            </Paper>
            <Select
              label={t('citizens.unit')}
              placeholder={t('citizens.unitPlaceholder')}
              searchable
              required
              data={unitOptions}
              value={unit}
              onChange={setUnit}
              searchValue={unitQuery}
              onSearchChange={setUnitQuery}
              filter={({ options }) => options}
              nothingFoundMessage={unitQuery ? '—' : undefined}
            />
            <Select
              label={t('citizens.returnMethod')}
              data={(['online', 'counter', 'post'] as const).map((m) => ({
                value: m,
                label: t(`citizens.returnMethods.${m}`),
              }))}
              value={returnMethod}
              onChange={(v) => v && setReturnMethod(v as typeof returnMethod)}
              allowDeselect={false}
            />
            <Paper withBorder p="sm" radius="md">
              <Stack gap="sm">
                <Title order={3} size="h5">
                  {t('citizens.components')}
                </Title>
                {proc.components.map((c) => (
                  <FileSlot
                    key={c.key}
                    label={c.name}
                    description={[
                      c.conditional ? t('citizens.conditional') : t('citizens.required'),
                      c.originals ? t('citizens.originals', { count: c.originals }) : null,
                      c.copies ? t('citizens.copies', { count: c.copies }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                    required={!c.conditional}
                    files={uploads[c.key] ?? []}
                    onChange={(files) => setUploads((u) => ({ ...u, [c.key]: files }))}
                  />
                ))}
              </Stack>
            </Paper>
            <Textarea label={t('citizens.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Button type="submit" disabled={!unit}>
              {t('citizens.review')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Container>
  );
}
