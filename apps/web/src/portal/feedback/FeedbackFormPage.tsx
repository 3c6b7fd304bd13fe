import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Container,
  FileInput,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  FEEDBACK_KINDS,
  FEEDBACK_PHOTO_MAX_BYTES,
  type FeedbackKind,
  type FeedbackSubmitRequest,
} from '@mot-cua/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isCitizen, useCitizenProfile } from '../../api/citizens.js';
import { ApiError } from '../../api/client.js';
import { useSubmitFeedback, vnDateTimeOf } from '../../api/feedback.js';
import { useSession } from '../../api/session.js';
import { ProvinceMap } from '../../components/ProvinceMap.js';
import { UnitPicker } from '../../components/UnitPicker.js';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The public form: a question, complaint, suggestion or report, anonymous or not, with photos and a place. */
export function FeedbackFormPage() {
  const { t } = useTranslation();
  const submit = useSubmitFeedback();
  // Opened from a dossier ("Hồ sơ của tôi"): the dossier code is filled in, so the feedback is routed to its unit.
  const [params] = useSearchParams();
  const [kind, setKind] = useState<FeedbackKind>('question');
  const [f, setF] = useState({
    title: '',
    content: '',
    field: '',
    communeCode: '',
    dossierCode: params.get('ho-so') ?? '',
    name: '',
    phone: '',
    email: '',
  });
  const [anonymous, setAnonymous] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [place, setPlace] = useState<{ lat: number; long: number } | undefined>();
  const [local, setLocal] = useState<string | null>(null);
  // A citizen signed in with the electronic identity: name and phone from the profile, the feedback kept with
  // the account (unless sent anonymously).
  const session = useSession();
  const citizen = isCitizen(session.data);
  const profile = useCitizenProfile(citizen);
  useEffect(() => {
    if (profile.data)
      setF((o) => ({ ...o, name: o.name || profile.data.fullName, phone: o.phone || (profile.data.phone ?? '') }));
  }, [profile.data]);
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) =>
    setF({ ...f, [k]: e.currentTarget.value });
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);

  async function send(e: FormEvent) {
    e.preventDefault();
    setLocal(null);
    const big = files.find((x) => x.size > FEEDBACK_PHOTO_MAX_BYTES);
    if (big) return setLocal(t('feedback.form.photoTooLarge', { name: big.name }));
    const body: FeedbackSubmitRequest = {
      kind,
      title: f.title,
      content: f.content,
      field: opt(f.field),
      communeCode: f.communeCode.trim(),
      dossierCode: opt(f.dossierCode),
      anonymous,
      submitterName: anonymous ? undefined : opt(f.name),
      submitterPhone: anonymous ? undefined : opt(f.phone),
      submitterEmail: anonymous ? undefined : opt(f.email),
      location: place,
      photos: await Promise.all(files.map(async (x) => ({ fileName: x.name, dataBase64: await toBase64(x) }))),
    };
    submit.mutate(body);
  }

  if (submit.data) {
    return (
      <Container size="md" py="lg">
        <Alert color="teal" title={t('feedback.form.title')}>
          <Stack gap="xs">
            <Text>{t('feedback.form.sent', { code: submit.data.code, due: vnDateTimeOf(submit.data.dueAt) })}</Text>
            <Anchor component={Link} to={`/phan-anh/${submit.data.token}`}>
              {t('feedback.form.follow')}
            </Anchor>
          </Stack>
        </Alert>
      </Container>
    );
  }
  return (
    <Container size="lg" py="lg">
      <Title order={2}>{t('feedback.form.title')}</Title>
      <Text c="dimmed" mb="md">
        {t('feedback.form.intro')}
      </Text>
      {citizen && profile.data && (
        <Alert color="blue" mb="md" data-testid="feedback-signed-in">
          {t('feedback.form.signedIn', { name: profile.data.fullName })}
        </Alert>
      )}
      <form onSubmit={send}>
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack>
              <Select
                label={t('feedback.form.kind')}
                value={kind}
                onChange={(v) => v && setKind(v as FeedbackKind)}
                data={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kinds.${k}`) }))}
                allowDeselect={false}
              />
              <TextInput
                label={t('feedback.form.subject')}
                required
                value={f.title}
                onChange={set('title')}
                maxLength={200}
              />
              <Textarea
                label={t('feedback.form.content')}
                required
                autosize
                minRows={4}
                value={f.content}
                onChange={set('content')}
              />
              <Group grow>
                <UnitPicker
                  label={t('feedback.form.commune')}
                  description={t('feedback.form.communeHint')}
                  level="commune"
                  required
                  value={f.communeCode || null}
                  onChange={(code) => setF((x) => ({ ...x, communeCode: code ?? '' }))}
                />
                <TextInput label={t('feedback.form.field')} value={f.field} onChange={set('field')} />
              </Group>
              <TextInput label={t('feedback.form.dossier')} value={f.dossierCode} onChange={set('dossierCode')} />
              <Checkbox
                label={t('feedback.form.anonymous')}
                checked={anonymous}
                onChange={(e) => setAnonymous(e.currentTarget.checked)}
              />
              {!anonymous && (
                <Group grow>
                  <TextInput label={t('feedback.form.name')} value={f.name} onChange={set('name')} />
                  <TextInput label={t('feedback.form.phone')} value={f.phone} onChange={set('phone')} type="tel" />
                  <TextInput label={t('feedback.form.email')} value={f.email} onChange={set('email')} type="email" />
                </Group>
              )}
              <FileInput
                label={t('feedback.form.photos')}
                multiple
                accept="image/jpeg,image/png"
                value={files}
                onChange={(v) => setFiles(v.slice(0, 3))}
                clearable
              />
              {(local || submit.error instanceof ApiError) && (
                <Alert color="red">{local ?? (submit.error as ApiError).problem.detail}</Alert>
              )}
              <Group>
                <Button type="submit" loading={submit.isPending}>
                  {t('feedback.form.send')}
                </Button>
              </Group>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Text size="sm" fw={500}>
              {t('feedback.form.location')}
            </Text>
            {place && (
              <Group gap="xs">
                <Text size="sm">{t('feedback.form.locationPicked', place)}</Text>
                <Button size="compact-xs" variant="subtle" onClick={() => setPlace(undefined)}>
                  {t('feedback.form.clearLocation')}
                </Button>
              </Group>
            )}
            <ProvinceMap title={t('feedback.form.mapTitle')} onPick={setPlace} marker={place} />
          </Grid.Col>
        </Grid>
      </form>
    </Container>
  );
}
