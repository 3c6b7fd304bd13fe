import {
  Anchor,
  Button,
  Checkbox,
  Container,
  Group,
  Loader,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useUnitNames } from '../../api/admin-units.js';
import { formatDuration, useBulkEnable, useProcedureList, usePutConfig, useUnitConfigs } from '../../api/procedures.js';
import { allowedUnits, useSession } from '../../api/session.js';
import { Pager } from '../../components/Pager.js';
import { UnitPicker } from '../../components/UnitPicker.js';

/** Roles that hold 'procedure.configure' (kept in step with the server policy, which is what decides). */
const PAGE = 50;

function FeeCell({
  unitCode,
  code,
  enabled,
  fee,
}: {
  unitCode: string;
  code: string;
  enabled: boolean;
  fee: number | null;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>(fee ?? '');
  const put = usePutConfig(unitCode);
  return (
    <Group gap={4} wrap="nowrap">
      <NumberInput
        size="xs"
        w={120}
        min={0}
        thousandSeparator="."
        decimalSeparator=","
        value={value}
        onChange={setValue}
        aria-label={t('procedures.admin.localFee')}
      />
      <Button
        size="xs"
        variant="light"
        loading={put.isPending}
        onClick={() =>
          put.mutate({ code, enabled, localFeeVnd: value === '' ? null : Number(value), localFeeNote: null })
        }
      >
        {put.isSuccess ? t('procedures.admin.saved') : t('procedures.admin.save')}
      </Button>
    </Group>
  );
}

/** Admin page: which procedures a unit receives, their local fee, and a link to each internal process. */
export function UnitProceduresAdminPage() {
  const { t } = useTranslation();
  const session = useSession();
  const units = allowedUnits(session.data, 'procedure.configure');
  const [picked, setPicked] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const unitCode = (picked === 'VN' ? typed.trim() : picked) || (units[0] !== 'VN' ? units[0] : undefined);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 250);
  const [onlyEnabled, setOnlyEnabled] = useState(false);
  const [offset, setOffset] = useState(0);
  const list = useProcedureList({
    q,
    unit: unitCode,
    enabledOnly: onlyEnabled,
    level: unitCode && unitCode.length === 2 ? 'province' : 'commune',
    limit: PAGE,
    offset,
  });
  const configs = useUnitConfigs(unitCode);
  const put = usePutConfig(unitCode ?? '');
  const bulk = useBulkEnable(unitCode ?? '');
  const unitName = useUnitNames(units);

  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data) return <Text p="lg">{t('procedures.admin.signIn')}</Text>;
  if (units.length === 0) return <Text p="lg">{t('procedures.admin.noUnit')}</Text>;
  const feeOf = (code: string) => configs.data?.items.find((c) => c.procedureCode === code)?.localFeeVnd ?? null;
  const shown = list.data?.items.map((i) => i.code) ?? [];

  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('procedures.admin.title')}</Title>
        <Text c="dimmed">{t('procedures.admin.intro')}</Text>
        <Group align="end">
          <Select
            label={t('procedures.admin.unit')}
            value={picked ?? units[0] ?? null}
            onChange={(v) => {
              setPicked(v);
              setOffset(0);
            }}
            data={units.map((u) => ({ value: u, label: u === 'VN' ? t('scope.national') : `${unitName(u)} (${u})` }))}
            allowDeselect={false}
            w={300}
          />
          {(picked ?? units[0]) === 'VN' && (
            <UnitPicker
              label={t('procedures.admin.pickUnit')}
              value={typed || null}
              onChange={(code) => {
                setTyped(code ?? '');
                setOffset(0);
              }}
              w={340}
            />
          )}
          <TextInput
            label={t('procedures.filterText')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setOffset(0);
            }}
          />
          <Checkbox
            label={t('procedures.admin.onlyEnabled')}
            checked={onlyEnabled}
            onChange={(e) => setOnlyEnabled(e.currentTarget.checked)}
          />
        </Group>
        {unitCode && (
          <Group>
            <Button
              variant="light"
              disabled={shown.length === 0}
              loading={bulk.isPending}
              onClick={() => bulk.mutate({ procedureCodes: shown, enabled: true })}
            >
              {t('procedures.admin.enableAllShown')}
            </Button>
            <Button
              variant="default"
              disabled={shown.length === 0}
              loading={bulk.isPending}
              onClick={() => bulk.mutate({ procedureCodes: shown, enabled: false })}
            >
              {t('procedures.admin.disableAllShown')}
            </Button>
          </Group>
        )}
        {list.isLoading || !unitCode ? null : (
          <>
            <Text size="sm" c="dimmed">
              {t('procedures.found', { count: list.data?.total ?? 0 })}
            </Text>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('procedures.admin.enabled')}</Table.Th>
                  <Table.Th>{t('procedures.code')}</Table.Th>
                  <Table.Th>{t('procedures.catalogTitle')}</Table.Th>
                  <Table.Th>{t('procedures.timeLimit')}</Table.Th>
                  <Table.Th>{t('procedures.admin.localFee')}</Table.Th>
                  <Table.Th>{t('procedures.admin.process')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.map((p) => (
                  <Table.Tr key={p.code}>
                    <Table.Td>
                      <Switch
                        checked={Boolean(p.enabled)}
                        aria-label={`${t('procedures.admin.enabled')}: ${p.name}`}
                        onChange={(e) =>
                          put.mutate({
                            code: p.code,
                            enabled: e.currentTarget.checked,
                            localFeeVnd: feeOf(p.code),
                            localFeeNote: null,
                          })
                        }
                      />
                    </Table.Td>
                    <Table.Td>{p.code}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/procedures/${p.code}`}>
                        {p.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDuration(t, p.timeLimit)}</Table.Td>
                    <Table.Td>
                      <FeeCell
                        key={`${unitCode}-${p.code}-${feeOf(p.code)}`}
                        unitCode={unitCode}
                        code={p.code}
                        enabled={Boolean(p.enabled)}
                        fee={feeOf(p.code)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/procedures/${unitCode}/${p.code}/process`} display="block">
                        {t('procedures.admin.process')}
                      </Anchor>
                      <Anchor
                        component={Link}
                        to={`/admin/procedures/${unitCode}/${p.code}/conditions`}
                        display="block"
                      >
                        {t('procedures.admin.conditions')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Pager
              offset={offset}
              limit={PAGE}
              total={list.data?.total}
              onOffset={setOffset}
              previous={t('procedures.prev')}
              next={t('procedures.next')}
            />
          </>
        )}
      </Stack>
    </Container>
  );
}
