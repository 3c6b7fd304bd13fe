import {
  Alert,
  Anchor,
  Button,
  Container,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { FEEDBACK_KINDS, type FeedbackKind } from '@mot-cua/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useIntake } from '../../api/feedback.js';
import { allowedUnits, useSession } from '../../api/session.js';
import { UnitPicker } from '../../components/UnitPicker.js';

/** The hotline operator's page (and the counter's): record a call in a few fields. */
export function IntakePage() {
  const { t } = useTranslation();
  const session = useSession();
  const intake = useIntake();
  const units = allowedUnits(session.data, 'feedback.intake');
  // From the counter page: the counter, its unit and the visitor's dossier come with the link.
  const [params] = useSearchParams();
  const counterId = params.get('counterId') ?? undefined;
  const [channel, setChannel] = useState<'hotline' | 'counter'>(
    params.get('channel') === 'counter' ? 'counter' : 'hotline',
  );
  const [kind, setKind] = useState<FeedbackKind>('question');
  const [f, setF] = useState({
    title: '',
    content: '',
    field: '',
    communeCode: params.get('communeCode') ?? '',
    dossierCode: params.get('dossierCode') ?? '',
    callerName: '',
    callerPhone: '',
  });
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) =>
    setF({ ...f, [k]: e.currentTarget.value });
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  const commune = f.communeCode || (units.length === 1 && units[0] !== 'VN' ? units[0]! : '');
  function save(e: FormEvent) {
    e.preventDefault();
    intake.mutate(
      {
        channel,
        kind,
        title: f.title,
        content: f.content,
        field: opt(f.field),
        communeCode: commune,
        dossierCode: opt(f.dossierCode),
        callerName: opt(f.callerName),
        callerPhone: opt(f.callerPhone),
        ...(channel === 'counter' && counterId ? { counterId } : {}),
      },
      { onSuccess: () => setF({ ...f, title: '', content: '', dossierCode: '', callerName: '', callerPhone: '' }) },
    );
  }
  return (
    <Container size="md" py="lg">
      <form onSubmit={save}>
        <Stack>
          <Title order={2}>{t('feedback.intake.title')}</Title>
          <SegmentedControl
            aria-label={t('feedback.intake.channel')}
            value={channel}
            onChange={(v) => setChannel(v as 'hotline' | 'counter')}
            data={[
              { value: 'hotline', label: t('feedback.intake.hotline') },
              { value: 'counter', label: t('feedback.intake.counter') },
            ]}
          />
          <Group grow>
            <TextInput label={t('feedback.intake.caller')} value={f.callerName} onChange={set('callerName')} />
            <TextInput
              label={t('feedback.intake.callerPhone')}
              value={f.callerPhone}
              onChange={set('callerPhone')}
              type="tel"
            />
          </Group>
          <Group grow>
            <Select
              label={t('feedback.form.kind')}
              value={kind}
              onChange={(v) => v && setKind(v as FeedbackKind)}
              data={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kinds.${k}`) }))}
              allowDeselect={false}
            />
            <TextInput label={t('feedback.form.field')} value={f.field} onChange={set('field')} />
          </Group>
          <TextInput label={t('feedback.form.subject')} required value={f.title} onChange={set('title')} />
          <Textarea
            label={t('feedback.form.content')}
            required
            autosize
            minRows={3}
            value={f.content}
            onChange={set('content')}
          />
          <Group grow>
            <UnitPicker
              label={t('feedback.form.commune')}
              level="commune"
              required
              value={commune || null}
              onChange={(code) => setF((x) => ({ ...x, communeCode: code ?? '' }))}
            />
            <TextInput label={t('feedback.form.dossier')} value={f.dossierCode} onChange={set('dossierCode')} />
          </Group>
          {intake.error instanceof ApiError && <Alert color="red">{intake.error.problem.detail}</Alert>}
          {intake.data && (
            <Alert color="teal">
              <Anchor component={Link} to={`/workspace/feedback/${intake.data.id}`}>
                {t('feedback.intake.saved', { code: intake.data.code })}
              </Anchor>
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={intake.isPending}>
              {t('feedback.intake.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Container>
  );
}
