import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { ChangeEventRequest, ChangePreview, ReviewList, UnitType } from '@mot-cua/contracts';
import { vnToday } from '@mot-cua/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  formatDate,
  useApplyEvent,
  useEvents,
  usePreviewEvent,
  useResolveReview,
  useReviews,
} from '../../api/admin-units.js';
import { ApiError } from '../../api/client.js';
import { mayDo, useSession } from '../../api/session.js';
import { DataTable } from '../../components/DataTable.js';
import { Pager } from '../../components/Pager.js';

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

function errorText(e: unknown, fallback: string): string {
  return e instanceof ApiError ? e.problem.detail : fallback;
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

function EventForm() {
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

function ReviewRow({ r }: { r: ReviewList['items'][number] }) {
  const { t } = useTranslation();
  const [pick, setPick] = useState<string | null>(r.candidateCodes[0] ?? null);
  const resolve = useResolveReview();
  return (
    <Table.Tr>
      <Table.Td>{t(`adminUnits.admin.tables.${r.tableName}`, { defaultValue: r.tableName })}</Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace">
          {r.rowKey}
        </Text>
      </Table.Td>
      <Table.Td>{r.fromCode}</Table.Td>
      <Table.Td>{formatDate(r.effectiveDate)}</Table.Td>
      <Table.Td>
        {r.status === 'resolved' ? (
          t('adminUnits.admin.resolvedTo', { code: r.resolvedCode })
        ) : (
          <Group gap="xs" wrap="nowrap">
            <Select
              size="xs"
              w={120}
              data={r.candidateCodes}
              value={pick}
              onChange={setPick}
              aria-label={t('adminUnits.admin.chooseUnit')}
            />
            <Button
              size="xs"
              disabled={!pick}
              loading={resolve.isPending}
              onClick={() => pick && resolve.mutate({ id: r.id, unitCode: pick })}
            >
              {t('adminUnits.admin.resolve')}
            </Button>
          </Group>
        )}
        {resolve.isError && (
          <Text c="red" size="xs">
            {errorText(resolve.error, t('common.error'))}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

const REVIEW_PAGE = 50;

function Reviews() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [offset, setOffset] = useState(0);
  const reviews = useReviews(status, offset, REVIEW_PAGE);
  const total = reviews.data?.total ?? 0;
  const _pages = Math.max(1, Math.ceil(total / REVIEW_PAGE));
  const _page = Math.floor(offset / REVIEW_PAGE) + 1;
  // Resolving the last items of the last page leaves it empty: step back to the page that now is the last.
  useEffect(() => {
    if (reviews.data && offset > 0 && offset >= reviews.data.total) {
      setOffset(Math.max(0, (Math.ceil(reviews.data.total / REVIEW_PAGE) - 1) * REVIEW_PAGE));
    }
  }, [reviews.data, offset]);
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={3}>{t('adminUnits.admin.reviewList')}</Title>
            {reviews.data && (
              <Text size="sm" c="dimmed" data-testid="review-total">
                {t('adminUnits.admin.reviewTotal', { count: total })}
              </Text>
            )}
          </Group>
          <SegmentedControl
            value={status}
            onChange={(v) => {
              setStatus(v as 'open' | 'resolved');
              setOffset(0);
            }}
            data={[
              { value: 'open', label: t('adminUnits.admin.reviewOpen') },
              { value: 'resolved', label: t('adminUnits.admin.reviewResolved') },
            ]}
          />
        </Group>
        {reviews.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
        {reviews.data?.items.length === 0 && <Text c="dimmed">{t('adminUnits.admin.reviewEmpty')}</Text>}
        {Boolean(reviews.data?.items.length) && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('adminUnits.admin.table')}</Table.Th>
                  <Table.Th>{t('adminUnits.admin.record')}</Table.Th>
                  <Table.Th>{t('adminUnits.admin.fromUnit')}</Table.Th>
                  <Table.Th>{t('adminUnits.admin.effectiveDate')}</Table.Th>
                  <Table.Th>{t('adminUnits.admin.chooseUnit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reviews.data?.items.map((r) => (
                  <ReviewRow key={r.id} r={r} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {total > REVIEW_PAGE && (
          <Pager
            testId="review-pager"
            offset={offset}
            limit={REVIEW_PAGE}
            total={total}
            onOffset={setOffset}
            previous={t('adminUnits.admin.reviewPrevious')}
            next={t('adminUnits.admin.reviewNext')}
            pageLabel={(page, pages) => t('adminUnits.admin.reviewPage', { page, pages })}
          />
        )}
      </Stack>
    </Card>
  );
}

function RecentEvents() {
  const { t } = useTranslation();
  const events = useEvents();
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        {t('adminUnits.admin.recentEvents')}
      </Title>
      {events.data?.items.length === 0 && <Text c="dimmed">{t('adminUnits.admin.noEvents')}</Text>}
      {Boolean(events.data?.items.length) && (
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('adminUnits.admin.kind')}</Table.Th>
              <Table.Th>{t('adminUnits.admin.effectiveDate')}</Table.Th>
              <Table.Th>{t('adminUnits.admin.description')}</Table.Th>
              <Table.Th>{t('adminUnits.admin.legalBasis')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.data?.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.id}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`adminUnits.kind.${e.kind}`)}</Badge>
                </Table.Td>
                <Table.Td>{formatDate(e.effectiveDate)}</Table.Td>
                <Table.Td>{e.description}</Table.Td>
                <Table.Td>{e.legalBasis ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** System administrators: apply a change event with a preview, resolve the re-homing review list. */
export function UnitsAdminPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Text p="lg">{t('adminUnits.admin.signIn')}</Text>;
  if (!mayDo(session.data, 'admin_unit.change')) return <Text p="lg">{t('adminUnits.admin.notAdmin')}</Text>;
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('adminUnits.admin.title')}</Title>
        <Text c="dimmed">{t('adminUnits.admin.intro')}</Text>
        <Group align="end">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (code.trim()) navigate(`/admin/units/${code.trim().toUpperCase()}/organisation`);
            }}
          >
            <Group align="end" gap="xs">
              <TextInput
                label={t('adminUnits.admin.openOrganisation')}
                placeholder="26743"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                w={220}
              />
              <Button type="submit" variant="default">
                {t('adminUnits.admin.go')}
              </Button>
            </Group>
          </form>
          <Anchor component={Link} to="/admin/units/readiness" pb={8}>
            {t('adminUnits.admin.readinessLink')}
          </Anchor>
        </Group>
        <EventForm />
        <Reviews />
        <RecentEvents />
      </Stack>
    </Container>
  );
}
