import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Container,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import type { ComponentCondition, ComponentConditionConfig, DossierChannel } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useComponentConditions, useSaveComponentConditions } from '../../api/procedures.js';
import { ConfigTitle } from './ConfigTitle.js';

const CHANNELS: DossierChannel[] = ['in_person', 'online', 'postal'];
const same = (a: ComponentCondition, b: ComponentCondition) =>
  a.kind === b.kind && (a.text ?? '') === (b.text ?? '') && a.channels.join() === b.channels.join();

/**
 * Admin page: when each component of a procedure must be handed in at this unit — always, only in a case (with
 * its text) or only for some channels. Starts from the condition reception applies; a row changed is saved as the
 * unit's own, "Theo danh mục" clears it (the catalog's parsed condition applies again). Every save is audited.
 */
export function ComponentConditionsPage() {
  const { t } = useTranslation();
  const { unitCode = '', code = '' } = useParams();
  const q = useComponentConditions(unitCode, code);
  const save = useSaveComponentConditions(unitCode, code);
  const [drafts, setDrafts] = useState<Record<string, ComponentCondition | null>>({});
  if (q.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!q.data)
    return <Alert color="red">{q.error instanceof ApiError ? q.error.problem.detail : t('procedures.notFound')}</Alert>;
  const current = (c: ComponentConditionConfig) => (c.key in drafts ? (drafts[c.key] ?? c.parsed) : c.effective);
  const set = (c: ComponentConditionConfig, next: ComponentCondition | null) => setDrafts({ ...drafts, [c.key]: next });
  const changed = Object.keys(drafts);
  const submit = () =>
    save.mutate(
      { conditions: changed.map((key) => ({ key, condition: drafts[key] ?? null })) },
      { onSuccess: () => setDrafts({}) },
    );
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Anchor component={Link} to="/admin/procedures" size="sm">
          ← {t('procedures.admin.title')}
        </Anchor>
        <ConfigTitle title={t('procedures.componentConditions.title')} code={code} unitCode={unitCode} />
        <Text size="sm" c="dimmed">
          {t('procedures.componentConditions.help')}
        </Text>
        <Table data-testid="component-conditions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('procedures.componentConditions.component')}</Table.Th>
              <Table.Th>{t('procedures.componentConditions.condition')}</Table.Th>
              <Table.Th>{t('procedures.componentConditions.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.components.map((c) => {
              const v = current(c);
              const custom = c.key in drafts ? drafts[c.key] !== null : c.override !== null;
              return (
                <Table.Tr key={c.key}>
                  <Table.Td maw={420}>
                    <Text size="sm">{c.name}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={6}>
                      <SegmentedControl
                        size="xs"
                        aria-label={`${t('procedures.componentConditions.condition')}: ${c.name}`}
                        value={v.kind}
                        onChange={(kind) =>
                          set(c, {
                            kind: kind as ComponentCondition['kind'],
                            text:
                              kind === 'if_applicable'
                                ? (v.text ?? c.parsed.text ?? t('procedures.componentConditions.ifAny'))
                                : null,
                            channels: kind === 'channel' ? ['in_person', 'postal'] : CHANNELS,
                          })
                        }
                        data={(['always', 'if_applicable', 'channel'] as const).map((k) => ({
                          value: k,
                          label: t(`procedures.componentConditions.kind.${k}`),
                        }))}
                      />
                      {v.kind === 'if_applicable' && (
                        <TextInput
                          size="xs"
                          aria-label={t('procedures.componentConditions.caseText')}
                          placeholder={t('procedures.componentConditions.caseText')}
                          value={v.text ?? ''}
                          onChange={(e) => set(c, { ...v, text: e.currentTarget.value })}
                        />
                      )}
                      {v.kind === 'channel' && (
                        <Group gap="sm">
                          {CHANNELS.map((ch) => (
                            <Checkbox
                              key={ch}
                              size="xs"
                              label={t(`dossiers.channel.${ch}`)}
                              checked={v.channels.includes(ch)}
                              onChange={(e) =>
                                set(c, {
                                  ...v,
                                  channels: e.currentTarget.checked
                                    ? CHANNELS.filter((x) => x === ch || v.channels.includes(x))
                                    : v.channels.filter((x) => x !== ch),
                                })
                              }
                            />
                          ))}
                        </Group>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Badge variant="light" color={custom ? 'blue' : 'gray'} tt="none">
                        {custom
                          ? t(
                              `procedures.componentConditions.sourceUnit.${c.source === 'province' && !(c.key in drafts) ? 'province' : 'unit'}`,
                            )
                          : t('procedures.componentConditions.sourceCatalog')}
                      </Badge>
                      {custom && (
                        <Button size="compact-xs" variant="subtle" onClick={() => set(c, null)}>
                          {t('procedures.componentConditions.useCatalog')}
                        </Button>
                      )}
                      {c.key in drafts && drafts[c.key] && same(drafts[c.key]!, c.parsed) && (
                        <Text size="xs" c="dimmed">
                          {t('procedures.componentConditions.sameAsCatalog')}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {save.error instanceof ApiError && <Alert color="red">{save.error.problem.detail}</Alert>}
        {save.isSuccess && changed.length === 0 && (
          <Alert color="green">{t('procedures.componentConditions.saved')}</Alert>
        )}
        <Group>
          <Button disabled={changed.length === 0} loading={save.isPending} onClick={submit}>
            {t('procedures.componentConditions.save')}
          </Button>
          <Button variant="default" disabled={changed.length === 0} onClick={() => setDrafts({})}>
            {t('procedures.componentConditions.discard')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
