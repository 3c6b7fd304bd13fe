import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { Organisation } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, orgApi, useOrgWrite, useUnitOfficials, useUnitReadiness } from '../../../api/admin-units.js';
import { VnDateInput } from '../../../components/VnDateInput.js';
import { errorText, splitList } from '../form-helpers.js';
import { MoveModal, type Person } from './MoveModal.js';

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
          <VnDateInput label={t('adminUnits.org.certificateValidTo')} value={validTo} onChange={setValidTo} w="auto" />
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
