import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Loader,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type InternalProcessStep, type ProcedureDuration, Role } from '@mot-cua/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { formatDuration, useInternalProcess, useSaveInternalProcess } from '../../api/procedures.js';
import { ConfigTitle } from './ConfigTitle.js';

const DEPARTMENTS = ['service_center', 'office', 'economic', 'culture_social'] as const;
const UNITS: ReadonlyArray<ProcedureDuration['unit']> = ['working_days', 'working_hours', 'calendar_days', 'none'];

/** Working hours per working day: the same figure the server validates with. */
const HOURS = 8;
const toBase = (d: ProcedureDuration) => (d.unit === 'working_days' ? d.value * HOURS : d.value);

/** Admin page: edit the ordered steps of a unit's internal process; the sum must equal the legal limit. */
export function InternalProcessEditorPage() {
  const { t, i18n } = useTranslation();
  const { unitCode = '', code = '' } = useParams();
  const q = useInternalProcess(unitCode, code);
  const save = useSaveInternalProcess(unitCode, code);
  const [steps, setSteps] = useState<InternalProcessStep[]>([]);
  useEffect(() => {
    if (q.data) setSteps(q.data.steps);
  }, [q.data]);

  if (q.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!q.data) return <Alert color="red">{t('procedures.notFound')}</Alert>;
  const limit = q.data.legalLimit;
  const sumBase = steps.reduce((s, x) => s + toBase(x.duration), 0);
  const sum: ProcedureDuration | null = limit
    ? { value: limit.unit === 'working_days' ? sumBase / HOURS : sumBase, unit: limit.unit }
    : null;
  const matches = !limit || limit.unit === 'none' || Math.abs(sumBase - toBase(limit)) < 1e-9;
  const update = (i: number, patch: Partial<InternalProcessStep>) =>
    setSteps(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const renumber = (xs: InternalProcessStep[]) => xs.map((s, i) => ({ ...s, order: i + 1 }));
  const error = save.error instanceof ApiError ? save.error.problem : null;

  return (
    <Container size="xl" py="lg">
      <Stack>
        <Anchor component={Link} to="/admin/procedures" size="sm">
          ← {t('procedures.admin.title')}
        </Anchor>
        <ConfigTitle title={t('procedures.processEditor.title')} code={code} unitCode={unitCode} />
        <Group>
          <Badge variant="light">
            {q.data.source === 'unit'
              ? t('procedures.processEditor.sourceUnit')
              : t('procedures.processEditor.sourceDefault')}
          </Badge>
          <Text>{t('procedures.processEditor.legalLimit', { limit: formatDuration(t, limit) })}</Text>
          <Text c={matches ? 'green' : 'red'} aria-live="polite">
            {t('procedures.processEditor.sum', { sum: formatDuration(t, sum) })}
          </Text>
        </Group>
        {!matches && <Alert color="orange">{t('procedures.processEditor.mismatch')}</Alert>}
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('procedures.processEditor.step')}</Table.Th>
              <Table.Th>{t('procedures.processEditor.name')}</Table.Th>
              <Table.Th>{t('procedures.processEditor.department')}</Table.Th>
              <Table.Th>{t('procedures.processEditor.role')}</Table.Th>
              <Table.Th>{t('procedures.processEditor.duration')}</Table.Th>
              <Table.Th>{t('procedures.processEditor.unit')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {steps.map((s, i) => (
              <Table.Tr key={s.order}>
                <Table.Td>{s.order}</Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('procedures.processEditor.name')}
                    value={s.name}
                    onChange={(e) => update(i, { name: e.currentTarget.value })}
                    miw={240}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('procedures.processEditor.department')}
                    value={s.responsible.departmentKind ?? 'none'}
                    data={[...DEPARTMENTS, 'none'].map((d) => ({
                      value: d,
                      label: t(`procedures.processEditor.departments.${d}`),
                    }))}
                    onChange={(v) => {
                      const { departmentKind: _d, ...rest } = s.responsible;
                      update(i, { responsible: v && v !== 'none' ? { ...rest, departmentKind: v } : rest });
                    }}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('procedures.processEditor.role')}
                    value={s.responsible.role}
                    data={Role.options
                      .filter((r) => r !== 'citizen')
                      .map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                    onChange={(v) => v && update(i, { responsible: { ...s.responsible, role: v as Role } })}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('procedures.processEditor.duration')}
                    w={100}
                    min={0}
                    step={0.25}
                    decimalScale={2}
                    decimalSeparator={i18n.language === 'en' ? '.' : ','}
                    value={s.duration.value}
                    onChange={(v) => update(i, { duration: { ...s.duration, value: Number(v) || 0 } })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('procedures.processEditor.unit')}
                    value={s.duration.unit}
                    data={UNITS.map((u) => ({ value: u, label: t(`procedures.units.${u}`, { value: '' }).trim() }))}
                    onChange={(v) =>
                      v && update(i, { duration: { ...s.duration, unit: v as ProcedureDuration['unit'] } })
                    }
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => setSteps(renumber(steps.filter((_, j) => j !== i)))}
                  >
                    {t('procedures.processEditor.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button
            variant="default"
            onClick={() =>
              setSteps(
                renumber([
                  ...steps,
                  {
                    order: steps.length + 1,
                    name: '',
                    responsible: { role: 'specialist' },
                    duration: { value: 0, unit: limit?.unit ?? 'working_days' },
                  },
                ]),
              )
            }
          >
            {t('procedures.processEditor.addStep')}
          </Button>
          <Button disabled={!matches || steps.length === 0} loading={save.isPending} onClick={() => save.mutate(steps)}>
            {t('procedures.processEditor.save')}
          </Button>
          <Button variant="subtle" onClick={() => save.mutate(null)}>
            {t('procedures.processEditor.reset')}
          </Button>
          {save.isSuccess && <Text c="green">{t('procedures.processEditor.saved')}</Text>}
        </Group>
        {error && <Alert color="red">{i18n.language === 'en' ? error.message.en : error.message.vi}</Alert>}
      </Stack>
    </Container>
  );
}
