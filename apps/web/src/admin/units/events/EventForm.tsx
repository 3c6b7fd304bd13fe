import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { ChangeEventRequest, ChangePreview, UnitType } from '@mot-cua/contracts';
import { vnToday } from '@mot-cua/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, useApplyEvent, usePreviewEvent } from '../../../api/admin-units.js';
import { DataTable } from '../../../components/DataTable.js';

import { errorText } from '../form-helpers.js';

type EventKind = ChangeEventRequest['kind'];
const KINDS: EventKind[] = ['merge', 'split', 'rename', 'type_change', 'code_alias'];
export const UNIT_TYPES: UnitType[] = [
  'commune',
  'ward',
  'special_zone',
  'province',
  'city',
  'township',
  'district',
  'urban_district',
  'town',
  'provincial_city',
];

type Form = {
  kind: EventKind;
  effectiveDate: string;
  legalBasis: string;
  description: string;
  sourceCodes: string;
  sourceCode: string;
  targetCode: string;
  targetName: string;
  targetType: string;
  targets: string;
  code: string;
  name: string;
  units: string;
  alias: string;
};

const codesOf = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
const linesOf = (s: string) =>
  s
    .split('\n')
    .map((l) => l.split(';').map((p) => p.trim()))
    .filter((p) => p[0]);

/** The form as the API's ChangeEventRequest (the server validates it again). */
function toRequest(f: Form): ChangeEventRequest {
  const base = {
    effectiveDate: f.effectiveDate,
    ...(f.legalBasis.trim() ? { legalBasis: f.legalBasis.trim() } : {}),
    ...(f.description.trim() ? { description: f.description.trim() } : {}),
  };
  switch (f.kind) {
    case 'merge':
      return {
        kind: 'merge',
        ...base,
        sourceCodes: codesOf(f.sourceCodes),
        target: { code: f.targetCode.trim().toUpperCase(), name: f.targetName.trim(), type: f.targetType as UnitType },
      };
    case 'split':
      return {
        kind: 'split',
        ...base,
        sourceCode: f.sourceCode.trim().toUpperCase(),
        targets: linesOf(f.targets).map(([code, name, type]) => ({
          code: code!.toUpperCase(),
          name: name ?? '',
          type: (type ?? 'commune') as UnitType,
        })),
      };
    case 'rename':
      return { kind: 'rename', ...base, code: f.code.trim().toUpperCase(), name: f.name.trim() };
    case 'type_change':
      return {
        kind: 'type_change',
        ...base,
        units: linesOf(f.units).map(([code, type, name]) => ({
          code: code!.toUpperCase(),
          type: (type ?? 'ward') as UnitType,
          ...(name ? { name } : {}),
        })),
      };
    case 'code_alias':
      return { kind: 'code_alias', ...base, alias: f.alias.trim().toUpperCase(), code: f.code.trim().toUpperCase() };
  }
}

