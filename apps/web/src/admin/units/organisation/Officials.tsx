import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { AssignmentKind, Organisation, Role } from '@mot-cua/contracts';
import { AssignmentKind as AssignmentKindSchema, vnToday } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatDate,
  orgApi,
  useOfficialSearch,
  useOrgWrite,
  useUnit,
  useUnitOfficials,
  useUnitReadiness,
} from '../../../api/admin-units.js';

import { errorText, splitList } from '../form-helpers.js';

const ASSIGNMENT_KINDS: readonly AssignmentKind[] = AssignmentKindSchema.options;
const ROLES: Role[] = ['reception', 'specialist', 'department_head', 'leader', 'center_director', 'supervisor'];

function Yes({ ok, label }: { ok: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={ok ? 'green' : 'red'}
      variant="light"
      aria-label={`${label}: ${ok ? t('adminUnits.org.yes') : t('adminUnits.org.no')}`}
    >
      {ok ? t('adminUnits.org.yes') : t('adminUnits.org.no')}
    </Badge>
  );
}

type Person = { id: string; fullName: string; roles?: string[] };

/** Place, transfer, second or add a concurrent role: one action with an effective date (history kept). */
function MoveModal({ person, org, onClose }: { person: Person | 'pick'; org: Organisation; onClose: () => void }) {
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
            <TextInput
              label={t('adminUnits.org.targetUnit')}
              value={unitCode}
              onChange={(e) => setUnitCode(e.currentTarget.value)}
              required
              description={target.data ? t('adminUnits.org.targetUnitHint', { name: target.data.fullName }) : undefined}
              error={target.isError ? errorText(target.error, t('common.error')) : undefined}
            />
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
            <TextInput
              type="date"
              label={t('adminUnits.org.effectiveDate')}
              value={effectiveDate}
              onChange={(e) => setEffectiveDate(e.currentTarget.value)}
              required
            />
            <TextInput
              type="date"
              label={t('adminUnits.org.endDate')}
              value={endDate}
              onChange={(e) => setEndDate(e.currentTarget.value)}
            />
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

function ProfileModal({
  person,
  current,
  onClose,
}: {
  person: Person;
  current: { certificateValidTo: string | null; trainedFields: string[] } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [serial, setSerial] = useState('');
  const [validTo, setValidTo] = useState(current?.certificateValidTo ?? '');
  const [fields, setFields] = useState((current?.trainedFields ?? []).join(', '));
  const save = useOrgWrite(() =>
    orgApi.profile(person.id, {
      certificateSerial: serial.trim() || null,
      certificateValidTo: validTo || null,
      trainedFields: splitList(fields),
    }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{t('adminUnits.org.profileTitle', { name: person.fullName })}</Text>}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(undefined, { onSuccess: onClose });
        }}
      >
        <Stack>
          <TextInput
            label={t('adminUnits.org.certificateSerial')}
            value={serial}
            onChange={(e) => setSerial(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('adminUnits.org.certificateValidTo')}
            value={validTo}
            onChange={(e) => setValidTo(e.currentTarget.value)}
          />
          <TextInput
            label={t('adminUnits.org.trainedFields')}
            value={fields}
            onChange={(e) => setFields(e.currentTarget.value)}
          />
          {save.isError && <Alert color="red">{errorText(save.error, t('common.error'))}</Alert>}
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              {t('adminUnits.org.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('adminUnits.org.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function Officials({ org, onDate }: { org: Organisation; onDate: string }) {
  const { t } = useTranslation();
  const officials = useUnitOfficials(org.unit.code, onDate);
  const readiness = useUnitReadiness(org.unit.code, onDate);
  const [moving, setMoving] = useState<Person | 'pick' | null>(null);
  const [profile, setProfile] = useState<Person | null>(null);
  const ready = (userId: string) => readiness.data?.items.find((r) => r.userId === userId);
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t('adminUnits.org.officials')}</Title>
          <Button variant="light" onClick={() => setMoving('pick')}>
            {t('adminUnits.org.addOfficial')}
          </Button>
        </Group>
        {readiness.data && (
          <Alert color={readiness.data.canApproveOnline ? 'green' : 'orange'} data-testid="unit-readiness">
            {readiness.data.canApproveOnline
              ? t('adminUnits.org.unitCanApprove')
              : t('adminUnits.org.unitCannotApprove')}
          </Alert>
        )}
        {officials.isError && <Alert color="red">{errorText(officials.error, t('common.error'))}</Alert>}
        {officials.data?.items.length === 0 && <Text c="dimmed">{t('adminUnits.org.noOfficials')}</Text>}
        {Boolean(officials.data?.items.length) && (
          <Table.ScrollContainer minWidth={960}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('adminUnits.org.official')}</Table.Th>
                  <Table.Th>{t('adminUnits.org.roles')}</Table.Th>
                  <Table.Th>{t('adminUnits.org.assignmentKind')}</Table.Th>
                  <Table.Th>{t('adminUnits.org.since')}</Table.Th>
                  <Table.Th>{t('adminUnits.org.account')}</Table.Th>
                  <Table.Th>{t('adminUnits.org.certificate')}</Table.Th>
                  <Table.Th>{t('adminUnits.org.trained')}</Table.Th>
                  <Table.Th>{t('adminUnits.org.canApprove')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {officials.data?.items.map((o) => {
                  const r = ready(o.userId);
                  const person = { id: o.userId, fullName: o.fullName, roles: o.roles };
                  return (
                    <Table.Tr key={o.assignmentId} data-official={o.username}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {o.fullName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {o.username}
                          {o.title ? ` · ${o.title}` : ''}
                          {o.departmentName ? ` · ${o.departmentName}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>{o.roles.map((x) => t(`roles.${x}`)).join(', ')}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {t(`adminUnits.org.assignmentKinds.${o.kind}`)}
                        {o.validTo && (
                          <Text size="xs" c="dimmed">
                            → {formatDate(o.validTo)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{formatDate(o.validFrom)}</Table.Td>
                      <Table.Td>{r && <Yes ok={r.hasAccount} label={t('adminUnits.org.account')} />}</Table.Td>
                      <Table.Td>
                        {r && <Yes ok={r.hasCertificate} label={t('adminUnits.org.certificate')} />}
                        {r?.certificateValidTo && (
                          <Text size="xs" c="dimmed">
                            {formatDate(r.certificateValidTo)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{r?.trainedFields.join(', ') || '—'}</Table.Td>
                      <Table.Td>{r && <Yes ok={r.canApproveOnline} label={t('adminUnits.org.canApprove')} />}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="light" onClick={() => setMoving(person)}>
                            {t('adminUnits.org.move')}
                          </Button>
                          <Button size="compact-xs" variant="subtle" onClick={() => setProfile(person)}>
                            {t('adminUnits.org.profile')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {moving && <MoveModal person={moving} org={org} onClose={() => setMoving(null)} />}
      {profile && <ProfileModal person={profile} current={ready(profile.id)} onClose={() => setProfile(null)} />}
    </Card>
  );
}

/** A unit's departments, service centers and counters, and its officials with assignments and readiness. */
