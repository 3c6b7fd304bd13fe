import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core';
import type { Dashboard } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dec as days, int, pct } from './format.js';
import { TableDownloads } from './TableDownloads.js';

/** The query of the dashboard's files: the scope and period the page shows, and which table. */
export const dashboardFile = (s: Dashboard, table: string) => ({
  level: s.level,
  code: s.level === 'nation' ? null : s.code,
  from: s.from,
  to: s.to,
  by: s.by,
  table,
});
const PATH = '/api/supervision/dashboard';

/** The rows of the level below (each opening its own dashboard, or a commune's dossier list) and the procedures. */
export function DashboardTables({
  dashboard: s,
  linkTo,
}: {
  dashboard: Dashboard;
  linkTo: (level: string, code: string) => string;
}) {
  const { t } = useTranslation();
  // below the commune: its departments, officials and dossiers, same period
  const drillTo = (code: string) => `/workspace/supervision/commune?code=${code}&from=${s.from}&to=${s.to}`;
  const rowsTitle = s.level === 'nation' ? 'province' : s.level === 'province' ? 'commune' : 'dossiers';
  return (
    <>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t(`dashboard.rows.${rowsTitle}`)}
          </Title>
          <TableDownloads path={PATH} query={dashboardFile(s, 'rows')} table={t(`dashboard.rows.${rowsTitle}`)} />
        </Group>
        {s.rows.length === 0 ? (
          <Text c="dimmed">{t('dashboard.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.unit')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.received')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.onlineShare')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.onTimeRate')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.finishedOnTimeShare')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.late')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.inProgress')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.refusalRate')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.processingDays')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.rows.map((r) => (
                  <Table.Tr key={r.code}>
                    <Table.Td>
                      {r.drill === 'dossiers' ? (
                        <Anchor component={Link} to={drillTo(r.code)}>
                          {r.name} — {t('dashboard.openDrill')}
                        </Anchor>
                      ) : r.drill ? (
                        <Anchor
                          component={Link}
                          to={linkTo(r.drill, r.code)}
                          aria-label={t('dashboard.open', { name: r.name })}
                        >
                          {r.name}
                        </Anchor>
                      ) : (
                        r.name
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{int(r.received)}</Table.Td>
                    <Table.Td ta="right">{pct(r.onlineShare)}</Table.Td>
                    <Table.Td ta="right">{pct(r.onTimeRate)}</Table.Td>
                    <Table.Td ta="right">{pct(r.finishedOnTimeShare)}</Table.Td>
                    <Table.Td ta="right">{int(r.finishedLate)}</Table.Td>
                    <Table.Td ta="right">{int(r.inProgress)}</Table.Td>
                    <Table.Td ta="right">{pct(r.refusalRate)}</Table.Td>
                    <Table.Td ta="right">{days(r.averageProcessingDays)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {s.procedures.length > 0 && (
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              {t('dashboard.procedures')}
            </Title>
            <TableDownloads path={PATH} query={dashboardFile(s, 'procedures')} table={t('dashboard.procedures')} />
          </Group>
          <Table.ScrollContainer minWidth={800}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.procedure')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.received')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.processingDays')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.limitDays')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.late')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.supplementRate')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.refusalRate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.procedures.map((p) => (
                  <Table.Tr key={p.procedureCode}>
                    <Table.Td>{p.procedureName}</Table.Td>
                    <Table.Td ta="right">{int(p.received)}</Table.Td>
                    <Table.Td ta="right">{days(p.averageProcessingDays)}</Table.Td>
                    <Table.Td ta="right">{days(p.averageLimitDays)}</Table.Td>
                    <Table.Td ta="right">{int(p.finishedLate)}</Table.Td>
                    <Table.Td ta="right">{pct(p.received ? p.supplementedDossiers / p.received : null)}</Table.Td>
                    <Table.Td ta="right">{pct(p.received ? p.refused / p.received : null)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}
