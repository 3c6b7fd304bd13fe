import { Alert, Anchor, Breadcrumbs, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { formatVnDay } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api/client.js';
import { useDrilldown } from '../../../api/supervision-dashboard.js';
import { DrillDossierList } from './DrillDossierList.js';
import { type DrillRow, DrillTable } from './DrillTables.js';
import { int } from './format.js';

/**
 * /workspace/supervision/commune: below a commune of the dashboard — its departments, a department's officials,
 * then the dossiers of a department or an official (?code=&from=&to=&department=&official=).
 */
export function CommuneDrillPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const department = params.get('department') ?? undefined; // an id, or 'none'
  const official = params.get('official') ?? undefined;
  const d = useDrilldown({ code, from, to });
  const href = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ code, from, to, ...patch })) if (v) next.set(k, v);
    return `/workspace/supervision/commune?${next}`;
  };
  const dashboardHref = (level: string, c: string) => {
    const next = new URLSearchParams({ level, code: c });
    if (from) next.set('from', from);
    if (to) next.set('to', to);
    return `/workspace/supervision/dashboard?${next}`;
  };

  if (d.error) {
    const forbidden = d.error instanceof ApiError && d.error.problem.status === 403;
    return (
      <Container size="xl" py="md">
        <Alert color="red">{forbidden ? t('dashboard.forbidden') : d.error.message}</Alert>
      </Container>
    );
  }
  const s = d.data;
  if (!s) {
    return (
      <Container size="xl" py="md">
        <Loader aria-label="…" />
      </Container>
    );
  }
  const deptName = (id: string | null, name: string | null) => (id ? (name ?? id) : t('dashboard.drill.noDepartment'));
  const dept = department ? s.departments.find((x) => (x.departmentId ?? 'none') === department) : undefined;
  const person = official ? s.officials.find((o) => o.userId === official) : undefined;
  const officialsOf = s.officials.filter((o) => department === undefined || (o.departmentId ?? 'none') === department);
  const departmentRows: DrillRow[] = s.departments.map((x) => ({
    key: x.departmentId ?? 'none',
    name: deptName(x.departmentId, x.departmentName),
    href: href({ department: x.departmentId ?? 'none' }),
    officials: x.officials,
    counts: x.counts,
  }));
  const officialRows: DrillRow[] = officialsOf.map((o) => ({
    key: o.userId,
    name: department ? o.fullName : `${o.fullName} — ${deptName(o.departmentId, o.departmentName)}`,
    href: href({ department: o.departmentId ?? 'none', official: o.userId }),
    counts: o.counts,
  }));
  const crumbs = [
    { label: s.provinceName, to: dashboardHref('province', s.provinceCode) },
    { label: s.name, to: dashboardHref('commune', s.code) },
    ...(department ? [{ label: t('dashboard.drill.allDepartments'), to: href({}) }] : []),
    ...(department && dept && official
      ? [{ label: deptName(dept.departmentId, dept.departmentName), to: href({ department }) }]
      : []),
  ];
  const heading = person
    ? person.fullName
    : dept
      ? deptName(dept.departmentId, dept.departmentName)
      : t('dashboard.drill.title', { name: s.name });
  return (
    <Container size="xl" py="md">
      <Stack gap="md">
        <Breadcrumbs separator="›">
          {crumbs.map((c) => (
            <Anchor key={c.to} component={Link} to={c.to}>
              {c.label}
            </Anchor>
          ))}
        </Breadcrumbs>
        <Title order={1}>{heading}</Title>
        <Text c="dimmed">
          {t('dashboard.drill.intro')}{' '}
          {t('dashboard.drill.period', { from: formatVnDay(s.from), to: formatVnDay(s.to) })}
        </Text>
        {!department && !official && (
          <>
            {s.unhandled > 0 && <Text size="sm">{t('dashboard.drill.unhandled', { n: int(s.unhandled) })}</Text>}
            <DrillTable
              title={t('dashboard.drill.departments')}
              nameHeader={t('dashboard.drill.department')}
              rows={departmentRows}
              totals={s.totals}
              testId="drill-departments"
              download={{ code: s.code, from: s.from, to: s.to, table: 'departments' }}
            />
          </>
        )}
        {!official && (
          <DrillTable
            title={t('dashboard.drill.officials')}
            nameHeader={t('dashboard.drill.official')}
            rows={officialRows}
            testId="drill-officials"
            download={{ code: s.code, from: s.from, to: s.to, table: 'officials' }}
          />
        )}
        {(department || official) && (
          <DrillDossierList
            key={`${department}-${official}-${from}-${to}`}
            title={heading}
            query={{
              code,
              from,
              to,
              ...(official ? { official } : department ? { department } : {}),
            }}
          />
        )}
      </Stack>
    </Container>
  );
}