function PreviewView({ p }: { p: ChangePreview }) {
  const { t } = useTranslation();
  const table = (name: string, column: string) => {
    const label = t(`adminUnits.admin.tables.${name}`, { defaultValue: name });
    const col = t(`adminUnits.admin.columns.${column}`, { defaultValue: '' });
    return col ? `${label} (${col})` : label;
  };
  return (
    <Stack data-testid="event-preview">
      <Title order={3}>
        {t('adminUnits.admin.previewTitle', {
          kind: t(`adminUnits.kind.${p.kind}`),
          date: formatDate(p.effectiveDate),
        })}
      </Title>
      {p.description && <Text>{p.description}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <div>
          <Title order={4}>{t('adminUnits.admin.closeVersions')}</Title>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adminUnits.code')}</Table.Th>
                <Table.Th>{t('adminUnits.admin.lastDay')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.closeVersions.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td>{c.code}</Table.Td>
                  <Table.Td>{formatDate(c.validTo)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <div>
          <Title order={4}>{t('adminUnits.admin.newVersions')}</Title>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adminUnits.code')}</Table.Th>
                <Table.Th>{t('adminUnits.name')}</Table.Th>
                <Table.Th>{t('adminUnits.validFrom')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.newVersions.map((v) => (
                <Table.Tr key={`${v.code}:${v.validFrom}`}>
                  <Table.Td>{v.code}</Table.Td>
                  <Table.Td>{v.fullName}</Table.Td>
                  <Table.Td>{formatDate(v.validFrom)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </SimpleGrid>
      {p.links.length > 0 && (
        <Text size="sm">
          <b>{t('adminUnits.admin.links')}:</b>{' '}
          {p.links.map((l) => `${l.fromCode} → ${l.toCode} (${t(`adminUnits.share.${l.share}`)})`).join('; ')}
        </Text>
      )}
      <Title order={4}>{t('adminUnits.admin.moves')}</Title>
      {p.moves.length === 0 ? (
        <Text c="dimmed">{t('adminUnits.admin.noMoves')}</Text>
      ) : (
        <DataTable
          data-testid="preview-moves"
          columns={[
            { header: t('adminUnits.admin.table'), cell: (m) => table(m.tableName, m.columnName) },
            { header: t('adminUnits.browse.from'), cell: (m) => m.fromCode },
            { header: t('adminUnits.browse.to'), cell: (m) => m.toCode },
            { header: t('adminUnits.admin.count'), cell: (m) => m.count },
          ]}
          rows={p.moves}
          rowKey={(m) => `${m.tableName}:${m.columnName}:${m.fromCode}:${m.toCode}`}
        />
      )}
      {p.reviews.length > 0 && (
        <>
          <Title order={4}>{t('adminUnits.admin.reviews')}</Title>
          <DataTable
            columns={[
              { header: t('adminUnits.admin.table'), cell: (r) => table(r.tableName, r.columnName) },
              { header: t('adminUnits.browse.from'), cell: (r) => r.fromCode },
              { header: t('adminUnits.admin.candidates'), cell: (r) => r.candidateCodes.join(', ') },
              { header: t('adminUnits.admin.count'), cell: (r) => r.count },
            ]}
            rows={p.reviews}
            rowKey={(r) => `${r.tableName}:${r.columnName}:${r.fromCode}`}
          />
        </>
      )}
    </Stack>
  );
}

export function EventForm() {
  const { t } = useTranslation();
  const [f, setF] = useState<Form>({
    kind: 'merge',
    effectiveDate: vnToday(),
    legalBasis: '',
    description: '',
    sourceCodes: '',
    sourceCode: '',
    targetCode: '',
    targetName: '',
    targetType: 'ward',
    targets: '',
    code: '',
    name: '',
    units: '',
    alias: '',
  });
  const preview = usePreviewEvent();
  const apply = useApplyEvent();
  const set = (k: keyof Form) => (v: string) => {
    setF((old) => ({ ...old, [k]: v }));
    preview.reset();
    apply.reset();
  };
  const input = (k: keyof Form, label: string, extra: object = {}) => (
    <TextInput label={label} value={f[k]} onChange={(e) => set(k)(e.currentTarget.value)} {...extra} />
  );
  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    apply.reset();
    preview.mutate(toRequest(f));
  };
  const onApply = () => {
    if (window.confirm(t('adminUnits.admin.applyConfirm'))) apply.mutate(toRequest(f));
  };
  const typeData = UNIT_TYPES.map((v) => ({ value: v, label: t(`adminUnits.type.${v}`) }));
  return (
    <Card withBorder>
      <form onSubmit={onPreview}>
        <Stack>
          <Title order={3}>{t('adminUnits.admin.event')}</Title>
          <Group align="end" grow>
            <Select
              label={t('adminUnits.admin.kind')}
              data={KINDS.map((k) => ({ value: k, label: t(`adminUnits.kind.${k}`) }))}
              value={f.kind}
              onChange={(v) => v && set('kind')(v)}
              allowDeselect={false}
            />
            {input('effectiveDate', t('adminUnits.admin.effectiveDate'), { type: 'date', required: true })}
            {input('legalBasis', t('adminUnits.admin.legalBasis'))}
          </Group>
          {f.kind === 'merge' && (
            <>
              {input('sourceCodes', t('adminUnits.admin.sourceCodes'), { required: true })}
              <Group grow align="end">
                {input('targetCode', t('adminUnits.admin.targetCode'), { required: true })}
                {input('targetName', t('adminUnits.admin.targetName'), { required: true })}
                <Select
                  label={t('adminUnits.admin.targetType')}
                  data={typeData}
                  value={f.targetType}
                  onChange={(v) => v && set('targetType')(v)}
                  allowDeselect={false}
                />
              </Group>
            </>
          )}
          {f.kind === 'split' && (
            <>
              {input('sourceCode', t('adminUnits.admin.sourceCode'), { required: true })}
              <Textarea
                label={t('adminUnits.admin.targets')}
                description={t('adminUnits.admin.targetsHint')}
                value={f.targets}
                onChange={(e) => set('targets')(e.currentTarget.value)}
                autosize
                minRows={2}
                required
              />
            </>
          )}
          {f.kind === 'rename' && (
            <Group grow>
              {input('code', t('adminUnits.admin.unitCode'), { required: true })}
              {input('name', t('adminUnits.admin.newName'), { required: true })}
            </Group>
          )}
          {f.kind === 'type_change' && (
            <Textarea
              label={t('adminUnits.admin.units')}
              description={t('adminUnits.admin.unitsHint')}
              value={f.units}
              onChange={(e) => set('units')(e.currentTarget.value)}
              autosize
              minRows={2}
              required
            />
          )}
          {f.kind === 'code_alias' && (
            <Group grow>
              {input('alias', t('adminUnits.admin.alias'), { required: true })}
              {input('code', t('adminUnits.admin.aliasOf'), { required: true })}
            </Group>
          )}
          {input('description', t('adminUnits.admin.description'))}
          <Group>
            <Button type="submit" loading={preview.isPending}>
              {t('adminUnits.admin.preview')}
            </Button>
            <Button color="red" onClick={onApply} disabled={!preview.data || apply.isSuccess} loading={apply.isPending}>
              {t('adminUnits.admin.apply')}
            </Button>
          </Group>
          {preview.isError && <Alert color="red">{errorText(preview.error, t('common.error'))}</Alert>}
          {apply.isError && <Alert color="red">{errorText(apply.error, t('common.error'))}</Alert>}
          {apply.data && (
            <Alert color="green" role="status">
              {t('adminUnits.admin.applied', {
                id: apply.data.eventId,
                moved: apply.data.moved,
                queued: apply.data.queued,
              })}
            </Alert>
          )}
          {preview.data && <PreviewView p={apply.data ?? preview.data} />}
        </Stack>
      </form>
    </Card>
  );
}
