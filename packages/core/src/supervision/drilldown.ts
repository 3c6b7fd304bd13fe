import { finishedStatuses, type StatsProjection, statsBucket } from '../dossiers/dossier-stats.js';

/**
 * The drill-down below a commune (issue 15): commune → department → official → dossier list. A dossier counts for
 * every official who acted on it or holds it now, and for the department each of those officials is placed in at
 * the commune; the buckets are statsBucket's (the supervision table's and the 766 index's rule), folded into what
 * the drill-down shows.
 */
export const DRILL_BUCKETS = [
  'finished_on_time',
  'finished_late',
  'finished_no_deadline',
  'in_progress',
  'overdue',
  'closed',
] as const;
export type DrillBucket = (typeof DRILL_BUCKETS)[number];

/** Finished early or on time / late / without a deadline; in progress within the deadline (or without one) / overdue; closed without a result. */
export function drillBucket(p: StatsProjection, now: Date): DrillBucket {
  // due soon plays no part here: the mark is now itself
  const b = statsBucket(p, now, now);
  if (b === 'early' || b === 'on_time') return 'finished_on_time';
  if (b === 'late') return 'finished_late';
  if (b === 'overdue') return 'overdue';
  if (b === 'refused' || b === 'withdrawn' || b === 'stopped') return 'closed';
  if (b === 'no_deadline') return finishedStatuses.has(p.status) ? 'finished_no_deadline' : 'in_progress';
  return 'in_progress';
}

export type DrillCounts = { received: number } & Record<DrillBucket, number>;
export const emptyDrillCounts = (): DrillCounts => ({
  received: 0,
  finished_on_time: 0,
  finished_late: 0,
  finished_no_deadline: 0,
  in_progress: 0,
  overdue: 0,
  closed: 0,
});

export type DrillDossier = StatsProjection & { id: string; handlers: readonly string[] };
export type DrillOfficial = {
  userId: string;
  fullName: string;
  departmentId: string | null;
  departmentName: string | null;
};

export type DrillBreakdown = {
  totals: DrillCounts;
  /** Dossiers no official has acted on yet (an online submission waiting for intake). */
  unhandled: number;
  departments: Array<{
    departmentId: string | null;
    departmentName: string | null;
    counts: DrillCounts;
    officials: number;
  }>;
  officials: Array<DrillOfficial & { counts: DrillCounts }>;
};

/** Counts per department and official of a commune's dossiers (each dossier once per row it belongs to). */
export function drillBreakdown(
  dossiers: readonly DrillDossier[],
  officials: readonly DrillOfficial[],
  now: Date,
): DrillBreakdown {
  const byUser = new Map(officials.map((o) => [o.userId, { ...o, counts: emptyDrillCounts() }]));
  const deptKey = (id: string | null) => id ?? '';
  const depts = new Map<
    string,
    { departmentId: string | null; departmentName: string | null; counts: DrillCounts; users: Set<string> }
  >();
  const totals = emptyDrillCounts();
  let unhandled = 0;
  const add = (c: DrillCounts, b: DrillBucket) => {
    c.received += 1;
    c[b] += 1;
  };
  for (const d of dossiers) {
    const b = drillBucket(d, now);
    add(totals, b);
    const seenDepts = new Set<string>();
    let any = false;
    for (const u of new Set(d.handlers)) {
      const o = byUser.get(u);
      if (!o) continue;
      any = true;
      add(o.counts, b);
      const k = deptKey(o.departmentId);
      let dept = depts.get(k);
      if (!dept) {
        dept = {
          departmentId: o.departmentId,
          departmentName: o.departmentName,
          counts: emptyDrillCounts(),
          users: new Set(),
        };
        depts.set(k, dept);
      }
      dept.users.add(u);
      if (!seenDepts.has(k)) {
        seenDepts.add(k);
        add(dept.counts, b);
      }
    }
    if (!any) unhandled += 1;
  }
  const byName = (a: string | null, b: string | null) => (a ?? '\uffff').localeCompare(b ?? '\uffff', 'vi');
  return {
    totals,
    unhandled,
    departments: [...depts.values()]
      .map((x) => ({
        departmentId: x.departmentId,
        departmentName: x.departmentName,
        counts: x.counts,
        officials: x.users.size,
      }))
      .sort((a, b) => byName(a.departmentName, b.departmentName)),
    officials: [...byUser.values()]
      .filter((o) => o.counts.received > 0)
      .sort((a, b) => byName(a.departmentName, b.departmentName) || a.fullName.localeCompare(b.fullName, 'vi')),
  };
}

/** The dossiers of one row of the drill-down (a department, `null` for officials without one, or an official), optionally of one bucket. */
export function drillDossiers<D extends DrillDossier>(
  dossiers: readonly D[],
  officials: readonly DrillOfficial[],
  pick: { departmentId?: string | null; userId?: string; bucket?: DrillBucket },
  now: Date,
): D[] {
  const inDept = new Map(officials.map((o) => [o.userId, o.departmentId]));
  return dossiers.filter((d) => {
    if (pick.bucket && drillBucket(d, now) !== pick.bucket) return false;
    if (pick.userId !== undefined) return d.handlers.includes(pick.userId);
    if (pick.departmentId !== undefined)
      return d.handlers.some((u) => inDept.has(u) && inDept.get(u) === pick.departmentId);
    return true;
  });
}

/** Counts per figure as the database answers them (figures without a dossier absent). */
export type DrillCountRows = ReadonlyArray<{ bucket: DrillBucket; n: number }>;

function countsOf(rows: DrillCountRows): DrillCounts {
  const c = emptyDrillCounts();
  for (const r of rows) {
    c[r.bucket] += r.n;
    c.received += r.n;
  }
  return c;
}

/**
 * The drill-down from counts made by the database (the same figures as drillBreakdown over the dossiers): a
 * department's officials are those placed in it who handled at least one dossier; rows sorted as drillBreakdown's,
 * officials of the same name then by id.
 */
export function drillFromCounts(c: {
  totals: DrillCountRows;
  unhandled: number;
  officials: ReadonlyArray<DrillOfficial & { counts: DrillCountRows }>;
  departments: ReadonlyArray<{ departmentId: string | null; counts: DrillCountRows }>;
}): DrillBreakdown {
  const officials = c.officials
    .map((o) => ({
      userId: o.userId,
      fullName: o.fullName,
      departmentId: o.departmentId,
      departmentName: o.departmentName,
      counts: countsOf(o.counts),
    }))
    .filter((o) => o.counts.received > 0);
  const byName = (a: string | null, b: string | null) => (a ?? '\uffff').localeCompare(b ?? '\uffff', 'vi');
  return {
    totals: countsOf(c.totals),
    unhandled: c.unhandled,
    departments: c.departments
      .map((d) => {
        const members = officials.filter((o) => o.departmentId === d.departmentId);
        return {
          departmentId: d.departmentId,
          departmentName: members[0]?.departmentName ?? null,
          counts: countsOf(d.counts),
          officials: members.length,
        };
      })
      .filter((d) => d.counts.received > 0)
      .sort((a, b) => byName(a.departmentName, b.departmentName)),
    officials: officials.sort(
      (a, b) =>
        byName(a.departmentName, b.departmentName) ||
        a.fullName.localeCompare(b.fullName, 'vi') ||
        (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
    ),
  };
}
