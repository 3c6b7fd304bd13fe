import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  FileButton,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type DelegatedTask, FEASIBILITIES } from '@mot-cua/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { mayDo, useSession } from '../../api/session.js';
import { useDelegatedTasks, useImportDelegatedTasks } from '../../api/supervision.js';
import { DataTable } from '../../components/DataTable.js';
import { Pager } from '../../components/Pager.js';

const pct = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 10_000) / 100).toLocaleString('vi-VN')} %`);

/** /workspace/supervision/register: the delegated-task register, its counts and shares, import and export. */
export function DelegatedTasksPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [feasibility, setFeasibility] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const list = useDelegatedTasks({ ...(feasibility ? { feasibility } : {}), offset });
  const importer = useImportDelegatedTasks();
  const canImport = mayDo(session.data, 'supervision.manage');
  const problem = importer.error instanceof ApiError ? importer.error.problem : null;
  const s = list.data?.summary;
  return (
    <Container size="xl" py="lg">
      <Stack>
        <Title order={2}>{t('supervision.register.title')}</Title>
        <Text size="sm">{t('supervision.register.intro')}</Text>
        <Group>
          <Anchor href="/api/supervision/delegated-tasks?format=xlsx" download>
            {t('supervision.register.export')}
          </Anchor>
          {canImport && (
            <FileButton onChange={(f) => f && importer.mutate(f)} accept=".xlsx">
              {(props) => (
                <Button {...props} loading={importer.isPending}>
                  {t('supervision.register.import')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {importer.data && (
          <Alert color="green" role="status">
            {t('supervision.register.imported', importer.data)}
          </Alert>
        )}
        {importer.error && (
          <Alert color="red" role="alert" title={importer.error.message}>
            <List size="sm">
              {(problem?.errors ?? []).map((e) => (
                <List.Item key={`${e.field}-${e.message}`}>{e.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {s && (
          <Paper withBorder p="md" data-testid="register-summary">
            <Text fw={600}>{t('supervision.register.total', { total: s.total })}</Text>
            <Group gap="md" mt="xs">
              {s.byFeasibility.map((b) => (
                <Badge key={b.feasibility} variant="light" tt="none" size="lg">
                  {t(`supervision.register.feasibility.${b.feasibility}`)}: {b.count} ({pct(b.share)})
                </Badge>
              ))}
            </Group>
            <List size="sm" mt="sm">
              {s.byField.slice(0, 12).map((f) => (
                <List.Item key={f.field}>
                  {t('supervision.register.field', { ...f, share: pct(f.feasibleShare) })}
                </List.Item>
              ))}
            </List>
          </Paper>
        )}
        <Select
          label={t('supervision.register.filter')}
          data={FEASIBILITIES.map((f) => ({ value: f, label: t(`supervision.register.feasibility.${f}`) }))}
          value={feasibility}
          onChange={(v) => {
            setFeasibility(v);
            setOffset(0);
          }}
          clearable
          w={320}
        />
        {list.data && (
          <>
            <DataTable<DelegatedTask>
              rows={list.data.items}
              rowKey={(x) => x.code}
              minWidth={1000}
              columns={[
                { header: t('supervision.register.columns.code'), cell: (x) => x.code },
                { header: t('supervision.register.columns.field'), cell: (x) => x.field },
                { header: t('supervision.register.columns.title'), cell: (x) => x.title },
                {
                  header: t('supervision.register.columns.levels'),
                  cell: (x) =>
                    `${t(`supervision.register.level.${x.sourceLevel}`)} → ${t(`supervision.register.level.${x.targetLevel}`)}`,
                },
                { header: t('supervision.register.columns.legalBasis'), cell: (x) => x.legalBasis },
                { header: t('supervision.register.columns.ministry'), cell: (x) => x.ministry },
                {
                  header: t('supervision.register.columns.feasibility'),
                  cell: (x) => t(`supervision.register.feasibility.${x.feasibility}`),
                },
                { header: t('supervision.register.columns.deadline'), cell: (x) => x.deadline ?? '—' },
              ]}
            />
            <Pager
              total={list.data.total}
              offset={offset}
              limit={50}
              onOffset={setOffset}
              previous={t('supervision.index.previous')}
              next={t('supervision.index.next')}
            />
          </>
        )}
      </Stack>
    </Container>
  );
}
