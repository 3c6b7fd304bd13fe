import { Alert, Anchor, Button, Container, Loader, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { CitizenDraft, CitizenSubmitRequest } from '@mot-cua/contracts';
import { eformForProcedure, validateEform } from '@mot-cua/contracts/eforms';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useUnitSearch } from '../../api/admin-units.js';
import { removeDraftFile, uploadDraftFiles, useMyDraft } from '../../api/citizen-drafts.js';
import { isCitizen, submitOnline, useCitizenProfile } from '../../api/citizens.js';
import { ApiError } from '../../api/client.js';
import { useProcedure } from '../../api/procedures.js';
import { useSession } from '../../api/session.js';
import { ApplicantCard, EMPTY, type FormState } from './ApplicantCard.js';
import { CitizenSignInPage } from './CitizenSignInPage.js';
import { type EformErrors, EformFields } from './EformFields.js';
import { DraftFileSlot } from './FileSlot.js';
import { SubmitReview } from './SubmitReview.js';
import { useDraftAutosave } from './use-draft-autosave.js';

const today = () => new Date().toISOString().slice(0, 10);

/** The guided online submission: applicant from the identity claims, the e-form, one slot per component, review, send. */
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
  const qc = useQueryClient();
  const p = useProcedure(code);
  const me = useCitizenProfile(true);
  const draft = useMyDraft(code, true);
  const [s, setS] = useState<FormState>(EMPTY);
  const [hydrated, setHydrated] = useState(false);
  const [unitQuery, setUnitQuery] = useState('');
  const units = useUnitSearch(unitQuery, today());
  const [errors, setErrors] = useState<EformErrors>({});
  const [reviewing, setReviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const schema = eformForProcedure(code);
  const lang = i18n.language === 'en' ? 'en' : 'vi';

  // Resume: the form is filled once from the draft (or left empty), then autosaved.
  useEffect(() => {
    if (hydrated || draft.isLoading) return;
    if (draft.data) setS({ ...EMPTY, ...(draft.data.data as Partial<FormState>) });
    setHydrated(true);
  }, [draft.isLoading, draft.data, hydrated]);
  const autosave = useDraftAutosave(code, s, hydrated);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [unitError, setUnitError] = useState<string | null>(null);
  useEffect(() => {
    if (reviewing || !focusTarget) return;
    const el = document.getElementById(focusTarget);
    el?.scrollIntoView({ block: 'start' });
    (el?.querySelector('input, select, textarea') as HTMLElement | null)?.focus();
    setFocusTarget(null);
  }, [reviewing, focusTarget]);

  if (p.isLoading || me.isLoading || draft.isLoading) return <Loader aria-label={t('common.loading')} />;
  const proc = p.data?.procedure;
  if (!proc || proc.onlineServiceLevel === 'none')
    return (
      <Container size="sm" py="md">
        <Alert color="red">{t('procedures.notFound')}</Alert>
      </Container>
    );
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setS((x) => ({ ...x, [k]: v }));
  const phone = s.contact.phone || me.data?.phone || '';
  const unitOptions = (units.data?.items ?? [])
    .filter((i) => i.unit.level === 'commune')
    .map((i) => ({ value: i.unit.code, label: `${i.unit.name}${i.provinceName ? `, ${i.provinceName}` : ''}` }));
  if (s.unit && !unitOptions.some((o) => o.value === s.unit)) unitOptions.push({ value: s.unit, label: s.unitLabel });
  const kept = draft.data?.files ?? [];
  const setDraft = (d: CitizenDraft) => qc.setQueryData(['citizen', 'draft', code], d);

  const review = () => {
    if (!s.unit) {
      // said at the field, which is brought into view (the button used to stay grey without a word)
      setUnitError(t('citizens.unitRequired'));
      setFocusTarget('online-unit');
      return;
    }
    if (schema) {
      const r = validateEform(schema, s.eform, today());
      if (!r.ok) {
        setErrors(Object.fromEntries(r.errors.map((e) => [e.field, e.message[lang]])));
        const first = r.errors[0]!.field.split('.')[0]!;
        const section = schema.sections.find((x) => x.fields.some((f) => f.key === first));
        setError(t('citizenForms.eformFix', { count: r.errors.length }));
        setFocusTarget(section ? `eform-${section.key}` : null);
        return;
      }
    }
    setErrors({});
    setError(null);
    setReviewing(true);
  };

  const send = async () => {
    if (!s.unit) return;
    setBusy(true);
    setError(null);
    const data: CitizenSubmitRequest = {
      procedureCode: proc.code,
      receivingUnitCode: s.unit,
      ...(s.forOther
        ? {
            applicant: { fullName: s.other.fullName, idNumber: s.other.idNumber || null },
            agentRelation: s.other.relation || null,
          }
        : {}),
      phone: phone || null,
      email: s.contact.email || null,
      address: s.contact.address || null,
      returnMethod: s.returnMethod,
      note: s.note || null,
      ...(schema ? { eform: { values: s.eform } } : {}),
    };
    // No autosave may land after the submission deleted the draft.
    await autosave.stop();
    try {
      const d = await submitOnline(data, {}, csrf);
      qc.removeQueries({ queryKey: ['citizen', 'draft', code] });
      void qc.invalidateQueries({ queryKey: ['citizen', 'drafts'] });
      navigate(`/ho-so-cua-toi/${d.id}?moi=1`);
    } catch (err) {
      if (err instanceof ApiError) {
        setError(lang === 'en' ? err.problem.message.en : err.problem.message.vi);
        const fe = (err.problem.errors ?? []).filter((e) => e.field.startsWith('eform.'));
        if (fe.length) setErrors(Object.fromEntries(fe.map((e) => [e.field.slice(6), e.message])));
      } else setError(String(err));
      autosave.resume();
      setReviewing(false);
    } finally {
      setBusy(false);
    }
  };

  const addFiles = async (key: string, files: File[]) => {
    setUploading(key);
    setError(null);
    try {
      setDraft(await uploadDraftFiles(code, { [key]: files }, csrf));
    } catch (err) {
      setError(err instanceof ApiError ? err.problem.message[lang] : String(err));
    } finally {
      setUploading(null);
    }
  };

  return (
    <Container size="sm" py="md" px="xs">
      <Stack gap="sm">
        <Anchor component={Link} to={`/procedures/${proc.code}`} size="sm">
          ← {proc.name}
        </Anchor>
        <Title order={2} size="h3">
          {t('citizens.onlineTitle')}
        </Title>
        <Text size="sm" c="dimmed" aria-live="polite">
          {autosave.status === 'saving' && t('citizenForms.draftSaving')}
          {autosave.status === 'saved' &&
            autosave.savedAt &&
            t('citizenForms.draftSaved', {
              time: autosave.savedAt.toLocaleTimeString(lang === 'en' ? 'en-GB' : 'vi-VN', {
                hour: '2-digit',
                minute: '2-digit',
              }),
            })}
          {autosave.status === 'error' && t('citizenForms.draftError')}
          {autosave.status === 'idle' && draft.data && t('citizenForms.draftResumed')}
        </Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {reviewing ? (
          <SubmitReview
            proc={proc}
            applicant={s.forOther ? s.other.fullName : (me.data?.fullName ?? '')}
            agent={s.forOther ? (me.data?.fullName ?? '') : null}
            unitLabel={s.unitLabel || s.unit || ''}
            returnMethod={s.returnMethod}
            schema={schema}
            values={s.eform}
            files={kept}
            busy={busy}
            onEdit={(target) => {
              setReviewing(false);
              setFocusTarget(target);
            }}
            onSend={() => void send()}
            onPrint={null}
          />
        ) : (
          <Stack
            gap="sm"
            component="form"
            onSubmit={(e: React.FormEvent) => {
              e.preventDefault();
              review();
            }}
          >
            <ApplicantCard s={s} set={set} phone={phone} me={me.data} />
            <div id="online-unit">
              <Select
                label={t('citizens.unit')}
                placeholder={t('citizens.unitPlaceholder')}
                searchable
                withAsterisk
                aria-required
                error={unitError}
                data={unitOptions}
                value={s.unit}
                onChange={(v) => {
                  setUnitError(null);
                  setS((x) => ({ ...x, unit: v, unitLabel: unitOptions.find((o) => o.value === v)?.label ?? '' }));
                }}
                searchValue={unitQuery}
                onSearchChange={setUnitQuery}
                filter={({ options }) => options}
                nothingFoundMessage={unitQuery ? t('common.unitNothingFound') : undefined}
              />
            </div>
            <Select
              label={t('citizens.returnMethod')}
              data={(['online', 'counter', 'post'] as const).map((m) => ({
                value: m,
                label: t(`citizens.returnMethods.${m}`),
              }))}
              value={s.returnMethod}
              onChange={(v) => v && set('returnMethod', v as FormState['returnMethod'])}
              allowDeselect={false}
            />
            {schema && (
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('citizenForms.eformTitle')}
                </Title>
                <EformFields schema={schema} values={s.eform} errors={errors} onChange={(v) => set('eform', v)} />
              </Stack>
            )}
            <Paper withBorder p="sm" radius="md" id="submit-components">
              <Stack gap="sm">
                <Title order={3} size="h5">
                  {t('citizens.components')}
                </Title>
                {proc.components.map((c) => (
                  <DraftFileSlot
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
                    kept={kept.filter((f) => f.componentKey === c.key)}
                    busy={uploading === c.key}
                    onAdd={(files) => void addFiles(c.key, files)}
                    onRemove={(id) => void removeDraftFile(code, id).then(setDraft)}
                  />
                ))}
              </Stack>
            </Paper>
            <Textarea label={t('citizens.note')} value={s.note} onChange={(e) => set('note', e.currentTarget.value)} />
            <Button type="submit" disabled={uploading !== null}>
              {t('citizens.review')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Container>
  );
}
