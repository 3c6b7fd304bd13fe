import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import type { DossierActionKind, DossierDetail } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { uploadResult, useChecklistPreview, useDossierAction } from '../../../api/dossiers.js';
import { useSession } from '../../../api/session.js';
import { type Check, ChecklistTable } from '../reception/ChecklistTable.js';
import { type ActionDraft, ActionExtras, ActionField } from './ActionFields.js';
import { bodyFor, forms } from './action-forms.js';

const emptyDraft: ActionDraft = { values: {}, items: [], files: [], assignee: null };

/** The actions the signed-in official may take now, each with its dialog. */
export function ActionButtons({ d }: { d: DossierDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const act = useDossierAction(d.id);
  const [open, setOpen] = useState<DossierActionKind | null>(null);
  const [draft, setDraft] = useState<ActionDraft>(emptyDraft);
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const [uploadError, setUploadError] = useState<string | null>(null);
  // Accepting a registered dossier: the official ticks the checklist (received / not applicable / missing) and
  // the server says whether it is complete, with the same function as at the counter.
  const ticked = d.components.map((c) => ({
    key: c.key,
    state: checks[c.key]?.state ?? c.state,
    reason: (checks[c.key]?.reason ?? c.reason ?? '').trim() || null,
  }));
  const accepting = open === 'received';
  const preview = useChecklistPreview(
    accepting
      ? {
          procedureCode: d.procedureCode,
          receivingUnitCode: d.receivingUnitCode,
          competentUnitCode: d.competentUnitCode,
          channel: d.channel,
          components: ticked,
        }
      : null,
  );
  const close = () => {
    setOpen(null);
    setDraft(emptyDraft);
    setChecks({});
    setUploadError(null);
  };
  const mutate = (path: string, body: unknown) => act.mutate({ path, body }, { onSuccess: close });
  const submit = async () => {
    if (!open) return;
    const v = draft.values;
    switch (open) {
      case 'result_issued':
        try {
          await uploadResult(d.id, draft.files, session.data?.csrfToken ?? '', v.note);
          await act.reset();
          window.location.reload();
        } catch (e) {
          setUploadError(e instanceof ApiError ? e.problem.detail : String(e));
        }
        return;
      case 'supplement_requested':
        return mutate('supplement-request', {
          items: draft.items.map((key) => ({ key, state: 'missing', reason: v.reason || null })),
        });
      case 'assigned':
        return mutate('assign', { stepOrder: d.currentStep?.order ?? 1, assigneeId: draft.assignee });
      case 'returned':
        return mutate('return', { method: v.method || d.returnMethod });
      case 'rated':
        return mutate('rate', { level: Number(v.level || 5) });
      default: {
        const f = forms[open];
        if (f) mutate(f.path(d), bodyFor(open, d, v, accepting ? ticked : undefined));
      }
    }
  };
  const blocked = accepting && (!preview.data?.complete || preview.isFetching);
  return (
    <>
      {d.allowedActions.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="no-actions">
          {t('dossiers.detail.noActions')}
        </Text>
      )}
      <Group gap="xs" data-testid="dossier-actions">
        {d.allowedActions.map((a) => (
          <Button
            key={a}
            size="xs"
            variant={a === 'refused' || a === 'stopped' ? 'outline' : 'light'}
            onClick={() => setOpen(a)}
          >
            {t(`dossiers.action.${a}`)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={open !== null}
        onClose={close}
        size={accepting ? '90%' : 'md'}
        title={open ? t(`dossiers.action.${open}`) : ''}
      >
        <Stack>
          {open && <ActionExtras type={open} d={d} draft={draft} set={setDraft} />}
          {accepting && preview.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
          {accepting && preview.data && (
            <ChecklistTable
              preview={preview.data}
              checks={checks}
              onChange={(key, c) => setChecks((all) => ({ ...all, [key]: c }))}
            />
          )}
          {accepting && preview.error instanceof ApiError && <Alert color="red">{preview.error.problem.detail}</Alert>}
          {open && forms[open]?.fields.map((f) => <ActionField key={f} name={f} draft={draft} set={setDraft} />)}
          {/* A procedure without a time limit: the official enters one when accepting (DOSSIER_TIME_LIMIT_REQUIRED). */}
          {accepting && d.duration.unit === 'none' && <ActionField name="timeLimitDays" draft={draft} set={setDraft} />}
          {act.error instanceof ApiError && <Alert color="red">{act.error.problem.detail}</Alert>}
          {uploadError && <Alert color="red">{uploadError}</Alert>}
          <Group justify="end">
            <Button variant="default" onClick={close}>
              {t('dossiers.form.cancel')}
            </Button>
            <Button loading={act.isPending} disabled={blocked} onClick={() => void submit()}>
              {t('dossiers.form.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
