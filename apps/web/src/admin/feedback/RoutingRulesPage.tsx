import { Alert, Badge, Button, Container, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import type { RoutingRule } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitNames } from '../../api/admin-units.js';
import { ApiError } from '../../api/client.js';
import { useDeleteRoutingRule, useRoutingRules } from '../../api/feedback.js';
import { allowedUnits, mayDo, useSession } from '../../api/session.js';
import { DataTable } from '../../components/DataTable.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { RoutingRuleForm } from './RoutingRuleForm.js';

/**
 * The routing rules of feedback (PAKN), edited by an administrator or a center director: a matter of this commune,
 * procedure field or kind goes to this unit and department. The most specific rule wins, then the lower priority.
 */
export function RoutingRulesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [province, setProvince] = useState<string | null>(null);
  const rules = useRoutingRules(province);
  const remove = useDeleteRoutingRule();
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [removing, setRemoving] = useState<RoutingRule | null>(null);
  const items = rules.data?.items ?? [];
  const nameOf = useUnitNames(items.flatMap((r) => [r.communeCode, r.provinceCode]));
  if (session.isLoading) return <Loader aria-label={t('common.loading')} />;
  if (!session.data || !mayDo(session.data, 'feedback.configure'))
    return <Text p="lg">{t('feedback.rules.notAllowed')}</Text>;
  const scope = allowedUnits(session.data, 'feedback.configure');
  const defaultProvince = province ?? (scope.length === 1 && scope[0] !== 'VN' ? scope[0]! : null);
  const failure = rules.error ?? remove.error;
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('feedback.rules.title')}</Title>
        <Text c="dimmed">{t('feedback.rules.intro')}</Text>
        <Group align="end" justify="space-between">
          <UnitPicker label={t('feedback.rules.filterProvince')} value={province} onChange={setProvince} w={320} />
          <Button onClick={() => setEditing('new')}>{t('feedback.rules.add')}</Button>
        </Group>
        {failure && (
          <Alert color="red">{failure instanceof ApiError ? failure.problem.detail : t('common.error')}</Alert>
        )}
        {rules.isLoading && <Loader aria-label={t('common.loading')} />}
        {rules.data && items.length === 0 && <Text>{t('feedback.rules.empty')}</Text>}
        {items.length > 0 && (
          <DataTable
            minWidth={900}
            aria-label={t('feedback.rules.title')}
            rows={items}
            rowKey={(r) => String(r.id)}
            columns={[
              {
                header: t('feedback.rules.when'),
                cell: (r) => (
                  <Stack gap={2}>
                    <Text size="sm">{r.communeCode ? nameOf(r.communeCode) : nameOf(r.provinceCode)}</Text>
                    <Group gap={4}>
                      {r.field && <Badge variant="light">{r.field}</Badge>}
                      {r.kind && (
                        <Badge variant="light" color="grape">
                          {t(`feedback.kinds.${r.kind}`)}
                        </Badge>
                      )}
                      {!r.field && !r.kind && (
                        <Text size="xs" c="dimmed">
                          {t('feedback.rules.everything')}
                        </Text>
                      )}
                    </Group>
                  </Stack>
                ),
              },
              {
                header: t('feedback.rules.goesTo'),
                cell: (r) => (
                  <Stack gap={2}>
                    <Text size="sm">{r.unitName ?? r.unitCode}</Text>
                    <Text size="xs" c="dimmed">
                      {r.departmentName ?? t('feedback.rules.noDepartment')}
                    </Text>
                  </Stack>
                ),
              },
              { header: t('feedback.rules.priority'), cell: (r) => r.priority },
              {
                header: t('feedback.rules.actions'),
                cell: (r) => (
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => setEditing(r)}>
                      {t('feedback.rules.edit')}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(r)}>
                      {t('feedback.rules.delete')}
                    </Button>
                  </Group>
                ),
              },
            ]}
          />
        )}
        <Text size="xs" c="dimmed">
          {t('feedback.rules.note')}
        </Text>
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('feedback.rules.add') : t('feedback.rules.edit')}
        size="lg"
      >
        {editing !== null && (
          <RoutingRuleForm
            rule={editing === 'new' ? null : editing}
            provinceCode={defaultProvince}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('feedback.rules.delete')}>
        <Stack>
          <Text>{t('feedback.rules.confirmDelete')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('feedback.rules.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
            >
              {t('feedback.rules.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Container>
  );
}
