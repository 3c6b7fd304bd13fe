import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { AssignmentKind, Organisation, Role } from '@mot-cua/contracts';
import { AssignmentKind as AssignmentKindSchema, vnToday } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgApi, useOfficialSearch, useOrgWrite, useUnit } from '../../../api/admin-units.js';
import { UnitPicker } from '../../../components/UnitPicker.js';
import { VnDateInput } from '../../../components/VnDateInput.js';
import { errorText } from '../form-helpers.js';

const ASSIGNMENT_KINDS: readonly AssignmentKind[] = AssignmentKindSchema.options;
const ROLES: Role[] = ['reception', 'specialist', 'department_head', 'leader', 'center_director', 'supervisor'];

export type Person = { id: string; fullName: string; roles?: string[] };

/** Place, transfer, second or add a concurrent role: one action with an effective date (history kept). */
export function MoveModal({
  person,
  org,
  onClose,
}: {
  person: Person | 'pick';
  org: Organisation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Person | null>(person === 'pick' ? null : person);
  const [find, setFind] = useState('');
  const [q] = useDebouncedValue(find, 250);
  const hits = useOfficialSearch(q);
  const [unitCode, setUnitCode] = useState(person === 'pick' ? org.unit.code : '');
  const [kind, setKind] = useState<AssignmentKind>(person === 'pick' ? 'permanent' : 'transfer');
  const [roles, setRoles] = useState<string[]>(
    person !== 'pick' && person.roles?.length ? person.roles : ['specialist'],
  );
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [decision, setDecision] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(vnToday());
  const [endDate, setEndDate] = useState('');
  const target = useUnit(unitCode.trim().length >= 2 ? unitCode.trim().toUpperCase() : undefined, effectiveDate);
  const sameUnit = unitCode.trim().toUpperCase() === org.unit.code;
  const assign = useOrgWrite(() =>
    orgApi.assign(picked!.id, {
      unitCode: unitCode.trim().toUpperCase(),
      kind,
      roles: roles as Role[],
      departmentId: sameUnit ? departmentId : null,
      title: title.trim() || null,
      decisionNumber: decision.trim() || null,
      effectiveDate,
      endDate: endDate || null,
    }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        <Text fw={600}>
          {picked ? t('adminUnits.org.moveTitle', { name: picked.fullName }) : t('adminUnits.org.addOfficial')}
        </Text>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (picked) assign.mutate(undefined);
        }}
      >
        <Stack>
          {person === 'pick' && (
            <Select
              label={t('adminUnits.org.findOfficial')}
              searchable
              searchValue={find}
              onSearchChange={setFind}
              filter={({ options }) => options}
              data={(hits.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.fullName} (${h.username})` }))}
              value={picked?.id ?? null}
              onChange={(v) => {
                const h = hits.data?.items.find((x) => x.id === v);
                setPicked(h ? { id: h.id, fullName: h.fullName } : null);
              }}
              nothingFoundMessage={q.length >= 2 ? '—' : undefined}
            />
          )}
          <Group grow align="start">
            <Stack gap={4}>
              <UnitPicker
                label={t('adminUnits.org.targetUnit')}
                value={unitCode || null}
                onChange={(code) => setUnitCode(code ?? '')}
                required
                description={
                  target.data ? t('adminUnits.org.targetUnitHint', { name: target.data.fullName }) : undefined
                }
              />
              {target.isError && (
                <Text size="sm" c="red">
                  {errorText(target.error, t('common.error'))}
                </Text>
              )}
            </Stack>
            <Select
              label={t('adminUnits.org.assignmentKind')}
              data={ASSIGNMENT_KINDS.map((k) => ({ value: k, label: t(`adminUnits.org.assignmentKinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as AssignmentKind)}
              allowDeselect={false}
            />
          </Group>
          <MultiSelect
            label={t('adminUnits.org.roles')}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={roles}
            onChange={setRoles}
            required
          />
          {sameUnit && (
            <Select
              label={t('adminUnits.org.department')}
              data={org.departments.map((d) => ({ value: d.id, label: d.name }))}
              value={departmentId}
              onChange={setDepartmentId}
              clearable
            />
          )}
          <Group grow>
            <TextInput
              label={t('adminUnits.org.jobTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <TextInput
              label={t('adminUnits.org.decision')}
              value={decision}
              onChange={(e) => setDecision(e.currentTarget.value)}
            />
          </Group>
          <Group grow>
            <VnDateInput
              label={t('adminUnits.org.effectiveDate')}
              value={effectiveDate}
              onChange={setEffectiveDate}
              w="auto"
              required
            />
            <VnDateInput label={t('adminUnits.org.endDate')} value={endDate} w="auto" onChange={setEndDate} />
          </Group>
          {assign.isError && <Alert color="red">{errorText(assign.error, t('common.error'))}</Alert>}
          {assign.isSuccess && (
            <Alert color="green" role="status">
              {t('adminUnits.org.moved')}
            </Alert>
          )}
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              {t('adminUnits.org.cancel')}
            </Button>
            <Button
              type="submit"
              disabled={!picked || roles.length === 0 || assign.isSuccess}
              loading={assign.isPending}
            >
              {t('adminUnits.org.submitMove')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
